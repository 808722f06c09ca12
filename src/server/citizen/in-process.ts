/**
 * Citizen-side housekeeping inside the server process, on the server's one database handle and on
 * timers that never keep the process alive: hourly the removal of expired drafts and citizen
 * sessions, and every five minutes the removal of limit counters whose window has passed. Every
 * instance may run it; the removals are idempotent. (E-mail is sent by the job worker, ../jobs.)
 */
import { config } from '../config.ts';
import { getDb } from '../db.ts';
import { log } from '../log.ts';
import { startLoop, type Loop } from '../jobs/queue.ts';
import { deleteExpiredCitizenSessions } from './session.ts';
import { forgetPassedSubmissionWindows } from '../submission-rate-limit.ts';
import { forgetPassedGuessWindows } from '../surveys/guess-limit.ts';
import { forgetPassedLoginWindows } from '../staff/login.ts';

const KEY = Symbol.for('socialtjanstportalen.citizenHousekeeping');
const slot = globalThis as typeof globalThis & { [KEY]?: Loop[] };

/**
 * Expired citizen sessions are removed; returns the count. Expired drafts are not: they hold
 * answers, so they go by gallring (../gallring.ts), which audits each removal — one way for
 * personal data to leave, not two. Until then an expired draft is shown to no one (./drafts.ts).
 */
export async function cleanUpCitizenData(now = new Date()): Promise<{ sessions: number }> {
  const db = await getDb();
  const removed = { sessions: await deleteExpiredCitizenSessions(db, now) };
  if (removed.sessions > 0) log('info', 'expired citizen sessions removed', removed);
  return removed;
}

/** Limit counters whose window has passed are removed: they hold a hashed address or name, kept no longer than the limit needs it. */
export async function forgetPassedLimits(now = new Date()): Promise<number> {
  const db = await getDb();
  return (await forgetPassedSubmissionWindows(db, now)) + (await forgetPassedGuessWindows(db, now)) + (await forgetPassedLoginWindows(db, now));
}

export function ensureCitizenHousekeeping(): void {
  if (slot[KEY]) return;
  try {
    config();
  } catch (e) {
    log('error', 'citizen housekeeping: not started, configuration invalid', {}, e);
    return;
  }
  const loops: Loop[] = [
    startLoop('citizen cleanup', async () => void (await cleanUpCitizenData()), 60 * 60_000, 30_000),
    startLoop('limit cleanup', async () => void (await forgetPassedLimits()), 5 * 60_000, 60_000),
  ];
  slot[KEY] = loops;
}
