/**
 * The portal's background work, started once by scripts/start.ts beside the HTTP server (never as
 * a side effect of loading a page or the middleware): the job queue (deliveries to the verksamhetssystem and e-mail
 * notifications) and the removal of expired citizen data, gallring, and the folding of new
 * submissions into the indicator summaries. Each runs on timers that never keep the process alive
 * and on the process's one database handle (db.ts); every instance may run them.
 */
import { ensureJobWorker } from './jobs/in-process.ts';
import { ensureCitizenHousekeeping } from './citizen/in-process.ts';
import { ensureGallring } from './gallring-in-process.ts';
import { ensureIndicatorFolding } from './indicators/fold-in-process.ts';

export function startBackgroundWorkers(): void {
  ensureJobWorker();
  ensureCitizenHousekeeping();
  ensureGallring();
  ensureIndicatorFolding();
}
