/**
 * The handläggare inbox: submissions in the reader's case areas, filtered, searched, counted per
 * status and paged with an opaque keyset cursor in every sort order. Built to stay fast with a
 * million submissions (`npm run bench`):
 *  - every query is split into one branch per area, each an equality prefix plus the sort key, so
 *    each branch is one ordered index walk that stops after a page; a small outer sort merges them.
 *    The due-date order sorts on coalesce(due_at, infinity), indexed as such, so cases without a
 *    due date come last within the same single walk.
 *  - counts per status are bounded: each status counts at most COUNT_CAP + 1 index entries, and
 *    anything above is shown as "10 000+". An exact count of a million rows per request would
 *    read the whole index every time; nobody needs to know whether it is 212 000 or 213 000.
 * Secrecy: the areas always come from `caseAreas(user)`; an area filter can only narrow them.
 * Personnummer leave this module masked (ÅÅMMDD-****), except through `exportInbox`.
 */
import { and, arrayContains, arrayOverlaps, asc, desc, eq, gte, inArray, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import { staffUsers, submissions } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';
import { caseAreas } from './staff/authz.ts';
import type { StaffUser } from './staff/users.ts';
import { decodeCursor, encodeCursor, type CursorPosition, type Direction, type InboxSort } from './inbox-cursor.ts';

export { INBOX_SORTS, type InboxSort } from './inbox-cursor.ts';

/** The statuses the inbox counts and filters on, in the order of the case lifecycle. */
export const INBOX_STATUSES = ['inkommen', 'under_handlaggning', 'beslutad', 'avslutad', 'makulerad'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

/** Counts stop here; the export refuses more rows than this too. */
export const COUNT_CAP = 10_000;

export type InboxUser = Pick<StaffUser, 'id' | 'roles' | 'areas'>;

export type AssigneeFilter = { kind: 'me' } | { kind: 'unassigned' } | { kind: 'user'; id: string };

/** A reference number (YYYY-NNNNNN) or a personnummer in its stored 12-digit form. */
export type InboxSearch = { kind: 'reference'; reference: string } | { kind: 'personnummer'; normalized: string };

export type InboxFilters = {
  serviceId?: string | undefined;
  status?: string | undefined;
  area?: string | undefined;
  assignee?: AssigneeFilter | undefined;
  /** Received on or after this calendar date in Europe/Stockholm (YYYY-MM-DD). */
  receivedFrom?: string | undefined;
  /** Received on or before this calendar date in Europe/Stockholm (YYYY-MM-DD), inclusive. */
  receivedTo?: string | undefined;
  search?: InboxSearch | undefined;
};

export type InboxRow = {
  id: string;
  reference: string;
  serviceId: string;
  area: string;
  status: string;
  subjectName: string | null;
  /** ÅÅMMDD-****: the full number is shown only on the case page. */
  personnummerMasked: string | null;
  submitterName: string | null;
  onBehalf: boolean;
  assigneeId: string | null;
  assigneeName: string | null;
  submittedAt: Date;
  dueAt: Date | null;
};

export type InboxPage = {
  rows: InboxRow[];
  /** Cursor of the page after this one, or null on the last page. */
  next: string | null;
  /** Cursor of the page before this one, or null on the first page. */
  prev: string | null;
};

export type ExportRow = Omit<InboxRow, 'personnummerMasked'> & { personnummer: string | null };

export type StatusCount = { count: number; capped: boolean };
export type StatusCounts = { byStatus: Record<InboxStatus, StatusCount>; total: StatusCount };

/** "19450110-3297" (or "194501103297") → "450110-****"; anything else is masked whole. */
export function maskPersonnummer(stored: string | null): string | null {
  if (stored === null) return null;
  const digits = stored.replace(/[-+]/g, '');
  if (/^\d{12}$/.test(digits)) return `${digits.slice(2, 8)}-****`;
  if (/^\d{10}$/.test(digits)) return `${digits.slice(0, 6)}-****`;
  return '******-****';
}

const STOCKHOLM_WALL = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Stockholm',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** How far Stockholm's clock is ahead of UTC at the instant `t` (ms). */
function stockholmOffset(t: number): number {
  const p = Object.fromEntries(STOCKHOLM_WALL.formatToParts(new Date(t)).map((x) => [x.type, Number(x.value)]));
  const wall = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return wall - Math.floor(t / 1000) * 1000;
}

/** The instant a Stockholm calendar day begins (DST never changes the clock at midnight in Sweden). */
export function stockholmDayStart(isoDate: string, plusDays = 0): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`not a calendar date: ${isoDate}`);
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays);
  let t = utc - stockholmOffset(utc);
  const again = utc - stockholmOffset(t);
  if (again !== t) t = again;
  return new Date(t);
}

// The sort keys as exact text (microseconds), so a cursor never loses precision through a JS Date.
const keyText = (col: typeof submissions.submittedAt | typeof submissions.dueAt) =>
  sql<string | null>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const rowFields = {
  id: submissions.id,
  reference: submissions.reference,
  serviceId: submissions.serviceId,
  area: submissions.area,
  status: submissions.status,
  subjectName: submissions.subjectName,
  subjectPersonnummer: submissions.subjectPersonnummer,
  submitterName: submissions.submitterName,
  onBehalf: submissions.onBehalf,
  assigneeId: submissions.assigneeId,
  submittedAt: submissions.submittedAt,
  dueAt: submissions.dueAt,
  submittedKey: keyText(submissions.submittedAt).as('submitted_key'),
  dueKey: keyText(submissions.dueAt).as('due_key'),
  dueSort: sql<Date>`coalesce(${submissions.dueAt}, 'infinity'::timestamptz)`.as('due_sort'),
};

type RawRow = {
  id: string;
  reference: string;
  serviceId: string;
  area: string;
  status: string;
  subjectName: string | null;
  subjectPersonnummer: string | null;
  submitterName: string | null;
  onBehalf: boolean;
  assigneeId: string | null;
  submittedAt: Date;
  dueAt: Date | null;
  submittedKey: string | null;
  dueKey: string | null;
  dueSort: unknown;
};

/** The areas this query may read: the user's case areas, narrowed (never widened) by the area filter. */
function areasFor(user: InboxUser, filters: InboxFilters): string[] {
  const mine = caseAreas(user);
  if (filters.area === undefined) return mine;
  return mine.includes(filters.area) ? [filters.area] : [];
}

/** Every filter but area (and status unless asked for): the same for lists, counts and export. */
function filterConditions(user: InboxUser, f: InboxFilters, withStatus: boolean): SQL[] {
  const c: SQL[] = [];
  if (f.serviceId !== undefined) c.push(eq(submissions.serviceId, f.serviceId));
  if (withStatus && f.status !== undefined) c.push(eq(submissions.status, f.status));
  if (f.assignee?.kind === 'me') c.push(eq(submissions.assigneeId, user.id));
  else if (f.assignee?.kind === 'user') c.push(eq(submissions.assigneeId, f.assignee.id));
  else if (f.assignee?.kind === 'unassigned') c.push(isNull(submissions.assigneeId));
  if (f.receivedFrom !== undefined) c.push(gte(submissions.submittedAt, stockholmDayStart(f.receivedFrom)));
  if (f.receivedTo !== undefined) c.push(lt(submissions.submittedAt, stockholmDayStart(f.receivedTo, 1)));
  if (f.search?.kind === 'reference') c.push(eq(submissions.reference, f.search.reference));
  if (f.search?.kind === 'personnummer') {
    const n = f.search.normalized;
    // Stored as YYYYMMDD-NNNC by the personnummer field; the bare 12 digits are matched too.
    c.push(inArray(submissions.subjectPersonnummer, [`${n.slice(0, 8)}-${n.slice(8)}`, n]));
  }
  return c;
}

const ts = (key: string) => sql`${key}::timestamptz`;
const uuid = (id: string) => sql`${id}::uuid`;

/**
 * The due-date order as one key: cases without a due date sort as if due at infinity, so they come
 * last and the order is a single index walk (the indexes are on this very expression).
 */
export const dueSortKey = sql`coalesce(${submissions.dueAt}, 'infinity'::timestamptz)`;

/** Whether the walk goes up the sort key: newest first is descending, going back reverses. */
function ascending(sort: InboxSort, dir: Direction): boolean {
  const natural = sort !== 'newest';
  return dir === 'next' ? natural : !natural;
}

/** The rows after (or, going back, before) the cursor's position, in keyset terms. */
function after(sort: InboxSort, dir: Direction, at: CursorPosition | undefined): SQL | undefined {
  if (!at) return undefined;
  const cmp = ascending(sort, dir) ? sql`>` : sql`<`;
  if (sort === 'due') return sql`(${dueSortKey}, ${submissions.id}) ${cmp} (${at.key === null ? sql`'infinity'::timestamptz` : ts(at.key)}, ${uuid(at.id)})`;
  if (at.key === null) return undefined;
  return sql`(${submissions.submittedAt}, ${submissions.id}) ${cmp} (${ts(at.key)}, ${uuid(at.id)})`;
}

/** Up to `limit` rows from `at` on in direction `dir`, in that direction's order. */
async function fetchRows(
  db: Db,
  user: InboxUser,
  filters: InboxFilters,
  sort: InboxSort,
  dir: Direction,
  at: CursorPosition | undefined,
  limit: number,
): Promise<RawRow[]> {
  const areas = areasFor(user, filters);
  if (areas.length === 0 || limit <= 0) return [];
  const common = filterConditions(user, filters, true);
  const keyset = after(sort, dir, at);
  const up = ascending(sort, dir);
  const by = up ? asc : desc;
  const key = sort === 'due' ? dueSortKey : submissions.submittedAt;
  // One branch per area: an equality prefix plus the sort key, i.e. one ordered index walk each.
  const queries = areas.map((area) =>
    db
      .select(rowFields)
      .from(submissions)
      .where(and(eq(submissions.area, area), ...common, ...(keyset ? [keyset] : [])))
      .orderBy(by(key), by(submissions.id))
      .limit(limit),
  );
  const [first, ...rest] = queries;
  if (!first) return [];
  if (rest.length === 0) return first;
  // Each branch is already sorted and limited; the outer sort merges at most areas × limit rows.
  let union = first.$dynamic().unionAll(rest[0] as typeof first);
  for (const q of rest.slice(1)) union = union.unionAll(q);
  const outerKey = sort === 'due' ? sql`${sql.identifier('due_sort')}` : submissions.submittedAt;
  return union.orderBy(by(outerKey), by(submissions.id)).limit(limit);
}

function position(sort: InboxSort, r: RawRow): CursorPosition {
  return { sort, key: sort === 'due' ? r.dueKey : r.submittedKey, id: r.id };
}

async function assigneeNames(db: Db, rows: RawRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => (r.assigneeId ? [r.assigneeId] : [])))];
  if (ids.length === 0) return new Map();
  const found = await db.select({ id: staffUsers.id, name: staffUsers.displayName }).from(staffUsers).where(inArray(staffUsers.id, ids));
  return new Map(found.map((u) => [u.id, u.name]));
}

function toRow(r: RawRow, names: Map<string, string>): ExportRow {
  return {
    id: r.id,
    reference: r.reference,
    serviceId: r.serviceId,
    area: r.area,
    status: r.status,
    subjectName: r.subjectName,
    personnummer: r.subjectPersonnummer,
    submitterName: r.submitterName,
    onBehalf: r.onBehalf,
    assigneeId: r.assigneeId,
    assigneeName: r.assigneeId ? (names.get(r.assigneeId) ?? null) : null,
    submittedAt: r.submittedAt,
    dueAt: r.dueAt,
  };
}

function masked(r: ExportRow): InboxRow {
  const { personnummer, ...rest } = r;
  return { ...rest, personnummerMasked: maskPersonnummer(personnummer) };
}

export type ListOptions = { sort: InboxSort; cursor?: string | null | undefined; limit: number };

/**
 * One page of the inbox. A cursor that cannot be read, or belongs to another sort order, starts
 * from the beginning; going back past the first row also lands on the first page.
 */
export async function listInbox(db: Db, user: InboxUser, filters: InboxFilters, opts: ListOptions): Promise<InboxPage> {
  const { sort, limit } = opts;
  const cur = decodeCursor(opts.cursor, sort);
  if (cur?.dir === 'prev') {
    const back = await fetchRows(db, user, filters, sort, 'prev', cur.at, limit + 1);
    if (back.length > 0) {
      const shown = back.slice(0, limit).reverse();
      const names = await assigneeNames(db, shown);
      const firstRow = shown[0];
      const lastRow = shown.at(-1);
      return {
        rows: shown.map((r) => masked(toRow(r, names))),
        prev: back.length > limit && firstRow ? encodeCursor(position(sort, firstRow), 'prev') : null,
        next: lastRow ? encodeCursor(position(sort, lastRow), 'next') : null,
      };
    }
    return listInbox(db, user, filters, { sort, limit });
  }
  const found = await fetchRows(db, user, filters, sort, 'next', cur?.at, limit + 1);
  const shown = found.slice(0, limit);
  const names = await assigneeNames(db, shown);
  const firstRow = shown[0];
  const lastRow = shown.at(-1);
  return {
    rows: shown.map((r) => masked(toRow(r, names))),
    next: found.length > limit && lastRow ? encodeCursor(position(sort, lastRow), 'next') : null,
    prev: cur && firstRow ? encodeCursor(position(sort, firstRow), 'prev') : null,
  };
}

export class ExportTooLargeError extends Error {
  readonly cap: number;
  constructor(cap: number) {
    super(`The export would hold more than ${cap} rows`);
    this.name = 'ExportTooLargeError';
    this.cap = cap;
  }
}

/**
 * Every row of the filtered inbox, with the full personnummer, for the CSV hand-over. Refuses
 * (ExportTooLargeError) rather than silently cutting off when there are more than `cap` rows.
 */
export async function exportInbox(db: Db, user: InboxUser, filters: InboxFilters, sort: InboxSort, cap = COUNT_CAP): Promise<ExportRow[]> {
  const found = await fetchRows(db, user, filters, sort, 'next', undefined, cap + 1);
  if (found.length > cap) throw new ExportTooLargeError(cap);
  const names = await assigneeNames(db, found);
  return found.map((r) => toRow(r, names));
}

/**
 * Counts per status for the filters, ignoring the status filter (so every tab shows its number).
 * Each count reads at most `cap` + 1 index entries; above that it is reported as capped.
 */
export async function countInboxByStatus(db: Db, user: InboxUser, filters: InboxFilters, cap = COUNT_CAP): Promise<StatusCounts> {
  const areas = areasFor(user, filters);
  const zero = (): StatusCounts => ({
    byStatus: Object.fromEntries(INBOX_STATUSES.map((s) => [s, { count: 0, capped: false }])) as Record<InboxStatus, StatusCount>,
    total: { count: 0, capped: false },
  });
  if (areas.length === 0) return zero();
  const common = filterConditions(user, filters, false);
  const bounded = (status: InboxStatus) => {
    const inner = db
      .select({ one: sql`1` })
      .from(submissions)
      .where(and(inArray(submissions.area, areas), eq(submissions.status, status), ...common))
      .limit(cap + 1);
    return sql<number>`(select count(*) from (${inner}) as bounded)`.mapWith(Number).as(`n_${status}`);
  };
  const fields = Object.fromEntries(INBOX_STATUSES.map((s) => [s, bounded(s)])) as Record<InboxStatus, SQL.Aliased<number>>;
  const [row] = await db.select(fields).from(sql`(select 1) as one`);
  const result = zero();
  let total = 0;
  let anyCapped = false;
  for (const s of INBOX_STATUSES) {
    const n = Number(row?.[s] ?? 0);
    const capped = n > cap;
    result.byStatus[s] = { count: capped ? cap : n, capped };
    total += capped ? cap : n;
    anyCapped ||= capped;
  }
  result.total = { count: total, capped: anyCapped };
  return result;
}

export type Colleague = { id: string; displayName: string };

/** Active handläggare sharing at least one case area with the user (not the user), by name. */
export async function listColleagues(db: Db, user: InboxUser): Promise<Colleague[]> {
  const areas = caseAreas(user);
  if (areas.length === 0) return [];
  return db
    .select({ id: staffUsers.id, displayName: staffUsers.displayName })
    .from(staffUsers)
    .where(and(eq(staffUsers.active, true), arrayContains(staffUsers.roles, ['handlaggare']), arrayOverlaps(staffUsers.areas, areas), ne(staffUsers.id, user.id)))
    .orderBy(asc(staffUsers.displayName), asc(staffUsers.id));
}
