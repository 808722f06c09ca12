/**
 * The e-mail outbox: a notification is a row (address, template, language), written when something
 * happens to a matter and sent later by the worker (./worker.ts). Queuing never fails the citizen's
 * or the handläggare's action: an error is logged and the action goes on. A notification says only
 * that something happened and links to Mina sidor; nothing of the matter is in it.
 *
 * Who is told: the e-mail addresses given in the matter's answers (the definition's e-mail
 * fields), and only for matters that are shown on someone's Mina sidor (the e-tjänst requires
 * e-legitimation, or a logged-in person submitted it) and whose sender is not anonymous.
 */
import { langOrDefault, type Lang } from '../../i18n/index.ts';
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { caseEvents, notifications, submissions } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import type { FieldDef, ServiceDefinition } from '../../domain/forms/definition.ts';
import { getServiceVersion } from '../etjanster/registry.ts';
import { log } from '../log.ts';
import { notificationsQueued } from './signal.ts';
import { ATERKOPPLING_TEMPLATES } from '../../domain/cases/aterkoppling.ts';

/**
 * admin_notice: to administrators, that something waits on their start page (src/server/staff/notices.ts).
 * akut_alert: to the socialjour, that an akut report waits (src/server/akut/alerts.ts).
 * citizen_message: to the assigned handläggare, that the citizen wrote (src/server/akut/unread.ts).
 * confirmation_requested: to a medsökande or the other vårdnadshavare, that an application waits for their confirmation (src/server/citizen/confirmations.ts).
 * aterkoppling_*: to a professional reporter, whether an investigation was started (src/domain/cases/aterkoppling.ts).
 */
export const TEMPLATES = ['submission_received', 'status_changed', 'message_received', 'admin_notice', 'akut_alert', 'citizen_message', 'confirmation_requested', ...ATERKOPPLING_TEMPLATES] as const;
export type Template = (typeof TEMPLATES)[number];

/** The templates written to the citizen: the language of the first of them is the matter's. */
export const CITIZEN_TEMPLATES = ['submission_received', 'status_changed', 'message_received'] as const satisfies readonly Template[];

const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

function emailFields(fields: readonly FieldDef[]): string[] {
  return fields.flatMap((f) => (f.type === 'email' ? [f.name] : []));
}

/**
 * The distinct e-mail addresses given in the answers' e-mail fields (top-level fields only), but
 * not those of someone asked to confirm the matter (the definition's `confirmation.contact`): they
 * are told only that something waits for them (src/server/citizen/confirmations.ts).
 */
export function addressesIn(def: ServiceDefinition, answers: Record<string, unknown>): string[] {
  const theirs = new Set(def.confirmation?.contact ?? []);
  const names = def.pages.flatMap((p) => (p.kind === 'question' ? emailFields(p.fields) : [])).filter((n) => !theirs.has(n));
  const found = names.map((n) => answers[n]).filter((v): v is string => typeof v === 'string' && EMAIL.test(v.trim()));
  return [...new Set(found.map((v) => v.trim().toLowerCase()))];
}

/** The language a citizen's e-mails are written in: the one they used the portal in (every offered language has the mail texts: src/i18n/coverage.test.ts). */
export function mailLang(lang: string | undefined): Lang {
  return langOrDefault(lang);
}

/** Who is told about a matter (see above): none for an anonymous sender or a matter on no one's Mina sidor. */
export function recipientsFor(def: ServiceDefinition, answers: Record<string, unknown>, sender: { anonymous: boolean; submitterPersonnummer: string | null }): string[] {
  if (sender.anonymous || (!def.requiresEid && !sender.submitterPersonnummer)) return [];
  return addressesIn(def, answers);
}

/**
 * Queues the template for everyone the matter's answers give an address for (see above), in
 * `lang`, or else in the language the citizen used when sending the matter (that of its first
 * notification to the citizen, not to staff or the socialjour; Swedish when there is none).
 */
export async function queueForSubmission(db: Db, submissionId: string, template: Template, lang?: string): Promise<number> {
  const [sub] = await db
    .select({ serviceId: submissions.serviceId, serviceVersion: submissions.serviceVersion, answers: submissions.answers, anonymous: submissions.anonymous, submitter: submissions.submitterPersonnummer })
    .from(submissions)
    .where(eq(submissions.id, submissionId));
  if (!sub) return 0;
  const def = await getServiceVersion(db, sub.serviceId, sub.serviceVersion);
  if (!def) return 0;
  const to = recipientsFor(def, sub.answers, { anonymous: sub.anonymous, submitterPersonnummer: sub.submitter });
  if (to.length === 0) return 0;
  await queueNotifications(db, { submissionId, to, template, lang: lang !== undefined ? mailLang(lang) : await matterLang(db, submissionId) });
  return to.length;
}

/**
 * The language the citizen sent the matter in: that of its first notification to the citizen (not
 * one to staff or to the socialjour, which are in Swedish); Swedish when there is none.
 */
export async function matterLang(db: Db, submissionId: string): Promise<Lang> {
  const [first] = await db
    .select({ lang: notifications.lang })
    .from(notifications)
    .where(and(eq(notifications.submissionId, submissionId), inArray(notifications.template, [...CITIZEN_TEMPLATES])))
    .orderBy(asc(notifications.createdAt))
    .limit(1);
  return mailLang(first?.lang);
}

/** The outbox rows for these addresses, written in the caller's transaction (due at once). */
export async function queueNotifications(tx: Pick<Db, 'insert'>, n: { submissionId: string; to: string[]; template: Template; lang: Lang }): Promise<void> {
  if (n.to.length === 0) return;
  await tx.insert(notifications).values(n.to.map((toAddress) => ({ toAddress, template: n.template, lang: n.lang, submissionId: n.submissionId })));
}

/** As queueForSubmission, but never throws: a notification must not fail the action that caused it. */
export async function notifySafely(db: Db | (() => Promise<Db>), submissionId: string, template: Template, lang?: string): Promise<void> {
  try {
    const handle = typeof db === 'function' ? await db() : db;
    if ((await queueForSubmission(handle, submissionId, template, lang)) > 0) notificationsQueued();
  } catch (e) {
    log('warn', 'notification not queued', { submissionId, template }, e);
  }
}

/**
 * After a handläggare's action on the case with this reference: when the action changed the
 * case's status (its timeline event records `to`), the citizen is told that something happened.
 * Never throws.
 */
export async function notifyIfStatusChanged(db: () => Promise<Db>, reference: string, since: Date, lang?: string): Promise<void> {
  try {
    const handle = await db();
    const [sub] = await handle.select({ id: submissions.id }).from(submissions).where(eq(submissions.reference, reference));
    if (!sub) return;
    const events = await handle
      .select({ data: caseEvents.data })
      .from(caseEvents)
      .where(and(eq(caseEvents.submissionId, sub.id), gte(caseEvents.at, new Date(since.getTime() - 1000))));
    if (events.some((e) => typeof e.data.to === 'string' && e.data.to !== e.data.from)) await notifySafely(handle, sub.id, 'status_changed', lang);
  } catch (e) {
    log('warn', 'notification not queued', { template: 'status_changed' }, e);
  }
}
