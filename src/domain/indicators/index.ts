/**
 * Every indicator from one IndicatorData: what the public page, the dashboard, the CSV exports and
 * the benchmark compute. Years shown: from 2022 (the plan's first column) to 2028 (its last), and any
 * earlier year with data.
 */
import type { IndicatorData } from './data.ts';
import { portalStart } from './computed.ts';
import { forenkladIndicator, type ForenkladIndicator } from './forenklad.ts';
import { launchedIndicator, type LaunchedIndicator } from './launched.ts';
import { periodFigures, volumesByMonth, volumesByServiceMonth, type PeriodFigures } from './submissions.ts';
import { monthsBetween, stockholmMonth, stockholmYear } from './time.ts';

/** The plan's first column (seed 001 reports outcomes from 2022). */
export const FIRST_YEAR = 2022;
export const LAST_TARGET_YEAR = 2028;

export type Indicators = {
  now: Date;
  currentYear: number;
  years: number[];
  /** Years up to the current one (the ones with counts). */
  pastYears: number[];
  launched: LaunchedIndicator;
  forenklad: ForenkladIndicator;
  submissions: {
    months: string[];
    byMonth: number[];
    byServiceMonth: { serviceId: string; counts: number[]; total: number }[];
    byYear: { year: number; total: PeriodFigures; byArea: { area: string; figures: PeriodFigures }[] }[];
  };
};

/** The years with data or targets: from the first year with data (at most 2024) through max(current year, 2028). */
export function indicatorYears(data: Pick<IndicatorData, 'now' | 'lifecycleEvents' | 'volumes' | 'decisions'>): number[] {
  const firstData = Math.min(
    FIRST_YEAR,
    ...data.volumes.map((v) => Number(v.month.slice(0, 4))),
    ...data.decisions.map((d) => Number(d.month.slice(0, 4))),
    ...data.lifecycleEvents.map((e) => stockholmYear(e.at)),
  );
  const last = Math.max(LAST_TARGET_YEAR, stockholmYear(data.now));
  return Array.from({ length: last - firstData + 1 }, (_, i) => firstData + i);
}

export function computeIndicators(data: IndicatorData, opts: { monthsBack?: number; hanvisadCounts?: boolean } = {}): Indicators {
  const currentYear = stockholmYear(data.now);
  const years = indicatorYears(data);
  const pastYears = years.filter((y) => y <= currentYear);
  const start = portalStart(data);
  const firstDataYear = start ? stockholmYear(start) : null;
  const areas = [...new Set(data.services.map((s) => s.area))].sort();
  const nowMonth = stockholmMonth(data.now);
  const monthsBack = opts.monthsBack ?? 12;
  const [ny, nm] = nowMonth.split('-').map(Number) as [number, number];
  const startIndex = ny * 12 + (nm - 1) - (monthsBack - 1);
  const from = `${Math.floor(startIndex / 12)}-${String((startIndex % 12) + 1).padStart(2, '0')}`;
  const months = monthsBetween(from, nowMonth);
  const serviceIds = [...new Set([...data.services.map((s) => s.id), ...data.volumes.map((v) => v.serviceId)])];
  return {
    now: data.now,
    currentYear,
    years,
    pastYears,
    launched: launchedIndicator({ services: data.services, events: data.lifecycleEvents, targets: data.targets, now: data.now, years, firstDataYear }),
    forenklad: forenkladIndicator({ services: data.services, decisions: data.decisions, targets: data.targets, now: data.now, years, firstDataYear, hanvisadCounts: opts.hanvisadCounts ?? true }),
    submissions: {
      months,
      byMonth: volumesByMonth(data.volumes, months),
      byServiceMonth: volumesByServiceMonth(data.volumes, serviceIds, months),
      // Only years the portal has data for: a year before it is unknown, not 0 submissions.
      byYear: pastYears.filter((year) => firstDataYear !== null && year >= firstDataYear).map((year) => ({
        year,
        total: periodFigures(data, String(year)),
        byArea: areas.map((area) => ({ area, figures: periodFigures(data, String(year), area) })),
      })),
    },
  };
}
