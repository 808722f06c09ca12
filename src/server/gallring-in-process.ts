/**
 * Gallring as a scheduled job inside the server process: once a day (first run ten minutes after
 * start), on the server's one database handle and on a timer that never keeps the process alive.
 * The retention rules come from the registry here; `npm run gallring` does the same from outside
 * the server. Several instances may each run it: every removal is checked again in its own
 * transaction, so a case removed by one is simply skipped by the other.
 */
import { allVersions } from '../services/index.ts';
import { getDb } from './db.ts';
import { runGallring } from './gallring.ts';
import { log } from './log.ts';
import { startLoop, type Loop } from './notifications/worker.ts';

const KEY = Symbol.for('socialtjanstportalen.gallring');
const slot = globalThis as typeof globalThis & { [KEY]?: Loop };

const DAY_MS = 24 * 60 * 60 * 1000;

export function ensureGallring(): void {
  if (slot[KEY]) return;
  slot[KEY] = startLoop(
    'gallring',
    async () => {
      const report = await runGallring(await getDb(), { rules: allVersions });
      const counts: Record<string, number> = {};
      for (const item of report.items) counts[item.kind] = (counts[item.kind] ?? 0) + 1;
      if (report.items.length > 0 || report.unknownRule.length > 0) log('info', 'gallring done', { ...counts, unknownRule: report.unknownRule.length });
    },
    DAY_MS,
    10 * 60_000,
  );
}
