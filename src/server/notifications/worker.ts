/**
 * The e-mail worker: takes due pending notifications and sends them, with the pattern of the
 * delivery worker (src/server/delivery/worker.ts): a short claiming transaction with
 * `FOR UPDATE SKIP LOCKED` that counts the attempt and leases the row, sending with no transaction
 * open, then the outcome. A failure is retried with exponential backoff until the attempts run
 * out; then the notification is `failed` and shown to admins (/handlaggning/admin/e-post).
 * Stored errors are codes only (an SMTP reply may quote the address).
 */
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { notifications } from '../../../db/schema.ts';
import { backoffMs } from '../delivery/worker.ts';
import { log } from '../log.ts';
import { TEMPLATES, type Template } from './outbox.ts';
import { renderMail, type Mail } from './templates.ts';

export type SendMail = (to: string, mail: Mail) => Promise<void>;

export type NotifyDeps = {
  send: SendMail;
  origin: string;
  municipality: string;
  maxAttempts: number;
  now?: () => Date;
  random?: () => number;
  batchSize?: number;
  leaseMs?: number;
};

export type NotifyRound = { claimed: number; sent: number; failed: number };

type Claimed = { id: string; toAddress: string; template: string; lang: string; attempts: number };

async function claimDue(db: Db, now: Date, limit: number, leaseMs: number): Promise<Claimed[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.status, 'pending'), lte(notifications.nextAttemptAt, now)))
      .orderBy(asc(notifications.nextAttemptAt), asc(notifications.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(notifications)
      .set({ attempts: sql`${notifications.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + leaseMs) })
      .where(inArray(notifications.id, due.map((d) => d.id)))
      .returning({ id: notifications.id, toAddress: notifications.toAddress, template: notifications.template, lang: notifications.lang, attempts: notifications.attempts });
  });
}

/** A code for admins, never the server's words (they may quote the address). */
export function failureCode(e: unknown): string {
  const o = (e ?? {}) as { responseCode?: unknown; code?: unknown };
  if (typeof o.responseCode === 'number') return `smtp ${o.responseCode}`;
  if (typeof o.code === 'string' && /^[A-Z_]{2,32}$/.test(o.code)) return o.code;
  return 'error';
}

export async function processDueNotifications(db: Db, deps: NotifyDeps): Promise<NotifyRound> {
  const clock = deps.now ?? (() => new Date());
  const claimed = await claimDue(db, clock(), deps.batchSize ?? 20, deps.leaseMs ?? 5 * 60_000);
  const result: NotifyRound = { claimed: claimed.length, sent: 0, failed: 0 };
  for (const n of claimed) {
    let error: string | undefined;
    try {
      if (!(TEMPLATES as readonly string[]).includes(n.template)) throw Object.assign(new Error('unknown template'), { code: 'TEMPLATE' });
      await deps.send(n.toAddress, renderMail(n.template as Template, n.lang, deps.origin, deps.municipality));
    } catch (e) {
      error = failureCode(e);
    }
    const at = clock();
    // Only while our lease holds (same attempt count).
    const mine = and(eq(notifications.id, n.id), eq(notifications.status, 'pending'), eq(notifications.attempts, n.attempts));
    if (error === undefined) {
      await db.update(notifications).set({ status: 'sent', sentAt: at, lastError: null }).where(mine);
      result.sent++;
    } else {
      const final = n.attempts >= deps.maxAttempts;
      await db
        .update(notifications)
        .set({ status: final ? 'failed' : 'pending', lastError: error, nextAttemptAt: final ? at : new Date(at.getTime() + backoffMs(n.attempts, deps.random)) })
        .where(mine);
      result.failed++;
      log('warn', 'notification not sent', { notificationId: n.id, attempt: n.attempts, error, final });
    }
  }
  return result;
}

export type Loop = { kick(): Promise<void>; stop(): Promise<void> };

/**
 * Runs `round` every `intervalMs` and at once when kicked (coalesced); an error is logged and the
 * next round waits longer, up to ten minutes. Its timers never keep the process alive.
 */
export function startLoop(name: string, round: () => Promise<void>, intervalMs: number, startDelayMs = intervalMs): Loop {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  let errors = 0;
  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void kick(), ms);
    timer.unref?.();
  };
  const kick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) return running;
    if (timer) clearTimeout(timer);
    running = (async () => {
      try {
        await round();
        errors = 0;
      } catch (e) {
        errors++;
        log('warn', `${name}: round failed, will try again`, { consecutiveFailures: errors }, e);
      } finally {
        running = undefined;
        schedule(errors === 0 ? intervalMs : Math.min(10 * 60_000, intervalMs * 2 ** Math.min(errors, 10)));
      }
    })();
    return running;
  };
  schedule(startDelayMs);
  return {
    kick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
