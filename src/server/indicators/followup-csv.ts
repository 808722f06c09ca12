/**
 * The follow-up of a period as CSV: every measure of the plan, every year's target and outcome and
 * the period's, with where each figure comes from. Columns are stable identifiers like the other
 * indicator exports: `ursprung` is beraknat (by the portal), rapporterat (by an analytiker),
 * verksamhetsplanen (the plan's own figure) or saknas (no figure: the value is empty, never 0);
 * `kalla` is the reported source; `typ` is mal, utfall or portalens_enkat (the portal's own survey
 * beside the national one).
 */
import { csvFile, type CsvValue } from '../csv.ts';
import { periodKey, type Computed, type MeasureYear, type Outcome } from '../../domain/indicators/followup.ts';
import type { FollowUpView } from './followup.ts';

const HEADER = ['namndmal', 'matt_id', 'matt', 'enhet', 'period', 'typ', 'varde', 'notering', 'ursprung', 'kalla', 'delvis', 'status_for_perioden'];

function origin(o: Outcome): string {
  if (o.kind === 'missing') return 'saknas';
  if (o.kind === 'computed') return 'beraknat';
  return o.plan ? 'verksamhetsplanen' : 'rapporterat';
}

export function followUpCsv(view: FollowUpView, measureName: (id: string) => string): string {
  const rows: CsvValue[][] = [];
  const key = periodKey(view.period);
  for (const m of view.measures) {
    const base = [m.measure.goal, m.measure.id, measureName(m.measure.id), m.measure.unit === 'percent' ? 'procent' : 'antal'];
    const status = (period: string) => (period === key ? m.status : null);
    const years: MeasureYear[] = [...m.baselines, m.current];
    for (const y of years) {
      if (y.target !== null || y.targetNote) rows.push([...base, y.period, 'mal', y.target, y.targetNote, 'verksamhetsplanen', null, null, null]);
      const o = y.outcome;
      rows.push([
        ...base,
        y.period,
        'utfall',
        o.kind === 'missing' ? null : o.value,
        o.kind === 'missing' || o.kind === 'reported' ? o.note : null,
        origin(o),
        o.kind === 'reported' ? o.source : null,
        o.kind === 'computed' && o.partial ? 'ja' : null,
        status(y.period),
      ]);
      const p: Computed | null = y.portal;
      if (p) rows.push([...base, y.period, 'portalens_enkat', p.value, null, 'beraknat', null, p.partial ? 'ja' : null, null]);
    }
    for (const y of m.later) if (y.target !== null || y.targetNote) rows.push([...base, String(y.year), 'mal', y.target, y.targetNote, 'verksamhetsplanen', null, null, null]);
  }
  return csvFile(HEADER, rows);
}
