/**
 * How many e-tjänst submissions one client address may send per hour (SUBMISSION_RATE_LIMIT_PER_HOUR,
 * default 60; 0 turns the limit off). Only new submissions count: a resubmit of the same form (the
 * same idempotency key) is the submission already received and is always answered with its
 * reference. The counter is the staff login's fixed-window counter in the rate_limits table, so all
 * instances count together: the submission that reaches the limit locks the address for an hour.
 * The check comes before anything is written and the count after the submission is stored, so under
 * many simultaneous submissions from one address the limit may be passed by the few in flight.
 */
import { eq } from 'drizzle-orm';
import { submissions } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';
import type { LimitRule } from './staff/policy.ts';
import { lockedUntil, recordFailure } from './staff/rate-limit.ts';

export const submissionAddressKey = (address: string) => `submission:address:${address}`;

/** `perHour` submissions within an hour lock the address until an hour after the last counted one. */
export const submissionRule = (perHour: number): LimitRule => ({ maxFailures: perHour, windowMinutes: 60, lockMinutes: 60 });

export type SubmissionLimit = { address: string | undefined; perHour: number };

const applies = (l: SubmissionLimit): l is { address: string; perHour: number } => l.address !== undefined && l.perHour > 0;

/**
 * Until when the address may send no new submission, or undefined when this one may be received:
 * the limit is off, the address unknown, not locked, or this form was already received (a resubmit).
 */
export async function submissionBlockedUntil(db: Db, limit: SubmissionLimit, idempotencyKey: string, now = new Date()): Promise<Date | undefined> {
  if (!applies(limit)) return undefined;
  const until = await lockedUntil(db, [submissionAddressKey(limit.address)], now);
  if (!until) return undefined;
  const existing = await db.select({ id: submissions.id }).from(submissions).where(eq(submissions.idempotencyKey, idempotencyKey)).limit(1);
  return existing.length > 0 ? undefined : until;
}

/** Counts one new (not duplicate) submission from the address. */
export async function countSubmission(db: Db, limit: SubmissionLimit, now = new Date()): Promise<void> {
  if (!applies(limit)) return;
  await recordFailure(db, submissionAddressKey(limit.address), submissionRule(limit.perHour), now);
}
