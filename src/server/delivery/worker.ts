/**
 * The delivery worker: takes due pending deliveries, hands each case to its registration backend,
 * and records the outcome.
 *
 * - Claiming is a short transaction (`FOR UPDATE SKIP LOCKED`, so instances never take the same
 *   row) that counts the attempt and leases the row for a while; the backend is then called with
 *   no transaction open, so a slow receiver never holds a lock or the (single) PGlite connection.
 *   A worker that dies mid-delivery leaves the lease to expire and the delivery is tried again:
 *   delivery is at least once, and receivers deduplicate on the delivery id, which is the same on
 *   every attempt.
 * - Success is final: a `success` row is never claimed again.
 * - A failure is retried with exponential backoff and jitter (about 1, 2, 4 … minutes, at most 6
 *   hours) until the attempts run out; then the delivery is `failed`, shown to admins, who may
 *   retry it.
 * - Every attempt leaves a case event (`delivery.succeeded` / `delivery.failed`) for the timeline.
 */
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { caseEvents, deliveries } from '../../../db/schema.ts';
import { log } from '../log.ts';
import { DeliveryError, type DeliveryEvent, type RegistrationBackend } from './backend.ts';
import { buildCaseDocument, type CaseDocument } from './case-document.ts';
import { registeredBackends } from './registry.ts';

export const BACKOFF_BASE_MS = 60_000;
export const BACKOFF_CAP_MS = 6 * 60 * 60_000;

/**
 * The wait before the next attempt after `attempt` failed ones: base·2^(attempt−1), capped, with
 * "equal jitter" (between half and all of it) so that failures at one moment do not retry in step.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const nominal = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(nominal / 2 + (random() * nominal) / 2);
}

export type WorkerDeps = {
  backends?: () => RegistrationBackend[];
  now?: () => Date;
  random?: () => number;
  /** Attempts before a delivery is marked failed. */
  maxAttempts: number;
  /** Deliveries claimed per round. */
  batchSize?: number;
  /** How long a claimed delivery is left alone before another worker may try it (> backend timeout). */
  leaseMs?: number;
  buildDocument?: (db: Db, submissionId: string, now: Date) => Promise<CaseDocument | undefined>;
};

export type RoundResult = { claimed: number; succeeded: number; failed: number };

type Claimed = { id: string; submissionId: string; backend: string; event: string; attempts: number };

async function claimDue(db: Db, now: Date, limit: number, leaseMs: number): Promise<Claimed[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(and(eq(deliveries.status, 'pending'), lte(deliveries.nextAttemptAt, now)))
      .orderBy(asc(deliveries.nextAttemptAt), asc(deliveries.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(deliveries)
      .set({ attempts: sql`${deliveries.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + leaseMs), updatedAt: now })
      .where(inArray(deliveries.id, due.map((d) => d.id)))
      .returning({ id: deliveries.id, submissionId: deliveries.submissionId, backend: deliveries.backend, event: deliveries.event, attempts: deliveries.attempts });
  });
}

/** Texts stored for admins: never personal data, so only our own error messages pass. */
function failureText(e: unknown): string {
  if (e instanceof DeliveryError) return e.message.slice(0, 500);
  return 'internal error';
}

async function attempt(db: Db, d: Claimed, deps: WorkerDeps, now: Date): Promise<void> {
  const backend = (deps.backends ?? registeredBackends)().find((b) => b.id === d.backend);
  if (!backend) throw new DeliveryError(`backend "${d.backend}" is not configured`);
  const doc = await (deps.buildDocument ?? ((db2, id, at) => buildCaseDocument(db2, id, { now: at })))(db, d.submissionId, now);
  if (!doc) throw new DeliveryError('case not found');
  await backend.deliver(doc, { id: d.id, event: d.event as DeliveryEvent, attempt: d.attempts });
}

async function recordSuccess(db: Db, d: Claimed, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    // Only while our lease holds (same attempt count): a lost lease means another worker owns it.
    const [row] = await tx
      .update(deliveries)
      .set({ status: 'success', lastError: null, nextAttemptAt: now, updatedAt: now })
      .where(and(eq(deliveries.id, d.id), eq(deliveries.status, 'pending'), eq(deliveries.attempts, d.attempts)))
      .returning({ id: deliveries.id });
    if (!row) return;
    await tx.insert(caseEvents).values({
      submissionId: d.submissionId,
      at: now,
      kind: 'delivery.succeeded',
      data: { deliveryId: d.id, backend: d.backend, event: d.event, attempt: d.attempts },
    });
  });
}

async function recordFailure(db: Db, d: Claimed, error: string, deps: WorkerDeps, now: Date): Promise<void> {
  const final = d.attempts >= deps.maxAttempts;
  const next = final ? now : new Date(now.getTime() + backoffMs(d.attempts, deps.random));
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(deliveries)
      .set({ status: final ? 'failed' : 'pending', lastError: error, nextAttemptAt: next, updatedAt: now })
      .where(and(eq(deliveries.id, d.id), eq(deliveries.status, 'pending'), eq(deliveries.attempts, d.attempts)))
      .returning({ id: deliveries.id });
    if (!row) return;
    await tx.insert(caseEvents).values({
      submissionId: d.submissionId,
      at: now,
      kind: 'delivery.failed',
      data: { deliveryId: d.id, backend: d.backend, event: d.event, attempt: d.attempts, error, final, ...(final ? {} : { nextAttemptAt: next.toISOString() }) },
    });
  });
}

/** One round: claims up to `batchSize` due deliveries and tries each once. */
export async function processDueDeliveries(db: Db, deps: WorkerDeps): Promise<RoundResult> {
  const now = (deps.now ?? (() => new Date()))();
  const claimed = await claimDue(db, now, deps.batchSize ?? 20, deps.leaseMs ?? 5 * 60_000);
  const result: RoundResult = { claimed: claimed.length, succeeded: 0, failed: 0 };
  for (const d of claimed) {
    let error: string | undefined;
    try {
      await attempt(db, d, deps, now);
    } catch (e) {
      error = failureText(e);
      if (!(e instanceof DeliveryError)) log('error', 'delivery: unexpected error', { deliveryId: d.id, backend: d.backend }, e);
    }
    const at = (deps.now ?? (() => new Date()))();
    if (error === undefined) {
      await recordSuccess(db, d, at);
      result.succeeded++;
      log('info', 'delivery succeeded', { deliveryId: d.id, backend: d.backend, event: d.event, attempt: d.attempts });
    } else {
      await recordFailure(db, d, error, deps, at);
      result.failed++;
      log('warn', 'delivery failed', { deliveryId: d.id, backend: d.backend, event: d.event, attempt: d.attempts, error });
    }
  }
  return result;
}

export type DeliveryWorker = {
  /** Run a round now (coalesced with one already running); never rejects. */
  kick(): Promise<void>;
  /** No further rounds; resolves when a round in progress has finished. */
  stop(): Promise<void>;
};

export type LoopOptions = WorkerDeps & {
  db: () => Promise<Db>;
  intervalMs: number;
  /** Longest wait between rounds while the database is unreachable. */
  maxIdleMs?: number;
  /** Delay before the first round. */
  startDelayMs?: number;
};

/**
 * Runs rounds every `intervalMs`, at once when kicked, and back to back while full batches keep
 * coming. An error (the database being down, most likely) is logged and the next round waits
 * longer each time, up to `maxIdleMs`; nothing escapes to crash the server.
 */
export function startDeliveryWorker(opts: LoopOptions): DeliveryWorker {
  const batch = opts.batchSize ?? 20;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let errors = 0;

  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void kick(), ms);
    // The worker never keeps a process alive on its own.
    timer.unref?.();
  };

  const round = async () => {
    try {
      do {
        again = false;
        const r = await processDueDeliveries(await opts.db(), { ...opts, batchSize: batch });
        if (r.claimed >= batch) again = true;
      } while (again && !stopped);
      errors = 0;
    } catch (e) {
      errors++;
      log('warn', 'delivery worker: round failed, will try again', { consecutiveFailures: errors }, e);
    } finally {
      running = undefined;
      const wait = errors === 0 ? opts.intervalMs : Math.min(opts.maxIdleMs ?? 10 * 60_000, opts.intervalMs * 2 ** Math.min(errors, 10));
      schedule(wait);
    }
  };

  const kick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    if (timer) clearTimeout(timer);
    running = round();
    return running;
  };

  schedule(opts.startDelayMs ?? opts.intervalMs);
  return {
    kick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
