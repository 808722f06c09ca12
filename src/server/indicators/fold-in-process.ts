/**
 * Folds the new submissions waiting in indicator_arrivals_pending into the indicator summaries
 * (indicator_fold_pending(), migration 0009) every few seconds, inside the server process, on the
 * server's one database handle and a timer that never keeps the process alive. What is pending is
 * counted by the indicators anyway (they read both); folding keeps the pending table small. Several
 * instances may each fold: a row is moved once, by whichever takes it first.
 */
import { sql } from 'drizzle-orm';
import { getDb } from '../db.ts';
import { startLoop, type Loop } from '../jobs/queue.ts';

const KEY = Symbol.for('socialtjanstportalen.indicator-fold');
const slot = globalThis as typeof globalThis & { [KEY]?: Loop };

const INTERVAL_MS = 5_000;

export function ensureIndicatorFolding(): void {
  if (slot[KEY]) return;
  slot[KEY] = startLoop(
    'indicator fold',
    async () => {
      await (await getDb()).execute(sql`select indicator_fold_pending()`);
    },
    INTERVAL_MS,
  );
}
