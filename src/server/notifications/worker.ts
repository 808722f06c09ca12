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

/**
 * One channel of the notifications outbox as a kind of job: a due notification is rendered in its
 * language (nothing of the matter in any channel) and handed to the channel's sender; the stored
 * error is the channel's code. E-mail and SMS differ only in these parts.
 */
export function channelJobs<M>(c: {
  name: string;
  channel: 'email' | 'sms';
  render: (template: Template, lang: string, linkPath: string | null) => M;
  send: (to: string, message: M) => Promise<void>;
  failureText: (e: unknown) => string;
  maxAttempts: number;
  notSent: string;
}): JobKind<NotificationJob> {
  return {
    name: c.name,
    table: notifications,
    columns: { id: notifications.id, status: notifications.status, attempts: notifications.attempts, nextAttemptAt: notifications.nextAttemptAt },
    where: eq(notifications.channel, c.channel),
    fields: { toAddress: notifications.toAddress, template: notifications.template, lang: notifications.lang, linkPath: notifications.linkPath },
    doneStatus: 'sent',
    maxAttempts: c.maxAttempts,
    async perform(n) {
      if (!(TEMPLATES as readonly string[]).includes(n.template)) throw Object.assign(new Error('unknown template'), { code: 'TEMPLATE' });
      await c.send(n.toAddress, c.render(n.template as Template, n.lang, n.linkPath));
    },
    failureText: c.failureText,
    settledValues: (outcome, at) => (outcome.ok ? { sentAt: at } : {}),
    report(n, outcome) {
      if (!outcome.ok) log('warn', c.notSent, { notificationId: n.id, attempt: n.attempts, error: outcome.error, final: outcome.final });
    },
  };
}

/** The e-mail kind of job. */
export function notificationJobs(deps: NotifyDeps): JobKind<NotificationJob> {
  return channelJobs({
    name: 'notification',
    channel: 'email',
    render: (template, lang, linkPath) => renderMail(template, lang, deps.origin, deps.municipality, linkPath),
    send: deps.send,
    failureText: failureCode,
    maxAttempts: deps.maxAttempts,
    notSent: 'notification not sent',
  });
}

export async function processDueNotifications(db: Db, deps: NotifyDeps): Promise<NotifyRound> {
  const r = await processDue(db, notificationJobs(deps), deps);
  return { claimed: r.claimed, sent: r.succeeded, failed: r.failed };
}
