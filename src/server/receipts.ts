/**
 * A citizen's receipt (kvittens) of their own submission: finding the submission only with both
 * its id and the idempotency key the journey used (the journey cookie carries both, so nobody can
 * fetch someone else's receipt by guessing a reference number), its answers as translated rows,
 * and the PDF the confirmation page offers once.
 */
import { and, eq } from 'drizzle-orm';
import type { TFunction } from 'i18next';
import { submissions } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceDefinition } from '../domain/forms/definition.ts';
import type { Answers } from '../domain/forms/journey.ts';
import { answerRows } from '../domain/forms/answers.ts';
import { displayLineWithLabel } from '../i18n/display.ts';
import type { ForenkladRules } from '../domain/rules/forenklad.ts';
import type { SubmissionRecord } from './submissions.ts';
import { getServiceVersion } from './etjanster/registry.ts';
import { paragraphs } from '../i18n/index.ts';
import { textParamsFor } from '../i18n/display.ts';
import { config } from './config.ts';
import { forenkladRules } from './rules.ts';
import { renderReceiptPdf } from './receipt-pdf.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The submission with this id, only when it was made with this idempotency key; else undefined. */
export async function findReceipt(db: Db, submissionId: string, idempotencyKey: string): Promise<SubmissionRecord | undefined> {
  // PostgreSQL rejects a malformed uuid with an error; a tampered id is simply "not found".
  if (!UUID.test(submissionId) || idempotencyKey === '') return undefined;
  const [row] = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.id, submissionId), eq(submissions.idempotencyKey, idempotencyKey)));
  return row;
}

export type ReceiptRow = { label: string; lines: string[] };

/**
 * The answers as the citizen saw them on check-answers, in journey order: labels and chosen
 * options translated, citizen text verbatim, an optional question left empty as "Inte angivet".
 * The journey is walked as of the submission time, so the same path is shown as was submitted.
 */
export function receiptRows(def: ServiceDefinition, answers: Answers, submittedAt: Date, t: TFunction, textParams: Record<string, string | number>, rules: ForenkladRules): ReceiptRow[] {
  return answerRows(def, answers, { today: submittedAt, rules }).map((row) => ({
    label: t(row.field.label, textParams),
    lines: row.lines.length === 0 ? [t('checkAnswers.notGiven')] : row.lines.map((line) => displayLineWithLabel(t, line, textParams)),
  }));
}

/**
 * The PDF receipt of the submission a journey just sent (its id and idempotency key), rendered
 * with the definition version it was made against, in the reader's language; undefined when the
 * journey's receipt names no such submission.
 */
export async function receiptPdf(db: Db, receipt: { id: string; token: string }, reader: { t: TFunction; lang: 'sv' | 'en'; textParams: Record<string, string | number> }): Promise<{ reference: string; pdf: Buffer } | undefined> {
  const row = await findReceipt(db, receipt.id, receipt.token);
  if (!row) return undefined;
  const def = await getServiceVersion(db, row.serviceId, row.serviceVersion);
  // A published version is never removed; if it is, that is a deployment error, not a missing receipt.
  if (!def) throw new Error(`E-tjänst "${row.serviceId}" version ${row.serviceVersion} is not registered`);
  const { t, lang } = reader;
  const textParams = textParamsFor(def, row.answers, reader.textParams);
  const cfg = config();
  const confirmation = def.pages.find((p) => p.kind === 'confirmation');
  const pdf = await renderReceiptPdf({
    municipality: cfg.MUNICIPALITY_NAME,
    serviceTitle: t(def.title, textParams),
    reference: row.reference,
    submittedAt: row.submittedAt,
    lang,
    rows: receiptRows(def, row.answers, row.submittedAt, t, textParams, forenkladRules()),
    t,
    contact: { phone: cfg.CONTACT_PHONE, email: cfg.CONTACT_EMAIL },
    next: confirmation ? paragraphs(t, confirmation.body, textParams) : undefined,
    onBehalf: row.onBehalf && row.submitterName && row.subjectName ? { submitter: row.submitterName, subject: row.subjectName } : undefined,
  });
  return { reference: row.reference, pdf };
}
