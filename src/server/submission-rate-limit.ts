/**
 * How many e-tjänst submissions one client address may send per hour (SUBMISSION_RATE_LIMIT_PER_HOUR,
 * default 60; 0 turns the limit off). Only new submissions count: a resubmit of the same form (the
 * same idempotency key) is the submission already received and is always answered with its
 * reference. The counter is the staff login's fixed-window counter in the rate_limits table, so all
 * instances count together: the submission that reaches the limit locks the address for an hour.
 * The check, the submission and the count are one statement (submissions.ts receiveSubmission;
 * submissions from one address are never in the same batch or in two running at once):
 * a locked address gets nothing written, and a received submission is always counted.
 */
import type { LimitRule } from './staff/policy.ts';

export const submissionAddressKey = (address: string) => `submission:address:${address}`;

/** `perHour` submissions within an hour lock the address until an hour after the last counted one. */
export const submissionRule = (perHour: number): LimitRule => ({ maxFailures: perHour, windowMinutes: 60, lockMinutes: 60 });

/** The limit for submissions from this address, or undefined when none applies (turned off, or the address unknown). */
export function submissionLimit(address: string | undefined, perHour: number): { key: string; rule: LimitRule } | undefined {
  if (address === undefined || perHour <= 0) return undefined;
  return { key: submissionAddressKey(address), rule: submissionRule(perHour) };
}
