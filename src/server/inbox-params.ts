/**
 * The inbox's query string: reading the filter form (GET) into inbox filters, and writing the valid
 * filters back for pagination, status tabs and the CSV link. A value that cannot be used is
 * reported as an error code for its field and left out; the rest of the filters still apply.
 */
import { parsePersonnummer } from '../domain/personnummer.ts';
import { INBOX_SORTS, type InboxSort } from './inbox-cursor.ts';
import { INBOX_STATUSES, type AssigneeFilter, type InboxFilters, type InboxSearch } from './inbox-filters.ts';

/** Query parameter names, as they appear in the address bar. */
export const PARAM = {
  search: 'sok',
  service: 'etjanst',
  status: 'status',
  area: 'omrade',
  assignee: 'handlaggare',
  from: 'fran',
  to: 'till',
  sort: 'sortering',
  queue: 'ko',
  unread: 'olasta',
  incomplete: 'ofullstandiga',
  cursor: 'sida',
} as const;
export type FilterField = Exclude<keyof typeof PARAM, 'cursor'>;

const SORT_PARAM: Record<string, InboxSort> = { nyast: 'newest', aldst: 'oldest', forfallodatum: 'due' };
export const SORT_VALUE: Record<InboxSort, string> = { newest: 'nyast', oldest: 'aldst', due: 'forfallodatum' };
export const ASSIGNEE_ME = 'jag';
export const ASSIGNEE_NONE = 'ingen';

export type InboxParamError = {
  field: FilterField;
  code: 'unknownUnread' | 'unknownIncomplete' | 'searchFormat' | 'personnummerInvalid' | 'unknownService' | 'unknownStatus' | 'unknownArea' | 'unknownAssignee' | 'dateFormat' | 'dateOrder' | 'unknownSort';
};

export type ParseContext = {
  /** E-tjänster the user may filter on (those of their areas). */
  serviceIds: readonly string[];
  /** The user's case areas. */
  areas: readonly string[];
  /** Colleagues' ids (the "assigned to" choices besides me and nobody). */
  colleagueIds: readonly string[];
  /** For the personnummer century and "not born in the future". */
  today: Date;
  /** The e-tjänster whose submissions form the synpunkter queue (category "synpunkter"). */
  synpunkterServiceIds?: readonly string[];
};

/** The value of the unread parameter that shows only cases with unread messages from the citizen. */
export const UNREAD_ONLY = 'ja';

/** The value of the incomplete parameter that shows only applications awaiting (or refused) a confirmation. */
export const INCOMPLETE_ONLY = 'ja';

/** The value of the queue parameter that shows synpunkter och klagomål instead of cases. */
export const QUEUE_SYNPUNKTER = 'synpunkter';

export type ParsedInboxParams = {
  filters: InboxFilters;
  sort: InboxSort;
  cursor: string | undefined;
  /** The usable values as given, keyed by field, for redisplay and links. */
  values: Partial<Record<FilterField, string>>;
  /** What the user typed, also when it was not usable, so the form shows it again. */
  typed: Partial<Record<FilterField, string>>;
  errors: InboxParamError[];
};

const REFERENCE = /^\d{4}-\d{6,}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A real calendar date between 2000 and 2100, as YYYY-MM-DD. */
export function isCalendarDate(v: string): boolean {
  const m = ISO_DATE.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 2000 || y > 2100) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A reference number, or a personnummer with 10 or 12 digits, with or without - or +. */
export function parseSearch(raw: string, today: Date): InboxSearch | InboxParamError['code'] {
  const v = raw.trim();
  if (REFERENCE.test(v)) return { kind: 'reference', reference: v };
  if (/^(\d{6}|\d{8})[-+]?\d{4}$/.test(v)) {
    const p = parsePersonnummer(v, today);
    return p ? { kind: 'personnummer', normalized: p.normalized } : 'personnummerInvalid';
  }
  return 'searchFormat';
}

export function parseInboxParams(params: URLSearchParams, ctx: ParseContext): ParsedInboxParams {
  const filters: InboxFilters = {};
  const values: ParsedInboxParams['values'] = {};
  const typed: ParsedInboxParams['typed'] = {};
  const errors: InboxParamError[] = [];
  // Long junk is cut before it is looked at or shown again.
  const get = (f: FilterField): string | undefined => {
    const v = params.get(PARAM[f])?.trim().slice(0, 100);
    if (v === undefined || v === '') return undefined;
    typed[f] = v;
    return v;
  };
  const fail = (field: FilterField, code: InboxParamError['code']) => errors.push({ field, code });

  const search = get('search');
  if (search !== undefined) {
    const s = parseSearch(search, ctx.today);
    if (typeof s === 'string') fail('search', s);
    else {
      filters.search = s;
      values.search = search;
    }
  }

  // Synpunkter och klagomål are a queue of their own, never mixed with applications and reports.
  const queue = get('queue');
  // An unknown queue (only ever a hand-made link) shows the cases queue.
  const synpunkter = queue === QUEUE_SYNPUNKTER;
  if (synpunkter) values.queue = QUEUE_SYNPUNKTER;
  filters.queue = { synpunkter, serviceIds: [...(ctx.synpunkterServiceIds ?? [])] };

  const unread = get('unread');
  if (unread !== undefined) {
    if (unread === UNREAD_ONLY) {
      filters.unread = true;
      values.unread = UNREAD_ONLY;
    } else fail('unread', 'unknownUnread');
  }

  const incomplete = get('incomplete');
  if (incomplete !== undefined) {
    if (incomplete === INCOMPLETE_ONLY) {
      filters.incomplete = true;
      values.incomplete = INCOMPLETE_ONLY;
    } else fail('incomplete', 'unknownIncomplete');
  }

  const service = get('service');
  if (service !== undefined) {
    if (ctx.serviceIds.includes(service)) {
      filters.serviceId = service;
      values.service = service;
    } else fail('service', 'unknownService');
  }

  const status = get('status');
  if (status !== undefined) {
    if ((INBOX_STATUSES as readonly string[]).includes(status)) {
      filters.status = status;
      values.status = status;
    } else fail('status', 'unknownStatus');
  }

  const area = get('area');
  if (area !== undefined) {
    if (ctx.areas.includes(area)) {
      filters.area = area;
      values.area = area;
    } else fail('area', 'unknownArea');
  }

  const assignee = get('assignee');
  if (assignee !== undefined) {
    let a: AssigneeFilter | undefined;
    if (assignee === ASSIGNEE_ME) a = { kind: 'me' };
    else if (assignee === ASSIGNEE_NONE) a = { kind: 'unassigned' };
    else if (UUID.test(assignee) && ctx.colleagueIds.includes(assignee)) a = { kind: 'user', id: assignee };
    if (a) {
      filters.assignee = a;
      values.assignee = assignee;
    } else fail('assignee', 'unknownAssignee');
  }

  const from = get('from');
  const to = get('to');
  const fromOk = from !== undefined && isCalendarDate(from);
  const toOk = to !== undefined && isCalendarDate(to);
  if (from !== undefined && !fromOk) fail('from', 'dateFormat');
  if (to !== undefined && !toOk) fail('to', 'dateFormat');
  if (fromOk && toOk && to < from) {
    // Both are dates, but the range is empty: say so and use neither.
    fail('to', 'dateOrder');
  } else {
    if (fromOk) {
      filters.receivedFrom = from;
      values.from = from;
    }
    if (toOk) {
      filters.receivedTo = to;
      values.to = to;
    }
  }

  let sort: InboxSort = 'newest';
  const sortRaw = get('sort');
  if (sortRaw !== undefined) {
    const s = SORT_PARAM[sortRaw];
    if (s && (INBOX_SORTS as readonly string[]).includes(s)) {
      sort = s;
      values.sort = sortRaw;
    } else fail('sort', 'unknownSort');
  }

  const cursor = params.get(PARAM.cursor) ?? undefined;
  return { filters, sort, cursor: cursor === '' ? undefined : cursor, values, typed, errors };
}

/**
 * A query string ("?…" or "") of the usable values with some replaced or removed (undefined), in a
 * stable order so links are predictable.
 */
export function inboxQuery(values: ParsedInboxParams['values'], changes: Partial<Record<keyof typeof PARAM, string | undefined>> = {}): string {
  const q = new URLSearchParams();
  const all: Partial<Record<keyof typeof PARAM, string | undefined>> = { ...values, ...changes };
  for (const k of Object.keys(PARAM) as (keyof typeof PARAM)[]) {
    const v = all[k];
    if (v !== undefined && v !== '') q.set(PARAM[k], v);
  }
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}
