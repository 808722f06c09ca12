/**
 * Indicator benchmark: `node scripts/bench-indicators.ts [--keep] [--reuse] [--verify] [--rows=N]` (part of `npm run bench`).
 * --reuse times against the database a previous `--keep` run left, without seeding it again.
 * --verify also checks, once, that the summary tables give the same counts as a computation from
 * scratch over the whole submissions and decisions tables (src/server/indicators/from-scratch.ts).
 *
 * Creates the PostgreSQL database `st_bench_indicators` (dropped first) on the server of DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres), applies the committed migrations and seeds,
 * in SQL as scripts/bench.ts does, a million submissions over three years (both areas, the portal's
 * e-tjänster, one in ten on behalf of someone, personnummer cycled from Skatteverket's test list),
 * with a first handling for every case past inkommen, a decision for every decided or closed case
 * (one in ten corrected by a second decision), and the catalog's life cycle with retirements and a
 * relaunch. The rows are loaded with the triggers off (session_replication_role = replica), and the
 * indicator summary tables are then filled by indicator_summaries_rebuild(), the same function the
 * migration fills them with (migration 0008_indicator_summaries). Then it times computing every
 * indicator as the pages do: the repository's fetch (src/server/indicators/repository.ts), all
 * computations, the current month's report and every CSV. Reports the median and p95 of RUNS runs
 * after the warm-up runs, next to a `count(*)` over submissions as a gauge of how loaded the server
 * is; then the same for the plan's follow-up (every measure of seed 001 as its report computes it);
 * exit code 1 if a median or a p95 reaches 250 ms. The database is dropped at the end unless
 * --keep is given.
 */
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client.ts';
import { staffUsers } from '../db/schema.ts';
import type { ServiceInfo } from '../src/domain/indicators/data.ts';
import { computeIndicators } from '../src/domain/indicators/index.ts';
import { monthlyReport } from '../src/domain/indicators/monthly.ts';
import { stockholmMonth } from '../src/domain/indicators/time.ts';
import { fetchIndicatorData, readSummaries } from '../src/server/indicators/repository.ts';
import { CSV_IDS, indicatorCsv, monthlyCsv } from '../src/server/indicators/csv.ts';
import { computedFigures, yearFractionAt } from '../src/domain/indicators/computed.ts';
import { followUp, type Period } from '../src/domain/indicators/followup.ts';
import { stockholmYear } from '../src/domain/indicators/time.ts';
import { listMeasures, listReported } from '../src/server/indicators/followup.ts';
import { followUpCsv } from '../src/server/indicators/followup-csv.ts';
import { countFromScratch, type RawCounts } from '../src/server/indicators/from-scratch.ts';
import { benchDbSuffix, benchSetup, onServer, seconds, timed, testPersonnummer } from './bench-common.ts';
import { benchServices } from './bench-volumes.ts';

const TARGET_MS = 250;
const WARMUP = 2;
const RUNS = 20;
const BENCH_DB = `st_bench_indicators${benchDbSuffix()}`;
const CHUNK = 100_000;

const { keep, rows: ROWS, serverUrl, benchUrl } = benchSetup(BENCH_DB);
const args = process.argv.slice(2);

// The seeded e-tjänster (db/seed, as a fresh database has them) with their share of the national volume (scripts/bench-volumes.ts).
const SERVICES: (ServiceInfo & { weight: number; version: number })[] = benchServices().map((s) => ({ id: s.id, area: s.area, category: s.category, forenkladInsats: s.forenkladInsats, weight: s.weight, version: s.version }));
const ALDREOMSORG_SHARE = SERVICES.filter((s) => s.area === 'aldreomsorg').reduce((n, s) => n + s.weight, 0) / SERVICES.reduce((n, s) => n + s.weight, 0);
/** The live version of the e-tjänst in `column`. */
const versionCase = (column: string) => `CASE ${column} ${SERVICES.map((s) => `WHEN '${s.id}' THEN ${s.version}`).join(' ')} END`;

function serviceCase(area: string): string {
  const list = SERVICES.filter((s) => s.area === area);
  const total = list.reduce((s, x) => s + x.weight, 0);
  let acc = 0;
  const whens = list.map((s) => {
    acc += s.weight;
    return `WHEN r_service < ${(acc / total).toFixed(4)} THEN '${s.id}'`;
  });
  return `CASE ${whens.join(' ')} ELSE '${list.at(-1)?.id}' END`;
}

async function seed(staffId: string): Promise<void> {
  const pnr = testPersonnummer();
  const c = new pg.Client({ connectionString: benchUrl });
  await c.connect();
  try {
    await c.query('set synchronous_commit = off');
    // Bulk load without the per-row triggers; the summaries are rebuilt in one pass below.
    await c.query('set session_replication_role = replica');
    await c.query('select setseed(0.42)');
    await c.query('create temporary table bench_pnr (ord int primary key, p text not null)');
    await c.query('insert into bench_pnr select ord - 1, p from unnest($1::text[]) with ordinality as t(p, ord)', [pnr]);
    const indexes = await c.query<{ name: string; def: string }>(
      `select indexname as name, indexdef as def from pg_indexes where schemaname = 'public' and tablename = 'submissions'
         and indexname not in (select conname from pg_constraint where conrelid = 'public.submissions'::regclass)`,
    );
    for (const i of indexes.rows) await c.query(`drop index "${i.name}"`);
    const insert = (lo: number, hi: number) => `
      insert into submissions (reference, service_id, service_version, area, answers, status, subject_personnummer, subject_name,
                               submitter_name, on_behalf, idempotency_key, submitted_at, updated_at, first_handled_at, decided_at)
      select to_char(s.submitted_at, 'YYYY') || '-' || lpad(s.g::text, 7, '0'), s.service_id, ${versionCase('s.service_id')}, s.area, '{}'::jsonb, s.status, p.p,
        'Test Testsson', case when s.on_behalf then 'Anhörig' end, s.on_behalf, 'bench-' || s.g, s.submitted_at, s.submitted_at,
        case when s.status <> 'inkommen' then s.submitted_at + s.r_handle * s.r_handle * interval '10 days' end,
        case when s.status in ('beslutad', 'avslutad') then s.submitted_at + interval '10 days' + s.r_handle * interval '20 days' end
      from (
        select g, area, submitted_at, on_behalf, r_handle,
          case when area = 'aldreomsorg' then ${serviceCase('aldreomsorg')} else ${serviceCase('ifo')} end as service_id,
          case when age_days < 14 then case when r_status < 0.5 then 'inkommen' when r_status < 0.9 then 'under_handlaggning' else 'beslutad' end
               when age_days < 90 then case when r_status < 0.05 then 'inkommen' when r_status < 0.35 then 'under_handlaggning'
                                            when r_status < 0.75 then 'beslutad' when r_status < 0.95 then 'avslutad' else 'makulerad' end
               else case when r_status < 0.01 then 'under_handlaggning' when r_status < 0.06 then 'beslutad'
                         when r_status < 0.97 then 'avslutad' else 'makulerad' end end as status
        from (
          select g, submitted_at, extract(epoch from now() - submitted_at) / 86400 as age_days, r_service, r_status, r_handle, on_behalf,
            case when r_area < ${ALDREOMSORG_SHARE.toFixed(4)} then 'aldreomsorg' else 'ifo' end as area
          from (
            select g, date_trunc('milliseconds', now() - interval '3 years' * (1 - sqrt(random()))) as submitted_at,
              random() as r_area, random() as r_service, random() as r_status, random() as r_handle, random() < 0.1 as on_behalf
            from generate_series(${lo}, ${hi}) as g offset 0
          ) raw offset 0
        ) aged offset 0
      ) s
      join bench_pnr p on p.ord = s.g % ${pnr.length}`;
    for (let lo = 1; lo <= ROWS; lo += CHUNK) {
      const hi = Math.min(ROWS, lo + CHUNK - 1);
      await timed(`submissions ${lo.toLocaleString('sv-SE')}–${hi.toLocaleString('sv-SE')}`, () => c.query(insert(lo, hi)));
    }
    const insats = `case s.service_id ${SERVICES.filter((x) => x.forenkladInsats).map((x) => `when '${x.id}' then '${x.forenkladInsats}'`).join(' ')} else 'stöd' end`;
    await timed('decisions (one in ten corrected)', async () => {
      await c.query(`insert into decisions (submission_id, outcome, insats, reasoning, decided_by, decided_at)
        select s.id, case when random() < 0.85 then 'beviljad' when random() < 0.7 then 'avslag' else 'hanvisad' end, ${insats}, 'Bench.', '${staffId}', s.decided_at
        from submissions s where s.decided_at is not null`);
      await c.query(`insert into decisions (submission_id, outcome, insats, reasoning, decided_by, decided_at)
        select d.submission_id, 'beviljad', d.insats, 'Rättat.', d.decided_by, d.decided_at + interval '3 days'
        from decisions d where random() < 0.1`);
    });
    await c.query(`set maintenance_work_mem = '256MB'`);
    await timed(`build ${indexes.rows.length} submission indexes`, async () => {
      for (const i of indexes.rows) await c.query(i.def);
    });
    await timed('life cycle with retirements and a relaunch', async () => {
      await c.query(
        `insert into service_lifecycle (service_id, state, published_at) select id, 'publicerad', now() - (ord * interval '60 days') from unnest($1::text[]) with ordinality as t(id, ord)`,
        [SERVICES.map((s) => s.id)],
      );
      await c.query(`insert into service_lifecycle_events (service_id, state, at) select service_id, 'publicerad', published_at from service_lifecycle`);
      await c.query(`insert into service_lifecycle_events (service_id, state, at) values
        ('bli-familjehem', 'avpublicerad', now() - interval '200 days'), ('bli-familjehem', 'publicerad', now() - interval '100 days'),
        ('stod-missbruk', 'avpublicerad', now() - interval '30 days')`);
      await c.query(`update service_lifecycle set state = 'avpublicerad', retired_at = now() - interval '30 days' where service_id = 'stod-missbruk'`);
    });
    await c.query('set session_replication_role = origin');
    await timed('indicator summaries (indicator_summaries_rebuild)', async () => {
      await c.query(`set work_mem = '256MB'`);
      await c.query('select indicator_summaries_rebuild()');
    });
    await timed('VACUUM ANALYZE', async () => {
      for (const t of ['submissions', 'decisions', 'indicator_volumes', 'indicator_office_days', 'indicator_handling', 'indicator_decisions', 'indicator_decided_cases']) {
        await c.query(`vacuum analyze ${t}`);
      }
    });
  } finally {
    await c.end();
  }
}

/** Counts keyed and summed, zero counts left out, so two sources compare with one deep equality. */
function canonical(c: RawCounts): string {
  const sum = (rows: { key: unknown[]; count: number }[]) => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(JSON.stringify(r.key), (m.get(JSON.stringify(r.key)) ?? 0) + r.count);
    return [...m].filter(([, n]) => n !== 0).sort(([a], [b]) => a.localeCompare(b));
  };
  return JSON.stringify([
    sum(c.volumes.map((v) => ({ key: [v.serviceId, v.area, v.month, v.onBehalf], count: v.count }))),
    sum(c.office.map((o) => ({ key: [o.area, o.day, o.weekdayOfficeHour], count: o.count }))),
    sum(c.handling.map((h) => ({ key: [h.area, h.month, h.minutes], count: h.count }))),
    sum(c.decisions.map((d) => ({ key: [d.serviceId, d.area, d.month, d.outcome, d.insats, d.sex], count: d.count }))),
  ]);
}

const TRIGGERS = [
  ['submissions', 'indicator_submissions_added'],
  ['submissions', 'indicator_submissions_removed'],
  ['submissions', 'indicator_submissions_updated'],
  ['decisions', 'indicator_decisions_changed'],
] as const;

/**
 * What keeping the summaries costs a write: a submission received, its first handling and a
 * decision, each its own transaction, with the summary triggers and with them disabled. The rows
 * are removed afterwards the same way, so the summaries stay right.
 */
async function writeCost(): Promise<void> {
  const N = 100;
  const c = new pg.Client({ connectionString: benchUrl });
  await c.connect();
  try {
    const [staff] = (await c.query<{ id: string }>(`select id from staff_users limit 1`)).rows;
    const median = (t: number[]) => percentile([...t].sort((x, y) => x - y), 50).toFixed(2);
    console.log(`\nWrite cost, median of ${N} transactions each (with the summary triggers / without):`);
    const results: Record<string, { on: number[]; off: number[] }> = { submission: { on: [], off: [] }, 'first handling': { on: [], off: [] }, decision: { on: [], off: [] } };
    for (const side of ['off', 'on'] as const) {
      for (const [table, trigger] of TRIGGERS) await c.query(`alter table ${table} ${side === 'on' ? 'enable' : 'disable'} trigger ${trigger}`);
      const ids: string[] = [];
      const tx = async (label: string, text: string, params: unknown[]) => {
        const t0 = performance.now();
        await c.query('begin');
        const r = await c.query<{ id: string }>(text, params);
        await c.query('commit');
        results[label]?.[side].push(performance.now() - t0);
        return r.rows[0]?.id;
      };
      for (let i = 0; i < N; i++) {
        const id = await tx(
          'submission',
          `insert into submissions (reference, service_id, service_version, area, answers, subject_personnummer, on_behalf, idempotency_key)
           values ($1, 'tvatt', 1, 'aldreomsorg', '{}', null, false, $1) returning id`,
          [`bench-write-${side}-${i}`],
        );
        if (id) ids.push(id);
      }
      for (const id of ids) await tx('first handling', `update submissions set first_handled_at = now(), lock_version = lock_version + 1 where id = $1`, [id]);
      for (const id of ids) {
        await tx('decision', `insert into decisions (submission_id, outcome, insats, reasoning, decided_by) values ($1, 'beviljad', 'tvatt', 'Bench.', $2)`, [id, staff?.id]);
      }
      await c.query('delete from submissions where id = any($1::uuid[])', [ids]);
    }
    for (const [label, r] of Object.entries(results)) console.log(`  ${label.padEnd(16)} ${median(r.on)} ms / ${median(r.off)} ms`);
  } finally {
    // Never leave a kept database without its triggers.
    for (const [table, trigger] of TRIGGERS) {
      await c.query(`alter table ${table} enable trigger ${trigger}`).catch(() => {});
    }
    await c.end();
  }
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

async function main(): Promise<void> {
  console.log(`Indicator benchmark: ${ROWS.toLocaleString('sv-SE')} submissions in database "${BENCH_DB}" on ${new URL(serverUrl).host}`);
  const total0 = performance.now();
  const reuse = args.includes('--reuse');
  if (!reuse) {
    await onServer(serverUrl, `DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    await onServer(serverUrl, `CREATE DATABASE ${BENCH_DB}`);
  }
  const handle = await timed('create and migrate', () => openDatabase({ databaseUrl: benchUrl, dataDir: tmpdir(), migrate: true }));
  const { db } = handle;
  let failed = false;
  try {
    if (!reuse) {
      const [staff] = await db
        .insert(staffUsers)
        .values({ username: 'bench-handlaggare', displayName: 'Handläggare', passwordHash: 'not-a-login', roles: ['handlaggare'], areas: ['aldreomsorg', 'ifo'] })
        .returning({ id: staffUsers.id });
      if (!staff) throw new Error('no staff row');
      console.log('Seeding:');
      const seed0 = performance.now();
      await seed(staff.id);
      console.log(`  ${'seed total'.padEnd(44)} ${seconds(performance.now() - seed0)}`);
    }
    const services: ServiceInfo[] = SERVICES.map(({ weight: _w, version: _v, ...s }) => s);
    let check = '';
    const run = async () => {
      const now = new Date();
      const data = await fetchIndicatorData(db, { now, services });
      const ind = computeIndicators(data);
      const month = monthlyReport(data, stockholmMonth(now));
      const csvs = CSV_IDS.map((id) => indicatorCsv(id, data, ind)).join('') + monthlyCsv(data, stockholmMonth(now));
      check = `${ind.launched.now.total} live e-tjänster, ${ind.forenklad.years.reduce((s, y) => s + (y.count ?? 0), 0).toLocaleString('sv-SE')} förenklad decisions, ${ind.submissions.byYear.reduce((s, y) => s + y.total.submissions, 0).toLocaleString('sv-SE')} submissions counted, ${month.rows.length} rows in this month's report, ${csvs.length.toLocaleString('sv-SE')} characters of CSV`;
    };
    // The plan's follow-up as its page computes it (src/server/indicators/followup.ts loadFollowUp),
    // less the survey results, which the benchmark does not seed: the same fetch, the measures, the
    // reported values, every year's figures and the CSV.
    let followUpCheck = '';
    const runFollowUp = async () => {
      const now = new Date();
      const [data, measures, reported] = await Promise.all([fetchIndicatorData(db, { now, services }), listMeasures(db), listReported(db)]);
      const period: Period = { year: stockholmYear(now), half: null };
      const periods: Period[] = [2022, 2023, 2024, 2025, 2026, 2027, 2028].map((year) => ({ year, half: null }));
      const computed = computedFigures(data, measures, [...periods, { year: period.year, half: 1 }], new Map());
      const rows = followUp({ measures, cells: data.targets, reported, computed, period, yearFraction: yearFractionAt(period, now) });
      const csv = followUpCsv({ period, now, measures: rows }, (id) => id);
      followUpCheck = `${rows.length} measures, ${csv.length.toLocaleString('sv-SE')} characters of CSV`;
    };
    if (args.includes('--verify')) {
      const [summaries, scratch] = await timed('verify: summaries against a computation from scratch', () => Promise.all([readSummaries(db), countFromScratch(db)]));
      if (canonical(summaries) !== canonical(scratch)) throw new Error('the indicator summaries differ from a computation from scratch');
      console.log('  the summaries give the same counts');
    }
    const series = async (fn: () => Promise<unknown>) => {
      for (let i = 0; i < WARMUP; i++) await fn();
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await fn();
        times.push(performance.now() - t0);
      }
      return times.sort((a, b) => a - b);
    };
    const line = (t: number[]) => `median ${percentile(t, 50).toFixed(1)} ms, p95 ${percentile(t, 95).toFixed(1)} ms (fastest ${t[0]?.toFixed(1)}, slowest ${t.at(-1)?.toFixed(1)})`;
    // A gauge of the server's load: how long a plain count over the whole submissions table takes now.
    const baseline = await series(() => db.execute(sql`select count(*) from submissions`));
    const times = await series(run);
    const median = percentile(times, 50);
    const p95 = percentile(times, 95);
    const followUpTimes = await series(runFollowUp);
    const followUpFailed = percentile(followUpTimes, 50) >= TARGET_MS || percentile(followUpTimes, 95) >= TARGET_MS;
    failed = median >= TARGET_MS || p95 >= TARGET_MS || followUpFailed;
    console.log(`\n${RUNS} runs each after ${WARMUP} warm-up runs:`);
    console.log(`  baseline: select count(*) from submissions   ${line(baseline)}`);
    console.log(`  every indicator (target < ${TARGET_MS} ms)          ${line(times)}  ${failed ? 'MISSED' : 'met'}`);
    console.log(`  (${check})`);
    console.log(`  the plan's follow-up (target < ${TARGET_MS} ms)    ${line(followUpTimes)}  ${followUpFailed ? 'MISSED' : 'met'}`);
    console.log(`  (${followUpCheck})`);
    await writeCost();
  } finally {
    await handle.close();
    if (keep) console.log(`\nKept database "${BENCH_DB}" (--keep).`);
    else await onServer(serverUrl, `DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  }
  console.log(`\nTotal ${seconds(performance.now() - total0)}. ${failed ? 'The target was missed.' : 'The target is met.'}`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? `${e.name}: ${e.message}` : e);
  process.exitCode = 1;
});
