/**
 * The job queue under competition: a worker whose lease ran out writes nothing once another took
 * the job over, and two workers on one PostgreSQL database through two pools (as two instances of
 * the portal) never do a delivery or a notification twice.
 */
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db, type DbHandle } from '../../../db/client.ts';
import { caseEvents, deliveries, notifications } from '../../../db/schema.ts';
import { testDatabases } from '../test-db.ts';
import { receiveSubmission, type NewSubmission } from '../submissions.ts';
import { DeliveryError, type RegistrationBackend } from '../delivery/backend.ts';
import { setRegisteredBackends } from '../delivery/registry.ts';
import { deliveryJobs } from '../delivery/worker.ts';
import { notificationJobs } from '../notifications/worker.ts';
import { claimDue, processDue, settle, type Claimed, type JobKind } from './queue.ts';

vi.stubEnv('COOKIE_SECRET', 'test-only-cookie-secret-0123456789abcdef');

let n = 0;
function application(): NewSubmission {
  const i = ++n;
  return {
    serviceId: 'stadning',
    serviceVersion: 1,
    area: 'aldreomsorg',
    answers: { soker: 'sjalv', personnummer: '19450110-3297', fornamn: 'Greta', efternamn: 'Testberg', epost: `greta${i}@example.se` },
    subjectPersonnummer: '19450110-3297',
    subjectName: 'Greta Testberg',
    submitterName: null,
    submitterPersonnummer: '19450110-3297',
    onBehalf: false,
    idempotencyKey: `jobs-${i}-${Date.now()}`,
  };
}

/** A backend that counts what it receives by delivery id, taking a little while each time. */
function countingBackend(seen: Map<string, number>, delayMs = 2): RegistrationBackend {
  return {
    id: 'webhook',
    async deliver(_doc, meta) {
      seen.set(meta.id, (seen.get(meta.id) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, delayMs));
    },
  } as RegistrationBackend;
}

async function submitMany(db: Db, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const app = application();
    const r = await receiveSubmission(db, app, new Date(), { notify: { to: [String(app.answers.epost)], template: 'submission_received', lang: 'sv' } });
    ids.push(r.id);
  }
  return ids;
}

describe.each(testDatabases())('the job queue on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
  });
  afterAll(async () => {
    setRegisteredBackends(undefined);
    await handle?.close();
  });

  it('writes no outcome for a worker whose lease ran out and whose job was taken over', async () => {
    const seen = new Map<string, number>();
    setRegisteredBackends([countingBackend(seen)]);
    const [id] = await submitMany(db, 1);
    const kind = deliveryJobs({ maxAttempts: 3, backends: () => [countingBackend(seen)] }) as unknown as JobKind<Claimed & { submissionId: string }>;
    const t0 = new Date(Date.now() + 1_000);
    const [slow] = await claimDue(db, kind, t0, 10, 60_000);
    expect(slow?.attempts).toBe(1);
    // Within the lease nobody else may take it.
    expect(await claimDue(db, kind, new Date(t0.getTime() + 59_000), 10, 60_000)).toHaveLength(0);
    // After it, another worker does and finishes first.
    const t1 = new Date(t0.getTime() + 61_000);
    const [fast] = await claimDue(db, kind, t1, 10, 60_000);
    expect(fast).toMatchObject({ id: slow!.id, attempts: 2 });
    // The first one's outcome, success or failure, is refused, before and after the second's.
    expect(await settle(db, kind, slow!, { ok: false, error: 'late', final: false, nextAttemptAt: t1 }, t1)).toBe(false);
    expect(await settle(db, kind, slow!, { ok: true }, t1)).toBe(false);
    expect(await settle(db, kind, fast!, { ok: true }, t1)).toBe(true);
    expect(await settle(db, kind, slow!, { ok: true }, t1)).toBe(false);
    const [row] = await db.select().from(deliveries).where(eq(deliveries.id, slow!.id));
    expect(row).toMatchObject({ status: 'success', attempts: 2, lastError: null });
    const events = await db.select().from(caseEvents).where(eq(caseEvents.submissionId, id!));
    expect(events.map((e) => [e.kind, e.data.attempt])).toEqual([['delivery.succeeded', 2]]);
    // Done is final.
    expect(await claimDue(db, kind, new Date(t1.getTime() + 86_400_000), 10, 60_000)).toHaveLength(0);
  });

  it('records a failure with its backoff through the same path as a success', async () => {
    const failing = { id: 'webhook', deliver: async () => Promise.reject(new DeliveryError('HTTP 503')) } as unknown as RegistrationBackend;
    setRegisteredBackends([failing]);
    const [id] = await submitMany(db, 1);
    const now = new Date(Date.now() + 2_000);
    const kind = deliveryJobs({ maxAttempts: 1, backends: () => [failing] });
    await db.update(deliveries).set({ status: 'success' }).where(eq(deliveries.status, 'pending'));
    await db.update(deliveries).set({ status: 'pending' }).where(eq(deliveries.submissionId, id!));
    expect(await processDue(db, kind, { now: () => now })).toEqual({ claimed: 1, succeeded: 0, failed: 1 });
    const [row] = await db.select().from(deliveries).where(eq(deliveries.submissionId, id!));
    expect(row).toMatchObject({ status: 'failed', attempts: 1, lastError: 'HTTP 503' });
  });
});

const postgres = testDatabases().filter((d) => d.name === 'PostgreSQL');

describe.each(postgres)('two workers on one $name database through two pools', (tdb) => {
  let first: DbHandle & { url?: string };
  let second: DbHandle;
  beforeAll(async () => {
    first = await tdb.open();
    second = await openDatabase({ databaseUrl: first.url!, dataDir: tmpdir() });
  });
  afterAll(async () => {
    setRegisteredBackends(undefined);
    await second?.close();
    await first?.close();
  });

  it('never do a delivery or a notification twice, and leave none undone', async () => {
    const delivered = new Map<string, number>();
    const mailed = new Map<string, number>();
    const backend = countingBackend(delivered);
    setRegisteredBackends([backend]);
    const count = 150;
    await submitMany(first.db, count);
    const send = async (to: string) => {
      mailed.set(to, (mailed.get(to) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 1));
    };
    const kinds = [
      deliveryJobs({ maxAttempts: 3, backends: () => [backend] }) as JobKind<never>,
      notificationJobs({ send, origin: 'https://etjanster.example.se', municipality: 'Askersunds kommun', maxAttempts: 3 }) as JobKind<never>,
    ];
    const claimedBy = [0, 0];
    // Each worker runs rounds of a few jobs, both kinds, until a round finds nothing of either.
    const worker = async (db: Db, w: number) => {
      for (;;) {
        let claimed = 0;
        for (const kind of kinds) claimed += (await processDue(db, kind as JobKind<Claimed>, { batchSize: 4 })).claimed;
        claimedBy[w]! += claimed;
        if (claimed === 0) return;
      }
    };
    await Promise.all([worker(first.db, 0), worker(second.db, 1), worker(first.db, 0), worker(second.db, 1)]);

    expect(delivered.size).toBe(count);
    expect([...delivered.values()].every((v) => v === 1)).toBe(true);
    expect(mailed.size).toBe(count);
    expect([...mailed.values()].every((v) => v === 1)).toBe(true);
    // Both pools did some of the work.
    expect(claimedBy[0]).toBeGreaterThan(0);
    expect(claimedBy[1]).toBeGreaterThan(0);
    expect(claimedBy[0]! + claimedBy[1]!).toBe(2 * count);
    const rows = await first.db.select({ status: deliveries.status, attempts: deliveries.attempts }).from(deliveries);
    expect(rows.filter((r) => r.status === 'success' && r.attempts === 1)).toHaveLength(count);
    const mails = await first.db.select({ status: notifications.status, attempts: notifications.attempts }).from(notifications);
    expect(mails.filter((r) => r.status === 'sent' && r.attempts === 1)).toHaveLength(count);
    const succeeded = await first.db.select().from(caseEvents).where(eq(caseEvents.kind, 'delivery.succeeded'));
    expect(succeeded).toHaveLength(count);
  });
});
