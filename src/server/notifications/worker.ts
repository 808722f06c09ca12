/**
 * E-mail notifications (channel `email`) as jobs of the portal's one job queue (../jobs/queue.ts): a due
 * notification is rendered in its language and sent; a failure is retried with the queue's backoff
 * until the attempts run out, then the notification is `failed` and shown to admins
 * (/handlaggning/admin/e-post). Stored errors are codes only (an SMTP reply may quote the address).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { notifications } from '../../../db/schema.ts';
import { log } from '../log.ts';
import { processDue, type Claimed, type JobKind, type QueueDeps } from '../jobs/queue.ts';
import { TEMPLATES, type Template } from './outbox.ts';
import { renderMail, type Mail } from './templates.ts';

export type SendMail = (to: string, mail: Mail) => Promise<void>;

export type NotifyDeps = QueueDeps & {
  send: SendMail;
  origin: string;
  municipality: string;
  maxAttempts: number;
};

export type NotifyRound = { claimed: number; sent: number; failed: number };

export type NotificationJob = Claimed & { toAddress: string; template: string; lang: string; linkPath: string | null };

/** A code for admins, never the server's words (they may quote the address). */
export function failureCode(e: unknown): string {
  const o = (e ?? {}) as { responseCode?: unknown; code?: unknown };
  if (typeof o.responseCode === 'number') return `smtp ${o.responseCode}`;
  if (typeof o.code === 'string' && /^[A-Z_]{2,32}$/.test(o.code)) return o.code;
  return 'error';
}

/** The notification kind of job. */
export function notificationJobs(deps: NotifyDeps): JobKind<NotificationJob> {
  return {
    name: 'notification',
    table: notifications,
    columns: { id: notifications.id, status: notifications.status, attempts: notifications.attempts, nextAttemptAt: notifications.nextAttemptAt },
    where: eq(notifications.channel, 'email'),
    fields: { toAddress: notifications.toAddress, template: notifications.template, lang: notifications.lang, linkPath: notifications.linkPath },
    doneStatus: 'sent',
    maxAttempts: deps.maxAttempts,
    async perform(n) {
      if (!(TEMPLATES as readonly string[]).includes(n.template)) throw Object.assign(new Error('unknown template'), { code: 'TEMPLATE' });
      await deps.send(n.toAddress, renderMail(n.template as Template, n.lang, deps.origin, deps.municipality, n.linkPath));
    },
    failureText: failureCode,
    settledValues: (outcome, at) => (outcome.ok ? { sentAt: at } : {}),
    report(n, outcome) {
      if (!outcome.ok) log('warn', 'notification not sent', { notificationId: n.id, attempt: n.attempts, error: outcome.error, final: outcome.final });
    },
  };
}

export async function processDueNotifications(db: Db, deps: NotifyDeps): Promise<NotifyRound> {
  const r = await processDue(db, notificationJobs(deps), deps);
  return { claimed: r.claimed, sent: r.succeeded, failed: r.failed };
}
