/**
 * Gallring's retention rules: every version ever published (current, superseded or retired) with
 * its `retention`, read from the stored documents. Read without compiling the versions, so the
 * nightly script starts quickly and loads no texts.
 */
import { ne, sql } from 'drizzle-orm';
import { etjanstVersions } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import type { RetentionRule } from '../gallring.ts';

export async function retentionRules(db: Db): Promise<RetentionRule[]> {
  const rows = await db
    .select({ id: etjanstVersions.serviceId, version: etjanstVersions.version, years: sql<unknown>`${etjanstVersions.document} -> 'retention' -> 'yearsAfterClosed'` })
    .from(etjanstVersions)
    .where(ne(etjanstVersions.state, 'draft'));
  // A published document always has it (the schema requires a whole number of years); a row without
  // one has no known rule, and gallring keeps its cases (and reports them).
  return rows.flatMap((r) => (typeof r.years === 'number' && Number.isInteger(r.years) && r.years >= 0 ? [{ id: r.id, version: r.version, retention: { yearsAfterClosed: r.years } }] : []));
}
