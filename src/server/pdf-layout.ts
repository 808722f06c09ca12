/**
 * The layout every PDF the portal writes shares (the receipt, the beslutsbrev): tagged PDF 1.7 in
 * A4 with 2 cm margins, the document language and title set, headings that never end a page, and
 * "page n of m" at the foot of every page marked as a pagination artifact. A document is the same
 * bytes every time it is rendered from the same input: it is dated by the event it records.
 */
import PDFDocument from 'pdfkit';
import { DIRECTION, type Lang } from '../i18n/index.ts';
import { BOLD, drawText, registerFonts, REGULAR, reordered, textHeight } from './pdf-text.ts';

export { BOLD, REGULAR };

export type Doc = PDFKit.PDFDocument;
export type Struct = PDFKit.PDFStructureElement;

export const MARGIN = 56; // 2 cm
export const BODY = 11;

export type PdfMeta = { lang: Lang; title: string; author: string; date: Date; compress?: boolean | undefined };

/** Renders a tagged PDF: `draw` fills the document structure `root`, then the page numbers are written. */
export function renderTaggedPdf(meta: PdfMeta, draw: (doc: Doc, root: Struct) => void, footer: (page: number, count: number) => string): Promise<Buffer> {
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true, // page numbers ("of m") are written once every page exists
    compress: meta.compress ?? true,
    tagged: true,
    pdfVersion: '1.7',
    lang: meta.lang,
    displayTitle: true,
    // Dated by what it records, not when rendered (PDFKit derives the file's ID from this date too).
    info: { Title: meta.title, Author: meta.author, CreationDate: meta.date },
  });
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      // The embedded Unicode font (any script the portal's languages and answers are written in).
      registerFonts(doc);
      doc.font(REGULAR);
      if (DIRECTION[meta.lang] === 'rtl') rightToLeft.add(doc);
      const root = doc.struct('Document');
      doc.addStructure(root);
      draw(doc, root);
      root.end();
      pageNumbers(doc, footer);
      doc.end();
    } catch (e) {
      reject(e);
    }
  });
}

/** The documents written right to left (their language's direction). */
const rightToLeft = new WeakSet<Doc>();

const textOptions = (doc: Doc, align?: 'center') => ({ x: doc.page.margins.left, width: width(doc), rtl: rightToLeft.has(doc), ...(align ? { align } : {}) });

/**
 * A structure element holding text drawn at the left margin across the width. Text drawn in
 * another order than it is read (right to left, or with a right-to-left name in it) carries its
 * reading order as ActualText.
 */
export function textElement(doc: Doc, tag: string, text: string, font: string, size: number): Struct {
  const o = textOptions(doc);
  return doc.struct(tag, reordered(text, o) ? { actual: text } : {}, () => {
    doc.font(font).fontSize(size);
    drawText(doc, text, o);
  });
}

export function width(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export function contentHeight(doc: Doc): number {
  return doc.page.maxY() - doc.page.margins.top;
}

export function measure(doc: Doc, text: string, font: string, size = BODY): number {
  doc.font(font).fontSize(size);
  return textHeight(doc, text, textOptions(doc));
}

/** Starts a new page unless `needed` points still fit on this one. */
export function keepTogether(doc: Doc, needed: number): void {
  if (doc.y + needed > doc.page.maxY() && doc.y > doc.page.margins.top) doc.addPage();
}

export function block(doc: Doc, parent: Struct, tag: string, text: string, font: string, size: number, gapAfter = 0.5): void {
  parent.add(textElement(doc, tag, text, font, size));
  doc.moveDown(gapAfter);
}

/**
 * A heading never ends a page: it moves on together with (room for) `linesAfter` lines of what
 * follows. An H2 of 14 points unless told otherwise.
 */
export function heading(doc: Doc, parent: Struct, text: string, o: { tag?: 'H2' | 'H3'; size?: number; linesAfter?: number; gapBefore?: number } = {}): void {
  const size = o.size ?? 14;
  keepTogether(doc, measure(doc, text, BOLD, size) + (o.linesAfter ?? 2) * measure(doc, 'X', REGULAR));
  if (o.gapBefore) doc.moveDown(o.gapBefore);
  block(doc, parent, o.tag ?? 'H2', text, BOLD, size, o.tag === 'H3' ? 0.2 : 0.3);
}

/**
 * A tagged table across the width: a header row of TH, then rows whose first cell is a row header;
 * `fractions` are the columns' shares of the width; a row never splits across pages. Right-to-left
 * documents draw each cell's text from its right edge (the columns keep their order).
 */
export function table(doc: Doc, parent: Struct, fractions: number[], header: string[], rows: string[][], size = BODY): void {
  const tableEl = doc.struct('Table');
  parent.add(tableEl);
  const w = width(doc);
  const left = doc.page.margins.left;
  const rtl = rightToLeft.has(doc);
  const pad = 3;
  const widths = fractions.map((fr) => fr * w);
  const draw = (cells: string[], isHeader: boolean) => {
    const fontOf = (i: number) => (isHeader || i === 0 ? BOLD : REGULAR);
    const cellOptions = (x: number, i: number) => ({ x: x + pad, width: widths[i]! - 2 * pad, rtl });
    const heights = cells.map((c, i) => {
      doc.font(fontOf(i)).fontSize(size);
      return textHeight(doc, c, cellOptions(0, i));
    });
    const h = Math.max(...heights) + 2 * pad;
    keepTogether(doc, h);
    const y = doc.y;
    const tr = doc.struct('TR');
    tableEl.add(tr);
    let x = left;
    cells.forEach((c, i) => {
      const o = cellOptions(x, i);
      tr.add(
        doc.struct(isHeader || i === 0 ? 'TH' : 'TD', reordered(c, o) ? { actual: c } : {}, () => {
          doc.font(fontOf(i)).fontSize(size);
          doc.y = y + pad;
          drawText(doc, c, o);
        }),
      );
      x += widths[i]!;
    });
    tr.end();
    doc.markContent('Artifact', { type: 'Layout' });
    doc.moveTo(left, y + h).lineTo(left + w, y + h).lineWidth(isHeader ? 1 : 0.5).strokeColor('#505a5f').stroke();
    doc.endMarkedContent();
    doc.x = left;
    doc.y = y + h;
  };
  draw(header, true);
  for (const r of rows) draw(r, false);
  tableEl.end();
  doc.moveDown(0.6);
}

/** "page n of m" at the foot of every page, marked as a pagination artifact (not read as content). */
function pageNumbers(doc: Doc, text: (page: number, count: number) => string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    doc.switchToPage(start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the bottom margin must not start a new page
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font(REGULAR).fontSize(9);
    doc.y = doc.page.height - MARGIN / 2 - 9;
    drawText(doc, text(i + 1, count), textOptions(doc, 'center'));
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}
