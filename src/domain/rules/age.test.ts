import { describe, it, expect } from 'vitest';
import { parsePersonnummer } from '../personnummer.ts';
import type { Personnummer } from '../personnummer.ts';
import { dateWhenAgeReached, meetsAgeLimit } from './age.ts';

const TODAY = new Date('2026-11-23T12:00:00Z');
const noon = (isoDate: string): Date => new Date(`${isoDate}T12:00:00Z`);

function mustParse(input: string): Personnummer {
  const p = parsePersonnummer(input, TODAY);
  if (!p) throw new Error(`expected ${JSON.stringify(input)} to parse`);
  return p;
}

// Skatteverket test number, born 1951-11-23: turns 75 on the fixed TODAY.
const turns75 = mustParse('19511123-1873');

describe('meetsAgeLimit', () => {
  it('is not met the day before the 75th birthday', () => {
    expect(meetsAgeLimit(turns75, 75, noon('2026-11-22'))).toBe(false);
  });

  it('is met on the 75th birthday and after', () => {
    expect(meetsAgeLimit(turns75, 75, TODAY)).toBe(true);
    expect(meetsAgeLimit(turns75, 75, noon('2030-01-01'))).toBe(true);
  });

  it('is met from midnight Stockholm time, an hour before midnight UTC', () => {
    expect(meetsAgeLimit(turns75, 75, new Date('2026-11-22T23:30:00Z'))).toBe(true);
    expect(meetsAgeLimit(turns75, 75, new Date('2026-11-22T22:30:00Z'))).toBe(false);
  });

  it('uses the real birth date of a samordningsnummer', () => {
    const con = mustParse('20210791-9967'); // born 2021-07-31
    expect(meetsAgeLimit(con, 5, noon('2026-07-30'))).toBe(false);
    expect(meetsAgeLimit(con, 5, noon('2026-07-31'))).toBe(true);
  });

  it('lets someone born 29 February reach 18 on 1 March of a non-leap year', () => {
    const leap = mustParse('20000229-2399');
    expect(meetsAgeLimit(leap, 18, noon('2018-02-28'))).toBe(false);
    expect(meetsAgeLimit(leap, 18, noon('2018-03-01'))).toBe(true);
  });
});

describe('dateWhenAgeReached', () => {
  it('is the birthday in the year the limit is reached', () => {
    expect(dateWhenAgeReached(turns75, 75)).toEqual({ year: 2026, month: 11, day: 23 });
    expect(dateWhenAgeReached(turns75, 0)).toEqual({ year: 1951, month: 11, day: 23 });
  });

  it('moves a 29 February birthday to 1 March only in non-leap years', () => {
    const leap = mustParse('20000229-2399');
    expect(dateWhenAgeReached(leap, 18)).toEqual({ year: 2018, month: 3, day: 1 });
    expect(dateWhenAgeReached(leap, 20)).toEqual({ year: 2020, month: 2, day: 29 });
  });

  it('uses the real birth date of a samordningsnummer, not day + 60', () => {
    expect(dateWhenAgeReached(mustParse('19730288-9931'), 65)).toEqual({ year: 2038, month: 2, day: 28 });
  });

  it('agrees with meetsAgeLimit on that date and the day before', () => {
    for (const [input, limit] of [
      ['19511123-1873', 75],
      ['20000229-2399', 25],
      ['20000229-2399', 24],
      ['19730288-9931', 65],
      ['18920229-9815', 1],
    ] as const) {
      const p = mustParse(input);
      const { year, month, day } = dateWhenAgeReached(p, limit);
      const reached = new Date(Date.UTC(year, month - 1, day, 12));
      const dayBefore = new Date(Date.UTC(year, month - 1, day - 1, 12));
      expect(meetsAgeLimit(p, limit, reached)).toBe(true);
      expect(meetsAgeLimit(p, limit, dayBefore)).toBe(false);
    }
  });
});
