/**
 * How many e-tjänst submissions one client address may send per hour (SUBMISSION_RATE_LIMIT_PER_HOUR,
 * default 60; 0 turns the limit off). Only new submissions count: a resubmit of the same form (the
 * same idempotency key) is the submission already received and is always answered with its
 * reference. The counter is the staff login's fixed-window counter in the rate_limits table, so all
 * instances count together: the submission that reaches the limit locks the address for an hour.
 * It is checked and counted in the transaction that stores the submission (submissions.ts): a
 * locked address gets nothing written, and a received submission is always counted.
 */
import type { Db } from '../../db/client.ts';
import type { LimitRule } from './staff/policy.ts';
import { lockedUntil, recordFailure } from './staff/rate-limit.ts';

export type SubmissionLimit = { key: string; rule: LimitRule };

export const submissionAddressKey = (address: string) => `submission:address:${address}`;

/** `perHour` submissions within an hour lock the address until an hour after the last counted one. */
export const submissionRule = (perHour: number): LimitRule => ({ maxFailures: perHour, windowMinutes: 60, lockMinutes: 60 });

/** The limit for submissions from this address, or undefined when none applies (turned off, or the address unknown). */
export function submissionLimit(address: string | undefined, perHour: number): SubmissionLimit | undefined {
  if (address === undefined || perHour <= 0) return undefined;
  return { key: submissionAddressKey(address), rule: submissionRule(perHour) };
}

/** The address has sent its limit of new submissions: nothing was written. */
export class SubmissionLimitedError extends Error {
  readonly until: Date;
  constructor(until: Date) {
    super('The client address has reached its limit of new submissions');
    this.name = 'SubmissionLimitedError';
    this.until = until;
  }
}

/** Counts one new submission in the caller's transaction; throws SubmissionLimitedError while the address is locked. */
export async function countSubmission(tx: Db, limit: SubmissionLimit, now: Date): Promise<void> {
  const until = await lockedUntil(tx, [limit.key], now);
  if (until) throw new SubmissionLimitedError(until);
  await recordFailure(tx, limit.key, limit.rule, now);
}
