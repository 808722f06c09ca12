/**
 * The follow-up of a period as a tagged PDF, in the layout every PDF of the portal
 * shares (../pdf-layout.ts: a structure tree, the document's language and title, the embedded
 * Unicode font, "page n of m" as a pagination artifact). Its content is the report page's: a summary table, then goal by goal (H2) each measure
 * (H3) with where its figure comes from, the status in words, the trend and a table per year
 * (Table/TR/TH/TD, header row first). Every string comes translated from the caller's t().
 */
import type { TFunction } from 'i18next';
import { formats } from '../../domain/format.ts';
import { PLAN_GOALS } from '../../domain/indicators/plan.ts';
import { BOLD, block, heading, REGULAR, renderTaggedPdf, table } from '../pdf-layout.ts';
import type { FollowUpView } from './followup.ts';
import { followUpText } from './followup-text.ts';

const BODY = 10;

export function renderFollowUpPdf(view: FollowUpView, opts: { t: TFunction; lang: 'sv' | 'en'; municipality: string; compress?: boolean }): Promise<Buffer> {
  const { t, lang } = opts;
  const f = followUpText(t, lang, { publicView: false });
  const title = t('followup:pdfDoc.title', { period: f.period(view.period) });
  return renderTaggedPdf(
    { lang, title, author: opts.municipality, date: view.now, compress: opts.compress },
    (doc, root) => {
      block(doc, root, 'P', opts.municipality, BOLD, BODY);
      block(doc, root, 'H1', title, BOLD, 18, 0.3);
      block(doc, root, 'P', t('followup:pdfDoc.made', { when: formats(lang).dateTime(view.now) }), REGULAR, BODY, 0.3);
      block(doc, root, 'P', t('followup:intro'), REGULAR, BODY, 0.8);

      const periodText = f.period(view.period);
      const h2 = (text: string) => heading(doc, root, text, { size: 14, linesAfter: 6, gapBefore: 0.4 });
      h2(t('followup:summary.heading'));
      table(doc, root, [0.08, 0.44, 0.16, 0.18, 0.14], [t('followup:summary.goal'), t('followup:summary.measure'), t('followup:summary.target', { period: periodText }), t('followup:summary.outcome', { period: periodText }), t('followup:summary.status')],
        view.measures.map((m) => [m.measure.goal, f.measureName(m.measure.id), f.target(m.measure.unit, m.current), f.outcome(m.measure.unit, m.current.outcome), f.statusShort(m)]), BODY);

      for (const goal of PLAN_GOALS) {
        const measures = view.measures.filter((m) => m.measure.goal === goal);
        if (measures.length === 0) continue;
        h2(f.goalHeading(goal));
        block(doc, root, 'P', f.goalMethod(goal), REGULAR, BODY, 0.3);
        if (measures.some((m) => m.measure.method === 'survey')) block(doc, root, 'P', t('followup:surveyNote'), REGULAR, BODY, 0.4);
        for (const m of measures) {
          heading(doc, root, f.measureName(m.measure.id), { tag: 'H3', size: 11, linesAfter: 6, gapBefore: 0.4 });
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
          table(doc, root, survey ? [0.12, 0.18, 0.22, 0.28, 0.2] : [0.14, 0.22, 0.28, 0.36], header, rows, BODY);
        }
      }
    },
    (n, count) => t('followup:pdfDoc.page', { n, m: count }),
  );
}
