import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Db, DbHandle } from '../../db/client.ts';
import { auditEvents, submissions } from '../../db/schema.ts';
import { testDatabases } from './test-db.ts';
import { receiveSubmission, type NewSubmission } from './submissions.ts';

let n = 0;
function application(key = `key-${++n}`): NewSubmission {
  return {
    serviceId: 'trygghetslarm',
    serviceVersion: 1,
    area: 'aldreomsorg',
    answers: { personnummer: '19450110-3297', fornamn: 'Greta' },
    subjectPersonnummer: '19450110-3297',
    subjectName: 'Greta Testberg',
    submitterName: null,
    onBehalf: false,
    idempotencyKey: key,
  };
}

describe.each(testDatabases())('receiving submissions on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
  });
  afterAll(async () => {
    await handle?.close();
  });

  const rowsWithKey = async (key: string) => (await db.select().from(submissions).where(eq(submissions.idempotencyKey, key))).length;

  it('stores the answers with a reference number and an audit event that holds no personal data', async () => {
    const r = await receiveSubmission(db, application('first'), new Date('2026-05-04T08:30:00Z'));
    expect(r.reference).toMatch(/^2026-\d{6}$/);
    expect(r.duplicate).toBe(false);
    const [row] = await db.select().from(submissions).where(eq(submissions.id, r.id));
    expect(row?.answers).toEqual({ personnummer: '19450110-3297', fornamn: 'Greta' });
    expect(row?.status).toBe('inkommen');
    expect(row?.submittedAt.toISOString()).toBe('2026-05-04T08:30:00.000Z');
    const events = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, r.id));
    expect(events.map((e) => e.action)).toEqual(['submission.received']);
    const stored = JSON.stringify(events);
    expect(stored).not.toContain('19450110');
    expect(stored).not.toContain('Greta');
  });

  it('gives a resubmission with the same token the same reference and stores it only once', async () => {
    const a = await receiveSubmission(db, application('double-click'));
    const b = await receiveSubmission(db, application('double-click'));
    expect(b.reference).toBe(a.reference);
    expect(b.duplicate).toBe(true);
    expect(await rowsWithKey('double-click')).toBe(1);
  });

  it('stores concurrent submissions with one token exactly once, all answered with one reference', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => receiveSubmission(db, application('race'))));
    expect(new Set(results.map((r) => r.reference)).size).toBe(1);
    expect(await rowsWithKey('race')).toBe(1);
  });

  it('gives every submission its own reference number', async () => {
    const refs = await Promise.all(Array.from({ length: 20 }, () => receiveSubmission(db, application())));
    expect(new Set(refs.map((r) => r.reference)).size).toBe(20);
  });

  it('stores nothing at all when any part of receiving fails', async () => {
    // A real failure inside the transaction: the database refuses the audit row.
    await db.execute(sql.raw(`CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END; $$`));
    await db.execute(sql.raw(`CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_audit()`));
    try {
      await expect(receiveSubmission(db, application('half-written'))).rejects.toThrow();
      expect(await rowsWithKey('half-written')).toBe(0);
    } finally {
      await db.execute(sql.raw('DROP TRIGGER refuse_audit ON audit_events'));
      await db.execute(sql.raw('DROP FUNCTION refuse_audit()'));
    }
    // Once the fault is gone, the same token goes through.
    await receiveSubmission(db, application('half-written'));
    expect(await rowsWithKey('half-written')).toBe(1);
  });

  it('refuses to change or delete audit events', async () => {
    await expect(db.execute(sql`update audit_events set action = 'x'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_events`)).rejects.toThrow();
    const [{ count } = { count: 0 }] = await db.select({ count: sql<number>`count(*)::int` }).from(auditEvents);
    expect(count).toBeGreaterThan(0);
  });
});
