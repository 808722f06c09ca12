/**
 * The delivery worker inside the server process, on the process's one database handle (`getDb()`:
 * PGlite allows a single instance per data directory), started by scripts/start.ts (../workers.ts)
 * and run on timers that never keep the process alive. Every instance of the portal runs one;
 * `FOR UPDATE SKIP LOCKED` keeps them from taking the same delivery.
 */
import { config } from '../config.ts';
import { getDb } from '../db.ts';
import { log } from '../log.ts';
import { onDeliveriesQueued } from './signal.ts';
import { startDeliveryWorker, type DeliveryWorker } from './worker.ts';

// On globalThis, so that a module reloaded in development does not start a second worker.
const KEY = Symbol.for('socialtjanstportalen.deliveryWorker');
const slot = globalThis as typeof globalThis & { [KEY]?: DeliveryWorker };

/** Starts the server's delivery worker unless it runs already or DELIVERY_WORKER is off. */
export function ensureDeliveryWorker(): void {
  if (slot[KEY]) return;
  let cfg;
  try {
    cfg = config();
  } catch (e) {
    // The configuration error is reported by the first request; the worker stays off.
    log('error', 'delivery worker: not started, configuration invalid', {}, e);
    return;
  }
  if (!cfg.DELIVERY_WORKER) return;
  const worker = startDeliveryWorker({
    db: getDb,
    intervalMs: cfg.DELIVERY_POLL_SECONDS * 1000,
    maxAttempts: cfg.DELIVERY_MAX_ATTEMPTS,
    // Leave the server a moment to start before the first look at the database.
    startDelayMs: 5_000,
  });
  slot[KEY] = worker;
  onDeliveriesQueued(() => void worker.kick());
}
