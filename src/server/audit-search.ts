/**
 * Searching the audit log, for administrators: "who has opened case X", "what has user Y
 * opened", "who searched for this person?", "every export last week". Filters by case reference,
 * staff username, searched personnummer (matched by its keyed hash, ./person-key.ts: the log never
 * holds the number), action and date range (calendar days in Swedish time), newest first,
 * keyset-paginated. Every search is itself audited (`audit.searched`), with the case as subject
 * when one was searched for, and a searched personnummer only as its keyed hash.
 */
import { stockholmDayStart } from '../domain/format.ts';
import { and, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { auditEvents, staffUsers, submissions } from '../../db/schema.ts';
import { audit } from './audit.ts';
import { personKey } from './person-key.ts';

/** Actions the portal records, offered as suggestions; any other action can be searched too. */
export const KNOWN_ACTIONS = [
  'case.viewed',
  'case.view_refused',
  'case.action_refused',
  'attachment.viewed',
  'inbox.listed',
  'inbox.searched',
  'case.exported_json',
  'inbox.exported_csv',
  'case.assigned',
  'case.unassigned',
  'case.status_changed',
  'case.note_added',
  'case.decided',
  'case.cancelled',
  'submission.received',
  'delivery.retried',
  'audit.searched',
  'staff.login',
  'staff.login_failed',
  'staff.locked_out',
  'staff.logout',
  'staff.logout_everywhere',
  'staff.created',
  'staff.roles_changed',
  'staff.deactivated',
  'staff.reactivated',
  'staff.password_changed',
  'staff.second_factor_enrolled',
  'staff.second_factor_reset',
  'staff.recovery_codes_replaced',
  'staff.change_requested',
  'staff.change_approved',
  'staff.change_rejected',
  'staff.change_withdrawn',
] as const;

/** A real calendar day written YYYY-MM-DD (not 2026-02-30). */
function isDay(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dateFormat')
  // A malformed value has its code already.
  .refine((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || isDay(v), 'dateInvalid');

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

/** The search form. Messages are error codes; the page words them. */
export const auditQuerySchema = z
  .object({
    reference: z.preprocess(blankToUndefined, z.string().regex(/^\d{4}-\d{6,}$/, 'referenceFormat').optional()),
    username: z.preprocess(
      (v) => (typeof blankToUndefined(v) === 'string' ? (blankToUndefined(v) as string).toLowerCase() : blankToUndefined(v)),
      z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'usernameFormat').optional(),
    ),
    action: z.preprocess(blankToUndefined, z.string().regex(/^[a-z][a-z0-9_.]{0,63}$/, 'actionFormat').optional()),
    /** Twelve digits (with or without the dash): searched for by its keyed hash. */
    personnummer: z.preprocess(blankToUndefined, z.string().regex(/^(19|20)\d{6}-?\d{4}$/, 'personnummerFormat').optional()),
    from: z.preprocess(blankToUndefined, isoDate.optional()),
    to: z.preprocess(blankToUndefined, isoDate.optional()),
  })
  // Only between two real days: a wrong date has its own message.
  .refine((q) => !q.from || !q.to || !isDay(q.from) || !isDay(q.to) || q.from <= q.to, { message: 'rangeOrder', path: ['to'] });

export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** Whether any filter is set: an empty form lists nothing (and is not a search). */
export function hasFilter(q: AuditQuery): boolean {
  return Object.values(q).some((v) => v !== undefined);
}

/** The instant a calendar day starts in Swedish time (CET/CEST), whatever the server's zone. */
export { stockholmDayStart };

function nextDay(isoDay: string): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Position after the last row of a page: the event time to the microsecond, and the id. */
export type AuditCursor = { at: string; id: number };

export function encodeCursor(c: AuditCursor): string {
  return `${c.at}~${c.id}`;
}

export function decodeCursor(raw: string | null | undefined): AuditCursor | undefined {
  const m = raw ? /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)~(\d{1,18})$/.exec(raw) : null;
  return m?.[1] && m[2] ? { at: m[1], id: Number(m[2]) } : undefined;
}

export type AuditRow = {
  id: number;
  at: Date;
  action: string;
  actorType: string;
  actorId: string | null;
  actor: { username: string; displayName: string } | null;
  subjectType: string | null;
  subjectId: string | null;
  /** The case's reference when the subject is a case that still exists. */
  reference: string | null;
  ip: string | null;
  details: Record<string, unknown>;
};

export type AuditPage = {
  rows: AuditRow[];
  next: AuditCursor | undefined;
  /** A reference or username that matches nothing: the page says so rather than "no events". */
  unknown: ('reference' | 'username')[];
};

type Searcher = { id: string; ip?: string | undefined };

/** One page of matching events, newest first; the search is audited as done by `searcher`. */
export async function searchAudit(db: Db, searcher: Searcher, q: AuditQuery, opts: { limit: number; after?: AuditCursor | undefined }): Promise<AuditPage> {
  const unknown: AuditPage['unknown'] = [];
  const conds: SQL[] = [];
  let caseId: string | undefined;
  if (q.reference) {
    const [s] = await db.select({ id: submissions.id }).from(submissions).where(eq(submissions.reference, q.reference));
    if (s) {
      caseId = s.id;
      conds.push(eq(auditEvents.subjectType, 'submission'), eq(auditEvents.subjectId, s.id));
    } else unknown.push('reference');
  }
  if (q.username) {
    const [u] = await db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.username, q.username));
    if (u) conds.push(eq(auditEvents.actorId, u.id));
    else unknown.push('username');
  }
  if (q.personnummer) conds.push(sql`${auditEvents.details}->>'personKey' = ${personKey(q.personnummer)}`);
  if (q.action) {
    // "case" finds every case.* action; "case.viewed" finds exactly that one.
    const family = or(eq(auditEvents.action, q.action), like(auditEvents.action, `${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`));
    if (family) conds.push(family);
  }
  if (q.from) conds.push(sql`${auditEvents.at} >= ${stockholmDayStart(q.from).toISOString()}::timestamptz`);
  if (q.to) conds.push(sql`${auditEvents.at} < ${stockholmDayStart(nextDay(q.to)).toISOString()}::timestamptz`);
  if (opts.after) {
    const c = opts.after;
    conds.push(sql`(${auditEvents.at} < ${c.at}::timestamptz or (${auditEvents.at} = ${c.at}::timestamptz and ${auditEvents.id} < ${c.id}))`);
  }

  // Audited first: a search that fails half-way has still been asked for.
  await audit(db, {
    actorType: 'staff',
    actorId: searcher.id,
    action: 'audit.searched',
    ...(caseId ? { subjectType: 'submission', subjectId: caseId } : {}),
    details: {
      reference: q.reference ?? null,
      username: q.username ?? null,
      action: q.action ?? null,
      personKey: q.personnummer ? personKey(q.personnummer) : null,
      from: q.from ?? null,
      to: q.to ?? null,
      page: opts.after ? 'next' : 'first',
    },
    ip: searcher.ip,
  });
  if (unknown.length > 0) return { rows: [], next: undefined, unknown };

  const found = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      atText: sql<string>`to_char(${auditEvents.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      action: auditEvents.action,
      actorType: auditEvents.actorType,
      actorId: auditEvents.actorId,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      ip: auditEvents.ip,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .where(conds.length > 0 ? and(...conds) : undefined)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(opts.limit + 1);
  const page = found.slice(0, opts.limit);

  // Names and references for the page only: two small lookups by primary key / unique key.
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const actorIds = [...new Set(page.flatMap((r) => (r.actorType === 'staff' && r.actorId && uuid.test(r.actorId) ? [r.actorId] : [])))];
  const caseIds = [...new Set(page.flatMap((r) => (r.subjectType === 'submission' && r.subjectId && uuid.test(r.subjectId) ? [r.subjectId] : [])))];
  const [actors, cases] = await Promise.all([
    actorIds.length ? db.select({ id: staffUsers.id, username: staffUsers.username, displayName: staffUsers.displayName }).from(staffUsers).where(inArray(staffUsers.id, actorIds)) : [],
    caseIds.length ? db.select({ id: submissions.id, reference: submissions.reference }).from(submissions).where(inArray(submissions.id, caseIds)) : [],
  ]);
  const actorOf = new Map(actors.map((a) => [a.id, { username: a.username, displayName: a.displayName }]));
  const refOf = new Map(cases.map((c) => [c.id, c.reference]));

  const last = page.at(-1);
  return {
    rows: page.map(({ atText: _t, ...r }) => ({
      ...r,
      actor: (r.actorType === 'staff' && r.actorId && actorOf.get(r.actorId)) || null,
      reference: (r.subjectType === 'submission' && r.subjectId && refOf.get(r.subjectId)) || null,
    })),
    next: found.length > opts.limit && last ? { at: last.atText, id: last.id } : undefined,
    unknown,
  };
}
