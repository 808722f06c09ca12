/**
 * The job worker inside the server process (./queue.ts), started by scripts/start.ts (../workers.ts)
 * on the process's one database handle (`getDb()`: PGlite allows a single instance per data
 * directory) and on timers that never keep the process alive. It does deliveries (unless
 * DELIVERY_WORKER is off), e-mail notifications (when SMTP_URL is set too) and SMS (when SMPP_URL
 * is set), polls every DELIVERY_POLL_SECONDS and runs at once when an action commits new jobs; a job
 * it claims is its own for JOB_LEASE_SECONDS. Every instance of the
 * portal runs one; the queue's claim keeps them from doing a job twice.
 */
import { config } from '../config.ts';
import { getDb } from '../db.ts';
import { log } from '../log.ts';
import { onDeliveriesQueued } from '../delivery/signal.ts';
import { deliveryJobs } from '../delivery/worker.ts';
import { smtpSender } from '../notifications/mailer.ts';
import { onNotificationsQueued } from '../notifications/signal.ts';
import { notificationJobs } from '../notifications/worker.ts';
import { smppSender } from '../sms/smpp.ts';
import { smsJobs } from '../sms/worker.ts';
import { claimSize, startJobWorker, type JobKind, type Loop } from './queue.ts';

// On globalThis, so that a module reloaded in development does not start a second worker.
const KEY = Symbol.for('socialtjanstportalen.jobWorker');
const slot = globalThis as typeof globalThis & { [KEY]?: Loop };

/** Starts the server's job worker unless it runs already or DELIVERY_WORKER is off. */
export function ensureJobWorker(): void {
  if (slot[KEY]) return;
  let cfg;
  try {
    cfg = config();
  } catch (e) {
    // The configuration error is reported by the first request; the worker stays off.
    log('error', 'job worker: not started, configuration invalid', {}, e);
    return;
  }
  if (!cfg.DELIVERY_WORKER) return;
  const kinds: JobKind<never>[] = [deliveryJobs({ maxAttempts: cfg.DELIVERY_MAX_ATTEMPTS }) as JobKind<never>];
  if (cfg.SMTP_URL) {
    kinds.push(notificationJobs({ send: smtpSender(cfg.SMTP_URL, cfg.SMTP_FROM, cfg.SEND_TIMEOUT_MS), origin: cfg.PUBLIC_ORIGIN, municipality: cfg.MUNICIPALITY_NAME, maxAttempts: cfg.NOTIFY_MAX_ATTEMPTS }) as JobKind<never>);
  }
  if (cfg.SMPP_URL) {
    kinds.push(smsJobs({ send: smppSender(cfg.SMPP_URL, cfg.SMS_SENDER, cfg.SEND_TIMEOUT_MS), origin: cfg.PUBLIC_ORIGIN, municipality: cfg.MUNICIPALITY_NAME, maxAttempts: cfg.NOTIFY_MAX_ATTEMPTS }) as JobKind<never>);
  }
  const worker = startJobWorker({
    db: getDb,
    kinds,
    intervalMs: Math.min(cfg.DELIVERY_POLL_SECONDS, cfg.NOTIFY_POLL_SECONDS) * 1000,
    leaseMs: cfg.JOB_LEASE_SECONDS * 1000,
    // The jobs of one claim are done one after another, each call bounded by its timeout: no more
    // are claimed than fit in the lease, so none is still waiting its turn when its lease runs out.
    batchSize: claimSize(cfg.JOB_LEASE_SECONDS * 1000, Math.max(cfg.WEBHOOK_TIMEOUT_MS, cfg.SEND_TIMEOUT_MS)),
    // Leave the server a moment to start before the first look at the database.
    startDelayMs: 5_000,
  });
  slot[KEY] = worker;
  onDeliveriesQueued(() => void worker.kick());
  onNotificationsQueued(() => void worker.kick());
}
