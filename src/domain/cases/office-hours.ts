/**
 * The social services' office hours: when a handläggare is at work to see an akut report in the
 * inbox, and so when the socialjour (on call) must be alerted instead. Weekly opening hours in
 * Swedish time, closed on Swedish public holidays (computed, below) and on dates the municipality
 * lists (e.g. the days between Christmas and New Year). Pure: configuration in, a boolean out.
 */
import { easterSunday } from '../indicators/time.ts';
import { stockholmClock } from '../format.ts';

/** One opening interval on one ISO weekday (1 = Monday … 7 = Sunday), minutes after midnight, [from, to). */
export type OpenInterval = { isoDow: number; from: number; to: number };

export type OfficeHours = {
  open: readonly OpenInterval[];
  /** Closed all day (YYYY-MM-DD, Swedish calendar): the municipality's own list. */
  closedDates: ReadonlySet<string>;
  /** Closed on the Swedish public holidays and the eves the offices close on (swedishHolidays). */
  publicHolidays: boolean;
};

const DAYS: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };
const DAY_NAMES = Object.keys(DAYS);

export class OfficeHoursFormatError extends Error {
  constructor(part: string) {
    super(`office hours: cannot read "${part}" (expected e.g. "mon-fri 08:00-16:30; sat 10:00-12:00")`);
    this.name = 'OfficeHoursFormatError';
  }
}

function minutes(hhmm: string): number | undefined {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hhmm);
  if (!m) return undefined;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return v <= 24 * 60 ? v : undefined;
}

/**
 * "mon-fri 08:00-16:30; sat 10:00-12:00" → intervals. Days are English three-letter names, a range
 * or a comma list; an empty text means never open. Throws OfficeHoursFormatError on anything else.
 */
export function parseWeeklyHours(text: string): OpenInterval[] {
  const out: OpenInterval[] = [];
  for (const raw of text.split(';')) {
    const part = raw.trim().toLowerCase();
    if (part === '') continue;
    const m = /^([a-z,\-]+)\s+(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(part);
    const from = m ? minutes(m[2]!) : undefined;
    const to = m ? minutes(m[3]!) : undefined;
    if (!m || from === undefined || to === undefined || from >= to) throw new OfficeHoursFormatError(raw.trim());
    const days = new Set<number>();
    for (const d of m[1]!.split(',')) {
      const range = d.split('-');
      const a = DAYS[range[0] ?? ''];
      const b = DAYS[range[1] ?? range[0] ?? ''];
      if (a === undefined || b === undefined || range.length > 2 || a > b) throw new OfficeHoursFormatError(raw.trim());
      for (let i = a; i <= b; i++) days.add(i);
    }
    for (const isoDow of days) out.push({ isoDow, from, to });
  }
  return out;
}

/** The weekly hours written back in the form parseWeeklyHours reads (for logs and docs). */
export function describeWeeklyHours(open: readonly OpenInterval[]): string {
  const hm = (v: number) => `${String(Math.floor(v / 60)).padStart(2, '0')}:${String(v % 60).padStart(2, '0')}`;
  return open.map((o) => `${DAY_NAMES[o.isoDow - 1]} ${hm(o.from)}-${hm(o.to)}`).join('; ');
}

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Easter Sunday: one computation, shared with the indicators' working days. */
export { easterSunday };

function plusDays(y: number, m: number, d: number, n: number): string {
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
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
    [iso(year, 1, 1), 'nyarsdagen'],
    [iso(year, 1, 6), 'trettondedagJul'],
    [plusDays(year, em, ed, -2), 'langfredagen'],
    [iso(year, em, ed), 'paskdagen'],
    [plusDays(year, em, ed, 1), 'annandagPask'],
    [iso(year, 5, 1), 'forstaMaj'],
    [plusDays(year, em, ed, 39), 'kristiHimmelfardsdag'],
    [plusDays(year, em, ed, 49), 'pingstdagen'],
    [iso(year, 6, 6), 'nationaldagen'],
    [weekdayFrom(year, 6, 19, 5), 'midsommarafton'],
    [midsummerDay, 'midsommardagen'],
    [weekdayFrom(year, 10, 31, 6), 'allaHelgonsDag'],
    [iso(year, 12, 24), 'julafton'],
    [iso(year, 12, 25), 'juldagen'],
    [iso(year, 12, 26), 'annandagJul'],
    [iso(year, 12, 31), 'nyarsafton'],
  ]);
}

/** Whether the offices are closed all of this Swedish calendar day (YYYY-MM-DD). */
export function isClosedDay(day: string, hours: OfficeHours): boolean {
  if (hours.closedDates.has(day)) return true;
  return hours.publicHolidays && swedishHolidays(Number(day.slice(0, 4))).has(day);
}

/** Whether `instant` falls outside the office hours (as a clock in Sweden shows it, DST included). */
export function isOutsideOfficeHours(instant: Date, hours: OfficeHours): boolean {
  const c = stockholmClock(instant);
  if (isClosedDay(iso(c.year, c.month, c.day), hours)) return true;
  const at = c.hour * 60 + c.minute;
  return !hours.open.some((o) => o.isoDow === c.isoDow && at >= o.from && at < o.to);
}
