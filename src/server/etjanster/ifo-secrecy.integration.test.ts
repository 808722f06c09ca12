/**
 * Secrecy between areas for the IFO e-tjänster (OSL 26 kap.): every IFO e-tjänst lands in the IFO
 * area, an äldreomsorg-only handläggare neither lists nor opens any of them, and an IFO handläggare
 * sees them all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '../../../db/client.ts';
import { staffUsers } from '../../../db/schema.ts';
import { testDatabases } from '../test-db.ts';
import { receiveSubmission } from '../submissions.ts';
import { listInbox } from '../inbox.ts';
import { openCase } from '../cases.ts';
import { seededServices } from './seed.ts';

const ifo = seededServices().map((s) => s.definition).filter((s) => s.category === 'ifo' || s.category === 'synpunkter');

describe('the IFO e-tjänster', () => {
  it('are at least the ten of the IFO offer, all in the IFO area', () => {
    expect(ifo.length).toBeGreaterThanOrEqual(10);
    for (const def of ifo) expect(def.area, def.id).toBe('ifo');
  });
});

describe.each(testDatabases())('secrecy of IFO cases on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  const references = new Map<string, string>();
  async function staff(name: string, areas: string[]) {
    const [row] = await db.insert(staffUsers).values({ username: name, displayName: name, passwordHash: 'not-used', roles: ['handlaggare'], areas }).returning();
    if (!row) throw new Error('insert failed');
    return { id: row.id, roles: row.roles, areas: row.areas };
  }

  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
    for (const def of ifo) {
      const r = await receiveSubmission(db, {
        serviceId: def.id,
        serviceVersion: def.version,
        area: def.area,
        answers: {},
        subjectPersonnummer: null,
        subjectName: null,
        submitterName: null,
        onBehalf: false,
        idempotencyKey: `secrecy-${def.id}`,
      });
      references.set(def.id, r.reference);
    }
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('an äldreomsorg-only handläggare sees none of them, in the list or by reference', async () => {
    const anna = await staff('anna-aldre', ['aldreomsorg']);
    const page = await listInbox(db, anna, {}, { sort: 'newest', limit: 100 });
    expect(page.rows).toEqual([]);
    for (const [id, reference] of references) expect(await openCase(db, anna, reference), id).toBeUndefined();
  });

  it('an IFO handläggare sees every one of them', async () => {
    const bo = await staff('bo-ifo', ['ifo']);
    const page = await listInbox(db, bo, {}, { sort: 'newest', limit: 100 });
    expect(new Set(page.rows.map((r) => r.serviceId))).toEqual(new Set(ifo.map((d) => d.id)));
    for (const [id, reference] of references) expect((await openCase(db, bo, reference))?.serviceId, id).toBe(id);
  });
});
