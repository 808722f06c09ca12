/**
 * How many e-tjänst submissions one client address may send per clock hour
 * (SUBMISSION_RATE_LIMIT_PER_HOUR, default 60; 0 turns the limit off). Only new submissions count:
 * a resubmit of the same form (the same idempotency key) is the submission already received and is
 * always answered with its reference. Counted in the rate_limits table, so all instances count
 * together, in the transaction that stores the submission (submissions.ts): past the limit nothing
 * is written, and a received submission is always counted.
 *
 * Anonymous reports must not be linkable to whoever sent them, so the counter holds no address
 * and no time of a submission: its key is a keyed hash of the address that changes every day
 * (address-key.ts), its window starts on the hour, and it is removed once its hour has passed
 * (forgetPassedSubmissionWindows, run by the citizen housekeeping).
 */
import { eq, sql } from 'drizzle-orm';
import { rateLimits } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';
import { addressKey } from './address-key.ts';
import { forgetPassed } from './staff/rate-limit.ts';

export type SubmissionLimit = { key: string; perHour: number };

const HOUR_MS = 60 * 60 * 1000;
const PREFIX = 'submission';

/** The clock hour a moment falls in: the window it is counted in. */
export function hourOf(now: Date): Date {
  return new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
}

/** The limit for submissions from this address, or undefined when none applies (turned off, or the address unknown). */
export function submissionLimit(address: string | undefined, perHour: number, now = new Date()): SubmissionLimit | undefined {
  if (address === undefined || perHour <= 0) return undefined;
  return { key: addressKey(PREFIX, address, now), perHour };
}

/** The address has sent its limit of new submissions this hour: nothing was written. */
export class SubmissionLimitedError extends Error {
  readonly until: Date;
  constructor(until: Date) {
    super('The client address has reached its limit of new submissions');
    this.name = 'SubmissionLimitedError';
    this.until = until;
  }
}

/**
 * Counts one new submission in the caller's transaction (the counter's row stays locked until it
 * commits, so concurrent submissions from one address count one after the other); past the limit,
 * SubmissionLimitedError, which undoes the transaction and with it this count.
 */
export async function countSubmission(tx: Pick<Db, 'insert'>, limit: SubmissionLimit, now: Date): Promise<void> {
  const hour = hourOf(now);
  const [row] = await tx
    .insert(rateLimits)
    .values({ key: limit.key, windowStart: hour, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: { count: sql`case when ${rateLimits.windowStart} = ${hour.toISOString()}::timestamptz then ${rateLimits.count} + 1 else 1 end`, windowStart: hour, lockedUntil: null },
    })
    .returning({ count: rateLimits.count });
  if ((row?.count ?? 1) > limit.perHour) throw new SubmissionLimitedError(new Date(hour.getTime() + HOUR_MS));
}

/** Removes the counters whose hour has passed; returns how many. */
export async function forgetPassedSubmissionWindows(db: Pick<Db, 'delete'>, now = new Date()): Promise<number> {
  return forgetPassed(db, PREFIX, new Date(hourOf(now).getTime() - HOUR_MS), now);
}

/** How many new submissions the limit has counted in the current hour. */
export async function submissionCount(db: Pick<Db, 'select'>, limit: SubmissionLimit, now = new Date()): Promise<number> {
  const [row] = await db.select({ count: rateLimits.count, windowStart: rateLimits.windowStart }).from(rateLimits).where(eq(rateLimits.key, limit.key));
  return row && row.windowStart.getTime() === hourOf(now).getTime() ? row.count : 0;
}
