/**
 * The social services' office hours: when a handläggare is at work to see an akut report in the
 * inbox, and so when the socialjour (on call) must be alerted instead. Weekly opening hours in
 * Swedish time, closed on Swedish public holidays (computed, below) and on dates the municipality
 * lists (e.g. the days between Christmas and New Year). Pure: configuration in, a boolean out.
 */
import { isoDate as iso, swedishHolidays } from '../calendar/swedish-holidays.ts';
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
