/**
 * The follow-up of a period as a tagged PDF, made the way the receipts are (src/server/receipt-pdf.ts:
 * pdfkit with a structure tree, the document's language and title, "page n of m" as a pagination
 * artifact). Its content is the report page's: a summary table, then goal by goal (H2) each measure
 * (H3) with where its figure comes from, the status in words, the trend and a table per year
 * (Table/TR/TH/TD, header row first). Every string comes translated from the caller's t().
 */
import PDFDocument from 'pdfkit';
import type { TFunction } from 'i18next';
import { formats } from '../../domain/format.ts';
import { PLAN_GOALS } from '../../domain/indicators/plan.ts';
import type { FollowUpView } from './followup.ts';
import { followUpText } from './followup-text.ts';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const MARGIN = 56;
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const BODY = 10;

export function renderFollowUpPdf(view: FollowUpView, opts: { t: TFunction; lang: 'sv' | 'en'; municipality: string; compress?: boolean }): Promise<Buffer> {
  const { t, lang } = opts;
  const f = followUpText(t, lang, { publicView: false });
  const title = t('followup:pdfDoc.title', { period: f.period(view.period) });
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    compress: opts.compress ?? true,
    tagged: true,
    pdfVersion: '1.7',
    lang,
    displayTitle: true,
    font: REGULAR,
    info: { Title: title, Author: opts.municipality },
  });
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      const root = doc.struct('Document');
      doc.addStructure(root);
      block(doc, root, 'P', opts.municipality, BOLD, BODY);
      block(doc, root, 'H1', title, BOLD, 18, 0.3);
      block(doc, root, 'P', t('followup:pdfDoc.made', { when: formats(lang).dateTime(view.now) }), REGULAR, BODY, 0.3);
      block(doc, root, 'P', t('followup:intro'), REGULAR, BODY, 0.8);

      const periodText = f.period(view.period);
      heading(doc, root, 'H2', t('followup:summary.heading'), 14);
      table(doc, root, [0.08, 0.44, 0.16, 0.18, 0.14], [t('followup:summary.goal'), t('followup:summary.measure'), t('followup:summary.target', { period: periodText }), t('followup:summary.outcome', { period: periodText }), t('followup:summary.status')],
        view.measures.map((m) => [m.measure.goal, f.measureName(m.measure.id), f.target(m.measure.unit, m.current), f.outcome(m.measure.unit, m.current.outcome), f.statusShort(m)]));

      for (const goal of PLAN_GOALS) {
        const measures = view.measures.filter((m) => m.measure.goal === goal);
        if (measures.length === 0) continue;
        heading(doc, root, 'H2', f.goalHeading(goal), 14);
        block(doc, root, 'P', f.goalMethod(goal), REGULAR, BODY, 0.3);
        if (measures.some((m) => m.measure.method === 'survey')) block(doc, root, 'P', t('followup:surveyNote'), REGULAR, BODY, 0.4);
        for (const m of measures) {
          heading(doc, root, 'H3', f.measureName(m.measure.id), 11);
          block(doc, root, 'P', f.origin(m), REGULAR, BODY, 0.2);
          block(doc, root, 'P', `${t('followup:statusLabel', { period: periodText })} ${f.status(m)}`, BOLD, BODY, 0.2);
          block(doc, root, 'P', f.trend(m), REGULAR, BODY, 0.3);
          const survey = m.measure.method === 'survey';
          const header = [t('followup:table.year'), t('followup:table.target'), t('followup:table.outcome'), t('followup:table.source'), ...(survey ? [t('followup:table.portal')] : [])];
          const rows = [
            ...[...m.baselines, m.current].map((y) => [
              y.period === String(y.year) ? String(y.year) : periodText,
              f.target(m.measure.unit, y),
              f.outcome(m.measure.unit, y.outcome),
              f.source(y.outcome),
              ...(survey ? [y.portal ? f.outcome(m.measure.unit, { kind: 'computed', ...y.portal }) : t('followup:missing')] : []),
            ]),
            ...m.later.map((y) => [String(y.year), f.target(m.measure.unit, y), t('followup:source.none'), t('followup:source.none'), ...(survey ? [t('followup:source.none')] : [])]),
          ];
          table(doc, root, survey ? [0.12, 0.18, 0.22, 0.28, 0.2] : [0.14, 0.22, 0.28, 0.36], header, rows);
        }
      }
      root.end();
      pageNumbers(doc, (n, count) => t('followup:pdfDoc.page', { n, m: count }));
      doc.end();
    } catch (e) {
      reject(e);
    }
  });
}

function width(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function keepTogether(doc: Doc, needed: number): void {
  if (doc.y + needed > doc.page.maxY() && doc.y > doc.page.margins.top) doc.addPage();
}

function block(doc: Doc, parent: Struct, tag: string, text: string, font: string, size: number, gapAfter = 0.5): void {
  parent.add(doc.struct(tag, {}, () => doc.font(font).fontSize(size).text(text, doc.page.margins.left, doc.y, { width: width(doc) })));
  doc.moveDown(gapAfter);
}

/** A heading never ends a page: it moves on with room for a few lines of what follows. */
function heading(doc: Doc, parent: Struct, tag: 'H2' | 'H3', text: string, size: number): void {
  const h = doc.font(BOLD).fontSize(size).heightOfString(text, { width: width(doc) });
  keepTogether(doc, h + 6 * doc.font(REGULAR).fontSize(BODY).heightOfString('X'));
  doc.moveDown(0.4);
  block(doc, parent, tag, text, BOLD, size, 0.2);
}

/** A tagged table: a header row of TH, then rows whose first cell is a row header; a row never splits across pages. */
function table(doc: Doc, parent: Struct, fractions: number[], header: string[], rows: string[][]): void {
  const tableEl = doc.struct('Table');
  parent.add(tableEl);
  const w = width(doc);
  const left = doc.page.margins.left;
  const pad = 3;
  const draw = (cells: string[], isHeader: boolean) => {
    const widths = fractions.map((fr) => fr * w);
    const heights = cells.map((c, i) => doc.font(isHeader || i === 0 ? BOLD : REGULAR).fontSize(BODY).heightOfString(c, { width: widths[i]! - 2 * pad }));
    const h = Math.max(...heights) + 2 * pad;
    keepTogether(doc, h);
    const y = doc.y;
    const tr = doc.struct('TR');
    tableEl.add(tr);
    let x = left;
    cells.forEach((c, i) => {
      const cw = widths[i]!;
      const cellX = x;
      tr.add(doc.struct(isHeader || i === 0 ? 'TH' : 'TD', {}, () => doc.font(isHeader || i === 0 ? BOLD : REGULAR).fontSize(BODY).text(c, cellX + pad, y + pad, { width: cw - 2 * pad })));
      x += cw;
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

function pageNumbers(doc: Doc, text: (page: number, count: number) => string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    doc.switchToPage(start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font(REGULAR).fontSize(9).text(text(i + 1, count), doc.page.margins.left, doc.page.height - MARGIN / 2 - 9, { width: width(doc), align: 'center' });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}
