/**
 * Antal lanserade e-tjänster (seed 001, Nämndmål 1:7): how many e-tjänster are live at each Swedish
 * year-end and now, how many were launched and retired in each year, in total and per area. The
 * targets (7, 15, 20, 30, 40) are addressed to IFO, so they are compared with the IFO count; the
 * total is shown beside it.
 *  - live at year-end: publicerad at the last instant of the year (Swedish time);
 *  - launched in a year: e-tjänster published for the first time that year;
 *  - relaunched: published again after being retired (not a new launch);
 *  - retired in a year: e-tjänster retired that year (one retired twice counts once).
 */
import type { ServiceInfo } from './data.ts';
import { statesAt, type LifecycleEvent } from './lifecycle.ts';
import { cellNumber, cellOf, type TargetCell } from './targets.ts';
import { stockholmYear, yearStart } from './time.ts';

export const LAUNCHED_ID = 'lanserade-etjanster';
/** The area the seed addresses the target to. */
export const LAUNCHED_TARGET_AREA = 'ifo';

export type ByArea = { total: number; byArea: Record<string, number> };

export type LaunchedYear = {
  year: number;
  /** Null for the current and future years (the year has not ended) and years before the portal's data. */
  liveAtYearEnd: ByArea | null;
  /** The year ends before the portal's first data: nothing is known, nothing is counted (not 0). */
  beforePortal: boolean;
  launched: ByArea;
  relaunched: ByArea;
  retired: ByArea;
  target: number | null;
  targetNote: string | null;
  outcomeNote: string | null;
  /** The count the target applies to: IFO live at year-end (or now, for the current year). */
  comparedCount: number | null;
  met: boolean | null;
};

export type LaunchedIndicator = { now: ByArea; years: LaunchedYear[]; areas: string[]; targetArea: string };

function tally(ids: Iterable<string>, areaOf: Map<string, string>, areas: string[]): ByArea {
  const byArea: Record<string, number> = Object.fromEntries(areas.map((a) => [a, 0]));
  let total = 0;
  for (const id of ids) {
    total += 1;
    const a = areaOf.get(id) ?? 'okand';
    byArea[a] = (byArea[a] ?? 0) + 1;
  }
  return { total, byArea };
}

export function launchedIndicator(input: { services: ServiceInfo[]; events: LifecycleEvent[]; targets: TargetCell[]; now: Date; years: number[]; firstDataYear?: number | null }): LaunchedIndicator {
  const areaOf = new Map(input.services.map((s) => [s.id, s.area]));
  const areas = [...new Set(input.services.map((s) => s.area))].sort();
  const events = [...input.events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const liveAt = (at: Date) => [...statesAt(events, at)].filter(([, s]) => s === 'publicerad').map(([id]) => id);
  const nowMs = input.now.getTime() + 1;
  const now = tally(liveAt(new Date(nowMs)), areaOf, areas);
  const currentYear = stockholmYear(input.now);
  // The first year the portal has data for (given by the caller, else the first life cycle event's).
  const firstDataYear = input.firstDataYear !== undefined ? input.firstDataYear : events.length > 0 ? stockholmYear(events[0]!.at) : null;

  // First publication per e-tjänst: later ones are relaunches.
  const firstPublished = new Map<string, number>();
  for (const e of events) if (e.state === 'publicerad' && !firstPublished.has(e.serviceId)) firstPublished.set(e.serviceId, e.at.getTime());

  const years = input.years.map((year): LaunchedYear => {
    const from = yearStart(year).getTime();
    const to = yearStart(year + 1).getTime();
    const inYear = events.filter((e) => e.at.getTime() >= from && e.at.getTime() < to && e.at.getTime() < nowMs);
    const launched = new Set<string>();
    const relaunched = new Set<string>();
    const retired = new Set<string>();
    for (const e of inYear) {
      if (e.state === 'publicerad') (firstPublished.get(e.serviceId) === e.at.getTime() ? launched : relaunched).add(e.serviceId);
      else if (e.state === 'avpublicerad') retired.add(e.serviceId);
    }
    const ended = year < currentYear;
    const beforePortal = firstDataYear === null || year < firstDataYear;
    const liveAtYearEnd = ended && !beforePortal ? tally(liveAt(new Date(to)), areaOf, areas) : null;
    const targetCell = cellOf(input.targets, LAUNCHED_ID, year, 'target');
    const outcomeCell = cellOf(input.targets, LAUNCHED_ID, year, 'outcome');
    const target = cellNumber(targetCell);
    const comparedCount = beforePortal ? null : ended ? (liveAtYearEnd?.byArea[LAUNCHED_TARGET_AREA] ?? 0) : year === currentYear ? (now.byArea[LAUNCHED_TARGET_AREA] ?? 0) : null;
    return {
      year,
      liveAtYearEnd,
      beforePortal,
      launched: tally(launched, areaOf, areas),
      relaunched: tally(relaunched, areaOf, areas),
      retired: tally(retired, areaOf, areas),
      target,
      targetNote: targetCell?.note ?? null,
      outcomeNote: outcomeCell?.note ?? null,
      comparedCount,
      met: target !== null && comparedCount !== null && ended ? comparedCount >= target : null,
    };
  });
  return { now, years, areas, targetArea: LAUNCHED_TARGET_AREA };
}
