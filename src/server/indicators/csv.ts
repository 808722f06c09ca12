/**
 * Every indicator as CSV (the staff exports, unsuppressed aggregates): column names are stable
 * Swedish identifiers, numbers are plain, e-tjänster and areas by id. The monthly report has its own.
 */
import { csvFile as toCsv } from '../csv.ts';
import { monthlyReport, SEXES } from '../../domain/indicators/monthly.ts';
import type { IndicatorData } from '../../domain/indicators/data.ts';
import type { Indicators } from '../../domain/indicators/index.ts';
import { cellOf, TARGET_INDICATORS } from '../../domain/indicators/targets.ts';

export const CSV_IDS = ['lanserade-etjanster', 'forenklad-beslut', 'inkomna-per-manad', 'inkomna-per-ar', 'mal'] as const;
export type CsvId = (typeof CSV_IDS)[number];

export function isCsvId(v: unknown): v is CsvId {
  return typeof v === 'string' && (CSV_IDS as readonly string[]).includes(v);
}

export function indicatorCsv(id: CsvId, data: IndicatorData, ind: Indicators): string {
  switch (id) {
    case 'lanserade-etjanster': {
      const L = ind.launched;
      return toCsv(
        ['ar', 'mal_ifo', 'ifo_vid_arets_slut_eller_nu', 'totalt_vid_arets_slut_eller_nu', ...L.areas.map((a) => `${a}_vid_arets_slut_eller_nu`), 'lanserade', 'lanserade_ifo', 'publicerade_igen', 'avpublicerade', 'avpublicerade_ifo', 'mal_notering'],
        L.years
          .filter((y) => y.year <= ind.currentYear)
          .map((y) => {
            const live = y.year === ind.currentYear ? L.now : y.liveAtYearEnd;
            // Before the portal's data nothing was counted: empty cells, never 0.
            if (y.beforePortal && y.year !== ind.currentYear) return [y.year, y.target, null, null, ...L.areas.map(() => null), null, null, null, null, null, y.targetNote];
            return [y.year, y.target, live?.byArea[L.targetArea] ?? 0, live?.total ?? 0, ...L.areas.map((a) => live?.byArea[a] ?? 0), y.launched.total, y.launched.byArea[L.targetArea] ?? 0, y.relaunched.total, y.retired.total, y.retired.byArea[L.targetArea] ?? 0, y.targetNote];
          }),
      );
    }
    case 'forenklad-beslut': {
      const F = ind.forenklad;
      return toCsv(
        ['ar', 'hittills_i_ar', 'beslut', ...F.insatser, 'beviljad', 'delvis', 'avslag', 'hanvisad', 'mal', 'utfall_verksamhetsplan', 'utfall_notering'],
        F.years.map((y) => [y.year, y.yearToDate ? 'ja' : 'nej', y.count, ...F.insatser.map((i) => (y.count === null ? null : (y.byInsats[i] ?? 0))), ...['beviljad', 'delvis', 'avslag', 'hanvisad'].map((o) => (y.count === null ? null : (y.byOutcome[o] ?? 0))), y.target, y.reportedOutcome, y.reportedNote]),
      );
    }
    case 'inkomna-per-manad': {
      const rows = data.volumes
        .map((v) => [v.serviceId, v.area, v.month, v.onBehalf ? 'ja' : 'nej', v.count] as const)
        .sort((a, b) => a[2].localeCompare(b[2]) || a[0].localeCompare(b[0]) || a[3].localeCompare(b[3]));
      return toCsv(['etjanst', 'omrade', 'manad', 'for_annans_rakning', 'antal'], rows.map((r) => [...r]));
    }
    case 'inkomna-per-ar':
      return toCsv(
        ['ar', 'omrade', 'inkomna', 'for_annans_rakning', 'utanfor_kontorstid', 'borjat_handlaggas', 'median_minuter_till_forsta_handlaggning'],
        ind.submissions.byYear.flatMap((y) =>
          [...y.byArea.map((a) => ({ area: a.area, f: a.figures })), { area: 'alla', f: y.total }].map(({ area, f }) => [y.year, area, f.submissions, f.onBehalf, f.outsideOfficeHours, f.handled, f.medianMinutes]),
        ),
      );
    case 'mal':
      return toCsv(
        ['indikator', 'nämndmal', 'ar', 'typ', 'varde', 'notering'],
        TARGET_INDICATORS.flatMap((i) =>
          data.targets
            .filter((c) => c.indicatorId === i.id)
            .sort((a, b) => a.year - b.year || a.kind.localeCompare(b.kind))
            .map((c) => [i.id, i.goal, c.year, c.kind, cellOf(data.targets, i.id, c.year, c.kind === 'target' ? 'target' : 'outcome')?.value ?? null, c.note]),
        ),
      );
  }
}

/** The monthly report as CSV: one row per e-tjänst, decisions by outcome and sex, then one row per area for handling times. */
export function monthlyCsv(data: IndicatorData, month: string): string {
  const r = monthlyReport(data, month);
  const decisionCols = r.outcomes.flatMap((o) => SEXES.map((s) => `beslut_${o}_${s}`));
  const rows = r.rows.map((x) => [month, 'etjanst', x.serviceId, x.area, x.submissions, x.onBehalf, x.decided, ...r.outcomes.flatMap((o) => SEXES.map((s) => x.decisions[o]?.[s] ?? 0)), null, null, null]);
  const areaRows = [...r.byArea.map((a) => ({ area: a.area, f: a.figures })), { area: 'alla', f: r.total }].map(({ area, f }) => [
    month,
    'omrade',
    null,
    area,
    f.submissions,
    f.onBehalf,
    null,
    ...decisionCols.map(() => null),
    f.outsideOfficeHours,
    f.handled,
    f.medianMinutes,
  ]);
  return toCsv(['manad', 'rad', 'etjanst', 'omrade', 'inkomna', 'for_annans_rakning', 'beslutade', ...decisionCols, 'utanfor_kontorstid', 'borjat_handlaggas', 'median_minuter_till_forsta_handlaggning'], [...rows, ...areaRows]);
}
