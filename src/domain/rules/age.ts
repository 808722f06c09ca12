/**
 * The age rule for age-limited services (e.g. "75 or older"), on top of the
 * personnummer's real birth date. Pure: `today` is always passed in.
 */
import { ageOn, isLeapYear } from '../personnummer.ts';
import type { CalendarDate, Personnummer } from '../personnummer.ts';

/** True when the person has reached `limit` full years on today's Stockholm date. */
export function meetsAgeLimit(p: Personnummer, limit: number, today: Date): boolean {
  return ageOn(p, today) >= limit;
}

/**
 * The calendar date on which the person turns `limit`, for texts like "you can
 * apply from …". Consistent with `ageOn`: a 29 February birth reaches the age on
 * 1 March when the target year is not a leap year.
 */
export function dateWhenAgeReached(p: Personnummer, limit: number): CalendarDate {
  const { year, month, day } = p.birthDate;
  const target = year + limit;
  if (month === 2 && day === 29 && !isLeapYear(target)) return { year: target, month: 3, day: 1 };
  return { year: target, month, day };
}
