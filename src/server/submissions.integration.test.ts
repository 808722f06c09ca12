import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Db, DbHandle } from '../../db/client.ts';
import { auditEvents, deliveries, notifications, rateLimits, submissions, uploads } from '../../db/schema.ts';
import { testDatabases } from './test-db.ts';
import { MissingUploadError, receiveSubmission, SubmissionLimitedError, type NewSubmission } from './submissions.ts';
import { storeUpload } from './uploads.ts';

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

  it('numbers a case received at 00:30 on New Year\'s Day, Swedish time, in the new year', async () => {
    const r = await receiveSubmission(db, application('new-year'), new Date('2025-12-31T23:30:00Z'));
    expect(r.reference).toMatch(/^2026-\d{6}$/);
    const [row] = await db.select({ reference: submissions.reference }).from(submissions).where(eq(submissions.id, r.id));
    expect(row?.reference).toBe(r.reference);
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

  it('links the journey\'s uploads, and stores nothing at all when one of them is gone', async () => {
    const key = 'with-uploads';
    const up = (name: string) => storeUpload(db, { journeyKey: key, serviceId: 'trygghetslarm', fieldName: 'fullmakt', fileName: name, kind: 'pdf', bytes: new Uint8Array([37, 80, 68, 70]) });
    const a = await up('a.pdf');
    const b = await up('b.pdf');
    // b is removed before sending (e.g. by gallring): the whole submission is refused.
    await db.delete(uploads).where(eq(uploads.id, b.id));
    const refused = await receiveSubmission(db, { ...application(key), uploadIds: [a.id, b.id] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MissingUploadError);
    // Only the one that is gone is asked for again.
    expect((refused as MissingUploadError).uploadIds).toEqual([b.id]);
    expect(await rowsWithKey(key)).toBe(0);
    const [still] = await db.select({ submissionId: uploads.submissionId }).from(uploads).where(eq(uploads.id, a.id));
    expect(still?.submissionId).toBeNull();
    // With the uploads that are there, it is received and they become its attachments.
    const c = await up('c.pdf');
    const r = await receiveSubmission(db, { ...application(key), uploadIds: [a.id, c.id] });
    const linked = await db.select({ id: uploads.id }).from(uploads).where(eq(uploads.submissionId, r.id));
    expect(linked.map((l) => l.id).sort()).toEqual([a.id, c.id].sort());
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, r.id));
    expect(event?.details).toMatchObject({ attachments: 2 });
  });

  it('does not link an upload made in another journey', async () => {
    const other = await storeUpload(db, { journeyKey: 'someone-else', serviceId: 'trygghetslarm', fieldName: 'fullmakt', fileName: 'x.pdf', kind: 'pdf', bytes: new Uint8Array([1]) });
    await expect(receiveSubmission(db, { ...application('not-mine'), uploadIds: [other.id] })).rejects.toBeInstanceOf(MissingUploadError);
    expect(await rowsWithKey('not-mine')).toBe(0);
  });

  it('queues its deliveries and notifications with it, once, and none for a resubmit', async () => {
    const opts = { backends: ['verksamhetssystem'], notify: { to: ['greta@example.se', 'anhorig@example.se'], template: 'submission_received' as const, lang: 'en' as const } };
    const r = await receiveSubmission(db, application('with-notify'), new Date(), opts);
    await receiveSubmission(db, application('with-notify'), new Date(), opts);
    const mails = await db.select().from(notifications).where(eq(notifications.submissionId, r.id));
    expect(mails.map((m) => m.toAddress).sort()).toEqual(['anhorig@example.se', 'greta@example.se']);
    expect(mails.every((m) => m.template === 'submission_received' && m.lang === 'en' && m.status === 'pending')).toBe(true);
    const queued = await db.select().from(deliveries).where(eq(deliveries.submissionId, r.id));
    expect(queued.map((d) => [d.backend, d.event, d.status])).toEqual([['verksamhetssystem', 'submitted', 'pending']]);
  });

  it('counts new submissions against a limit in the same transaction and refuses, writing nothing, past it', async () => {
    const limit = { key: 'submission:test-key', perHour: 2 };
    const t0 = new Date('2026-06-01T10:00:00Z');
    const later = (min: number) => new Date(t0.getTime() + min * 60_000);
    await receiveSubmission(db, application('limit-1'), t0, { limit });
    await receiveSubmission(db, application('limit-1'), later(1), { limit }); // a resubmit: not counted
    await receiveSubmission(db, application('limit-2'), later(2), { limit });
    const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, limit.key));
    expect(row?.count).toBe(2);
    const refused = await receiveSubmission(db, application('limit-3'), later(3), { limit }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SubmissionLimitedError);
    expect((refused as SubmissionLimitedError).until.toISOString()).toBe(later(60).toISOString());
    expect(await rowsWithKey('limit-3')).toBe(0);
    const [still] = await db.select().from(rateLimits).where(eq(rateLimits.key, limit.key));
    expect(still?.count).toBe(2);
    // While limited, a resubmit of one already received is still answered with its reference.
    const again = await receiveSubmission(db, application('limit-2'), later(4), { limit });
    expect(again.duplicate).toBe(true);
    // In the next hour, new submissions are received again.
    expect((await receiveSubmission(db, application('limit-3'), later(60), { limit })).duplicate).toBe(false);
  });

  it('refuses to change or delete audit events', async () => {
    await expect(db.execute(sql`update audit_events set action = 'x'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_events`)).rejects.toThrow();
    const [{ count } = { count: 0 }] = await db.select({ count: sql<number>`count(*)::int` }).from(auditEvents);
    expect(count).toBeGreaterThan(0);
  });
});
