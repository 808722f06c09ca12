import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import type { Db, DbHandle } from '../../../db/client.ts';
import { auditEvents, caseEvents, deliveries } from '../../../db/schema.ts';
import { testDatabases } from '../test-db.ts';
import { receiveSubmission } from '../submissions.ts';
import { decodeDeliveryCursor, encodeDeliveryCursor, listDeliveries, retryDelivery } from './admin.ts';
import { enqueueDeliveries } from './queue.ts';
import { setRegisteredBackends } from './registry.ts';
import { startReceiver, type TestReceiver } from './test-receiver.ts';
import { webhookBackend } from './webhook.ts';
import { startJobWorker } from '../jobs/queue.ts';
import { BACKOFF_CAP_MS, backoffMs, deliveryJobs, processDueDeliveries } from './worker.ts';

vi.stubEnv('COOKIE_SECRET', 'test-only-cookie-secret-0123456789abcdef');

const SECRET = 'webhook-test-secret-0123456789abcdefghij';

/** A clock the test moves by hand; starts a little after the database's "now". */
function testClock() {
  let ms = Date.now() + 1_000;
  return { now: () => new Date(ms), advance: (by: number) => (ms += by) };
}

let n = 0;
function application() {
  return {
    serviceId: 'trygghetslarm',
    serviceVersion: 1,
    area: 'aldreomsorg',
    answers: { personnummer: '19450110-3297', folkbokford: 'ja', fornamn: 'Greta', efternamn: 'Testberg' },
    subjectPersonnummer: '194501103297',
    subjectName: 'Greta Testberg',
    submitterName: null,
    onBehalf: false,
    idempotencyKey: `delivery-${++n}-${randomUUID()}`,
  };
}

/** What a receiver does: recompute the signature over "<timestamp>.<raw body>" and compare in constant time. */
function signatureValid(headers: Record<string, string | string[] | undefined>, body: string): boolean {
  const ts = String(headers['x-socialtjanst-timestamp']);
  const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(`${ts}.${body}`).digest('hex')}`);
  const given = Buffer.from(String(headers['x-socialtjanst-signature']));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('backoff', () => {
  it('doubles from about a minute, never waits more than six hours, and jitters within half of the wait', () => {
    expect(backoffMs(1, () => 1)).toBe(60_000);
    expect(backoffMs(1, () => 0)).toBe(30_000);
    expect(backoffMs(2, () => 1)).toBe(120_000);
    expect(backoffMs(3, () => 1)).toBe(240_000);
    expect(backoffMs(30, () => 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffMs(30, () => 0)).toBe(BACKOFF_CAP_MS / 2);
  });
});

describe.each(testDatabases())('delivery to a webhook on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  let receiver: TestReceiver;
  let clock: ReturnType<typeof testClock>;

  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
    receiver = await startReceiver();
  });
  afterAll(async () => {
    setRegisteredBackends(undefined);
    await receiver?.close();
    await handle?.close();
  });
  beforeEach(async () => {
    clock = testClock();
    receiver.requests.length = 0;
    receiver.respond(204);
    await receiver.up().catch(() => {});
    // Each test sees only its own deliveries (earlier tests may leave some pending).
    await db.delete(deliveries);
    setRegisteredBackends([webhookBackend({ url: receiver.url, secret: SECRET, timeoutMs: 2_000, now: clock.now })]);
  });
  afterEach(() => setRegisteredBackends(undefined));

  const deps = (extra: Partial<Parameters<typeof processDueDeliveries>[1]> = {}) => ({ now: clock.now, random: () => 1, maxAttempts: 3, ...extra });
  const deliveryOf = async (submissionId: string) => {
    const rows = await db.select().from(deliveries).where(eq(deliveries.submissionId, submissionId));
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };
  const eventsOf = async (submissionId: string) =>
    (await db.select().from(caseEvents).where(eq(caseEvents.submissionId, submissionId)).orderBy(asc(caseEvents.id))).map((e) => [e.kind, e.data.attempt]);

  it('posts a received case once, signed, with its event and delivery id, and never again after success', async () => {
    const sub = await receiveSubmission(db, application());
    const d = await deliveryOf(sub.id);
    expect(d).toMatchObject({ backend: 'webhook', event: 'submitted', status: 'pending', attempts: 0 });

    expect(await processDueDeliveries(db, deps())).toEqual({ claimed: 1, succeeded: 1, failed: 0 });
    expect(receiver.requests).toHaveLength(1);
    const req = receiver.requests[0]!;
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['x-socialtjanst-event']).toBe('submitted');
    expect(req.headers['x-socialtjanst-delivery']).toBe(d.id);
    expect(req.headers['x-socialtjanst-timestamp']).toBe(String(Math.floor(clock.now().getTime() / 1000)));
    expect(signatureValid(req.headers, req.body)).toBe(true);
    expect(signatureValid(req.headers, req.body.replace('Greta', 'Gréta'))).toBe(false);
    const doc = JSON.parse(req.body) as { schemaVersion: number; reference: string; id: string };
    expect(doc).toMatchObject({ schemaVersion: 1, reference: sub.reference, id: sub.id });

    expect(await deliveryOf(sub.id)).toMatchObject({ status: 'success', attempts: 1, lastError: null });
    clock.advance(BACKOFF_CAP_MS * 2);
    expect(await processDueDeliveries(db, deps())).toEqual({ claimed: 0, succeeded: 0, failed: 0 });
    expect(receiver.requests).toHaveLength(1);
    expect(await eventsOf(sub.id)).toEqual([['delivery.succeeded', 1]]);
  });

  it('records a failed attempt while the receiver is down, waits out the backoff, then delivers exactly once', async () => {
    await receiver.down();
    const sub = await receiveSubmission(db, application());
    expect(await processDueDeliveries(db, deps({ random: () => 0.5 }))).toEqual({ claimed: 1, succeeded: 0, failed: 1 });
    const failed = await deliveryOf(sub.id);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastError: 'network error ECONNREFUSED' });
    // random 0.5 → three quarters of the first minute.
    expect(failed.nextAttemptAt.getTime() - clock.now().getTime()).toBe(45_000);

    await receiver.up();
    clock.advance(44_000);
    expect((await processDueDeliveries(db, deps())).claimed).toBe(0);
    expect(receiver.requests).toHaveLength(0);

    clock.advance(1_000);
    expect(await processDueDeliveries(db, deps())).toEqual({ claimed: 1, succeeded: 1, failed: 0 });
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]!.headers['x-socialtjanst-delivery']).toBe(failed.id);
    expect(await deliveryOf(sub.id)).toMatchObject({ status: 'success', attempts: 2, lastError: null });
    expect(await eventsOf(sub.id)).toEqual([['delivery.failed', 1], ['delivery.succeeded', 2]]);
  });

  it('sends the same delivery id on every retry, so the receiver can ignore a repeat', async () => {
    receiver.respond((i) => (i === 1 ? 503 : 200));
    const sub = await receiveSubmission(db, application());
    await processDueDeliveries(db, deps());
    expect((await deliveryOf(sub.id)).lastError).toBe('HTTP 503');
    clock.advance(60_000);
    await processDueDeliveries(db, deps());
    expect(receiver.requests.map((r) => r.headers['x-socialtjanst-delivery'])).toEqual([(await deliveryOf(sub.id)).id, (await deliveryOf(sub.id)).id]);
    expect((await deliveryOf(sub.id)).status).toBe('success');
  });

  it('gives up after the last attempt, shows the failure to admins, and delivers after an audited retry', async () => {
    receiver.respond(500);
    const sub = await receiveSubmission(db, application());
    for (let i = 0; i < 3; i++) {
      await processDueDeliveries(db, deps());
      clock.advance(BACKOFF_CAP_MS);
    }
    const failed = await deliveryOf(sub.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, lastError: 'HTTP 500' });
    expect((await processDueDeliveries(db, deps())).claimed).toBe(0);
    expect(receiver.requests).toHaveLength(3);
    const listed = (await listDeliveries(db, { statuses: ['failed'], limit: 50 })).rows;
    expect(listed.find((r) => r.id === failed.id)).toMatchObject({ reference: sub.reference, lastError: 'HTTP 500', attempts: 3 });
    expect(JSON.stringify(listed)).not.toContain('Greta');

    const admin = randomUUID();
    expect(await retryDelivery(db, { deliveryId: failed.id, actorId: admin, ip: '192.0.2.7', now: clock.now() })).toBe(true);
    expect(await retryDelivery(db, { deliveryId: failed.id, actorId: admin })).toBe(false);
    const audited = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'delivery.retried'), eq(auditEvents.subjectId, sub.id)));
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ actorId: admin, ip: '192.0.2.7', details: { deliveryId: failed.id, backend: 'webhook', event: 'submitted' } });

    receiver.respond(200);
    expect(await processDueDeliveries(db, deps())).toEqual({ claimed: 1, succeeded: 1, failed: 0 });
    expect(await deliveryOf(sub.id)).toMatchObject({ status: 'success', attempts: 1 });
    expect((await eventsOf(sub.id)).map(([k]) => k)).toEqual(['delivery.failed', 'delivery.failed', 'delivery.failed', 'delivery.succeeded']);
  });

  it('counts a receiver that does not answer in time as a failure', async () => {
    setRegisteredBackends([webhookBackend({ url: receiver.url, secret: SECRET, timeoutMs: 200, now: clock.now })]);
    receiver.hang();
    const sub = await receiveSubmission(db, application());
    expect((await processDueDeliveries(db, deps())).failed).toBe(1);
    expect((await deliveryOf(sub.id)).lastError).toBe('timeout after 200 ms');
  });

  it('queues one delivery per case, backend and event, however often it is asked', async () => {
    const app = application();
    const sub = await receiveSubmission(db, app);
    expect((await receiveSubmission(db, app)).duplicate).toBe(true);
    await enqueueDeliveries(db, sub.id, 'submitted');
    await db.transaction((tx) => enqueueDeliveries(tx, sub.id, 'submitted'));
    expect(await db.select().from(deliveries).where(eq(deliveries.submissionId, sub.id))).toHaveLength(1);
    await enqueueDeliveries(db, sub.id, 'decided');
    await enqueueDeliveries(db, sub.id, 'decided');
    const rows = await db.select().from(deliveries).where(eq(deliveries.submissionId, sub.id));
    expect(rows.map((r) => r.event).sort()).toEqual(['decided', 'submitted']);
  });

  it('lists deliveries by status for admins, newest first, page by page without repeats', async () => {
    const subs = [];
    for (let i = 0; i < 3; i++) subs.push(await receiveSubmission(db, application()));
    for (const s of subs) await enqueueDeliveries(db, s.id, 'decided', ['webhook', 'arkiv']);
    const ids: string[] = [];
    let after;
    for (let i = 0; i < 10; i++) {
      const page = await listDeliveries(db, { statuses: ['pending'], limit: 2, after });
      ids.push(...page.rows.map((r) => r.id));
      after = page.next;
      if (!after) break;
    }
    // 3 submitted (webhook) + 3 × 2 decided.
    expect(ids).toHaveLength(9);
    expect(new Set(ids).size).toBe(9);
    expect((await listDeliveries(db, { statuses: ['failed', 'success'], limit: 50 })).rows).toHaveLength(0);
    expect(decodeDeliveryCursor(encodeDeliveryCursor({ createdAt: '2026-05-01T10:00:00.123456Z', id: ids[0]! }))).toEqual({ createdAt: '2026-05-01T10:00:00.123456Z', id: ids[0] });
    expect(decodeDeliveryCursor("2026-05-01T10:00:00.123456Z~x' or 1=1")).toBeUndefined();
  });

  it('queues nothing when no backend is configured', async () => {
    setRegisteredBackends([]);
    const sub = await receiveSubmission(db, application());
    expect(await db.select().from(deliveries).where(eq(deliveries.submissionId, sub.id))).toHaveLength(0);
  });

  it('runs rounds when kicked, survives a database that is down, and stops', async () => {
    const sub = await receiveSubmission(db, application());
    let down = true;
    const worker = startJobWorker({
      db: async () => {
        if (down) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
        return db;
      },
      kinds: [deliveryJobs(deps()) as never],
      intervalMs: 60_000,
      ...deps(),
    });
    try {
      await expect(worker.kick()).resolves.toBeUndefined();
      expect((await deliveryOf(sub.id)).status).toBe('pending');
      down = false;
      await worker.kick();
      expect((await deliveryOf(sub.id)).status).toBe('success');
    } finally {
      await worker.stop();
    }
    await expect(worker.kick()).resolves.toBeUndefined();
  });
});
