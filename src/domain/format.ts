/**
 * Time and numbers as people in the municipality read them: the one place that knows the time zone
 * (Europe/Stockholm, whatever the server's own zone) and the locale each language is shown in
 * (Swedish → sv-SE, English → en-GB, Finnish → fi-FI, Arabic and Persian → as written in Sweden with Latin digits and the Gregorian calendar, Ukrainian → uk-UA, Somali → so-SO on a 24-hour clock). Every date, time or number a person sees goes through here,
 * and so does every "which day is it in Sweden" a rule depends on (reference years, deadlines, quotas,
 * filters). Framework-free; formatters are built once per locale and options and reused.
 */

export const TIME_ZONE = 'Europe/Stockholm';

export type Locale = 'sv-SE' | 'en-GB' | 'fi-FI' | 'ar-SE-u-nu-latn' | 'fa-SE-u-ca-gregory-nu-latn' | 'uk-UA' | 'so-SO-u-hc-h23';

/**
 * The locale a language is shown in: English as written in Britain, Finnish as in Finland, Arabic as
 * written in Sweden with the digits people here use for dates, amounts and numbers (0–9, which also
 * keeps them the same as in a personnummer or a phone number), everything else Swedish.
 */
export function localeOf(lang: string | undefined): Locale {
  switch (lang) {
    case 'en':
      return 'en-GB';
    case 'fi':
      return 'fi-FI';
    case 'ar':
      return 'ar-SE-u-nu-latn';
    case 'fa':
      // Persian's own default calendar is the Solar Hijri one: a date here is a Swedish date.
      return 'fa-SE-u-ca-gregory-nu-latn';
    case 'uk':
      return 'uk-UA';
    case 'so':
      // Intl has Somali as written in Somalia (Latin digits, Gregorian calendar), but on a 12-hour
      // clock ("2:05 GD"): times here are Swedish times, read against Swedish letters and clocks.
      return 'so-SO-u-hc-h23';
    default:
      return 'sv-SE';
  }
}

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

/** Intl formatters are costly to build: one per locale and options, kept for the process. */
function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let f = cache.get(key) as F | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions) => cached(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
const numberFormat = (locale: string, options: Intl.NumberFormatOptions) => cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));

// ---------------------------------------------------------------------------------------------
// The Swedish wall clock (for rules, keys and machine-readable output)
// ---------------------------------------------------------------------------------------------

/** An instant as a clock in Sweden shows it; `isoDow` 1 = Monday … 7 = Sunday; `offset` "+01:00". */
export type WallClock = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  isoDow: number;
  offset: string;
};

const WALL_OPTIONS: Intl.DateTimeFormatOptions = {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  weekday: 'short',
  timeZoneName: 'longOffset',
};

const DOW: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function stockholmClock(d: Date): WallClock {
  if (Number.isNaN(d.getTime())) throw new RangeError('stockholmClock: invalid Date');
  const p = Object.fromEntries(dateTimeFormat('en-US', WALL_OPTIONS).formatToParts(d).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
    isoDow: DOW[p.weekday ?? ''] ?? 0,
    offset: /^GMT([+-]\d{2}:\d{2})$/.exec(p.timeZoneName ?? '')?.[1] ?? '+00:00',
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-03-01": the Swedish calendar day of an instant. */
export function stockholmDay(d: Date): string {
  const c = stockholmClock(d);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`;
}

/** The Swedish calendar year of an instant (00:30 on 1 January in Sweden is already the new year). */
export function stockholmYear(d: Date): number {
  return stockholmClock(d).year;
}

/** "2026-03-01T10:00:00+01:00": the Swedish wall-clock time with its UTC offset. */
export function stockholmIso(d: Date): string {
  const c = stockholmClock(d);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}${c.offset}`;
}

/** How far Sweden's clock is ahead of UTC at the instant `t` (ms since the epoch), in ms. */
function offsetAt(t: number): number {
  const c = stockholmClock(new Date(t));
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - Math.floor(t / 1000) * 1000;
}

/**
 * The instant a Swedish calendar day ("2026-03-29") begins, `plusDays` later. Sweden never changes
 * its clocks at midnight, so midnight always exists; the second pass settles the offset near a change.
 */
export function stockholmDayStart(isoDate: string, plusDays = 0): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`not a calendar date: ${isoDate}`);
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays);
  const first = utc - offsetAt(utc);
  return new Date(utc - offsetAt(first));
}

// ---------------------------------------------------------------------------------------------
// What people read (in their language)
// ---------------------------------------------------------------------------------------------

export type Style = 'long' | 'medium' | 'short';

/** Formats for one reader's language. Dates and times are always shown in Swedish time. */
export type Formats = {
  locale: Locale;
  /** "12 mars 2026" / "12 March 2026" (style long), "2026-03-12" / "12/03/2026" (short). */
  date: (d: Date, style?: Style) => string;
  /** "12 mars 2026 kl. 10:00" / "12 March 2026 at 10:00"; `time` sets the time's own style. */
  dateTime: (d: Date, style?: Style, time?: Style) => string;
  /** "10:00": the time of day alone. */
  time: (d: Date, style?: Style) => string;
  /** A calendar date stored as "2026-03-12", shown as a date with no time zone shift. */
  calendarDate: (isoDate: string, style?: Style) => string;
  /** A month stored as "2026-03": "mars 2026" (long) or "mars 2026" abbreviated (short). */
  month: (isoMonth: string, style?: 'long' | 'short', withYear?: boolean) => string;
  /** "2 576" / "2,576"; at most `maximumFractionDigits` decimals (default 3, as Intl's own). */
  number: (n: number, maximumFractionDigits?: number) => string;
};

function calendarInstant(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? 15))) : null;
}

const memo = new Map<Locale, Formats>();

export function formats(lang: string | undefined): Formats {
  const locale = localeOf(lang);
  const known = memo.get(locale);
  if (known) return known;
  const f: Formats = {
    locale,
    date: (d, style = 'long') => dateTimeFormat(locale, { dateStyle: style, timeZone: TIME_ZONE }).format(d),
    dateTime: (d, style = 'long', time = 'short') => dateTimeFormat(locale, { dateStyle: style, timeStyle: time, timeZone: TIME_ZONE }).format(d),
    time: (d, style = 'short') => dateTimeFormat(locale, { timeStyle: style, timeZone: TIME_ZONE }).format(d),
    calendarDate: (iso, style = 'long') => {
      const d = calendarInstant(iso);
      return d ? dateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(d) : iso;
    },
    month: (iso, style = 'long', withYear = true) => {
      const d = calendarInstant(iso);
      return d ? dateTimeFormat(locale, withYear ? { month: style, year: 'numeric', timeZone: 'UTC' } : { month: style, timeZone: 'UTC' }).format(d) : iso;
    },
    number: (n, maximumFractionDigits = 3) => numberFormat(locale, { maximumFractionDigits }).format(n),
  };
  memo.set(locale, f);
  return f;
}
