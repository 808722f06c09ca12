/**
 * Swedish personal identity numbers (personnummer) and coordination numbers
 * (samordningsnummer), as issued by Skatteverket.
 *
 * A number is a birth date (YYMMDD or YYYYMMDD), a three-digit birth number
 * (NNN, odd third digit = male, even = female) and a Luhn check digit (C)
 * computed over the ten-digit form YYMMDDNNN. A samordningsnummer is the same
 * shape with 60 added to the day of month (so days 61–91).
 *
 * Pure and framework-free: nothing here reads the clock. Every rule that depends
 * on "now" (century, "not born in the future") takes `today` as an argument, and
 * calendar dates are taken in Europe/Stockholm, where the municipality operates.
 */
import { stockholmClock } from './format.ts';

export type CalendarDate = { year: number; month: number; day: number };

export type Personnummer = {
  /** 12 digits, YYYYMMDDNNNC, exactly as issued (day + 60 kept for samordningsnummer). */
  normalized: string;
  /** The real birth date: for a samordningsnummer the day minus 60. */
  birthDate: CalendarDate;
  isCoordinationNumber: boolean;
  sex: 'male' | 'female';
};

/**
 * The calendar date of an instant as seen in Sweden. Using the server's local
 * zone or UTC would make someone born on the 23rd "not yet 75" between 00:00 and
 * 01:00/02:00 Swedish time, which is exactly when a deadline-minded applicant
 * might try.
 */
export function stockholmDate(date: Date): CalendarDate {
  if (Number.isNaN(date.getTime())) throw new RangeError('stockholmDate: invalid Date');
  const { year, month, day } = stockholmClock(date);
  return { year, month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Negative, zero or positive like a comparator; works because the fields are ordered. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Luhn (mod 10) over the ten-digit form; the century is never part of the checksum. */
function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const v = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += v > 9 ? v - 9 : v;
  }
  return (10 - (sum % 10)) % 10 === Number(tenDigits[9]);
}

// Optional century, YYMMDD, optional separator, NNN, C. ASCII digits only (no `u`
// flag, so \d never matches other scripts' digits). No inner spaces: the shared
// personnummer test vectors explicitly mark "YYMMDD NNNC" as invalid.
const PATTERN = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

/**
 * Parses and validates a personnummer or samordningsnummer. Returns null for
 * anything that is not a number Skatteverket could have issued by `today`.
 */
export function parsePersonnummer(input: string, today: Date): Personnummer | null {
  const m = PATTERN.exec(input.trim());
  if (!m) return null;
  const [, cc, yy = '', mm = '', dd = '', sep, nnn = '', c = ''] = m;

  // Birth number 000 is not issued; the shared test vectors (and the reference
  // personnummer libraries) treat it as invalid even with a correct check digit.
  if (nnn === '000') return null;
  if (!luhnValid(yy + mm + dd + nnn + c)) return null;

  const now = stockholmDate(today);
  const yy2 = Number(yy);
  let year: number;
  if (cc !== undefined) {
    year = Number(cc) * 100 + yy2;
    // Skatteverket switches the separator from '-' to '+' from 1 January of the
    // year the person turns 100. A '+' on a 12-digit number is redundant but is
    // accepted when it agrees with that rule; a contradicting '+' is rejected.
    if (sep === '+' && year > now.year - 100) return null;
  } else {
    // Same year-based rule, inverted: '-' (or no separator, as people usually
    // type it) means born in one of the 100 years up to and including this
    // year; '+' means born 100–199 years before this year. This is why someone
    // born in December 1926 is written with '+' all through 2026 even while 99.
    const base = sep === '+' ? now.year - 100 : now.year;
    year = base - ((base - yy2) % 100);
  }

  const month = Number(mm);
  const rawDay = Number(dd);
  const isCoordinationNumber = rawDay > 60;
  const day = isCoordinationNumber ? rawDay - 60 : rawDay;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;

  const birthDate = { year, month, day };
  // Also catches '-' numbers whose date is later this year: with the year rule
  // above they would belong to someone not yet born, not to a centenarian.
  if (compareDates(birthDate, now) > 0) return null;

  return {
    normalized: String(year).padStart(4, '0') + mm + dd + nnn + c,
    birthDate,
    isCoordinationNumber,
    sex: Number(nnn[2]) % 2 === 1 ? 'male' : 'female',
  };
}

/** YYYYMMDD-NNNC: the 12-digit form always uses '-', the century removes all ambiguity. */
export function formatPersonnummer(p: Personnummer): string {
  return `${p.normalized.slice(0, 8)}-${p.normalized.slice(8)}`;
}

/**
 * Completed years on the Stockholm calendar date of `date`. A person turns N on
 * their birthday (not the day after).
 *
 * Born 29 February: in non-leap years we say they turn a year older on 1 March,
 * because on 28 February their birthday has not yet occurred (28 Feb < 29 Feb),
 * and claiming a birthday that does not exist has happened early would let
 * someone qualify for an age-limited service a day too soon. (Some Swedish
 * practice, by analogy with lagen (1930:173) om beräkning av lagstadgad tid,
 * uses 28 February instead; this is a deliberate, documented choice.) It falls
 * out of plain (month, day) comparison, so no special case is needed.
 */
export function ageOn(p: Personnummer, date: Date): number {
  const d = stockholmDate(date);
  const b = p.birthDate;
  const hadBirthday = d.month > b.month || (d.month === b.month && d.day >= b.day);
  return d.year - b.year - (hadBirthday ? 0 : 1);
}
