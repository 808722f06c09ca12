/**
 * Antal beslut genom förenklad biståndsbedömning (seed 001, Nämndmål 1:6): decided cases of the
 * förenklad e-tjänster (category "forenklad": tvätt, städning, trygghetslarm, digitala inköp) per
 * Swedish year, whatever the outcome, by insats and by outcome, against the targets; the current year
 * is year to date. A case counts once, in the year of its first decision, with its latest decision's
 * insats and outcome. The seed's historic outcomes (28 in 2023, 68 t.o.m. november 2024) are shown
 * as the plan wrote them.
 */
import type { DecisionBucket, ServiceInfo } from './data.ts';
import { cellNumber, cellOf, type TargetCell } from './targets.ts';
import { stockholmYear } from './time.ts';

export const FORENKLAD_ID = 'forenklad-beslut';
export const FORENKLAD_INSATS_ORDER = ['tvatt', 'stadning', 'trygghetslarm', 'digitalaInkop'] as const;

export type ForenkladYear = {
  year: number;
  /** Counted by the portal; null for future years and years before the portal's data (unknown, not 0). */
  count: number | null;
  yearToDate: boolean;
  byInsats: Record<string, number>;
  byOutcome: Record<string, number>;
  target: number | null;
  targetNote: string | null;
  /** The plan's reported outcome (before the portal counted), with its note ("t.o.m. november"). */
  reportedOutcome: number | null;
  reportedNote: string | null;
  met: boolean | null;
};

export type ForenkladIndicator = { years: ForenkladYear[]; insatser: string[]; hanvisadCounts: boolean };

/**
 * `hanvisadCounts`: whether a case whose latest decision is "hänvisad till ordinarie ansökan" counts
 * as a förenklad decision (a setting of the municipality, src/server/settings.ts; default yes). When
 * it does not, such cases are still shown by outcome but left out of the count and its target.
 */
export function forenkladIndicator(input: { services: ServiceInfo[]; decisions: DecisionBucket[]; targets: TargetCell[]; now: Date; years: number[]; firstDataYear?: number | null; hanvisadCounts?: boolean }): ForenkladIndicator {
  const hanvisadCounts = input.hanvisadCounts ?? true;
  const forenklad = new Map(input.services.filter((s) => s.category === 'forenklad').map((s) => [s.id, s]));
  const currentYear = stockholmYear(input.now);
  const insatser = [...FORENKLAD_INSATS_ORDER];
  // The first year the portal has data for (given by the caller, else the first decision's).
  const firstDataYear = input.firstDataYear !== undefined ? input.firstDataYear : input.decisions.length > 0 ? Math.min(...input.decisions.map((d) => Number(d.month.slice(0, 4)))) : null;
  const years = input.years.map((year): ForenkladYear => {
    const rows = input.decisions.filter((d) => forenklad.has(d.serviceId) && Number(d.month.slice(0, 4)) === year);
    const byInsats: Record<string, number> = Object.fromEntries(insatser.map((i) => [i, 0]));
    const byOutcome: Record<string, number> = {};
    let count = 0;
    for (const r of rows) {
      byOutcome[r.outcome] = (byOutcome[r.outcome] ?? 0) + r.count;
      if (r.outcome === 'hanvisad' && !hanvisadCounts) continue;
      count += r.count;
      // A decision without a known insats counts under the e-tjänst's own insats.
      const insats = r.insats && r.insats !== '' ? r.insats : (forenklad.get(r.serviceId)?.forenkladInsats ?? 'okand');
      byInsats[insats] = (byInsats[insats] ?? 0) + r.count;
    }
    const targetCell = cellOf(input.targets, FORENKLAD_ID, year, 'target');
    const outcomeCell = cellOf(input.targets, FORENKLAD_ID, year, 'outcome');
    const target = cellNumber(targetCell);
    const future = year > currentYear;
    // Before the portal's first data nothing was counted: unknown, not 0.
    const beforePortal = firstDataYear === null ? year < currentYear : year < firstDataYear;
    return {
      year,
      count: future || beforePortal ? null : count,
      yearToDate: year === currentYear,
      byInsats,
      byOutcome,
      target,
      targetNote: targetCell?.note ?? null,
      reportedOutcome: cellNumber(outcomeCell),
      reportedNote: outcomeCell?.note ?? null,
      met: target !== null && year < currentYear && !beforePortal ? count >= target : null,
    };
  });
  return { years, insatser, hanvisadCounts };
}
