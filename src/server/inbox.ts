/**
 * The handläggare inbox: submissions in the reader's case areas, filtered, searched and paged with
 * an opaque keyset cursor in every sort order (counts per status: ./inbox-counts.ts). Built to
 * stay fast with a million submissions (`npm run bench`): every query is split into one branch
 * per area, each an equality prefix plus the sort key, so each branch is one ordered index walk
 * that stops after a page, and a small outer sort merges them. The due-date order sorts on
 * coalesce(due_at, infinity), indexed as such, so cases without a due date come last in the
 * same single walk.
 * Secrecy: the areas always come from `caseAreas(user)`; an area filter can only narrow them.
 * Personnummer leave this module masked (ÅÅMMDD-****), except through `exportInbox`.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { staffUsers, submissions } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';
import { decodeCursor, encodeCursor, type CursorPosition, type Direction, type InboxSort } from './inbox-cursor.ts';
import { COUNT_CAP, areasFor, filterConditions, incompleteConfirmation, maskPersonnummer, type InboxFilters, type InboxUser } from './inbox-filters.ts';

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
  /** On an on-behalf case: consent or fullmakt has been checked ("Kontrollera samtycke" is cleared). */
  consentChecked: boolean;
  /** Reported anonymously: there is no reporter to contact. */
  anonymous: boolean;
  /** Someone is in immediate danger according to the answers. */
  urgent: boolean;
  /** A message from the citizen waits unread (since then). */
  unreadMessagesSince: Date | null;
  /** Not complete: a confirmation by a medsökande or the other vårdnadshavare is awaited ("pending") or was refused ("declined"). */
  confirmation: 'pending' | 'declined' | null;
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

const keyText = (col: typeof submissions.submittedAt | typeof submissions.dueAt) =>
  sql<string | null>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The due-date order as one key: cases without a due date sort as if due at infinity, so they come
 * last and the order is a single index walk (the indexes are on this very expression).
 */
export const dueSortKey = sql`coalesce(${submissions.dueAt}, 'infinity'::timestamptz)`;

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
  consentCheckedAt: submissions.consentCheckedAt,
  anonymous: submissions.anonymous,
  urgent: submissions.urgent,
  unreadMessagesSince: submissions.unreadMessagesSince,
  confirmation: incompleteConfirmation.as('confirmation_state'),
  assigneeId: submissions.assigneeId,
  submittedAt: submissions.submittedAt,
  dueAt: submissions.dueAt,
  submittedKey: keyText(submissions.submittedAt).as('submitted_key'),
  dueKey: keyText(submissions.dueAt).as('due_key'),
  // Named, because the outer sort of a UNION can only name its columns.
  dueSort: sql<unknown>`${dueSortKey}`.as('due_sort'),
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
  consentCheckedAt: Date | null;
  anonymous: boolean;
  urgent: boolean;
  unreadMessagesSince: Date | null;
  confirmation: 'pending' | 'declined' | null;
  assigneeId: string | null;
  submittedAt: Date;
  dueAt: Date | null;
  submittedKey: string | null;
  dueKey: string | null;
  dueSort: unknown;
};

const ts = (key: string) => sql`${key}::timestamptz`;
const uuid = (id: string) => sql`${id}::uuid`;

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
    consentChecked: r.consentCheckedAt !== null,
    anonymous: r.anonymous,
    urgent: r.urgent,
    unreadMessagesSince: r.unreadMessagesSince,
    confirmation: r.confirmation,
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
