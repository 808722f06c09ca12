/**
 * SMS notifications (channel `sms` of the notifications outbox) as jobs of the portal's one job
 * queue (../jobs/queue.ts), sent through the SMPP adapter (./smpp.ts): rendered in their language
 * with nothing of the matter, retried with the queue's backoff, `failed` for administrators
 * (/handlaggning/admin/e-post) when the attempts run out. Stored errors are codes only.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { notifications } from '../../../db/schema.ts';
import { log } from '../log.ts';
import { processDue, type Claimed, type JobKind, type QueueDeps } from '../jobs/queue.ts';
import { TEMPLATES, type Template } from '../notifications/outbox.ts';
import { renderSms } from '../notifications/templates.ts';
import type { SendSms } from './smpp.ts';

export type SmsDeps = QueueDeps & { send: SendSms; origin: string; municipality: string; maxAttempts: number };

export type SmsJob = Claimed & { toAddress: string; template: string; lang: string; linkPath: string | null };

/** A code for admins: the adapter's (SMPP_8, SMPP_TIMEOUT, ECONNREFUSED …), never a number or a text. */
export function smsFailureCode(e: unknown): string {
  const code = (e ?? {}) as { code?: unknown };
  return typeof code.code === 'string' && /^[A-Z0-9_]{2,32}$/.test(code.code) ? code.code : 'error';
}

export function smsJobs(deps: SmsDeps): JobKind<SmsJob> {
  return {
    name: 'sms',
    table: notifications,
    columns: { id: notifications.id, status: notifications.status, attempts: notifications.attempts, nextAttemptAt: notifications.nextAttemptAt },
    where: eq(notifications.channel, 'sms'),
    fields: { toAddress: notifications.toAddress, template: notifications.template, lang: notifications.lang, linkPath: notifications.linkPath },
    doneStatus: 'sent',
    maxAttempts: deps.maxAttempts,
    async perform(n) {
      if (!(TEMPLATES as readonly string[]).includes(n.template)) throw Object.assign(new Error('unknown template'), { code: 'TEMPLATE' });
      await deps.send(n.toAddress, renderSms(n.template as Template, n.lang, deps.origin, deps.municipality, n.linkPath));
    },
    failureText: smsFailureCode,
    settledValues: (outcome, at) => (outcome.ok ? { sentAt: at } : {}),
    report(n, outcome) {
      if (!outcome.ok) log('warn', 'SMS not sent', { notificationId: n.id, attempt: n.attempts, error: outcome.error, final: outcome.final });
    },
  };
}

export async function processDueSms(db: Db, deps: SmsDeps): Promise<{ claimed: number; sent: number; failed: number }> {
  const r = await processDue(db, smsJobs(deps), deps);
  return { claimed: r.claimed, sent: r.succeeded, failed: r.failed };
}
