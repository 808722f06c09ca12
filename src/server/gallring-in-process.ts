/**
 * Gallring as a scheduled job inside the server process: once a day, the first run
 * GALLRING_FIRST_RUN_SECONDS after start (ten minutes by default), on the server's one database
 * handle and on a timer that never keeps the process alive. The retention rules come from the
 * registry here; `npm run gallring` does the same from outside the server. Several instances may
 * each run it: every removal is checked again in its own transaction, so a case removed by one is
 * skipped by the other (reported as already gone, not as missed). When something planned was not
 * removed, it says so: an error in the log and a notice to the administrators.
 */
import type { Db } from '../../db/client.ts';
import { config } from './config.ts';
import { retentionRules } from './etjanster/retention.ts';
import { getDb } from './db.ts';
import { runGallring, type RetentionRule } from './gallring.ts';
import { log } from './log.ts';
import { startLoop, type Loop } from './jobs/queue.ts';
import { noticeAdminsSafely } from './staff/notices.ts';

const KEY = Symbol.for('socialtjanstportalen.gallring');
const slot = globalThis as typeof globalThis & { [KEY]?: Loop };

const DAY_MS = 24 * 60 * 60 * 1000;

/** One run: removes, logs what went by kind, and reports planned removals that were not done. */
export async function gallringRound(db: Db, rules?: RetentionRule[], now?: Date): Promise<void> {
  const report = await runGallring(db, { rules: rules ?? (await retentionRules(db)), ...(now ? { now } : {}) });
  const counts: Record<string, number> = {};
  for (const item of report.items) counts[item.kind] = (counts[item.kind] ?? 0) + 1;
  // What another instance's run removed first is counted (and audited) there, and logged here only as a number.
  if (report.items.length > 0 || report.unknownRule.length > 0 || report.alreadyGone.length > 0) log('info', 'gallring done', { ...counts, alreadyGone: report.alreadyGone.length, unknownRule: report.unknownRule.length });
  if (report.missed.length > 0) {
    const planned = report.items.length + report.missed.length + report.alreadyGone.length;
    log('error', 'gallring: planned and done differ', { planned, done: report.items.length, missed: report.missed.length, missedKinds: [...new Set(report.missed.map((m) => m.kind))].join(',') });
    await noticeAdminsSafely(db, { kind: 'gallring_incomplete', details: { planned, missed: report.missed.length } });
  }
}

export function ensureGallring(): void {
  if (slot[KEY]) return;
  let firstRunMs = 10 * 60_000;
  try {
    firstRunMs = config().GALLRING_FIRST_RUN_SECONDS * 1000;
  } catch {
    // The configuration error is reported by the first request; the default stands meanwhile.
  }
  slot[KEY] = startLoop('gallring', async () => gallringRound(await getDb()), DAY_MS, firstRunMs);
}
