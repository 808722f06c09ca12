/**
 * Counts per status for the inbox tabs, and the colleagues to filter on. Counts are bounded: each
 * status reads at most COUNT_CAP + 1 entries of an index (index-only, no table rows), and more
 * is shown as "10 000+". An exact count would read every row of the user's areas on every page
 * view; nobody handles cases differently for knowing whether there are 212 000 or 213 000.
 */
import { and, arrayContains, arrayOverlaps, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { staffUsers, submissions } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';
import { caseAreas } from './staff/authz.ts';
import { COUNT_CAP, INBOX_STATUSES, areasFor, filterConditions, type InboxFilters, type InboxStatus, type InboxUser } from './inbox-filters.ts';

export type StatusCount = { count: number; capped: boolean };
export type StatusCounts = { byStatus: Record<InboxStatus, StatusCount>; total: StatusCount };

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
