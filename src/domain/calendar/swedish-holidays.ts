/**
 * The Swedish calendar of days the municipality's offices are closed besides weekends, computed:
 * one list for the office hours (domain/cases/office-hours.ts: the socialjour's alerts) and the
 * indicators (domain/indicators/time.ts: "svar inom N arbetsdagar").
 */

/** Easter Sunday (Gregorian, anonymous algorithm) as [month, day]. */
export function easterSunday(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

/** A date as YYYY-MM-DD. */
export const isoDate = (y: number, m: number, d: number): string => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function plusDays(y: number, m: number, d: number, n: number): string {
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The first date from `m`/`d` on that falls on ISO weekday `isoDow` (within the next 6 days). */
function weekdayFrom(y: number, m: number, d: number, isoDow: number): string {
  const dow = ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
  return plusDays(y, m, d, (isoDow - dow + 7) % 7);
}

/**
 * The days Swedish municipal offices are closed, by name: the public holidays of lagen (1989:253)
 * om allmänna helgdagar that do not always fall on a Sunday, and the eves treated as holidays
 * (julafton, nyårsafton, midsommarafton; påskafton is a Saturday anyway).
 */
export function swedishHolidays(year: number): Map<string, string> {
  const [em, ed] = easterSunday(year);
  const midsummerDay = weekdayFrom(year, 6, 20, 6);
  return new Map([
    [isoDate(year, 1, 1), 'nyarsdagen'],
    [isoDate(year, 1, 6), 'trettondedagJul'],
    [plusDays(year, em, ed, -2), 'langfredagen'],
    [isoDate(year, em, ed), 'paskdagen'],
    [plusDays(year, em, ed, 1), 'annandagPask'],
    [isoDate(year, 5, 1), 'forstaMaj'],
    [plusDays(year, em, ed, 39), 'kristiHimmelfardsdag'],
    [plusDays(year, em, ed, 49), 'pingstdagen'],
    [isoDate(year, 6, 6), 'nationaldagen'],
    [weekdayFrom(year, 6, 19, 5), 'midsommarafton'],
    [midsummerDay, 'midsommardagen'],
    [weekdayFrom(year, 10, 31, 6), 'allaHelgonsDag'],
    [isoDate(year, 12, 24), 'julafton'],
    [isoDate(year, 12, 25), 'juldagen'],
    [isoDate(year, 12, 26), 'annandagJul'],
    [isoDate(year, 12, 31), 'nyarsafton'],
  ]);
}

