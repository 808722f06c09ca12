/**
 * The portal's one job queue: deliveries to the verksamhetssystem (../delivery/jobs.ts) and e-mail
 * notifications (../notifications/jobs.ts) are both jobs of this module. A job is a row of its
 * kind's outbox table, written in the transaction of the action that caused it (a submission, a
 * decision, a message), so the action and its jobs commit together. The table is the kind's own
 * because its rows are also what administrators see and retry.
 *
 * - **Claim.** A short transaction takes due pending rows with `FOR UPDATE SKIP LOCKED` (so several
 *   instances, or several workers, never take the same row), counts the attempt and leases the row
 *   (its next attempt is moved to the end of the lease). The work is then done with no transaction
 *   open, so a slow receiver never holds a lock or the (single) PGlite connection.
 * - **Lease.** A worker that dies mid-job leaves the lease to expire; the job is then claimed again.
 *   The outcome is written only while the lease holds (same attempt count and lease end): a worker
 *   whose lease was lost and whose job was taken over writes nothing. Work is at least once towards
 *   a receiver that times out (receivers deduplicate on the job id, the same on every attempt);
 *   in the database a job is done exactly once.
 * - **Retry.** A failure is retried after an exponential backoff with jitter (about 1, 2, 4 …
 *   minutes, at most 6 hours) until the attempts run out; then the row is `failed`, shown to
 *   administrators, who may retry it.
 *
 * pg-boss 10 was tried first (it runs on PGlite too); see docs/adr for why the queue is our own.
 */
import { and, asc, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.ts';
import { log } from '../log.ts';

export const BACKOFF_BASE_MS = 60_000;
export const BACKOFF_CAP_MS = 6 * 60 * 60_000;
export const DEFAULT_BATCH = 20;

/**
 * How many jobs one claim may take: as many as can be done one after another within the lease when
 * each call takes as long as its timeout (at least one: the configuration keeps a lease longer than
 * a call), and never more than DEFAULT_BATCH.
 */
export function claimSize(leaseMs: number, callTimeoutMs: number): number {
  return Math.max(1, Math.min(DEFAULT_BATCH, Math.floor(leaseMs / callTimeoutMs) - 1));
}
export const DEFAULT_LEASE_MS = 5 * 60_000;

/**
 * The wait before the next attempt after `attempt` failed ones: base·2^(attempt−1), capped, with
 * "equal jitter" (between half and all of it) so that failures at one moment do not retry in step.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const nominal = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(nominal / 2 + (random() * nominal) / 2);
}

/** A database or a transaction. */
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** What every claimed job carries besides its kind's own fields. */
export type Claimed = { id: string; attempts: number; leaseUntil: Date };

export type Outcome = { ok: true } | { ok: false; error: string; final: boolean; nextAttemptAt: Date };

/**
 * One kind of job: its outbox table and what doing one means. The table has the properties
 * `status`, `attempts`, `nextAttemptAt` and `lastError` (given again as `columns` for the queries).
 */
export type JobKind<J extends Claimed = Claimed> = {
  name: string;
  table: PgTable;
  columns: { id: PgColumn; status: PgColumn; attempts: PgColumn; nextAttemptAt: PgColumn };
  /** Narrows the table's rows to this kind's (several kinds may share one table, e.g. by channel). */
  where?: SQL;
  /** The kind's own fields a worker needs, read when claiming. */
  fields: Record<string, PgColumn>;
  /** The status of a job done (`pending` and `failed` are common to all). */
  doneStatus: string;
  /** Attempts before a job is `failed`. */
  maxAttempts: number;
  /** Does the job (with no transaction open); throws when it could not. */
  perform(job: J, now: Date, db: Db): Promise<void>;
  /** What is stored for administrators about a failure: never personal data. */
  failureText(e: unknown): string;
  /** Extra columns written with the outcome (e.g. when it was sent). */
  settledValues?(outcome: Outcome, at: Date): Record<string, unknown>;
  /** Written in the outcome's transaction, only when the outcome is written (e.g. a timeline event). */
  onSettled?(tx: Tx, job: J, outcome: Outcome, at: Date): Promise<void>;
  /** Logged after each outcome. */
  report?(job: J, outcome: Outcome): void;
};

export type QueueDeps = {
  now?: () => Date;
  random?: () => number;
  /** Jobs claimed per round. */
  batchSize?: number;
  /** How long a claimed job is left alone before another worker may take it (> the work's timeout). */
  leaseMs?: number;
};

export type RoundResult = { claimed: number; succeeded: number; failed: number };

/** Due pending jobs of `kind`, claimed and leased; none that another worker holds. */
export async function claimDue<J extends Claimed>(db: Db, kind: JobKind<J>, now: Date, limit: number, leaseMs: number): Promise<J[]> {
  const c = kind.columns;
  const leaseUntil = new Date(now.getTime() + leaseMs);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: c.id })
      .from(kind.table)
      .where(and(eq(c.status, 'pending'), lte(c.nextAttemptAt, now), kind.where))
      .orderBy(asc(c.nextAttemptAt), asc(c.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    const rows = await tx
      .update(kind.table)
      .set({ attempts: sql`${c.attempts} + 1`, nextAttemptAt: leaseUntil })
      .where(inArray(c.id, due.map((d) => d.id as string)))
      .returning({ ...kind.fields, id: c.id, attempts: c.attempts });
    return rows.map((r) => ({ ...r, leaseUntil }) as unknown as J);
  });
}

/** Writes the outcome while the lease holds; false when it was lost (another worker owns the job). */
export async function settle<J extends Claimed>(db: Db, kind: JobKind<J>, job: J, outcome: Outcome, at: Date): Promise<boolean> {
  const c = kind.columns;
  const values: Record<string, unknown> = outcome.ok
    ? { status: kind.doneStatus, lastError: null, nextAttemptAt: at }
    : { status: outcome.final ? 'failed' : 'pending', lastError: outcome.error, nextAttemptAt: outcome.nextAttemptAt };
  Object.assign(values, kind.settledValues?.(outcome, at));
  const mine: SQL = and(eq(c.id, job.id), eq(c.status, 'pending'), eq(c.attempts, job.attempts), eq(c.nextAttemptAt, job.leaseUntil))!;
  return db.transaction(async (tx) => {
    const [row] = await tx.update(kind.table).set(values).where(mine).returning({ id: c.id });
    if (!row) return false;
    await kind.onSettled?.(tx, job, outcome, at);
    return true;
  });
}

/** One round of one kind: claims up to `batchSize` due jobs and tries each once. */
export async function processDue<J extends Claimed>(db: Db, kind: JobKind<J>, deps: QueueDeps = {}): Promise<RoundResult> {
  const clock = deps.now ?? (() => new Date());
  const now = clock();
  const claimed = await claimDue(db, kind, now, deps.batchSize ?? DEFAULT_BATCH, deps.leaseMs ?? DEFAULT_LEASE_MS);
  const result: RoundResult = { claimed: claimed.length, succeeded: 0, failed: 0 };
  for (const job of claimed) {
    let error: string | undefined;
    try {
      await kind.perform(job, now, db);
    } catch (e) {
      error = kind.failureText(e);
    }
    const at = clock();
    const final = job.attempts >= kind.maxAttempts;
    const outcome: Outcome = error === undefined ? { ok: true } : { ok: false, error, final, nextAttemptAt: final ? at : new Date(at.getTime() + backoffMs(job.attempts, deps.random)) };
    if (await settle(db, kind, job, outcome, at)) {
      if (outcome.ok) result.succeeded++;
      else result.failed++;
      kind.report?.(job, outcome);
    } else {
      log('warn', `${kind.name}: lease lost, outcome left to the worker that took the job over`, { id: job.id, attempt: job.attempts });
    }
  }
  return result;
}

export type Loop = {
  /** Run a round now (coalesced with one already running); never rejects. */
  kick(): Promise<void>;
  /** No further rounds; resolves when a round in progress has finished. */
  stop(): Promise<void>;
};

/**
 * Runs `round` every `intervalMs` and at once when kicked (a kick during a round runs another one
 * after it); an error (the database being down, most likely) is logged and the next round waits
 * longer each time, up to `maxIdleMs`. Nothing escapes to crash the server and its timers never
 * keep the process alive.
 */
export function startLoop(name: string, round: () => Promise<void>, intervalMs: number, startDelayMs = intervalMs, maxIdleMs = 10 * 60_000): Loop {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let errors = 0;
  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void kick(), ms);
    timer.unref?.();
  };
  const kick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    if (timer) clearTimeout(timer);
    running = (async () => {
      try {
        do {
          again = false;
          await round();
        } while (again && !stopped);
        errors = 0;
      } catch (e) {
        errors++;
        log('warn', `${name}: round failed, will try again`, { consecutiveFailures: errors }, e);
      } finally {
        running = undefined;
        schedule(errors === 0 ? intervalMs : Math.min(maxIdleMs, intervalMs * 2 ** Math.min(errors, 10)));
      }
    })();
    return running;
  };
  schedule(startDelayMs);
  return {
    kick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

export type JobWorkerOptions = QueueDeps & {
  db: () => Promise<Db>;
  kinds: JobKind<never>[] | (() => JobKind<never>[]);
  intervalMs: number;
  maxIdleMs?: number;
  startDelayMs?: number;
};

/**
 * The job worker: each round takes every kind in turn, back to back while full batches keep
 * coming. Every instance of the portal runs one; the claim keeps them from doing a job twice.
 */
export function startJobWorker(opts: JobWorkerOptions): Loop {
  const batch = opts.batchSize ?? DEFAULT_BATCH;
  return startLoop(
    'job worker',
    async () => {
      const db = await opts.db();
      const kinds = typeof opts.kinds === 'function' ? opts.kinds() : opts.kinds;
      for (const kind of kinds) {
        while ((await processDue(db, kind as JobKind<Claimed>, { ...opts, batchSize: batch })).claimed >= batch);
      }
    },
    opts.intervalMs,
    opts.startDelayMs ?? opts.intervalMs,
    opts.maxIdleMs,
  );
}
