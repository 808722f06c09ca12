/**
 * The one repository the indicators read from. It aggregates in the database, to Swedish months and
 * days (the conversion to Europe/Stockholm happens here, in SQL), so the data crossing the wire is a
 * few thousand rows whatever the number of submissions; every rule about what counts is in
 * src/domain/indicators. Three statements: one scan of submissions (volumes, office hours and
 * handling times as grouping sets), one over decisions, and the small life cycle and target tables.
 */
import { sql, type SQL } from 'drizzle-orm';
import { indicatorTargets, serviceLifecycleEvents } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import type { DecisionBucket, HandlingRow, IndicatorData, OfficeBucket, ServiceInfo, VolumeBucket } from '../../domain/indicators/data.ts';
import { sexOf } from '../../domain/indicators/data.ts';
import { ensureTargets } from './targets.ts';

type Executor = Pick<Db, 'execute'>;

async function rowsOf<T>(db: Executor, q: SQL): Promise<T[]> {
  const res = (await db.execute(q)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(res) ? res : (res.rows ?? []);
}

/**
 * A whole-table aggregate in its own transaction with settings for it alone: no JIT (compiling
 * costs more than it saves on a query run once), and room to sort and hash in memory.
 */
async function aggregate<T>(db: Db, q: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '64MB'`);
    return rowsOf<T>(tx, q);
  });
}

type ScanRow = {
  set: number;
  service_id: string | null;
  area: string;
  month: string | null;
  on_behalf: boolean | null;
  day: string | null;
  office: boolean | null;
  bucket: number | string | null;
  n: number | string;
};

/**
 * One pass over submissions. The handling-time bucket mirrors handlingBucket() in
 * src/domain/indicators/median.ts: whole minutes under an hour, 10 minutes under a day, hours under
 * 30 days, days beyond.
 */
const SCAN = sql`
  with s as (
    select service_id, area, on_behalf, submitted_at at time zone 'Europe/Stockholm' as l,
      case when first_handled_at is null then null
           else greatest(0, floor(extract(epoch from first_handled_at - submitted_at) / 60))::int end as m
    from submissions
  )
  select grouping(service_id, to_char(l, 'YYYY-MM-DD'), bucket)::int as set,
    service_id, area, to_char(l, 'YYYY-MM') as month, on_behalf, to_char(l, 'YYYY-MM-DD') as day,
    (extract(isodow from l) < 6 and extract(hour from l) >= 8 and extract(hour from l) < 17) as office,
    bucket, count(*)::int as n
  from (select *, case when m is null then null when m < 60 then m when m < 1440 then m - m % 10
                       when m < 43200 then m - m % 60 else m - m % 1440 end as bucket from s) b
  group by grouping sets (
    (service_id, area, to_char(l, 'YYYY-MM'), on_behalf),
    (area, to_char(l, 'YYYY-MM-DD'), (extract(isodow from l) < 6 and extract(hour from l) >= 8 and extract(hour from l) < 17)),
    (area, to_char(l, 'YYYY-MM'), bucket)
  )`;

type DecisionRow = { service_id: string; area: string; month: string; outcome: string; insats: string | null; digit: string | null; n: number | string };

/** Each decided case once: the month of its first decision, the outcome and insats of its latest. */
const DECISIONS = sql`
  select s.service_id, s.area, to_char(d.first_at at time zone 'Europe/Stockholm', 'YYYY-MM') as month, d.outcome, d.insats,
    case when s.subject_personnummer ~ '[0-9][0-9]$' then substr(s.subject_personnummer, length(s.subject_personnummer) - 1, 1) end as digit,
    count(*)::int as n
  from (
    select distinct on (submission_id) submission_id, outcome, insats, min(decided_at) over (partition by submission_id) as first_at
    from decisions
    order by submission_id, decided_at desc, id desc
  ) d
  join submissions s on s.id = d.submission_id
  group by 1, 2, 3, 4, 5, 6`;

/**
 * Everything the indicators need. `services` are the registered e-tjänster (the caller passes them,
 * so this module runs outside the web server too, e.g. in the benchmark); their life cycle rows are
 * expected to exist (src/server/lifecycle.ts readLifecycle, which loadIndicators calls first).
 */
export async function fetchIndicatorData(db: Db, opts: { now?: Date; services: ServiceInfo[] }): Promise<IndicatorData> {
  const now = opts.now ?? new Date();
  await ensureTargets(db);
  const [scan, decided, events, targets] = await Promise.all([
    aggregate<ScanRow>(db, SCAN),
    aggregate<DecisionRow>(db, DECISIONS),
    db.select({ serviceId: serviceLifecycleEvents.serviceId, state: serviceLifecycleEvents.state, at: serviceLifecycleEvents.at }).from(serviceLifecycleEvents),
    db.select({ indicatorId: indicatorTargets.indicatorId, year: indicatorTargets.year, kind: indicatorTargets.kind, value: indicatorTargets.value, note: indicatorTargets.note }).from(indicatorTargets),
  ]);
  const volumes: VolumeBucket[] = [];
  const office: OfficeBucket[] = [];
  const handling: HandlingRow[] = [];
  for (const r of scan) {
    const n = Number(r.n);
    // grouping(service_id, day, bucket): a bit is set for each column NOT in the row's grouping set.
    if (r.set === 0b011 && r.service_id && r.month) volumes.push({ serviceId: r.service_id, area: r.area, month: r.month, onBehalf: r.on_behalf === true, count: n });
    else if (r.set === 0b101 && r.day) office.push({ area: r.area, day: r.day, weekdayOfficeHour: r.office === true, count: n });
    else if (r.set === 0b110 && r.month && r.bucket !== null) handling.push({ area: r.area, month: r.month, minutes: Number(r.bucket), count: n });
  }
  const decisions: DecisionBucket[] = decided.map((r) => ({
    serviceId: r.service_id,
    area: r.area,
    month: r.month,
    outcome: r.outcome,
    insats: r.insats,
    // The same rule as for a whole personnummer: only the second-last digit is sent.
    sex: r.digit === null ? 'okant' : sexOf(`000000000${r.digit}0`),
    count: Number(r.n),
  }));
  return { now, services: opts.services, lifecycleEvents: events, volumes, office, handling, decisions, targets };
}
