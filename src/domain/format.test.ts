import { describe, expect, it } from 'vitest';
import { formats, localeOf, stockholmClock, stockholmDay, stockholmDayStart, stockholmIso, stockholmYear } from './format.ts';

describe('the Swedish wall clock', () => {
  it('counts 00:30 on New Year’s Day in Sweden as the new year, though UTC is still in the old one', () => {
    const d = new Date('2026-12-31T23:30:00Z');
    expect(stockholmYear(d)).toBe(2027);
    expect(stockholmDay(d)).toBe('2027-01-01');
  });

  it('shows winter time as +01:00 and summer time as +02:00', () => {
    expect(stockholmIso(new Date('2026-01-15T09:00:00Z'))).toBe('2026-01-15T10:00:00+01:00');
    expect(stockholmIso(new Date('2026-07-15T09:00:00Z'))).toBe('2026-07-15T11:00:00+02:00');
  });

  it('names the weekday Monday = 1 … Sunday = 7', () => {
    expect(stockholmClock(new Date('2026-03-02T12:00:00Z')).isoDow).toBe(1);
    expect(stockholmClock(new Date('2026-03-08T12:00:00Z')).isoDow).toBe(7);
  });

  it('starts a day at Swedish midnight, also on the days the clocks change', () => {
    expect(stockholmDayStart('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(stockholmDayStart('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(stockholmDayStart('2026-03-29', 1).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(stockholmDayStart('2026-10-25', 1).toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(() => stockholmDayStart('25 oktober')).toThrow(RangeError);
  });

  it('refuses an invalid instant rather than showing NaN', () => {
    expect(() => stockholmClock(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('what people read', () => {
  it('shows Swedish in sv-SE, English in en-GB, Finnish in fi-FI, Arabic with Latin digits, anything else in Swedish', () => {
    expect(localeOf('sv')).toBe('sv-SE');
    expect(localeOf('en')).toBe('en-GB');
    expect(localeOf('fi')).toBe('fi-FI');
    expect(localeOf('ar')).toBe('ar-SE-u-nu-latn');
    expect(localeOf('de')).toBe('sv-SE');
    expect(localeOf(undefined)).toBe('sv-SE');
  });

  it('writes Arabic dates and amounts with the digits of a personnummer, and Finnish as in Finland', () => {
    const d = new Date('2026-03-12T23:30:00Z');
    expect(formats('ar').date(d)).toMatch(/^13 \S+ 2026$/);
    expect(formats('ar').number(12345)).toMatch(/^12.345$/);
    expect(formats('fi').date(d)).toBe('13. maaliskuuta 2026');
  });

  it('writes Somali dates in Somali on the 24-hour clock Swedish letters and clocks use', () => {
    const d = new Date('2026-03-12T13:05:00Z'); // 14:05 in Sweden
    expect(localeOf('so')).toBe('so-SO-u-hc-h23');
    expect(formats('so').date(d)).toBe('Maarso 12, 2026');
    expect(formats('so').time(d)).toBe('14:05');
    expect(formats('so').dateTime(d)).toBe('Maarso 12, 2026 ee 14:05');
    expect(formats('so').calendarDate('2026-12-01')).toBe('Diseembar 1, 2026');
    expect(formats('so').number(12345.5)).toBe('12,345.5');
  });

  it('shows dates and times in Swedish time whatever the server’s zone', () => {
    const d = new Date('2026-03-12T23:30:00Z'); // 00:30 on 13 March in Sweden
    expect(formats('sv').date(d)).toBe('13 mars 2026');
    expect(formats('en').date(d)).toBe('13 March 2026');
    expect(formats('sv').date(d, 'short')).toBe('2026-03-13');
    expect(formats('en').date(d, 'short')).toBe('13/03/2026');
    expect(formats('sv').dateTime(d)).toBe('13 mars 2026 kl. 00:30');
    expect(formats('en').dateTime(d)).toBe('13 March 2026 at 00:30');
    expect(formats('sv').time(d)).toBe('00:30');
    expect(formats('en').dateTime(d, 'short', 'medium')).toBe('13/03/2026, 00:30:00');
  });

  it('shows a stored calendar date and month without shifting it by a time zone', () => {
    expect(formats('sv').calendarDate('2026-03-01')).toBe('1 mars 2026');
    expect(formats('en').calendarDate('2026-12-31')).toBe('31 December 2026');
    expect(formats('sv').calendarDate('not a date')).toBe('not a date');
    expect(formats('sv').month('2026-03')).toBe('mars 2026');
    expect(formats('en').month('2026-03', 'short', false)).toBe('Mar');
  });

  it('groups thousands and shows decimals as each language writes them', () => {
    expect(formats('sv').number(2576)).toBe('2\u00a0576');
    expect(formats('en').number(2576)).toBe('2,576');
    expect(formats('sv').number(12.345, 1)).toBe('12,3');
    expect(formats('en').number(12.345, 2)).toBe('12.35');
  });

  it('gives the same formats object for the same language (formatters are built once)', () => {
    expect(formats('sv')).toBe(formats('sv'));
    expect(formats('en')).not.toBe(formats('sv'));
  });
});
