/**
 * Gallring as a scheduled job inside the server process: once a day (first run ten minutes after
 * start), on the server's one database handle and on a timer that never keeps the process alive.
 * The retention rules come from the registry here; `npm run gallring` does the same from outside
 * the server. Several instances may each run it: every removal is checked again in its own
 * transaction, so a case removed by one is simply skipped by the other. When something planned
 * was not removed, it says so: an error in the log and a notice to the administrators.
 */
import type { Db } from '../../db/client.ts';
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
  if (report.items.length > 0 || report.unknownRule.length > 0) log('info', 'gallring done', { ...counts, unknownRule: report.unknownRule.length });
  if (report.missed.length > 0) {
    const planned = report.items.length + report.missed.length;
    log('error', 'gallring: planned and done differ', { planned, done: report.items.length, missed: report.missed.length, missedKinds: [...new Set(report.missed.map((m) => m.kind))].join(',') });
    await noticeAdminsSafely(db, { kind: 'gallring_incomplete', details: { planned, missed: report.missed.length } });
  }
}

export function ensureGallring(): void {
  if (slot[KEY]) return;
  slot[KEY] = startLoop('gallring', async () => gallringRound(await getDb()), DAY_MS, 10 * 60_000);
}
