/**
 * The indicator data computed from scratch over the whole submissions and decisions tables, as the
 * repository did before the summary tables: a check that the summaries (kept by the database's
 * triggers, migration 0008_indicator_summaries) still give the same numbers. Used by the tests and
 * by `scripts/bench-indicators.ts --verify`; far too slow for a page on a large database.
 */
import { sql, type SQL } from 'drizzle-orm';
import { resultRows, type Db } from '../../../db/client.ts';
import type { DecisionBucket, HandlingRow, OfficeBucket, VolumeBucket } from '../../domain/indicators/data.ts';
import { sexOf } from '../../domain/indicators/data.ts';

export type RawCounts = { volumes: VolumeBucket[]; office: OfficeBucket[]; handling: HandlingRow[]; decisions: DecisionBucket[] };

async function aggregate<T>(db: Db, q: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '64MB'`);
    return resultRows<T>(await tx.execute(q));
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

/** Volumes, office-hour days, handling times and decided cases straight from submissions and decisions. */
export async function countFromScratch(db: Db): Promise<RawCounts> {
  const [scan, decided] = await Promise.all([aggregate<ScanRow>(db, SCAN), aggregate<DecisionRow>(db, DECISIONS)]);
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
  // Several digits give the same sex: add them up, as the summaries count by sex.
  const bySex = new Map<string, DecisionBucket>();
  for (const r of decided) {
    const sex = r.digit === null ? 'okant' : sexOf(`000000000${r.digit}0`);
    const key = JSON.stringify([r.service_id, r.area, r.month, r.outcome, r.insats, sex]);
    const b = bySex.get(key);
    if (b) b.count += Number(r.n);
    else bySex.set(key, { serviceId: r.service_id, area: r.area, month: r.month, outcome: r.outcome, insats: r.insats, sex, count: Number(r.n) });
  }
  return { volumes, office, handling, decisions: [...bySex.values()] };
}
