/**
 * The follow-up in words, shared by its page, its PDF and its CSV so that the three say the same:
 * a value with its unit ("68 t.o.m. november", "61 %"), where it comes from, the status and the
 * trend sentence. A missing outcome is "uppgift saknas" (with the plan's note), never 0.
 */
import type { TFunction } from 'i18next';
import type { MeasureFollowUp, MeasureYear, Outcome, Period } from '../../domain/indicators/followup.ts';
import type { MeasureUnit, PlanGoal } from '../../domain/indicators/plan.ts';
import { suppressOne } from '../../domain/indicators/suppress.ts';
import { numberFormat } from './view.ts';

export type FollowUpText = ReturnType<typeof followUpText>;

export function goalKey(goal: PlanGoal): string {
  return `g${goal.replace(':', '')}`;
}

export function followUpText(t: TFunction, lang: string, opts: { publicView: boolean }) {
  const nf = numberFormat(lang);
  const number = (unit: MeasureUnit, v: number) => (unit === 'percent' ? t('indicators:percent', { value: nf.format(v) }) : nf.format(v));
  const period = (p: Period) => (p.half ? t('followup:periodHalf', { year: p.year }) : t('followup:periodYear', { year: p.year }));
  const outcome = (unit: MeasureUnit, o: Outcome): string => {
    if (o.kind === 'missing') return o.note ? t('followup:missingNote', { note: o.note }) : t('followup:missing');
    if (o.kind === 'computed') {
      // A small count the portal computed is shown as "färre än 5" to the public (as everywhere).
      const shown = opts.publicView && unit === 'count' && o.value > 0 && o.value < 5 ? suppressOne(o.value) : null;
      const text = shown && shown.kind === 'suppressed' ? t('indicators:suppressed') : number(unit, o.value);
      const soFar = o.partial ? `${text} ${t('followup:partialSuffix')}` : text;
      return o.lateStart ? `${soFar} ${t('followup:lateStartSuffix')}` : soFar;
    }
    return o.note ? `${number(unit, o.value)} ${o.note}` : number(unit, o.value);
  };
  const source = (o: Outcome): string => {
    if (o.kind === 'missing') return t('followup:source.none');
    if (o.kind === 'computed') return o.partial ? t('followup:source.computedPartial') : t('followup:source.computed');
    return o.plan ? t('followup:source.plan') : t('followup:source.reported', { source: o.source });
  };
  /** The source as data (the CSV's source column). */
  const sourceValue = (o: Outcome): string => (o.kind === 'reported' ? o.source : o.kind === 'computed' ? t('followup:source.computed') : '');
  const target = (unit: MeasureUnit, y: Pick<MeasureYear, 'target' | 'targetNote'>): string =>
    y.target !== null ? (y.targetNote ? `${number(unit, y.target)} (${y.targetNote})` : number(unit, y.target)) : (y.targetNote ?? t('followup:noTarget'));
  const trend = (m: MeasureFollowUp): string =>
    m.trend === null
      ? t('followup:trend.none')
      : t(`followup:trend.${m.trend.change}`, { fromYear: m.trend.fromYear, from: number(m.measure.unit, m.trend.from), to: number(m.measure.unit, m.trend.to) });
  const status = (m: MeasureFollowUp): string => t(`followup:status.${m.status}`);
  const statusShort = (m: MeasureFollowUp): string => t(`followup:statusShort.${m.status}`);
  const measureName = (id: string): string => t(`followup:measures.${id}`, { defaultValue: id });
  const goalHeading = (goal: PlanGoal): string => t('followup:goalHeading', { goal, text: t(`followup:goals.${goalKey(goal)}.text`) });
  const goalMethod = (goal: PlanGoal): string => t(`followup:goals.${goalKey(goal)}.method`);
  const origin = (m: MeasureFollowUp): string =>
    `${t(`followup:origin.${m.measure.origin}`)}: ${t(`followup:method.${m.measure.origin === 'computed' && m.measure.method ? m.measure.method : 'reported'}`)}`;
  return { nf, number, period, outcome, source, sourceValue, target, trend, status, statusShort, measureName, goalHeading, goalMethod, origin };
}
