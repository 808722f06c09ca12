/**
 * The one repository the indicators read from. It reads the summary tables (db/schema.ts:
 * indicator_volumes, indicator_office_days, indicator_handling, indicator_decisions), which the
 * database keeps up to date in the same transaction as every write to submissions and decisions
 * (migrations 0008_indicator_summaries and 0009: new submissions are appended to
 * indicator_arrivals_pending and folded in every few seconds; both are read together), already in
 * Swedish months and days. So a page reads a few
 * thousand small rows however many submissions there are; every rule about what counts is in
 * src/domain/indicators. countFromScratch (./from-scratch.ts) computes the same from the whole tables.
 */
import { sql, type SQL } from 'drizzle-orm';
import { indicatorTargets, serviceLifecycleEvents } from '../../../db/schema.ts';
import { resultRows, type Db } from '../../../db/client.ts';
import type { DecisionBucket, HandlingRow, IndicatorData, OfficeBucket, ServiceInfo, Sex, VolumeBucket } from '../../domain/indicators/data.ts';
import type { RawCounts } from './from-scratch.ts';
import { ensureTargets } from './targets.ts';

async function rowsOf<T>(db: Db, q: SQL): Promise<T[]> {
  return resultRows<T>(await db.execute(q));
}

/**
 * The lower bound in minutes of handling-time bucket number `k` (from 0), the inverse of the
 * database's indicator_handling_bucket(): each minute under an hour, ten minutes under a day, each
 * hour under 30 days, each day beyond; the same buckets as handlingBucket() in src/domain/indicators/median.ts.
 */
export function bucketMinutes(k: number): number {
  if (k < 60) return k;
  if (k < 198) return 60 + (k - 60) * 10;
  if (k < 894) return 1440 + (k - 198) * 60;
  return 43_200 + (k - 894) * 1440;
}

type VolumeRow = { service_id: string; area: string; month: string; on_behalf: boolean; n: number };
type OfficeRow = { area: string; day: string; office: boolean; n: number };
/** One row per area and month: the histogram of handling times, counts[k] for bucket number k (see db/schema.ts). */
type HandlingMonthRow = { area: string; month: string; counts: string };
type DecisionRow = { service_id: string; area: string; month: string; outcome: string; insats: string | null; sex: Sex; n: number };

/** The counts the indicators are computed from, read from the summary tables (a count of 0, left by a deletion, is skipped). */
export async function readSummaries(db: Db): Promise<RawCounts> {
  const [vol, off, han, dec] = await Promise.all([
    // The summaries together with the new submissions not yet folded into them (indicator_arrivals_pending).
    rowsOf<VolumeRow>(
      db,
      sql`select service_id, area, month, on_behalf, sum(n)::int as n from (
            select service_id, area, month, on_behalf, n from indicator_volumes
            union all select service_id, area, month, on_behalf, n from indicator_arrivals_pending
          ) v group by 1, 2, 3, 4 having sum(n) > 0`,
    ),
    rowsOf<OfficeRow>(
      db,
      sql`select area, day, weekday_office_hour as office, sum(n)::int as n from (
            select area, day, weekday_office_hour, n from indicator_office_days
            union all select area, day, weekday_office_hour, n from indicator_arrivals_pending
          ) o group by 1, 2, 3 having sum(n) > 0`,
    ),
    // As JSON text: parsed several times faster than the driver parses an integer array.
    rowsOf<HandlingMonthRow>(db, sql`select area, month, array_to_json(counts)::text as counts from indicator_handling`),
    rowsOf<DecisionRow>(db, sql`select service_id, area, month, outcome, insats, sex, n from indicator_decisions where n > 0`),
  ]);
  const volumes: VolumeBucket[] = vol.map((r) => ({ serviceId: r.service_id, area: r.area, month: r.month, onBehalf: r.on_behalf, count: Number(r.n) }));
  const office: OfficeBucket[] = off.map((r) => ({ area: r.area, day: r.day, weekdayOfficeHour: r.office, count: Number(r.n) }));
  const handling: HandlingRow[] = [];
  for (const r of han) {
    (JSON.parse(r.counts) as (number | null)[]).forEach((n, k) => {
      if (n !== null && n > 0) handling.push({ area: r.area, month: r.month, minutes: bucketMinutes(k), count: Number(n) });
    });
  }
  const decisions: DecisionBucket[] = dec.map((r) => ({ serviceId: r.service_id, area: r.area, month: r.month, outcome: r.outcome, insats: r.insats, sex: r.sex, count: Number(r.n) }));
  return { volumes, office, handling, decisions };
}

/**
 * Everything the indicators need. `services` are the registered e-tjänster (the caller passes them,
 * so this module runs outside the web server too, e.g. in the benchmark); their life cycle rows are
 * expected to exist (src/server/lifecycle.ts readLifecycle, which loadIndicators calls first).
 */
export async function fetchIndicatorData(db: Db, opts: { now?: Date; services: ServiceInfo[] }): Promise<IndicatorData> {
  const now = opts.now ?? new Date();
  await ensureTargets(db);
  const [counts, events, targets] = await Promise.all([
    readSummaries(db),
    db.select({ serviceId: serviceLifecycleEvents.serviceId, state: serviceLifecycleEvents.state, at: serviceLifecycleEvents.at }).from(serviceLifecycleEvents),
    db.select({ indicatorId: indicatorTargets.indicatorId, year: indicatorTargets.year, kind: indicatorTargets.kind, value: indicatorTargets.value, note: indicatorTargets.note }).from(indicatorTargets),
  ]);
  return { now, services: opts.services, lifecycleEvents: events, ...counts, targets };
}
