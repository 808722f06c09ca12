/**
 * Guessing invitation codes is limited per client address, in the shared rate_limits table (the
 * staff login's counters): 10 wrong codes within 15 minutes lock the address for 15 minutes.
 * Survey answers are anonymous, so the address is kept only as a keyed hash that changes every day
 * (../address-key.ts), and a counter is removed once its window and lock have passed.
 */
import type { Db } from '../../../db/client.ts';
import { addressKey } from '../address-key.ts';
import { forgetPassed, lockedUntil, recordFailure } from '../staff/rate-limit.ts';
import type { LimitRule } from '../staff/policy.ts';

export const CODE_GUESS_RULE: LimitRule = { maxFailures: 10, windowMinutes: 15, lockMinutes: 15 };

const PREFIX = 'survey-code';
const keyFor = (address: string | undefined, now: Date) => addressKey(PREFIX, address ?? 'unknown', now);

export async function codeGuessingLocked(db: Db, address: string | undefined, now = new Date()): Promise<boolean> {
  return (await lockedUntil(db, [keyFor(address, now)], now)) !== undefined;
}

/** Counts one wrong code; true when the address is now locked. */
export async function recordWrongCode(db: Db, address: string | undefined, now = new Date(), rule = CODE_GUESS_RULE): Promise<boolean> {
  return (await recordFailure(db, keyFor(address, now), rule, now)).lockedUntil !== undefined;
}

/** Removes the counters whose window and lock have passed; returns how many. */
export async function forgetPassedGuessWindows(db: Pick<Db, 'delete'>, now = new Date(), rule = CODE_GUESS_RULE): Promise<number> {
  return forgetPassed(db, PREFIX, new Date(now.getTime() - rule.windowMinutes * 60_000), now);
}
