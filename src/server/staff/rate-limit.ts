/**
 * Fixed-window failure counters with a lock-out, in the rate_limits table, so every instance of
 * the portal counts together. A key (e.g. "staff-login:account:anna") collects failures; the
 * failure that reaches the rule's maximum within one window locks the key for the lock time.
 * Counting is one atomic upsert: concurrent failures are never lost.
 */
import { and, eq, inArray, isNull, like, lte, or, sql, type SQL } from 'drizzle-orm';
import { rateLimits } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import type { LimitRule } from './policy.ts';

const MINUTE = 60_000;

/** The latest time any of the keys stays locked, or undefined when none is locked now. */
export async function lockedUntil(db: Db, keys: string[], now = new Date()): Promise<Date | undefined> {
  if (keys.length === 0) return undefined;
  const rows = await db.select({ lockedUntil: rateLimits.lockedUntil }).from(rateLimits).where(inArray(rateLimits.key, keys));
  let until: Date | undefined;
  for (const r of rows) {
    if (r.lockedUntil && r.lockedUntil.getTime() > now.getTime() && (!until || r.lockedUntil > until)) until = r.lockedUntil;
  }
  return until;
}

export type FailureCount = { count: number; lockedUntil: Date | undefined; lockedNow: boolean };

/**
 * The counting upsert's parts for a failure at `now`: the row for a key not seen before, and the
 * ON CONFLICT DO UPDATE assignments, in which rate_limits.* are the values before the update (a
 * window that has run out starts again at 1).
 */
function failureCounting(rule: LimitRule, now: Date): { lockEnd: Date; firstLock: Date | null; set: { windowStart: SQL; count: SQL; lockedUntil: SQL } } {
  const nowIso = now.toISOString();
  const windowOpenedAfter = new Date(now.getTime() - rule.windowMinutes * MINUTE).toISOString();
  const lockEnd = new Date(now.getTime() + rule.lockMinutes * MINUTE);
  const fresh = sql`${rateLimits.windowStart} <= ${windowOpenedAfter}::timestamptz`;
  const newCount = sql`(case when ${fresh} then 1 else ${rateLimits.count} + 1 end)`;
  const stillLocked = sql`(${rateLimits.lockedUntil} is not null and ${rateLimits.lockedUntil} > ${nowIso}::timestamptz)`;
  return {
    lockEnd,
    firstLock: rule.maxFailures <= 1 ? lockEnd : null,
    set: {
      windowStart: sql`case when ${fresh} then ${nowIso}::timestamptz else ${rateLimits.windowStart} end`,
      count: newCount,
      lockedUntil: sql`case when ${stillLocked} then ${rateLimits.lockedUntil} when ${newCount} >= ${rule.maxFailures} then ${lockEnd.toISOString()}::timestamptz else null end`,
    },
  };
}

/**
 * Counts one failure for the key. `lockedNow` is true only for the failure that started the
 * lock, so the caller records the lock-out once.
 */
export async function recordFailure(db: Db, key: string, rule: LimitRule, now = new Date()): Promise<FailureCount> {
  const counting = failureCounting(rule, now);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1, lockedUntil: counting.firstLock })
    .onConflictDoUpdate({ target: rateLimits.key, set: counting.set })
    .returning({ count: rateLimits.count, lockedUntil: rateLimits.lockedUntil });
  const until = row?.lockedUntil && row.lockedUntil.getTime() > now.getTime() ? row.lockedUntil : undefined;
  const count = row?.count ?? 1;
  // A lock that this failure started ends exactly at lockEnd; a lock already running is kept as it
  // was (later failures within it extend nothing and are not new lock-outs).
  return { count, lockedUntil: until, lockedNow: until !== undefined && until.getTime() === counting.lockEnd.getTime() };
}

/** Forgets the key's failures (e.g. an account after a complete, successful login). */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/** Removes the counters under `prefix` whose window opened before `windowOpenedBefore` and that no lock holds now; returns how many. */
export async function forgetPassed(db: Pick<Db, 'delete'>, prefix: string, windowOpenedBefore: Date, now: Date): Promise<number> {
  const removed = await db
    .delete(rateLimits)
    .where(and(like(rateLimits.key, `${prefix}:%`), lte(rateLimits.windowStart, windowOpenedBefore), or(isNull(rateLimits.lockedUntil), lte(rateLimits.lockedUntil, now))))
    .returning({ key: rateLimits.key });
  return removed.length;
}
