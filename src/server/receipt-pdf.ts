/**
 * The receipt (kvittens) of a submission as a tagged PDF: who received it (the municipality), for
 * which e-tjänst, the reference number and submission time, every answer (label, then its lines),
 * what happens next and whom to contact, with "page n of m" on every page. It renders strings it
 * is given (already translated by the caller) plus its own texts from the `receipt` namespace;
 * it knows nothing of definitions. The document metadata holds only the title, the municipality
 * and the language: never the citizen's answers.
 */
import type { Lang } from '../i18n/index.ts';
import { formats } from '../domain/format.ts';
import type { TFunction } from 'i18next';
import { paragraphs } from '../i18n/index.ts';
import { BODY, BOLD, REGULAR, block, contentHeight, heading, keepTogether, measure, renderTaggedPdf, textElement, type Doc, type Struct } from './pdf-layout.ts';

export type ReceiptPdfInput = {
  municipality: string;
  serviceTitle: string;
  reference: string;
  submittedAt: Date;
  lang: Lang;
  rows: { label: string; lines: string[] }[];
  t: TFunction;
  contact: { phone: string; email: string };
  /** The e-tjänst's own "what happens next" paragraphs; a general text when absent. */
  next?: string[] | undefined;
  /** Sent by someone for another person: shown as "X för Y". */
  onBehalf?: { submitter: string; subject: string } | undefined;
  /** Where each confirmation the application needs stands ("requires confirmation by …"), one line each. */
  confirmations?: string[] | undefined;
  /**
   * A copy made later than the sending (Mina sidor, the case): the confirmations are as recorded at
   * this time, in a section dated so, apart from the answers, which are as they were sent.
   */
  confirmationsAsOf?: Date | undefined;
};

export type ReceiptPdfOptions = {
  /** Uncompressed content streams, so tests can read the text. */
  compress?: boolean;
};

/** "23 november 2026 kl. 14:05" / "23 November 2026 at 14:05": Swedish time, whatever the server's zone. */
export function formatSubmittedAt(d: Date, lang: Lang): string {
  return formats(lang).dateTime(d);
}

export function renderReceiptPdf(input: ReceiptPdfInput, opts: ReceiptPdfOptions = {}): Promise<Buffer> {
  const { t, reference } = input;
  return renderTaggedPdf(
    { lang: input.lang, title: t('receipt:documentTitle', { service: input.serviceTitle }), author: input.municipality, date: input.submittedAt, compress: opts.compress },
    (doc, root) => draw(doc, root, input),
    (page, count) => t('receipt:footer', { reference, page, count }),
  );
}

function draw(doc: Doc, root: Struct, input: ReceiptPdfInput): void {
  const { t, reference } = input;

  block(doc, root, 'P', input.municipality, BOLD, BODY);
  block(doc, root, 'H1', t('receipt:title'), BOLD, 22, 0.2);
  block(doc, root, 'P', input.serviceTitle, REGULAR, 14, 0.8);
  block(doc, root, 'P', t('receipt:reference', { reference }), BOLD, BODY, 0.2);
  block(doc, root, 'P', t('receipt:submittedAt', { date: formatSubmittedAt(input.submittedAt, input.lang) }), REGULAR, BODY, 0.2);
  if (input.onBehalf) block(doc, root, 'P', t('receipt:onBehalf', input.onBehalf), REGULAR, BODY, 0.2);
  block(doc, root, 'P', t('receipt:keepNote'), REGULAR, BODY, 1);

  heading(doc, root, t('receipt:answersHeading'));
  const list = doc.struct('L');
  root.add(list);
  for (const row of input.rows) {
    // A label never ends a page: a short answer moves on whole, a long one with at least two lines.
    const label = measure(doc, row.label, BOLD);
    const values = row.lines.map((l) => measure(doc, l, REGULAR));
    const whole = label + values.reduce((a, b) => a + b, 0);
    keepTogether(doc, whole <= contentHeight(doc) / 3 ? whole : label + Math.min(values[0] ?? 0, 2 * measure(doc, 'X', REGULAR)));
    const item = doc.struct('LI');
    list.add(item);
    item.add(textElement(doc, 'Lbl', row.label, BOLD, BODY));
    const body = doc.struct('LBody');
    item.add(body);
    for (const l of row.lines) body.add(textElement(doc, 'Span', l, REGULAR, BODY));
    body.end();
    item.end();
    doc.moveDown(0.6);
  }
  list.end();
  doc.moveDown(0.4);

  if (input.confirmations && input.confirmations.length > 0) {
    if (input.confirmationsAsOf) {
      heading(doc, root, t('receipt:confirmations.headingAsOf', { date: formatSubmittedAt(input.confirmationsAsOf, input.lang) }));
      block(doc, root, 'P', t('receipt:confirmations.asOfNote'), REGULAR, BODY, 0.4);
    } else heading(doc, root, t('receipt:confirmations.heading'));
    for (const line of input.confirmations) block(doc, root, 'P', line, REGULAR, BODY, 0.4);
    doc.moveDown(0.4);
  }

  heading(doc, root, t('receipt:nextHeading'));
  const next = input.next && input.next.length > 0 ? input.next : paragraphs(t, 'receipt:next');
  for (const p of next) block(doc, root, 'P', p, REGULAR, BODY, 0.4);
  doc.moveDown(0.6);
  heading(doc, root, t('receipt:contactHeading'));
  block(doc, root, 'P', t('receipt:contact', { ...input.contact, reference }), REGULAR, BODY);
}
