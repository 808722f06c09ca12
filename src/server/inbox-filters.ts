/**
 * What the inbox can be narrowed by, shared by the list, the counts and the export: the filter
 * types, the areas a query may read (always from `caseAreas(user)`: secrecy between areas), the
 * SQL conditions, Swedish calendar days, and the masking of personnummer in lists.
 */
import { stockholmDayStart } from '../domain/format.ts';
import { eq, gte, inArray, isNotNull, isNull, lt, notInArray, sql, type SQL } from 'drizzle-orm';
import { confirmations, submissions } from '../../db/schema.ts';
import { CASE_STATUSES, type CaseStatus } from '../domain/cases/status.ts';
import { caseAreas } from './staff/authz.ts';
import type { StaffUser } from './staff/users.ts';

/** The statuses the inbox counts and filters on: those of the case lifecycle, in its order. */
export const INBOX_STATUSES = CASE_STATUSES;
export type InboxStatus = CaseStatus;

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
  /**
   * The queue: synpunkter och klagomål (the e-tjänster listed) or everything else. Without it the
   * inbox shows every e-tjänst (the export and tests may ask for all).
   */
  queue?: { synpunkter: boolean; serviceIds: string[] } | undefined;
  /** Only cases with a message from the citizen that no handläggare has opened yet. */
  unread?: boolean | undefined;
  /** Only applications not complete: a medsökande's or the other vårdnadshavare's confirmation is awaited, or was declined. */
  incomplete?: boolean | undefined;
};

/** The case's id, named with its table: in a select list drizzle writes a bare "id", which inside a subquery would be the subquery's own. */
const submissionId = sql`${sql.identifier('submissions')}.${sql.identifier('id')}`;

/**
 * The state of a case's confirmation that keeps it incomplete (docs/adr/0020): "declined" before
 * "pending", or null when every confirmation asked for has been given (or none was).
 */
export const incompleteConfirmation = sql<'pending' | 'declined' | null>`(select c.state from ${confirmations} c where c.submission_id = ${submissionId} and c.state <> 'confirmed' order by (c.state = 'declined') desc limit 1)`;


/** "19450110-3297" (or "194501103297") → "450110-****"; anything else is masked whole. */
export function maskPersonnummer(stored: string | null): string | null {
  if (stored === null) return null;
  const digits = stored.replace(/[-+]/g, '');
  if (/^\d{12}$/.test(digits)) return `${digits.slice(2, 8)}-****`;
  if (/^\d{10}$/.test(digits)) return `${digits.slice(0, 6)}-****`;
  return '******-****';
}

/** The instant a Stockholm calendar day begins (kept here for the filters' callers). */
export { stockholmDayStart };


/** The areas this query may read: the user's case areas, narrowed (never widened) by the area filter. */
export function areasFor(user: InboxUser, filters: InboxFilters): string[] {
  const mine = caseAreas(user);
  if (filters.area === undefined) return mine;
  return mine.includes(filters.area) ? [filters.area] : [];
}

/** Every filter but area (and status unless asked for): the same for lists, counts and export. */
export function filterConditions(user: InboxUser, f: InboxFilters, withStatus: boolean): SQL[] {
  const c: SQL[] = [];
  if (f.serviceId !== undefined) c.push(eq(submissions.serviceId, f.serviceId));
  if (f.queue?.synpunkter) c.push(f.queue.serviceIds.length > 0 ? inArray(submissions.serviceId, f.queue.serviceIds) : eq(submissions.serviceId, ''));
  else if (f.queue && f.queue.serviceIds.length > 0) c.push(notInArray(submissions.serviceId, f.queue.serviceIds));
  if (f.unread) c.push(isNotNull(submissions.unreadMessagesSince));
  if (f.incomplete) c.push(sql`exists (select 1 from ${confirmations} c where c.submission_id = ${submissionId} and c.state <> 'confirmed')`);
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
