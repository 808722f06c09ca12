import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../db/client.ts';
import { demoRegister } from './demo.ts';
import { factsOf, lookUpOwn, type PopulationRegister } from './register.ts';

vi.stubEnv('COOKIE_SECRET', 'test-only-cookie-secret-0123456789abcdef');

/** A database that keeps what is audited, or refuses to. */
function auditDb(fail = false) {
  const rows: Record<string, unknown>[] = [];
  const db = { insert: () => ({ values: async (v: Record<string, unknown>) => (fail ? Promise.reject(new Error('down')) : void rows.push(v)) }) } as unknown as Db;
  return { db, rows };
}
const ctx = (db: Db, timeoutMs = 1000) => ({ db, sessionId: 's1', ip: undefined, timeoutMs });
const home = { street: 'Storgatan 12', postcode: '696 30', city: 'Askersund' };

describe('the population register behind its interface', () => {
  it('gives the address and kommunkod of a person with no protection marking', () => {
    expect(factsOf({ address: home, kommunkod: '1882', sekretessmarkering: false, skyddadFolkbokforing: false })).toEqual({ address: { value: home, source: 'folkbokforing' }, kommunkod: { value: '1882', source: 'folkbokforing' } });
  });

  it('gives nothing at all about a person with sekretessmarkering or skyddad folkbokföring, whatever the adapter returned', () => {
    expect(factsOf({ address: home, kommunkod: '1882', sekretessmarkering: true, skyddadFolkbokforing: false })).toEqual({});
    expect(factsOf({ address: home, kommunkod: '1882', sekretessmarkering: false, skyddadFolkbokforing: true })).toEqual({});
    expect(factsOf(undefined)).toEqual({});
  });

  it('looks up with the demo register, audits who and by which session, and never the address', async () => {
    const { db, rows } = auditDb();
    expect(await lookUpOwn(demoRegister(), '19450110-3297', ctx(db))).toEqual({ facts: { address: { value: home, source: 'folkbokforing' }, kommunkod: { value: '1882', source: 'folkbokforing' } }, protected: false });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorType: 'citizen', action: 'citizen.register.lookup', details: { register: 'demo', session: 's1', outcome: 'given' } });
    expect(JSON.stringify(rows)).not.toMatch(/Storgatan|19450110/);
  });

  it('answers "nothing" when the register fails, is too slow (even one that ignores the abort), or the audit cannot be written', async () => {
    const broken: PopulationRegister = { name: 'broken', lookup: () => Promise.reject(new Error('TLS handshake failed')) };
    const deaf: PopulationRegister = { name: 'deaf', lookup: () => new Promise(() => {}) };
    const a = auditDb();
    expect(await lookUpOwn(broken, '19450110-3297', ctx(a.db))).toEqual({ facts: {}, protected: false });
    expect(await lookUpOwn(deaf, '19450110-3297', ctx(a.db, 50))).toEqual({ facts: {}, protected: false });
    expect(a.rows.map((r) => (r.details as { outcome: string }).outcome)).toEqual(['failed', 'timeout']);
    expect(await lookUpOwn(demoRegister(), '19450110-3297', ctx(auditDb(true).db))).toEqual({ facts: {}, protected: false });
  });

  it('with no register, looks nothing up and audits nothing', async () => {
    const { db, rows } = auditDb();
    expect(await lookUpOwn(undefined, '19450110-3297', ctx(db))).toEqual({ facts: {}, protected: false });
    expect(rows).toEqual([]);
  });
});
