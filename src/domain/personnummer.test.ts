import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import {
  ageOn,
  formatPersonnummer,
  parsePersonnummer,
  stockholmDate,
} from './personnummer.ts';
import type { Personnummer } from './personnummer.ts';

// Fixed "now": nothing in these tests may depend on the real clock.
const TODAY = new Date('2026-11-23T12:00:00Z');

function mustParse(input: string, today: Date = TODAY): Personnummer {
  const p = parsePersonnummer(input, today);
  if (!p) throw new Error(`expected ${JSON.stringify(input)} to parse`);
  return p;
}

/** Noon UTC is the same calendar date in Stockholm all year (UTC+1/UTC+2). */
const noon = (isoDate: string): Date => new Date(`${isoDate}T12:00:00Z`);

// ---------------------------------------------------------------------------
// Shared cross-language vectors of the personnummer project.
// ---------------------------------------------------------------------------

const FORMATS = ['long_format', 'short_format', 'separated_format', 'separated_long', 'integer'] as const;
type Format = (typeof FORMATS)[number];
type MetaEntry = Record<Format, string | number> & {
  valid: boolean;
  type: string;
  isMale: boolean;
  isFemale: boolean;
};

const metaList = JSON.parse(
  readFileSync(new URL('../../testdata/personnummer-meta-list.json', import.meta.url), 'utf8'),
) as MetaEntry[];

describe('the shared personnummer meta-list', () => {
  it('has entries with every format and only the types "ssn" and "con"', () => {
    expect(metaList.length).toBeGreaterThan(0);
    for (const entry of metaList) {
      for (const f of FORMATS) expect(entry).toHaveProperty(f);
      expect(['ssn', 'con']).toContain(entry.type);
      if (entry.valid) expect(entry.isMale).toBe(!entry.isFemale);
    }
  });

  /**
   * What a valid entry should normalise to in a given format. Every format with
   * a century, or with an explicit '+'/'-', keeps the entry's birth year. The bare
   * 10-digit short_format carries no '+', so by the century rule it is read as
   * someone born in the last 100 years: the two 1909 vectors (whose separated
   * form is "YYMMDD+NNNC") come back as 2009 with the same digits. That is a
   * real loss of information in the format, not a parser bug, so it is asserted
   * explicitly rather than skipped.
   */
  function expectedNormalized(entry: MetaEntry, format: Format): string {
    const long = String(entry.long_format);
    if (format !== 'short_format') return long;
    const hundredPlus = String(entry.separated_format).includes('+');
    return hundredPlus ? String(Number(long.slice(0, 2)) + 1) + long.slice(2) : long;
  }

  for (const [index, entry] of metaList.entries()) {
    const kind = entry.type === 'con' ? 'samordningsnummer' : 'personnummer';
    describe(`entry ${index} (${entry.long_format}, ${entry.valid ? 'valid' : 'invalid'} ${kind})`, () => {
      for (const format of FORMATS) {
        const input = String(entry[format]);
        if (!entry.valid) {
          it(`rejects ${format} ${JSON.stringify(input)}`, () => {
            expect(parsePersonnummer(input, TODAY)).toBeNull();
          });
          continue;
        }
        it(`parses ${format} ${JSON.stringify(input)} with the right kind, sex and digits`, () => {
          const p = mustParse(input);
          expect(p.isCoordinationNumber).toBe(entry.type === 'con');
          expect(p.sex === 'male').toBe(entry.isMale);
          expect(p.sex === 'female').toBe(entry.isFemale);
          expect(p.normalized).toBe(expectedNormalized(entry, format));
        });
      }
    });
  }

  it('reads the 1909 short forms as 1909 once the "+" separator is given', () => {
    expect(mustParse('090527+1474').normalized).toBe('190905271474');
    expect(mustParse('0905271474').normalized).toBe('200905271474');
    expect(mustParse('090527-1474').normalized).toBe('200905271474');
  });
});

// ---------------------------------------------------------------------------

describe('parsePersonnummer', () => {
  it('accepts every common way of writing the same number', () => {
    for (const input of ['195111231873', '19511123-1873', '511123-1873', '5111231873', '  511123-1873 \n']) {
      expect(mustParse(input)).toEqual({
        normalized: '195111231873',
        birthDate: { year: 1951, month: 11, day: 23 },
        isCoordinationNumber: false,
        sex: 'male',
      });
    }
  });

  it('reads the sex from the third digit of the birth number (even = female)', () => {
    expect(mustParse('195101271848').sex).toBe('female');
    expect(mustParse('195101151818').sex).toBe('male');
  });

  it('accepts 29 February only in leap years', () => {
    expect(mustParse('000229-2399').birthDate).toEqual({ year: 2000, month: 2, day: 29 });
    // Same ten digits, same check digit, but 1900 was not a leap year.
    expect(parsePersonnummer('000229+2399', TODAY)).toBeNull();
    expect(parsePersonnummer('190002292399', TODAY)).toBeNull();
    expect(mustParse('920229+9815').birthDate).toEqual({ year: 1892, month: 2, day: 29 });
  });

  it('flags a samordningsnummer and gives its real birth date (day minus 60)', () => {
    const p = mustParse('197302889931');
    expect(p.isCoordinationNumber).toBe(true);
    expect(p.birthDate).toEqual({ year: 1973, month: 2, day: 28 });
    expect(p.normalized).toBe('197302889931');
    expect(formatPersonnummer(p)).toBe('19730288-9931');
  });

  describe('century rule for ten-digit forms (today 2026-11-23)', () => {
    it('reads "+" as born 100–199 years before this year', () => {
      expect(mustParse('261204+9029').birthDate).toEqual({ year: 1926, month: 12, day: 4 });
    });

    it('rejects "-" or no separator when that would put the birth later this year', () => {
      expect(parsePersonnummer('261204-9029', TODAY)).toBeNull();
      expect(parsePersonnummer('2612049029', TODAY)).toBeNull();
    });

    it('reads "-" as the most recent matching year, even if that means a baby', () => {
      expect(mustParse('261116-9257').normalized).toBe('202611169257');
      expect(mustParse('261116+9257').normalized).toBe('192611169257');
    });

    it('uses "+" from the start of the year someone turns 100, while they are still 99', () => {
      const p = mustParse('261223+9232');
      expect(p.birthDate.year).toBe(1926);
      expect(ageOn(p, TODAY)).toBe(99);
    });

    it('depends only on the given today, never the clock', () => {
      const in2010 = noon('2010-06-01');
      expect(mustParse('110101-2381', in2010).normalized).toBe('191101012381');
      expect(mustParse('110101-2381').normalized).toBe('201101012381');
    });
  });

  describe('twelve-digit forms', () => {
    it('accept "-" regardless of age', () => {
      expect(mustParse('19261204-9029').normalized).toBe('192612049029');
      expect(mustParse('18900101-9802').normalized).toBe('189001019802');
    });

    it('accept a "+" that agrees with the age, and reject one that does not', () => {
      expect(mustParse('19261204+9029').normalized).toBe('192612049029');
      expect(parsePersonnummer('19511123+1873', TODAY)).toBeNull();
    });

    it('reject a birth date after today', () => {
      expect(parsePersonnummer('201101012381', noon('2010-06-01'))).toBeNull();
      expect(parsePersonnummer('20110101-2381', noon('2010-12-31'))).toBeNull();
      expect(mustParse('20110101-2381', noon('2011-01-01')).normalized).toBe('201101012381');
    });
  });

  it('rejects invalid vectors with a good-looking shape', () => {
    expect(parsePersonnummer('19700428-9895', TODAY)).toBeNull(); // bad check digit
    expect(parsePersonnummer('19420566-9899', TODAY)).toBeNull();
    expect(parsePersonnummer('20150916-0006', TODAY)).toBeNull(); // birth number 000, check digit correct
  });

  it.each([
    '',
    '   ',
    'abc',
    '19511123187', // 11 digits
    '1951112318733', // 13 digits
    '19000101-000',
    '511123--1873',
    '5111-23-1873',
    '511123 1873',
    '19511123 1873',
    '511123/1873',
    '-5111231873',
    '５１１１２３-１８７３', // full-width digits
    '195111231873x',
  ])('rejects garbage input %j', (input) => {
    expect(parsePersonnummer(input, TODAY)).toBeNull();
  });
});

describe('formatPersonnummer', () => {
  it('always writes YYYYMMDD-NNNC, even for people over 100', () => {
    expect(formatPersonnummer(mustParse('511123-1873'))).toBe('19511123-1873');
    expect(formatPersonnummer(mustParse('090527+1474'))).toBe('19090527-1474');
  });
});

describe('stockholmDate', () => {
  it('is already the next day in Stockholm shortly before midnight UTC in winter', () => {
    expect(stockholmDate(new Date('2026-11-22T23:30:00Z'))).toEqual({ year: 2026, month: 11, day: 23 });
    expect(stockholmDate(new Date('2026-11-22T22:59:59Z'))).toEqual({ year: 2026, month: 11, day: 22 });
  });

  it('follows summer time (UTC+2)', () => {
    expect(stockholmDate(new Date('2026-06-30T22:30:00Z'))).toEqual({ year: 2026, month: 7, day: 1 });
    expect(stockholmDate(new Date('2026-06-30T21:59:59Z'))).toEqual({ year: 2026, month: 6, day: 30 });
  });

  it('throws on an invalid Date instead of returning NaN fields', () => {
    expect(() => stockholmDate(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('ageOn', () => {
  const p = mustParse('19511123-1873');

  it('turns N on the birthday itself, not the day before', () => {
    expect(ageOn(p, noon('2026-11-22'))).toBe(74);
    expect(ageOn(p, noon('2026-11-23'))).toBe(75);
    expect(ageOn(p, noon('2027-11-22'))).toBe(75);
  });

  it('uses the Stockholm calendar date, not UTC', () => {
    expect(ageOn(p, new Date('2026-11-22T23:30:00Z'))).toBe(75);
    expect(ageOn(p, new Date('2026-11-22T22:30:00Z'))).toBe(74);
  });

  it('makes someone born 29 February a year older on 1 March in non-leap years', () => {
    const leap = mustParse('20000229-2399');
    expect(ageOn(leap, noon('2025-02-28'))).toBe(24);
    expect(ageOn(leap, noon('2025-03-01'))).toBe(25);
    expect(ageOn(leap, noon('2024-02-28'))).toBe(23);
    expect(ageOn(leap, noon('2024-02-29'))).toBe(24);
  });

  it('counts a samordningsnummer from the real birth date', () => {
    const con = mustParse('19730288-9931'); // born 1973-02-28
    expect(ageOn(con, noon('2026-02-27'))).toBe(52);
    expect(ageOn(con, noon('2026-02-28'))).toBe(53);
  });

  it('is 0 on the day of birth', () => {
    expect(ageOn(p, noon('1951-11-23'))).toBe(0);
  });
});
