import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { resultRows, type Db, type DbHandle } from '../../db/client.ts';
import { auditEvents, deliveries, notifications, rateLimits, submissions } from '../../db/schema.ts';
import { testDatabases } from './test-db.ts';
import { receiveSubmission, SubmissionLimitedError, type NewSubmission } from './submissions.ts';
import { batchesFor, receiveBatch, STATEMENT, type Pending } from './submission-batch.ts';
import { submissionAddressKey, submissionLimit } from './submission-rate-limit.ts';

let n = 0;
function application(key = `batch-${++n}`, answers: Record<string, unknown> = { vadHande: 'Lång väntetid' }): NewSubmission {
  return {
    serviceId: 'synpunkter-och-klagomal',
    serviceVersion: 1,
    area: 'ifo',
    answers,
    subjectPersonnummer: null,
    subjectName: null,
    submitterName: null,
    onBehalf: false,
    anonymous: true,
    idempotencyKey: key,
  };
}

const pending = (s: NewSubmission, now: Date, extra: Partial<Pending['opts']> = {}): Pending => ({ s, now, opts: { backends: ['arende'], ...extra } });

describe.each(testDatabases())('receiving submissions together (group commit) on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('stores a batch in one statement: each its own reference, audit event, delivery and notification', async () => {
    const now = new Date('2026-06-01T10:00:00Z');
    const batch = [
      pending(application(), now),
      pending(application(), now, { notify: { to: ['anna@example.se'], template: 'submission_received', lang: 'en' } }),
      pending({ ...application(), urgent: true, dueAt: new Date('2026-06-15T10:00:00Z') }, now),
    ];
    const rows = await receiveBatch(db, batch);
    expect(rows.map((r) => r.map((x) => x.kind))).toEqual([['new'], ['new'], ['new']]);
    const ids = rows.map((r) => r[0]!.id!);
    expect(new Set(rows.map((r) => r[0]!.reference)).size).toBe(3);
    for (const r of rows) expect(r[0]!.reference).toMatch(/^2026-\d{6}$/);
    const stored = await db.select().from(submissions).where(inArray(submissions.id, ids));
    expect(stored.map((s) => s.idempotencyKey).sort()).toEqual(batch.map((p) => p.s.idempotencyKey).sort());
    const third = stored.find((s) => s.idempotencyKey === batch[2]!.s.idempotencyKey)!;
    expect(third.urgent).toBe(true);
    expect(third.dueAt?.toISOString()).toBe('2026-06-15T10:00:00.000Z');
    expect(third.submittedAt.toISOString()).toBe('2026-06-01T10:00:00.000Z');
    expect(third.answers).toEqual({ vadHande: 'Lång väntetid' });
    const audited = await db.select().from(auditEvents).where(inArray(auditEvents.subjectId, ids));
    expect(audited).toHaveLength(3);
    expect(audited.every((a) => a.action === 'submission.received' && (a.details as { serviceId?: string }).serviceId === 'synpunkter-och-klagomal')).toBe(true);
    expect(JSON.stringify(audited)).not.toContain('väntetid');
    expect(await db.select().from(deliveries).where(inArray(deliveries.submissionId, ids))).toHaveLength(3);
    const mails = await db.select().from(notifications).where(inArray(notifications.submissionId, ids));
    expect(mails.map((m) => [m.toAddress, m.lang])).toEqual([['anna@example.se', 'en']]);
  });

  it('answers a key already stored with the stored submission, and stores the others of the batch', async () => {
    const first = await receiveSubmission(db, application('batch-known'));
    const rows = await receiveBatch(db, [pending(application('batch-known'), new Date()), pending(application('batch-unknown'), new Date())]);
    expect(rows[0]).toEqual([expect.objectContaining({ kind: 'existing', reference: first.reference })]);
    expect(rows[1]?.[0]?.kind).toBe('new');
    expect(await db.select().from(submissions).where(eq(submissions.idempotencyKey, 'batch-known'))).toHaveLength(1);
  });

  it('refuses a locked address within a batch, writing nothing for it, and counts the others', async () => {
    const now = new Date('2026-06-02T09:00:00Z');
    const locked = submissionLimit('203.0.113.7', 1)!;
    const open = submissionLimit('203.0.113.8', 1)!;
    await receiveSubmission(db, application(), now, { limit: locked });
    const rows = await receiveBatch(db, [pending(application('batch-locked'), now, { limit: locked }), pending(application(), now, { limit: open })]);
    expect(rows[0]?.map((r) => r.kind)).toEqual(['limited']);
    expect(rows[1]?.map((r) => r.kind)).toEqual(['new']);
    expect(await db.select().from(submissions).where(eq(submissions.idempotencyKey, 'batch-locked'))).toEqual([]);
    const [counter] = await db.select().from(rateLimits).where(eq(rateLimits.key, submissionAddressKey('203.0.113.8')));
    expect(counter?.count).toBe(1);
  });

  it('keeps to the limit exactly when one address sends many at once: the rest are refused', async () => {
    const ip = '203.0.113.20';
    const limit = submissionLimit(ip, 4)!;
    const now = new Date('2026-06-03T09:00:00Z');
    const outcomes = await Promise.all(
      Array.from({ length: 9 }, () =>
        receiveSubmission(db, application(), now, { limit }).then(
          () => 'received',
          (e: unknown) => (e instanceof SubmissionLimitedError ? 'limited' : `failed: ${String(e)}`),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'received')).toHaveLength(4);
    expect(outcomes.filter((o) => o === 'limited')).toHaveLength(5);
    const [counter] = await db.select().from(rateLimits).where(eq(rateLimits.key, submissionAddressKey(ip)));
    expect(counter?.count).toBe(4);
  });

  it('answers every one of many concurrent submissions, double clicks included, with one stored case each', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => `batch-many-${i}`);
    // Each sent twice at once, as a double click.
    const results = await Promise.all([...keys, ...keys].map((k) => receiveSubmission(db, application(k))));
    const byKey = new Map<string, Set<string>>();
    results.forEach((r, i) => {
      const k = [...keys, ...keys][i]!;
      byKey.set(k, (byKey.get(k) ?? new Set()).add(r.reference));
    });
    expect([...byKey.values()].every((refs) => refs.size === 1)).toBe(true);
    expect(new Set(results.map((r) => r.reference)).size).toBe(40);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(40);
    expect(await db.select().from(submissions).where(inArray(submissions.idempotencyKey, keys))).toHaveLength(40);
  });

  it('receives submissions arriving at the same moment in fewer statements than submissions', async () => {
    const counts = batchesFor(db, () => Promise.reject(new Error('not used'))).counts;
    const before = { ...counts };
    await Promise.all(Array.from({ length: 30 }, () => receiveSubmission(db, application())));
    expect(counts.submissions - before.submissions).toBe(30);
    // At most MAX_RUNNING start before the others gather.
    expect(counts.statements - before.statements).toBeLessThan(10);
  });

  it('does not let one submission the database refuses fail the others sent at the same moment', async () => {
    await db.execute(sql.raw(`CREATE FUNCTION refuse_marked() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.answers ? 'refuse' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END; $$`));
    await db.execute(sql.raw(`CREATE TRIGGER refuse_marked BEFORE INSERT ON submissions FOR EACH ROW EXECUTE FUNCTION refuse_marked()`));
    try {
      const sent = Array.from({ length: 6 }, (_, i) => application(`batch-refuse-${i}`, i === 2 ? { refuse: true } : { vadHande: 'x' }));
      const outcomes = await Promise.allSettled(sent.map((s) => receiveSubmission(db, s)));
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
      const stored = await db.select().from(submissions).where(inArray(submissions.idempotencyKey, sent.map((s) => s.idempotencyKey)));
      expect(stored.map((s) => s.idempotencyKey).sort()).toEqual(sent.filter((_, i) => i !== 2).map((s) => s.idempotencyKey).sort());
      // Nothing half written for the refused one: no audit event without its submission.
      const orphans = resultRows<{ n: number | string }>(await db.execute(sql`select count(*) as n from audit_events a where a.action = 'submission.received' and not exists (select 1 from submissions s where s.id::text = a.subject_id)`));
      expect(Number(orphans[0]?.n)).toBe(0);
    } finally {
      await db.execute(sql.raw('DROP TRIGGER refuse_marked ON submissions'));
      await db.execute(sql.raw('DROP FUNCTION refuse_marked()'));
    }
  });

  it('looks submissions and counters up by index, never by scanning the table, however large it is', async () => {
    await db.execute(sql.raw(`insert into submissions (reference, service_id, service_version, area, answers, idempotency_key)
      select '2025-' || lpad(g::text, 7, '0'), 'synpunkter-och-klagomal', 1, 'ifo', '{}'::jsonb, 'bulk-' || g from generate_series(1, 3000) g`));
    await db.execute(sql.raw('analyze submissions'));
    const input = JSON.stringify([{ i: 0, idem: 'bulk-17', service_id: 'synpunkter-och-klagomal', service_version: 1, area: 'ifo', answers: {}, on_behalf: false, anonymous: true, urgent: false, at: new Date().toISOString(), year: '2026', limit_key: 'x', details: {}, backends: [], notify_to: [], template: 'submission_received', lang: 'sv' }]);
    const res = await db._.session.prepareQuery({ sql: `explain ${STATEMENT}`, params: [input, 60, 60, 60] }, undefined, undefined, false).execute();
    const plan = resultRows<Record<string, string>>(res).map((r) => Object.values(r)[0]).join('\n');
    expect(plan).toContain('Index Scan using submissions_idempotency_key_unique');
    expect(plan).toContain('Index Scan using rate_limits_pkey');
    expect(plan).not.toMatch(/Seq Scan on (submissions|rate_limits)/);
  });
});
