/**
 * Guessing invitation codes is limited per client address, in the shared rate_limits table (the
 * staff login's counters): 10 wrong codes within 15 minutes lock the address for 15 minutes.
 */
import type { Db } from '../../../db/client.ts';
import { lockedUntil, recordFailure } from '../staff/rate-limit.ts';
import type { LimitRule } from '../staff/policy.ts';

export const CODE_GUESS_RULE: LimitRule = { maxFailures: 10, windowMinutes: 15, lockMinutes: 15 };

const keyFor = (address: string | undefined) => `survey-code:address:${address ?? 'unknown'}`;

export async function codeGuessingLocked(db: Db, address: string | undefined, now = new Date()): Promise<boolean> {
  return (await lockedUntil(db, [keyFor(address)], now)) !== undefined;
}

/** Counts one wrong code; true when the address is now locked. */
export async function recordWrongCode(db: Db, address: string | undefined, now = new Date(), rule = CODE_GUESS_RULE): Promise<boolean> {
  return (await recordFailure(db, keyFor(address), rule, now)).lockedUntil !== undefined;
}
