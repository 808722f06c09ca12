/**
 * A citizen's receipt (kvittens) of their own submission: finding the submission only with both
 * its id and the idempotency key the journey used (the journey cookie carries both, so nobody can
 * fetch someone else's receipt by guessing a reference number), its answers as translated rows,
 * and the PDF the confirmation page offers once.
 */
import { confirmationsOf, type Confirmation } from './citizen/confirmations.ts';
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
import { paragraphs, translator, type Lang } from '../i18n/index.ts';
import { contentLang, namespaceOf } from '../i18n/coverage.ts';
import { textParamsFor } from '../i18n/display.ts';
import { config } from './config.ts';
import { rulesForSubmission } from './rules.ts';
import { withRules } from '../i18n/text-params.ts';
import { feeLines } from '../i18n/fees.ts';
import { formatSubmittedAt, renderReceiptPdf } from './receipt-pdf.ts';

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
 * The language of a receipt: the reader's when the receipt's texts and the e-tjänst's all exist in it
 * (the PDF draws every script the portal's languages are written in, right to left too:
 * ./pdf-text.ts); otherwise Swedish, the language every text exists in, rather than a receipt that
 * mixes two languages.
 */
export function receiptLang(lang: Lang, def: ServiceDefinition): Lang {
  return contentLang(lang, ['receipt', namespaceOf(def.title)]);
}

/** The submitter as shown with "X för Y": their name and, when they logged in with e-legitimation, their personnummer. */
export function submitterLabel(name: string, personnummer: string | null | undefined): string {
  return personnummer ? `${name} (${personnummer})` : name;
}

/**
 * An e-legitimation's assurance level as people say it: "3" for DIGG's
 * http://id.elegnamnden.se/loa/1.0/loa3 (or a bare "loa3"); any other value as given. The stored
 * value and the case export keep the whole acr.
 */
export function assuranceLevel(acr: string): string {
  return /(?:^|\/)loa(\d)$/.exec(acr)?.[1] ?? acr;
}

/** One line per confirmation the application needs: waiting, or who confirmed or declined, when and at which assurance level. */
export function confirmationLines(list: readonly Confirmation[], t: TFunction, lang: Lang): string[] {
  return list.map((c) => {
    const params = {
      name: c.decidedName ?? c.name ?? '',
      role: t(`mina-sidor:confirm.roles.${c.role}`),
      date: c.decidedAt ? formatSubmittedAt(c.decidedAt, lang) : '',
      assurance: c.assurance ? assuranceLevel(c.assurance) : t('receipt:confirmations.unknownAssurance'),
    };
    return t(`receipt:confirmations.${c.state}`, params);
  });
}

/** The answers and, for a förenklad application, the fees it was sent under as a last row. */
function withFees(rows: ReceiptRow[], heading: string, fees: string[]): ReceiptRow[] {
  return fees.length === 0 ? rows : [...rows, { label: heading, lines: fees }];
}

/**
 * The PDF receipt of the submission a journey just sent (its id and idempotency key), rendered
 * with the definition version it was made against, in the reader's language; undefined when the
 * journey's receipt names no such submission.
 */
export async function receiptPdf(db: Db, receipt: { id: string; token: string }, reader: Reader): Promise<{ reference: string; pdf: Buffer } | undefined> {
  const row = await findReceipt(db, receipt.id, receipt.token);
  if (!row) return undefined;
  return { reference: row.reference, pdf: await renderReceipt(db, row, reader) };
}

type Reader = { t: TFunction; lang: Lang; textParams: Record<string, string | number> };

/**
 * A copy of a submission's receipt, for its applicant on Mina sidor or for the case: the answers as
 * they were sent, and each confirmation as recorded now, in a section dated `now`. (The receipt
 * made at sending is a record of what was sent, when every confirmation still waited; a later
 * answer is not written back into it, but shown as what it is, a later state.) The caller has
 * checked who may read the submission.
 */
export async function receiptCopyPdf(db: Db, row: SubmissionRecord, reader: Reader, now: Date): Promise<{ fileName: string; pdf: Buffer }> {
  return { fileName: `kvittens-${row.reference}.pdf`, pdf: await renderReceipt(db, row, reader, now) };
}

async function renderReceipt(db: Db, row: SubmissionRecord, reader: Reader, confirmationsAsOf?: Date): Promise<Buffer> {
  const def = await getServiceVersion(db, row.serviceId, row.serviceVersion);
  // A published version is never removed; if it is, that is a deployment error, not a missing receipt.
  if (!def) throw new Error(`E-tjänst "${row.serviceId}" version ${row.serviceVersion} is not registered`);
  const lang = receiptLang(reader.lang, def);
  const t = lang === reader.lang ? reader.t : translator(lang);
  // The values in force when it was sent (a later maxtaxa never changes an earlier receipt).
  const period = await rulesForSubmission(db, row);
  const textParams = textParamsFor(def, row.answers, withRules(reader.textParams, t, lang, period.rules));
  const cfg = config();
  const confirmation = def.pages.find((p) => p.kind === 'confirmation');
  return renderReceiptPdf({
    municipality: cfg.MUNICIPALITY_NAME,
    serviceTitle: t(def.title, textParams),
    reference: row.reference,
    submittedAt: row.submittedAt,
    lang,
    rows: withFees(receiptRows(def, row.answers, row.submittedAt, t, textParams, period.rules), t('receipt:fees.heading'), feeLines(t, lang, def, period.rules)),
    t,
    contact: { phone: cfg.CONTACT_PHONE, email: cfg.CONTACT_EMAIL },
    next: confirmation ? paragraphs(t, confirmation.body, textParams) : undefined,
    onBehalf: row.onBehalf && row.submitterName && row.subjectName ? { submitter: submitterLabel(row.submitterName, row.submitterPersonnummer), subject: row.subjectName } : undefined,
    confirmations: confirmationLines((await confirmationsOf(db, [row.id])).get(row.id) ?? [], t, lang),
    confirmationsAsOf,
  });
}
