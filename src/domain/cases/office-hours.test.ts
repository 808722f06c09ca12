import { describe, expect, it } from 'vitest';
import { describeWeeklyHours, isOutsideOfficeHours, OfficeHoursFormatError, parseWeeklyHours, type OfficeHours } from './office-hours.ts';
import { easterSunday, swedishHolidays } from '../calendar/swedish-holidays.ts';

const weekdays = (over: Partial<OfficeHours> = {}): OfficeHours => ({ open: parseWeeklyHours('mon-fri 08:00-16:30'), closedDates: new Set(), publicHolidays: true, ...over });

describe('office hours', () => {
  it('are read from a weekly text, with ranges, lists and several intervals a day', () => {
    const open = parseWeeklyHours('mon-thu 08:00-12:00; mon-thu 13:00-16:30; fri,sat 09:00-12:00');
    expect(open).toHaveLength(10);
    expect(describeWeeklyHours(open)).toContain('fri 09:00-12:00');
    expect(parseWeeklyHours('')).toEqual([]);
  });

  it('refuse a text they cannot read rather than guess', () => {
    for (const bad of ['mon-fri 8-16', 'fri-mon 08:00-16:00', 'mån 08:00-16:00', 'mon 16:00-08:00', 'mon 08:00-25:00']) {
      expect(() => parseWeeklyHours(bad), bad).toThrow(OfficeHoursFormatError);
    }
  });

  it('are open on a weekday afternoon and closed the evening and the night after, in Swedish time', () => {
    // Tuesday 3 March 2026: UTC+1.
    expect(isOutsideOfficeHours(new Date('2026-03-03T15:29:00Z'), weekdays())).toBe(false); // 16:29
    expect(isOutsideOfficeHours(new Date('2026-03-03T15:30:00Z'), weekdays())).toBe(true); // 16:30
    expect(isOutsideOfficeHours(new Date('2026-03-03T06:59:59Z'), weekdays())).toBe(true); // 07:59:59
    expect(isOutsideOfficeHours(new Date('2026-03-03T07:00:00Z'), weekdays())).toBe(false); // 08:00
  });

  it('are closed on a Saturday night and across midnight into Sunday', () => {
    expect(isOutsideOfficeHours(new Date('2026-03-07T22:30:00Z'), weekdays())).toBe(true); // Sat 23:30
    expect(isOutsideOfficeHours(new Date('2026-03-07T23:30:00Z'), weekdays())).toBe(true); // Sun 00:30
    // Friday 23:30 UTC is already Saturday 00:30 in Sweden, even with Saturday hours on Friday's date.
    const fridayLate = weekdays({ open: parseWeeklyHours('fri 00:00-24:00') });
    expect(isOutsideOfficeHours(new Date('2026-03-06T22:59:00Z'), fridayLate)).toBe(false); // Fri 23:59
    expect(isOutsideOfficeHours(new Date('2026-03-06T23:00:00Z'), fridayLate)).toBe(true); // Sat 00:00
  });

  it('follow the Swedish clock across the changes to and from summer time', () => {
    // Monday 30 March 2026 (the day after the change): 08:00 is 06:00 UTC.
    expect(isOutsideOfficeHours(new Date('2026-03-30T05:59:00Z'), weekdays())).toBe(true);
    expect(isOutsideOfficeHours(new Date('2026-03-30T06:00:00Z'), weekdays())).toBe(false);
    // Friday 27 March 2026 (before the change): 08:00 is 07:00 UTC.
    expect(isOutsideOfficeHours(new Date('2026-03-27T06:30:00Z'), weekdays())).toBe(true);
    // Monday 26 October 2026 (the day after the change back): 16:30 is 15:30 UTC again.
    expect(isOutsideOfficeHours(new Date('2026-10-26T15:29:00Z'), weekdays())).toBe(false);
    expect(isOutsideOfficeHours(new Date('2026-10-26T15:30:00Z'), weekdays())).toBe(true);
    // During the change itself (Sunday 02:00–03:00 does not exist): closed, whatever the interval.
    const always = weekdays({ open: parseWeeklyHours('sun 03:00-24:00') });
    expect(isOutsideOfficeHours(new Date('2026-03-29T00:59:00Z'), always)).toBe(true); // 01:59
    expect(isOutsideOfficeHours(new Date('2026-03-29T01:00:00Z'), always)).toBe(false); // 03:00
  });

  it('are closed all day on public holidays and on the dates listed, and open again after', () => {
    // Långfredagen 2026 is 3 April, annandag påsk 6 April; Kristi himmelsfärd 14 May.
    for (const day of ['2026-04-03', '2026-04-06', '2026-05-14', '2026-06-19', '2026-12-24', '2027-01-06']) {
      expect(isOutsideOfficeHours(new Date(`${day}T10:00:00Z`), weekdays()), day).toBe(true);
    }
    expect(isOutsideOfficeHours(new Date('2026-04-07T10:00:00Z'), weekdays())).toBe(false);
    expect(isOutsideOfficeHours(new Date('2026-04-03T10:00:00Z'), weekdays({ publicHolidays: false }))).toBe(false);
    const listed = weekdays({ closedDates: new Set(['2026-12-28']) });
    expect(isOutsideOfficeHours(new Date('2026-12-28T10:00:00Z'), listed)).toBe(true);
    expect(isOutsideOfficeHours(new Date('2026-12-29T10:00:00Z'), listed)).toBe(false);
    // The listed date is the Swedish one: 23:30 UTC on the 27th is already the 28th in Sweden.
    expect(isOutsideOfficeHours(new Date('2026-12-27T23:30:00Z'), weekdays({ open: parseWeeklyHours('mon-sun 00:00-24:00'), closedDates: new Set(['2026-12-28']) }))).toBe(true);
  });

  it('compute Easter and the moving holidays as the almanac has them', () => {
    expect(easterSunday(2024)).toEqual([3, 31]);
    expect(easterSunday(2025)).toEqual([4, 20]);
    expect(easterSunday(2026)).toEqual([4, 5]);
    expect(easterSunday(2038)).toEqual([4, 25]);
    const h = swedishHolidays(2026);
    expect(h.get('2026-06-20')).toBe('midsommardagen');
    expect(h.get('2026-06-19')).toBe('midsommarafton');
    expect(h.get('2026-10-31')).toBe('allaHelgonsDag');
    expect(h.get('2026-05-24')).toBe('pingstdagen');
    expect(swedishHolidays(2025).get('2025-11-01')).toBe('allaHelgonsDag');
    expect(swedishHolidays(2025).get('2025-06-20')).toBe('midsommarafton');
  });
});
