/**
 * The figures behind "how quickly akut reports are taken on" (src/domain/indicators/akut.ts), read
 * from the submissions: akut reports received in the last 365 days whose first 15 minutes are over,
 * counted per whole minute from receipt to acknowledgement (or to now, while not acknowledged).
 * Aggregates only; nothing identifies a report.
 */
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { submissions } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { AKUT_TARGET_MINUTES, akutResponse, type AkutResponse } from '../../domain/indicators/akut.ts';

export const AKUT_PERIOD_DAYS = 365;

export async function loadAkutResponse(db: Db, now = new Date()): Promise<AkutResponse> {
  const end = sql`coalesce(${submissions.akutAcknowledgedAt}, ${now.toISOString()}::timestamptz)`;
  const minutes = sql<number>`floor(extract(epoch from (${end} - ${submissions.submittedAt})) / 60)::int`;
  const acknowledged = sql<boolean>`${submissions.akutAcknowledgedAt} is not null`;
  const rows = await db
    .select({ minutes, acknowledged, count: sql<number>`count(*)::int` })
    .from(submissions)
    .where(and(eq(submissions.urgent, true), gte(submissions.submittedAt, new Date(now.getTime() - AKUT_PERIOD_DAYS * 86_400_000)), lt(submissions.submittedAt, new Date(now.getTime() - AKUT_TARGET_MINUTES * 60_000))))
    // By position: the expressions carry `now` as a parameter, which PostgreSQL would not match up by text.
    .groupBy(sql`1`, sql`2`);
  const bucket = (r: { minutes: number; count: number }) => ({ minutes: Number(r.minutes), count: Number(r.count) });
  return akutResponse({ acknowledged: rows.filter((r) => r.acknowledged).map(bucket), waiting: rows.filter((r) => !r.acknowledged).map(bucket) });
}
