/**
 * The submissions repository: receiving a submission and reading one back for handläggare.
 *
 * Receiving is one transaction, written with drizzle's query builder: the count towards the
 * client address's limit, the reference number, the submission, the uploads it links, its audit
 * event and its outbox rows (deliveries to the verksamhetssystem, e-mail notifications). Either
 * all of it is stored or none of it; the citizen is answered only after the commit. It is
 * idempotent on the form's token: a repeat is answered with the submission already received.
 */
import type { Lang } from '../i18n/index.ts';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { etjanstVersions, submissionRulePeriods, submissions, uploads } from '../../db/schema.ts';
import { resultRows, type Db } from '../../db/client.ts';
import { referenceNumber } from '../domain/cases/reference.ts';
import { audit } from './audit.ts';
import { enqueueDeliveries } from './delivery/queue.ts';
import { registeredBackends } from './delivery/registry.ts';
import { deliveriesQueued } from './delivery/signal.ts';
import { queueNotifications, type Template } from './notifications/outbox.ts';
import { queueAkutAlert, type AlertTargets } from './akut/alerts.ts';
import { notificationsQueued } from './notifications/signal.ts';
import { countSubmission, type SubmissionLimit } from './submission-rate-limit.ts';
import { rulesInForce } from './rules.ts';
import { requestConfirmation } from './citizen/confirmations.ts';
import type { ConfirmationRequest } from '../domain/forms/parties.ts';

export { SubmissionLimitedError } from './submission-rate-limit.ts';

export type NewSubmission = {
  serviceId: string;
  serviceVersion: number;
  /** The content hash of that published version; looked up from the version when not given. */
  serviceHash?: string | null;
  area: string;
  answers: Record<string, unknown>;
  /** The answers sent as they were prefilled: field name → where the value came from (folkbokföringen, the e-legitimation). */
  prefilled?: Record<string, 'folkbokforing' | 'eid'> | undefined;
  subjectPersonnummer: string | null;
  subjectName: string | null;
  submitterName: string | null;
  /** The submitter logged in with e-legitimation (`YYYYMMDD-NNNN`): the submission shows on their Mina sidor. */
  submitterPersonnummer?: string | null;
  onBehalf: boolean;
  /** The reporter stays anonymous (the answers on the path hold nothing identifying them). */
  anonymous?: boolean;
  /** Immediate danger according to the definition's urgency rule. */
  urgent?: boolean;
  /** The handling deadline from receipt, e.g. förhandsbedömning of an orosanmälan within 14 days. */
  dueAt?: Date | null;
  idempotencyKey: string;
  /** Uploads made during this journey (bound to the same idempotency key) that become attachments. */
  uploadIds?: string[];
  /**
   * The rule-set period (src/server/rules.ts) the journey was judged under: recorded with the
   * submission, so its receipt, PDF and case show those values whatever changes later.
   */
  rulePeriodId?: string | undefined;
  /** Someone who must confirm it with their own e-legitimation (domain/forms/parties.ts confirmationOf). */
  confirmation?: ConfirmationRequest | null | undefined;
  /** The language the citizen sent it in (the portal's language then); its beslutsbrev is written in it. */
  language?: string | null | undefined;
};

export class MissingUploadError extends Error {
  readonly uploadIds: string[];
  constructor(uploadIds: string[]) {
    super('An uploaded file referred to by the answers is no longer stored');
    this.name = 'MissingUploadError';
    this.uploadIds = uploadIds;
  }
}

export type Received = { id: string; reference: string; submittedAt: Date; duplicate: boolean };

export type ReceiveOptions = {
  /**
   * The limit on new submissions from the client address (submission-rate-limit.ts): counted in
   * the transaction; past it, SubmissionLimitedError and nothing is written. A resubmit of one
   * already received is always answered and never counted.
   */
  limit?: SubmissionLimit | undefined;
  /** E-mail notifications queued with the submission (outbox.ts decides to whom). */
  notify?: { to: string[]; template: Template; lang: Lang };
  /** The socialjour's alert of an akut report outside office hours (akut/alerts.ts), queued with it. */
  alert?: AlertTargets | undefined;
  /** The backends the case is handed over to (default: every registered one). */
  backends?: string[];
};

/** The audit event's details: what was received, without any personal data. */
export function receivedDetails(s: NewSubmission): Record<string, string | number | boolean> {
  return { serviceId: s.serviceId, serviceVersion: s.serviceVersion, onBehalf: s.onBehalf, anonymous: s.anonymous ?? false, urgent: s.urgent ?? false, attachments: s.uploadIds?.length ?? 0 };
}

/** PostgreSQL's unique_violation on the idempotency key: another request with the same token committed first. */
function isSameTokenRace(e: unknown): boolean {
  for (let cur: unknown = e; cur && typeof cur === 'object'; cur = (cur as { cause?: unknown }).cause) {
    const c = cur as { code?: unknown; constraint?: unknown; message?: unknown };
    if (c.code === '23505' && (String(c.constraint ?? '').includes('idempotency') || String(c.message ?? '').includes('idempotency'))) return true;
  }
  return false;
}

async function findByToken(db: Pick<Db, 'select'>, idempotencyKey: string): Promise<Received | undefined> {
  const [row] = await db
    .select({ id: submissions.id, reference: submissions.reference, submittedAt: submissions.submittedAt })
    .from(submissions)
    .where(eq(submissions.idempotencyKey, idempotencyKey));
  return row ? { ...row, duplicate: true } : undefined;
}

/** Stores a submission exactly once per idempotency key (see the module's description). */
export async function receiveSubmission(db: Db, s: NewSubmission, now = new Date(), opts: ReceiveOptions = {}): Promise<Received> {
  const backends = opts.backends ?? registeredBackends().map((b) => b.id);
  const uploadIds = s.uploadIds ?? [];
  let received: Received;
  try {
    received = await db.transaction(async (tx) => {
      const earlier = await findByToken(tx, s.idempotencyKey);
      if (earlier) return earlier;
      if (opts.limit) await countSubmission(tx, opts.limit, now);
      const [seq] = resultRows<{ n: string }>(await tx.execute(sql`select nextval('submission_reference_seq') as n`));
      const [row] = await tx
        .insert(submissions)
        .values({
          reference: referenceNumber(now, Number(seq!.n)),
          serviceId: s.serviceId,
          serviceVersion: s.serviceVersion,
          serviceHash:
            s.serviceHash ??
            sql`(select ${etjanstVersions.hash} from ${etjanstVersions} where ${etjanstVersions.serviceId} = ${s.serviceId} and ${etjanstVersions.version} = ${s.serviceVersion} and ${etjanstVersions.state} <> 'draft')`,
          area: s.area,
          answers: s.answers,
          prefilled: s.prefilled && Object.keys(s.prefilled).length > 0 ? s.prefilled : null,
          subjectPersonnummer: s.subjectPersonnummer,
          subjectName: s.subjectName,
          submitterName: s.submitterName,
          submitterPersonnummer: s.submitterPersonnummer ?? null,
          onBehalf: s.onBehalf,
          anonymous: s.anonymous ?? false,
          urgent: s.urgent ?? false,
          dueAt: s.dueAt ?? null,
          language: s.language ?? null,
          idempotencyKey: s.idempotencyKey,
          submittedAt: now,
          updatedAt: now,
        })
        .returning({ id: submissions.id, reference: submissions.reference, submittedAt: submissions.submittedAt });
      if (uploadIds.length > 0) {
        const linked = await tx
          .update(uploads)
          .set({ submissionId: row!.id })
          .where(and(inArray(uploads.id, uploadIds), eq(uploads.journeyKey, s.idempotencyKey), isNull(uploads.submissionId)))
          .returning({ id: uploads.id });
        // Never acknowledge a submission whose attachment is gone: the whole transaction is undone.
        const missing = uploadIds.filter((id) => !linked.some((l) => l.id === id));
        if (missing.length > 0) throw new MissingUploadError(missing);
      }
      // Every submission names the rule set it is shown with: the one it was judged under, else the one in force now.
      await tx.insert(submissionRulePeriods).values({ submissionId: row!.id, periodId: s.rulePeriodId ?? (await rulesInForce(tx, now)).id });
      await audit(tx, { actorType: 'citizen', action: 'submission.received', subjectType: 'submission', subjectId: row!.id, details: receivedDetails(s) });
      await enqueueDeliveries(tx, row!.id, 'submitted', backends);
      if (s.confirmation) await requestConfirmation(tx, row!.id, s.confirmation, now, opts.notify?.lang);
      if (opts.notify) await queueNotifications(tx, { submissionId: row!.id, ...opts.notify });
      if (opts.alert) await queueAkutAlert(tx, { submissionId: row!.id, reference: row!.reference, targets: opts.alert, at: now });
      return { ...row!, duplicate: false };
    });
  } catch (e) {
    // A concurrent request with the same token won the race: answered with its submission.
    const other = isSameTokenRace(e) ? await findByToken(db, s.idempotencyKey) : undefined;
    if (!other) throw e;
    received = other;
  }
  if (!received.duplicate) {
    if (backends.length > 0) deliveriesQueued();
    if ((opts.notify?.to.length ?? 0) > 0 || opts.alert || (s.confirmation?.contacts.length ?? 0) > 0) notificationsQueued();
  }
  return received;
}

// The handläggare inbox (filters, search, counts, keyset pages) is in ./inbox.ts.

export type SubmissionRecord = typeof submissions.$inferSelect;

/** A submission by reference, only if it belongs to one of the reader's areas (else undefined). */
export async function findSubmission(db: Db, reference: string, areas: string[]): Promise<SubmissionRecord | undefined> {
  if (areas.length === 0) return undefined;
  const [row] = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.reference, reference), inArray(submissions.area, areas)));
  return row;
}
