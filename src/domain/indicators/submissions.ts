/**
 * What comes in through the portal:
 *  - volumes: submissions per e-tjänst and Swedish month;
 *  - on behalf: the share sent by someone for another person (anhörig, god man, ombud);
 *  - outside office hours: the share sent outside Monday–Friday 08.00–17.00 Swedish time or on a
 *    day the offices are closed (helgdagar, midsommarafton, julafton, nyårsafton) — the "oavsett tid
 *    på dygnet" of Nämndmål 1:7;
 *  - handling time: the median time from submission to a handläggare's first action (assign,
 *    status, note or decision) per area, over the cases handled so far, by month of submission.
 */
import type { HandlingRow, OfficeBucket, VolumeBucket } from './data.ts';
import { medianMinutes } from './median.ts';
import { isClosedDay } from './time.ts';

export type PeriodFigures = {
  submissions: number;
  onBehalf: number;
  outsideOfficeHours: number;
  /** Over the office buckets (the same submissions, counted by day). */
  officeBase: number;
  handled: number;
  medianMinutes: number | null;
};

const inPeriod = (key: string, period: string) => key.startsWith(period);

/** Figures for one period ("2026" or "2026-03") and one area (or every area). */
export function periodFigures(
  data: { volumes: VolumeBucket[]; office: OfficeBucket[]; handling: HandlingRow[] },
  period: string,
  area?: string,
): PeriodFigures {
  const areaOk = (a: string) => area === undefined || a === area;
  let submissions = 0;
  let onBehalf = 0;
  for (const v of data.volumes) {
    if (!areaOk(v.area) || !inPeriod(v.month, period)) continue;
    submissions += v.count;
    if (v.onBehalf) onBehalf += v.count;
  }
  let outside = 0;
  let officeBase = 0;
  for (const o of data.office) {
    if (!areaOk(o.area) || !inPeriod(o.day, period)) continue;
    officeBase += o.count;
    if (!o.weekdayOfficeHour || isClosedDay(o.day)) outside += o.count;
  }
  const buckets = data.handling.filter((h) => areaOk(h.area) && inPeriod(h.month, period));
  return {
    submissions,
    onBehalf,
    outsideOfficeHours: outside,
    officeBase,
    handled: buckets.reduce((s, b) => s + b.count, 0),
    medianMinutes: medianMinutes(buckets),
  };
}

/** Submissions per e-tjänst for each month: rows in the order of `serviceIds`, columns in the order of `months`. */
export function volumesByServiceMonth(volumes: VolumeBucket[], serviceIds: string[], months: string[]): { serviceId: string; counts: number[]; total: number }[] {
  const key = (s: string, m: string) => `${s}|${m}`;
  const sums = new Map<string, number>();
  for (const v of volumes) sums.set(key(v.serviceId, v.month), (sums.get(key(v.serviceId, v.month)) ?? 0) + v.count);
  return serviceIds.map((serviceId) => {
    const counts = months.map((m) => sums.get(key(serviceId, m)) ?? 0);
    return { serviceId, counts, total: counts.reduce((s, n) => s + n, 0) };
  });
}

/** Total submissions per month (every e-tjänst). */
export function volumesByMonth(volumes: VolumeBucket[], months: string[]): number[] {
  const sums = new Map<string, number>();
  for (const v of volumes) sums.set(v.month, (sums.get(v.month) ?? 0) + v.count);
  return months.map((m) => sums.get(m) ?? 0);
}
