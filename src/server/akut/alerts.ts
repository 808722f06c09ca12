/**
 * The socialjour's alert: an akut report (urgent by the urgency rule of the definition it was sent
 * under, stored as `submissions.urgent`) received outside office hours is made known at once to the
 * on-call contacts, by e-mail and by SMS, as notifications of the one outbox: written in the
 * submission's own transaction (so each report gives its alerts exactly once, whichever instance
 * received it, and an acknowledged report is never without them), sent by the job worker at once
 * (it is kicked on commit), retried, and shown to administrators when they fail.
 *
 * The alert says only that an akut matter waits and where: the case's page in the back office,
 * which only staff with access to the area can open. Inside office hours there is no alert: the
 * case is pinned at the top of the inbox of the handläggare who are at work (docs/adr).
 */
import type { Config } from '../config.ts';
import { isOutsideOfficeHours } from '../../domain/cases/office-hours.ts';
import { notifications } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';

export type AlertTargets = { emails: readonly string[]; phones: readonly string[] };

/** Whom an akut report received at `at` alerts: nobody inside office hours or for a report that is not akut. */
export function alertTargets(cfg: Pick<Config, 'officeHours' | 'SOCIALJOUR_ALERT_EMAILS' | 'SOCIALJOUR_ALERT_PHONES'>, urgent: boolean, at: Date): AlertTargets | undefined {
  if (!urgent || !isOutsideOfficeHours(at, cfg.officeHours)) return undefined;
  const targets = { emails: cfg.SOCIALJOUR_ALERT_EMAILS, phones: cfg.SOCIALJOUR_ALERT_PHONES };
  return targets.emails.length + targets.phones.length > 0 ? targets : undefined;
}

/** The case's page in the back office: the only "where" an alert gives. */
export function casePath(reference: string): string {
  return `/handlaggning/arenden/${encodeURIComponent(reference)}`;
}

/** The alert's outbox rows, in the caller's transaction (due at once); how many were written. */
export async function queueAkutAlert(tx: Pick<Db, 'insert'>, a: { submissionId: string; reference: string; targets: AlertTargets; at: Date }): Promise<number> {
  const base = { template: 'akut_alert', lang: 'sv', submissionId: a.submissionId, linkPath: casePath(a.reference), createdAt: a.at, nextAttemptAt: a.at };
  const rows = [...a.targets.emails.map((toAddress) => ({ ...base, toAddress, channel: 'email' })), ...a.targets.phones.map((toAddress) => ({ ...base, toAddress, channel: 'sms' }))];
  if (rows.length > 0) await tx.insert(notifications).values(rows);
  return rows.length;
}
