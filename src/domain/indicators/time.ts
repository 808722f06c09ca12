/**
 * Time in Europe/Stockholm for the indicators: a year, a month or an office day begins at Swedish
 * midnight, whatever the server's time zone. Also the Swedish public holidays (helgdagar), and the
 * office hours that "utanför kontorstid" is measured against.
 */
import { stockholmClock } from '../format.ts';
import { swedishHolidays } from '../calendar/swedish-holidays.ts';

export type LocalParts = { year: number; month: number; day: number; hour: number; isoDow: number };

export function stockholmParts(d: Date): LocalParts {
  const { year, month, day, hour, isoDow } = stockholmClock(d);
  return { year, month, day, hour, isoDow };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03-01": the Swedish calendar date of an instant. */
export function stockholmDate(d: Date): string {
  const p = stockholmParts(d);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** "2026-03": the Swedish calendar month of an instant. */
export function stockholmMonth(d: Date): string {
  return stockholmDate(d).slice(0, 7);
}

export function stockholmYear(d: Date): number {
  return stockholmParts(d).year;
}

/** The instant of Swedish midnight beginning the given day (the offset is +01:00 or +02:00). */
export function stockholmMidnight(year: number, month: number, day: number): Date {
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(Date.UTC(year, month - 1, day) - offsetHours * 3_600_000);
    const p = stockholmParts(candidate);
    if (p.year === year && p.month === month && p.day === day && p.hour === 0) return candidate;
  }
  throw new Error(`no Swedish midnight on ${year}-${month}-${day}`);
}

/** The instant the Swedish calendar year begins. */
export function yearStart(year: number): Date {
  return stockholmMidnight(year, 1, 1);
}

/** "YYYY-MM" → the months from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${pad(m)}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

export function isMonth(v: string | undefined): v is string {
  return !!v && /^\d{4}-(0[1-9]|1[0-2])$/.test(v) && Number(v.slice(0, 4)) >= 2000 && Number(v.slice(0, 4)) <= 2100;
}

/**
 * The days the municipality's offices are closed besides weekends: the Swedish public holidays and
 * the eves treated as holidays (the one calendar: domain/calendar/swedish-holidays.ts).
 */
export function closedDays(year: number): Set<string> {
  return new Set(swedishHolidays(year).keys());
}

const closedCache = new Map<number, Set<string>>();

/** Is this Swedish date ("YYYY-MM-DD") a day the offices are closed (weekend days aside)? */
export function isClosedDay(date: string): boolean {
  const year = Number(date.slice(0, 4));
  let days = closedCache.get(year);
  if (!days) {
    days = closedDays(year);
    closedCache.set(year, days);
  }
  return days.has(date);
}

/** Office hours: Monday to Friday, 08.00–17.00 Swedish time, on days the offices are open. */
export const OFFICE_HOURS = { fromHour: 8, toHour: 17 } as const;

/** Whether a weekday hour (before the holiday check) lies within office hours. */
export function isWeekdayOfficeHour(isoDow: number, hour: number): boolean {
  return isoDow >= 1 && isoDow <= 5 && hour >= OFFICE_HOURS.fromHour && hour < OFFICE_HOURS.toHour;
}

export function isOfficeHours(d: Date): boolean {
  const p = stockholmParts(d);
  return isWeekdayOfficeHour(p.isoDow, p.hour) && !isClosedDay(stockholmDate(d));
}
