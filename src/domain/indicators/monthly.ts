/**
 * The monthly report (seed 002's månadsuppföljning): for one Swedish month, submissions per
 * e-tjänst (and how many on behalf), decided cases per e-tjänst by outcome and by the applicant's
 * sex (seed 003 asks whether women and men are assessed differently), and the median handling time
 * per area.
 */
import type { IndicatorData, Sex } from './data.ts';
import { periodFigures, type PeriodFigures } from './submissions.ts';

export const SEXES: Sex[] = ['kvinna', 'man', 'okant'];

export type MonthlyServiceRow = {
  serviceId: string;
  area: string;
  submissions: number;
  onBehalf: number;
  decided: number;
  /** outcome → sex → count */
  decisions: Record<string, Record<Sex, number>>;
};

export type MonthlyReport = { month: string; rows: MonthlyServiceRow[]; outcomes: string[]; byArea: { area: string; figures: PeriodFigures }[]; total: PeriodFigures };

export const OUTCOMES = ['beviljad', 'avslag', 'hanvisad'];

export function monthlyReport(data: Pick<IndicatorData, 'services' | 'volumes' | 'office' | 'handling' | 'decisions'>, month: string): MonthlyReport {
  const outcomes = [...new Set([...OUTCOMES, ...data.decisions.filter((d) => d.month === month).map((d) => d.outcome)])];
  const empty = () => Object.fromEntries(outcomes.map((o) => [o, { kvinna: 0, man: 0, okant: 0 }])) as Record<string, Record<Sex, number>>;
  const rows = new Map<string, MonthlyServiceRow>();
  const row = (serviceId: string, area: string) => {
    let r = rows.get(serviceId);
    if (!r) {
      r = { serviceId, area, submissions: 0, onBehalf: 0, decided: 0, decisions: empty() };
      rows.set(serviceId, r);
    }
    return r;
  };
  for (const s of data.services) row(s.id, s.area);
  for (const v of data.volumes) {
    if (v.month !== month) continue;
    const r = row(v.serviceId, v.area);
    r.submissions += v.count;
    if (v.onBehalf) r.onBehalf += v.count;
  }
  for (const d of data.decisions) {
    if (d.month !== month) continue;
    const r = row(d.serviceId, d.area);
    r.decided += d.count;
    const cell = (r.decisions[d.outcome] ??= { kvinna: 0, man: 0, okant: 0 });
    cell[d.sex] += d.count;
  }
  const areas = [...new Set(data.services.map((s) => s.area))].sort();
  return {
    month,
    rows: [...rows.values()].sort((a, b) => a.area.localeCompare(b.area) || a.serviceId.localeCompare(b.serviceId)),
    outcomes,
    byArea: areas.map((area) => ({ area, figures: periodFigures(data, month, area) })),
    total: periodFigures(data, month),
  };
}
