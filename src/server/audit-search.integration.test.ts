import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbHandle } from '../../db/client.ts';
import { auditEvents, staffUsers } from '../../db/schema.ts';
import { testDatabases } from './test-db.ts';
import { receiveSubmission } from './submissions.ts';
import { auditQuerySchema, decodeCursor, encodeCursor, searchAudit, stockholmDayStart, type AuditQuery } from './audit-search.ts';

describe('the audit search form', () => {
  const parse = (v: Record<string, string>) => auditQuerySchema.safeParse(v);
  const codes = (v: Record<string, string>) => {
    const r = parse(v);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
  };

  it('treats blank fields as not given and normalises the username', () => {
    expect(parse({ reference: ' ', username: ' Anna.H ', action: '', from: '', to: '' })).toEqual({ success: true, data: { username: 'anna.h' } });
  });

  it('refuses malformed values with one code per field', () => {
    expect(codes({ reference: '123', username: '-x', action: 'DROP TABLE', from: '2026-02-30', to: '5 maj' })).toEqual([
      'reference:referenceFormat',
      'username:usernameFormat',
      'action:actionFormat',
      'from:dateInvalid',
      'to:dateFormat',
    ]);
  });

  it('refuses a range that ends before it starts', () => {
    expect(codes({ from: '2026-05-04', to: '2026-05-03' })).toEqual(['to:rangeOrder']);
  });
});

describe('days in Swedish time', () => {
  it('start at midnight in Stockholm, winter and summer time alike', () => {
    expect(stockholmDayStart('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(stockholmDayStart('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    // The days summer time starts and ends.
    expect(stockholmDayStart('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(stockholmDayStart('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  it('survive a round trip as a page cursor, to the microsecond', () => {
    const c = { at: '2026-05-01T10:00:00.123456Z', id: 42 };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(decodeCursor('2026-05-01T10:00:00Z~1')).toBeUndefined();
    expect(decodeCursor("x'~1")).toBeUndefined();
  });
});

describe.each(testDatabases())('searching the audit log on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  const ids = { anna: '', bertil: '' };
  let caseA = { id: '', reference: '' };
  let caseB = { id: '', reference: '' };
  const admin = { id: randomUUID(), ip: '198.51.100.1' };

  const q = (v: AuditQuery) => v;
  const event = (actorId: string, action: string, at: string, subjectId?: string, ip = '192.0.2.1') => ({
    actorType: 'staff',
    actorId,
    action,
    at: new Date(at),
    subjectType: subjectId ? 'submission' : 'staff_user',
    subjectId: subjectId ?? actorId,
    ip,
  });

  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
    for (const [key, name] of [['anna', 'Anna Handläggare'], ['bertil', 'Bertil Handläggare']] as const) {
      const [u] = await db.insert(staffUsers).values({ username: key, displayName: name, passwordHash: 'x', roles: ['handlaggare'], areas: ['aldreomsorg'] }).returning();
      ids[key] = u!.id;
    }
    const received = async () =>
      receiveSubmission(db, {
        serviceId: 'trygghetslarm',
        serviceVersion: 1,
        area: 'aldreomsorg',
        answers: {},
        subjectPersonnummer: '19450110-3297',
        subjectName: 'Greta Testberg',
        submitterName: null,
        onBehalf: false,
        idempotencyKey: randomUUID(),
      });
    const a = await received();
    const b = await received();
    caseA = { id: a.id, reference: a.reference };
    caseB = { id: b.id, reference: b.reference };
    await db.insert(auditEvents).values([
      event(ids.anna, 'staff.login', '2026-05-04T06:00:00Z'),
      event(ids.anna, 'case.viewed', '2026-05-04T07:00:00Z', caseA.id, '192.0.2.10'),
      event(ids.anna, 'attachment.viewed', '2026-05-04T07:01:00Z', caseA.id),
      event(ids.bertil, 'case.viewed', '2026-05-04T08:00:00Z', caseA.id, '192.0.2.20'),
      event(ids.anna, 'case.viewed', '2026-05-04T21:59:59Z', caseB.id),
      event(ids.anna, 'case.viewed', '2026-05-04T22:00:00Z', caseB.id),
    ]);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('answers "who has opened case X": each viewer, when and from where, newest first', async () => {
    const page = await searchAudit(db, admin, q({ reference: caseA.reference, action: 'case.viewed' }), { limit: 50 });
    expect(page.rows.map((r) => [r.actor?.username, r.action, r.reference, r.ip, r.at.toISOString()])).toEqual([
      ['bertil', 'case.viewed', caseA.reference, '192.0.2.20', '2026-05-04T08:00:00.000Z'],
      ['anna', 'case.viewed', caseA.reference, '192.0.2.10', '2026-05-04T07:00:00.000Z'],
    ]);
    expect(page.rows[0]?.actor).toEqual({ username: 'bertil', displayName: 'Bertil Handläggare' });
  });

  it('answers "what has user Y opened", with a family of actions', async () => {
    const page = await searchAudit(db, admin, q({ username: 'anna', action: 'case' }), { limit: 50 });
    expect(page.rows.map((r) => r.reference)).toEqual([caseB.reference, caseB.reference, caseA.reference]);
    const all = await searchAudit(db, admin, q({ username: 'anna' }), { limit: 50 });
    expect(all.rows.map((r) => r.action)).toEqual(['case.viewed', 'case.viewed', 'attachment.viewed', 'case.viewed', 'staff.login']);
    expect(all.rows.at(-1)?.reference).toBeNull();
  });

  it('takes a date range as whole days in Swedish time', async () => {
    const may4 = await searchAudit(db, admin, q({ username: 'anna', from: '2026-05-04', to: '2026-05-04' }), { limit: 50 });
    // 21:59:59Z is 23:59:59 on 4 May in Stockholm; 22:00:00Z is already 5 May.
    expect(may4.rows.map((r) => r.at.toISOString())).toContain('2026-05-04T21:59:59.000Z');
    expect(may4.rows.map((r) => r.at.toISOString())).not.toContain('2026-05-04T22:00:00.000Z');
    const may5 = await searchAudit(db, admin, q({ username: 'anna', from: '2026-05-05', to: '2026-05-05' }), { limit: 50 });
    expect(may5.rows.map((r) => r.at.toISOString())).toEqual(['2026-05-04T22:00:00.000Z']);
  });

  it('pages through events with equal and sub-millisecond times without losing or repeating one', async () => {
    const [u] = await db.insert(staffUsers).values({ username: 'cecilia', displayName: 'Cecilia', passwordHash: 'x', roles: ['handlaggare'], areas: ['ifo'] }).returning();
    const actor = u!.id;
    await db.execute(sql`insert into audit_events (actor_type, actor_id, action, at) values
      ('staff', ${actor}, 'case.viewed', '2026-06-01T10:00:00.123456Z'),
      ('staff', ${actor}, 'case.viewed', '2026-06-01T10:00:00.123456Z'),
      ('staff', ${actor}, 'case.viewed', '2026-06-01T10:00:00.123400Z'),
      ('staff', ${actor}, 'case.viewed', '2026-06-01T10:00:00.123400Z'),
      ('staff', ${actor}, 'case.viewed', '2026-06-01T10:00:00.123000Z')`);
    const seen: number[] = [];
    let after;
    for (let i = 0; i < 5; i++) {
      const page = await searchAudit(db, admin, q({ username: 'cecilia' }), { limit: 2, after });
      seen.push(...page.rows.map((r) => r.id));
      after = page.next;
      if (!after) break;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(after).toBeUndefined();
  });

  it('says which name or reference matched nothing instead of showing an empty log', async () => {
    expect(await searchAudit(db, admin, q({ reference: '2020-999999' }), { limit: 50 })).toEqual({ rows: [], next: undefined, unknown: ['reference'] });
    expect((await searchAudit(db, admin, q({ username: 'ingen' }), { limit: 50 })).unknown).toEqual(['username']);
  });

  it('audits every search with who searched, from where, for what, and the case as subject', async () => {
    const searcher = { id: randomUUID(), ip: '198.51.100.77' };
    await searchAudit(db, searcher, q({ reference: caseA.reference, action: 'case.viewed' }), { limit: 50 });
    await searchAudit(db, searcher, q({ username: 'anna', from: '2026-05-01' }), { limit: 1 });
    const logged = await db.select().from(auditEvents).where(and(eq(auditEvents.actorId, searcher.id), eq(auditEvents.action, 'audit.searched')));
    expect(logged).toHaveLength(2);
    expect(logged.find((e) => e.subjectId === caseA.id)).toMatchObject({
      ip: '198.51.100.77',
      subjectType: 'submission',
      details: { reference: caseA.reference, action: 'case.viewed', username: null, from: null, to: null, page: 'first' },
    });
    expect(logged.find((e) => e.subjectId === null)?.details).toMatchObject({ username: 'anna', from: '2026-05-01' });
  });
});
