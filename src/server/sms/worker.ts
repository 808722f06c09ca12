/**
 * SMS notifications (channel `sms` of the notifications outbox) as jobs of the portal's one job
 * queue (../jobs/queue.ts), sent through the SMPP adapter (./smpp.ts): rendered in their language
 * with nothing of the matter, retried with the queue's backoff, `failed` for administrators
 * (/handlaggning/admin/e-post) when the attempts run out. Stored errors are codes only.
 */
import type { Db } from '../../../db/client.ts';
import { processDue, type JobKind, type QueueDeps } from '../jobs/queue.ts';
import { renderSms } from '../notifications/templates.ts';
import { channelJobs, type NotificationJob } from '../notifications/worker.ts';
import type { SendSms } from './smpp.ts';

export type SmsDeps = QueueDeps & { send: SendSms; origin: string; municipality: string; maxAttempts: number };

export type SmsJob = NotificationJob;

/** A code for admins: the adapter's (SMPP_8, SMPP_TIMEOUT, ECONNREFUSED …), never a number or a text. */
export function smsFailureCode(e: unknown): string {
  const code = (e ?? {}) as { code?: unknown };
  return typeof code.code === 'string' && /^[A-Z0-9_]{2,32}$/.test(code.code) ? code.code : 'error';
}

export function smsJobs(deps: SmsDeps): JobKind<SmsJob> {
  return channelJobs({
    name: 'sms',
    channel: 'sms',
    render: (template, lang, linkPath) => renderSms(template, lang, deps.origin, deps.municipality, linkPath),
    send: deps.send,
    failureText: smsFailureCode,
    maxAttempts: deps.maxAttempts,
    notSent: 'SMS not sent',
  });
}

export async function processDueSms(db: Db, deps: SmsDeps): Promise<{ claimed: number; sent: number; failed: number }> {
  const r = await processDue(db, smsJobs(deps), deps);
  return { claimed: r.claimed, sent: r.succeeded, failed: r.failed };
}
