import { describe, expect, it } from 'vitest';
import { closedDays, isOfficeHours, monthsBetween, stockholmDate, stockholmMidnight, yearStart } from './time.ts';
import { easterSunday } from '../calendar/swedish-holidays.ts';

describe('Swedish time for the indicators', () => {
  it('begins a year at Swedish midnight, an hour before UTC midnight in winter', () => {
    expect(yearStart(2025).toISOString()).toBe('2024-12-31T23:00:00.000Z');
    expect(stockholmDate(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
    expect(stockholmDate(new Date('2024-12-31T22:59:59Z'))).toBe('2024-12-31');
  });

  it('begins a summer day two hours before UTC midnight', () => {
    expect(stockholmMidnight(2026, 7, 1).toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });

  it('knows Easter and the closed days that move with it', () => {
    expect(easterSunday(2025)).toEqual([4, 20]);
    expect(easterSunday(2026)).toEqual([4, 5]);
    const d = closedDays(2025);
    for (const day of ['2025-04-18', '2025-04-21', '2025-05-29', '2025-06-20', '2025-12-24', '2025-01-06']) expect(d.has(day)).toBe(true);
    expect(d.has('2025-04-22')).toBe(false);
  });

  it('counts weekdays 08–17 Swedish time as office hours, but not on a closed day', () => {
    expect(isOfficeHours(new Date('2025-03-04T07:00:00Z'))).toBe(true); // Tuesday 08.00
    expect(isOfficeHours(new Date('2025-03-04T06:59:00Z'))).toBe(false); // 07.59
    expect(isOfficeHours(new Date('2025-03-04T16:00:00Z'))).toBe(false); // 17.00
    expect(isOfficeHours(new Date('2025-03-08T10:00:00Z'))).toBe(false); // Saturday
    expect(isOfficeHours(new Date('2025-04-18T10:00:00Z'))).toBe(false); // långfredagen
  });

  it('lists months across a year boundary', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
