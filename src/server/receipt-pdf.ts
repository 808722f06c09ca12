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
import PDFDocument from 'pdfkit';
import type { TFunction } from 'i18next';
import { paragraphs } from '../i18n/index.ts';

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
};

export type ReceiptPdfOptions = {
  /** Uncompressed content streams, so tests can read the text. */
  compress?: boolean;
};

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const MARGIN = 56; // 2 cm
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const BODY = 11;

/** "23 november 2026 kl. 14:05" / "23 November 2026 at 14:05": Swedish time, whatever the server's zone. */
export function formatSubmittedAt(d: Date, lang: Lang): string {
  return formats(lang).dateTime(d);
}

export function renderReceiptPdf(input: ReceiptPdfInput, opts: ReceiptPdfOptions = {}): Promise<Buffer> {
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true, // page numbers ("of m") are written once every page exists
    compress: opts.compress ?? true,
    tagged: true,
    pdfVersion: '1.7',
    lang: input.lang,
    displayTitle: true,
    font: REGULAR,
    // Dated when the submission was received, not when rendered: the same receipt is the same bytes
    // every time it is rendered (PDFKit derives the file's ID from this date too).
    info: { Title: input.t('receipt:documentTitle', { service: input.serviceTitle }), Author: input.municipality, CreationDate: input.submittedAt },
  });
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      draw(doc, input);
      doc.end();
    } catch (e) {
      reject(e);
    }
  });
}

function draw(doc: Doc, input: ReceiptPdfInput): void {
  const { t, reference } = input;
  const root = doc.struct('Document');
  doc.addStructure(root);

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
    item.add(doc.struct('Lbl', {}, () => doc.font(BOLD).fontSize(BODY).text(row.label, { width: width(doc) })));
    item.add(doc.struct('LBody', {}, () => row.lines.forEach((l) => doc.font(REGULAR).fontSize(BODY).text(l, { width: width(doc) }))));
    item.end();
    doc.moveDown(0.6);
  }
  list.end();
  doc.moveDown(0.4);

  if (input.confirmations && input.confirmations.length > 0) {
    heading(doc, root, t('receipt:confirmations.heading'));
    for (const line of input.confirmations) block(doc, root, 'P', line, REGULAR, BODY, 0.4);
    doc.moveDown(0.4);
  }

  heading(doc, root, t('receipt:nextHeading'));
  const next = input.next && input.next.length > 0 ? input.next : paragraphs(t, 'receipt:next');
  for (const p of next) block(doc, root, 'P', p, REGULAR, BODY, 0.4);
  doc.moveDown(0.6);
  heading(doc, root, t('receipt:contactHeading'));
  block(doc, root, 'P', t('receipt:contact', { ...input.contact, reference }), REGULAR, BODY);
  root.end();

  pageNumbers(doc, (page, count) => t('receipt:footer', { reference, page, count }));
}

function width(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function contentHeight(doc: Doc): number {
  return doc.page.maxY() - doc.page.margins.top;
}

function measure(doc: Doc, text: string, font: string, size = BODY): number {
  return doc.font(font).fontSize(size).heightOfString(text, { width: width(doc) });
}

/** Starts a new page unless `needed` points still fit on this one. */
function keepTogether(doc: Doc, needed: number): void {
  if (doc.y + needed > doc.page.maxY() && doc.y > doc.page.margins.top) doc.addPage();
}

function block(doc: Doc, parent: Struct, tag: string, text: string, font: string, size: number, gapAfter = 0.5): void {
  parent.add(doc.struct(tag, {}, () => doc.font(font).fontSize(size).text(text, doc.page.margins.left, doc.y, { width: width(doc) })));
  doc.moveDown(gapAfter);
}

/** An H2 never ends a page: it moves on together with (room for) two lines of what follows. */
function heading(doc: Doc, parent: Struct, text: string): void {
  keepTogether(doc, measure(doc, text, BOLD, 14) + 2 * measure(doc, 'X', REGULAR));
  block(doc, parent, 'H2', text, BOLD, 14, 0.3);
}

/** "page n of m" at the foot of every page, marked as a pagination artifact (not read as content). */
function pageNumbers(doc: Doc, text: (page: number, count: number) => string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    doc.switchToPage(start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the bottom margin must not start a new page
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font(REGULAR).fontSize(9).text(text(i + 1, count), doc.page.margins.left, doc.page.height - MARGIN / 2 - 9, { width: width(doc), align: 'center' });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}
