/**
 * HTTP benchmark: `node scripts/bench-http.ts` (also run by `npm run bench`). Figures and the
 * national estimate behind the fixed rate: docs/performance.md.
 *
 * Builds the portal (or takes BENCH_DIST) and the framework floor (bench/floor: the same Astro
 * version and adapter, none of the portal's code), starts both on one PostgreSQL database
 * (`st_bench_http_<random>` on the server of DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres, dropped at the end), walks every current e-tjänst up
 * to check-answers with the answers of one of its own scenarios (scripts/bench-journeys.ts), and
 * measures:
 *
 *  1. **Pages against the floor**, side by side in BENCH_ROUNDS (3) alternating rounds of
 *     BENCH_SECONDS (10) s each after a warm-up, 50 connections (autocannon): the floor's page
 *     (the same bytes as the kontakta-socialtjansten start page, rendered by Astro for every
 *     request) and the portal's kontakta-socialtjansten start, question and check-answers pages,
 *     each rendered for every request (a cookie sent: a journey in progress). Target: each ≥ 70 %
 *     of the floor's rate in the same round (the median of the rounds' ratios). Mina sidor logged in
 *     and the staff inbox (pages that read the database) are measured in the same rounds and reported.
 *  2. **A submission against the floor's insert**: the check-answers POST of a filled-in journey,
 *     each with a form token of its own (the journey validated, the rate limit per address checked
 *     and counted, the case, its audit event and outbox rows in one transaction, 303) against the
 *     floor's POST that inserts one row through drizzle in a transaction (303), both through
 *     Astro's origin check. Target: ≥ 40 % of the floor's rate.
 *  3. **An open-model mixed load at a fixed arrival rate** (not a closed loop: requests leave on
 *     schedule whether or not earlier ones were answered, and latency counts from the scheduled
 *     time): BENCH_PAGE_RATE (500) page views and BENCH_SUBMIT_RATE (25) submissions a second for
 *     BENCH_OPEN_SECONDS (30) s, the national peak estimate. The pages: every step of every
 *     e-tjänst (its start page, each question page on its path, check-answers) with the journey's
 *     cookies, Mina sidor logged in and the inbox; the submissions: every e-tjänst in turn.
 *     Targets: p99 < 100 ms and the portal's peak RSS (VmHWM) < 250 MB. It runs before 1 and 2, on
 *     the freshly started portal, so that its memory is not what the closed loads left behind.
 *     The portal's CPU milliseconds per page and per submission (from /proc/<pid>/stat over the
 *     closed loads of 1 and 2) and per request of the mix are reported.
 *  4. Correctness and weight: every confirmed submission stored and audited exactly once, every
 *     e-tjänst walked, every citizen page of the synpunkter journey < 50 KB of HTML + CSS and the
 *     journey sent without running any script.
 *
 * Exits 1 when a target is missed. Ports: BENCH_PORT (4800) for the portal, BENCH_PORT + 1 for the
 * floor.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../db/client.ts';
import { staffUsers } from '../db/schema.ts';
import { createCitizenSession, CITIZEN_COOKIE } from '../src/server/citizen/session.ts';
import { createStaffSession, STAFF_COOKIE } from '../src/server/staff/session.ts';
import { createStaffUser, STAFF_AREAS } from '../src/server/staff/users.ts';
import { onServer as onServerOf } from './bench-common.ts';
import { walkEveryService, type WalkedJourney } from './bench-journeys.ts';
import { Jar, spawnBuiltPortal } from './built-portal.ts';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Rounds of the portal and the floor, alternating. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP_SECONDS = 3;
const PORT = Number(process.env.BENCH_PORT ?? 4800);
const FLOOR_PORT = PORT + 1;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const FLOOR = `http://127.0.0.1:${FLOOR_PORT}`;
const START_SERVICE = 'kontakta-socialtjansten';
const SERVICE = 'synpunkter-och-klagomal';
const JOURNEY = `/e-tjanster/${SERVICE}`;
const PAGE_RATE = Number(process.env.BENCH_PAGE_RATE ?? 500);
const SUBMIT_RATE = Number(process.env.BENCH_SUBMIT_RATE ?? 25);
const OPEN_SECONDS = Number(process.env.BENCH_OPEN_SECONDS ?? 30);
const CITIZEN = { personnummer: '19450110-3297', name: 'Greta Testberg' };

const TARGET = { pageRatio: 0.7, submitRatio: 0.4, p99Ms: 100, rssMb: 250, pageKb: 50 };

/** The portal's CPU time so far (user + system), in ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat (11 and 12 after the command), in clock ticks (100/s).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function run(): Promise<number> {
  const work = mkdtempSync(path.join(tmpdir(), 'st-bench-http-'));
  const children: ChildProcess[] = [];
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `st_bench_http_${randomBytes(4).toString('hex')}`;
  const dbUrl = (() => {
    const u = new URL(serverUrl);
    u.pathname = `/${dbName}`;
    return u.toString();
  })();
  const onServer = (statement: string) => onServerOf(serverUrl, statement);
  let dbCreated = false;
  try {
    const dist = build(work);
    const floorDist = buildFloor(work);
    await onServer(`create database ${dbName}`);
    dbCreated = true;
    const portal = await startPortal(dist, dbUrl, work, children);
    console.log(`Portal from ${dist} on ${ORIGIN}, floor on ${FLOOR} (PostgreSQL database ${dbName}); ${CONNECTIONS} connections, ${SECONDS} s per measurement, ${ROUNDS} rounds.`);
    console.log(environment());

    // Who is logged in: a citizen (Mina sidor, e-tjänster that need e-legitimation) and a handläggare of every area (the inbox).
    const handle = await openDatabase({ databaseUrl: dbUrl, dataDir: work });
    const citizenCookie = `${CITIZEN_COOKIE}=${(await createCitizenSession(handle.db, CITIZEN)).token}`;
    const user = await createStaffUser(handle.db, { username: 'bench', displayName: 'Bench Handläggare', password: randomBytes(18).toString('base64url'), roles: ['handlaggare'], areas: [...STAFF_AREAS] });
    await handle.db.update(staffUsers).set({ totpEnabledAt: new Date() }).where(eq(staffUsers.id, user.id));
    const staffCookie = `${STAFF_COOKIE}=${(await createStaffSession(handle.db, user.id, new Date(), { twoFactorVerified: true })).token}`;
    await handle.close();

    // The floor answers the bytes of the start page.
    const startPage = await fetch(`${ORIGIN}/e-tjanster/${START_SERVICE}`);
    if (startPage.status !== 200) throw new Error(`start page answered ${startPage.status}`);
    const pageFile = path.join(work, 'start.html');
    writeFileSync(pageFile, Buffer.from(await startPage.arrayBuffer()));
    await startFloor(floorDist, pageFile, dbUrl, children);
    const floorBytes = (await (await fetch(`${FLOOR}/`)).arrayBuffer()).byteLength;
    const c = new pg.Client({ connectionString: dbUrl });
    c.on('error', () => undefined);
    await c.connect();
    await c.query('create table bench_floor_rows (id bigserial primary key, body text not null, received_at timestamptz not null default now())');

    // Every e-tjänst walked to check-answers.
    const { journeys, missing } = await walkEveryService(ORIGIN, citizenCookie);
    const startJourney = journeys.find((j) => j.serviceId === START_SERVICE);
    if (!startJourney) throw new Error(`${START_SERVICE} could not be walked: ${missing.map((m) => m.why).join('; ')}`);
    // Cases to show: each journey sent a few times (Mina sidor lists the logged-in citizen's, the inbox everyone's).
    const before = await count(c, 'submissions');
    const auditedBefore = (await receivedTally(c)).audited;
    let seeded = 0;
    for (const j of journeys) for (let i = 0; i < 5; i++) if ((await send(j, `203.0.113.${(i % 200) + 1}`)) === 303) seeded++;

    // 3. The open model at the national peak rate, first: the portal's memory is then that of this
    // load alone, not what the closed loads of 50 connections left it holding.
    const stepsToView = journeys.flatMap((j) => j.steps);
    const open = await openModel(portal.pid!, journeys, stepsToView, citizenCookie, staffCookie);

    // 1. Pages side by side with the floor.
    const q = startJourney.steps[1]!;
    const check = startJourney.steps.at(-1)!;
    const pages: Target[] = [
      { name: 'floor page', opts: { url: `${FLOOR}/` } },
      { name: 'start page', opts: { url: `${ORIGIN}${startJourney.steps[0]!.path}`, headers: { cookie: 'besok=1' } }, portal: true },
      { name: 'question page', opts: { url: `${ORIGIN}${q.path}`, headers: { cookie: q.cookie } }, portal: true },
      { name: 'check-answers', opts: { url: `${ORIGIN}${check.path}`, headers: { cookie: check.cookie } }, portal: true },
      { name: 'Mina sidor', opts: { url: `${ORIGIN}/mina-sidor`, headers: { cookie: citizenCookie } }, portal: true },
      { name: 'inbox', opts: { url: `${ORIGIN}/handlaggning`, headers: { cookie: staffCookie } }, portal: true },
    ];
    for (const p of pages) {
      const res = await fetch(p.opts.url as string, { headers: (p.opts.headers ?? {}) as Record<string, string>, redirect: 'manual' });
      if (res.status !== 200) throw new Error(`${p.name} answered ${res.status}`);
    }
    const pageRounds = await alternate(pages, portal.pid!);

    // 2. Submissions side by side with the floor's insert. The clients are invånare with addresses
    // of their own behind the portal's proxy (TRUST_PROXY: X-Forwarded-For), as in production.
    let sent = 0;
    const post = (url: string, p: string, headers: Record<string, string>): autocannon.Options => ({
      url,
      requests: [{ method: 'POST', path: p, headers, setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'x-forwarded-for': `198.51.100.${(sent++ % CONNECTIONS) + 1}` }, body: `token=${randomBytes(18).toString('base64url')}` }) }],
    });
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const submitRounds = await alternate(
      [
        { name: 'floor insert', opts: post(FLOOR, '/insert', { ...form, origin: FLOOR }), redirects: true },
        { name: 'submission', opts: post(ORIGIN, startJourney.send.path, { ...form, origin: ORIGIN, cookie: startJourney.send.cookie }), redirects: true, portal: true },
      ],
      portal.pid!,
    );

    // autocannon resolves when its time is up, not when the portal has finished: the requests in
    // flight then are still received and committed for a while after (measured: 40–50 more
    // submissions in the second after a 50-connection load). Counting then, in two statements, saw
    // one more audit event than submissions once (16,877 against 16,876): a submission committed
    // between the two counts. So: wait until nothing more arrives, then count in one statement (one
    // snapshot), matching each submission to its audit event.
    await settled(c);
    const tally = await receivedTally(c);
    const stored = tally.stored - before;
    const audited = tally.audited - auditedBefore;
    const { twice } = tally;
    await c.end();
    const confirmed = seeded + submitRounds.okWithWarmUp.get('submission')! + open.sendsOk;

    // 4. Page weight.
    const { pages: weights, reference: walkedTo } = await pageWeights();

    const ratio = (name: string) => median(pageRounds.rounds.map((r) => r.rate.get(name)! / r.rate.get('floor page')!));
    const submitRatio = median(submitRounds.rounds.map((r) => r.rate.get('submission')! / r.rate.get('floor insert')!));
    const heaviest = Math.max(...weights.map((p) => p.html + p.css));
    const inFlight = (submitRounds.loads + 0) * CONNECTIONS;
    const checks = [
      ...['start page', 'question page', 'check-answers'].map((name) => ({ what: `${name} rate ≥ ${TARGET.pageRatio * 100} % of the floor page's`, ok: ratio(name) >= TARGET.pageRatio })),
      { what: `submission rate ≥ ${TARGET.submitRatio * 100} % of the floor insert's`, ok: submitRatio >= TARGET.submitRatio },
      { what: `open model at ${PAGE_RATE} pages/s + ${SUBMIT_RATE} submissions/s: p99 < ${TARGET.p99Ms} ms`, ok: open.p99 < TARGET.p99Ms },
      { what: `open model: every request answered as expected`, ok: open.failed === 0 && open.late === 0 },
      { what: `open model: portal peak RSS < ${TARGET.rssMb} MB`, ok: open.peakMb < TARGET.rssMb },
      { what: `every e-tjänst walked to check-answers and sent (${journeys.length} of ${journeys.length + missing.length})`, ok: missing.length === 0 },
      // Each closed load ends with up to CONNECTIONS submissions in flight: stored, their answers not awaited.
      {
        what: 'every submission answered with a confirmation is stored and audited once',
        ok: stored >= confirmed && stored - confirmed <= inFlight && stored === audited && tally.unaudited === 0 && tally.auditedTwice === 0 && tally.orphanEvents === 0 && twice === 0,
      },
      { what: `every citizen page < ${TARGET.pageKb} KB HTML + CSS`, ok: heaviest < TARGET.pageKb * 1024 },
      { what: 'the journey is completed and sent without running any script (0 KB required JS)', ok: walkedTo !== undefined },
    ];

    const f = (n: number) => n.toFixed(0).padStart(7);
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    console.log('\nHTTP benchmark');
    console.log(`  pages rendered for every request, against the floor (${floorBytes} bytes; the portal's start page ${startPage.headers.get('content-length') ?? readFileSync(pageFile).length} bytes)`);
    for (const p of pages) {
      const s = pageRounds.summary.get(p.name)!;
      const r = p.name === 'floor page' ? '' : `   ${pct(ratio(p.name))} of the floor (rounds: ${pageRounds.rounds.map((x) => pct(x.rate.get(p.name)! / x.rate.get('floor page')!)).join(', ')})`;
      console.log(`    ${p.name.padEnd(14)} ${f(s.rate)} req/s   p50 ${s.p50} ms   p99 ${s.p99} ms${r}`);
    }
    console.log(`  submissions (check-answers POST of ${START_SERVICE}: journey validated, limit, case, audit event, outbox: one transaction)`);
    for (const name of ['floor insert', 'submission']) {
      const s = submitRounds.summary.get(name)!;
      console.log(`    ${name.padEnd(14)} ${f(s.rate)} /s      p50 ${s.p50} ms   p99 ${s.p99} ms`);
    }
    console.log(`    ratio          ${pct(submitRatio)} (rounds: ${submitRounds.rounds.map((x) => pct(x.rate.get('submission')! / x.rate.get('floor insert')!)).join(', ')})`);
    console.log(`  portal CPU: ${pageRounds.cpuPerRequest.toFixed(2)} ms per page (the closed page loads), ${submitRounds.cpuPerRequest.toFixed(2)} ms per submission (the closed submission loads)`);
    console.log(`  open model, ${OPEN_SECONDS} s at ${PAGE_RATE} pages/s + ${SUBMIT_RATE} submissions/s over ${stepsToView.length} e-tjänst steps of ${journeys.length} e-tjänster, Mina sidor and the inbox`);
    console.log(`    all            ${open.count} requests   p50 ${open.p50.toFixed(1)} ms   p99 ${open.p99.toFixed(1)} ms   max ${open.max.toFixed(1)} ms   ${open.failed} unexpected answers, ${open.late} sent late by the generator`);
    for (const [kind, s] of open.byKind) console.log(`    ${kind.padEnd(14)} ${String(s.count).padStart(6)} requests   p50 ${s.p50.toFixed(1)} ms   p99 ${s.p99.toFixed(1)} ms`);
    console.log(`    portal peak RSS ${open.peakMb.toFixed(0)} MB; CPU ${open.cpuPerRequest.toFixed(2)} ms per request of the mix (${(open.cpuShare * 100).toFixed(0)} % of one core)`);
    console.log(`    answers posted per journey: ${journeys.map((j) => `${j.serviceId} ${(j.answerBytes / 1024).toFixed(1)} KB`).join(', ')}`);
    for (const m of missing) console.log(`    not walked: ${m.serviceId}: ${m.why}`);
    console.log(`  correctness: ${confirmed} confirmed, ${stored} stored, ${audited} audited, ${twice} references stored twice; ${tally.unaudited} submissions without their audit event, ${tally.auditedTwice} with two, ${tally.orphanEvents} events without their submission`);
    console.log(`  citizen pages of ${SERVICE} (uncompressed bytes)`);
    for (const p of weights) console.log(`    ${p.path.padEnd(48)} HTML ${String(p.html).padStart(6)}  CSS ${String(p.css).padStart(6)}  = ${((p.html + p.css) / 1024).toFixed(1).padStart(5)} KB   optional JS ${p.js}`);
    console.log('');
    for (const ch of checks) console.log(`  ${ch.ok ? '✓' : '✗'} ${ch.what}`);
    return checks.every((ch) => ch.ok) ? 0 : 1;
  } finally {
    for (const ch of children) if (ch.exitCode === null) ch.kill('SIGTERM');
    await sleep(500);
    if (dbCreated) await onServer(`drop database if exists ${dbName} with (force)`).catch((e: unknown) => console.error('could not drop', dbName, e));
    rmSync(work, { recursive: true, force: true });
  }
}

const count = async (c: pg.Client, table: string) => Number((await c.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]!.n);

/** Waits until no submission has been stored for a second (at most 30 s): the requests in flight are done. */
async function settled(c: pg.Client): Promise<void> {
  let last = -1;
  for (let i = 0; i < 30; i++) {
    const n = await count(c, 'submissions');
    if (n === last) return;
    last = n;
    await sleep(1000);
  }
  throw new Error('submissions were still being stored 30 s after the last load');
}

/**
 * Submissions and their `submission.received` audit events, counted in one statement (one
 * snapshot, so that nothing committed between two counts can make them differ), and matched: each
 * submission with exactly one event, each event with its submission.
 */
async function receivedTally(c: pg.Client): Promise<{ stored: number; audited: number; unaudited: number; auditedTwice: number; orphanEvents: number; twice: number }> {
  const { rows } = await c.query<Record<string, string>>(`
    with ev as (select subject_id, count(*) as n from audit_events where action = 'submission.received' group by subject_id)
    select
      (select count(*) from submissions) as stored,
      (select coalesce(sum(n), 0) from ev) as audited,
      (select count(*) from submissions s left join ev on ev.subject_id = s.id::text where ev.n is null) as unaudited,
      (select count(*) from ev where n > 1) as audited_twice,
      (select count(*) from ev where not exists (select 1 from submissions s where s.id::text = ev.subject_id)) as orphan_events,
      (select count(*) from (select reference from submissions group by reference having count(*) > 1) d) as twice`);
  const r = rows[0]!;
  return { stored: Number(r.stored), audited: Number(r.audited), unaudited: Number(r.unaudited), auditedTwice: Number(r.audited_twice), orphanEvents: Number(r.orphan_events), twice: Number(r.twice) };
}

/** Sends a walked journey once (a fresh form token); the status. */
async function send(j: WalkedJourney, address: string): Promise<number> {
  const res = await fetch(`${ORIGIN}${j.send.path}`, {
    method: 'POST',
    headers: { cookie: j.send.cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address },
    body: `token=${randomBytes(18).toString('base64url')}`,
    redirect: 'manual',
  });
  await res.arrayBuffer();
  return res.status;
}

function buildFloor(work: string): string {
  const out = path.join(work, 'floor');
  const r = spawnSync(path.resolve('node_modules', '.bin', 'astro'), ['build', '--root', 'bench/floor', '--outDir', out], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) throw new Error('building the floor failed');
  symlinkSync(path.resolve('node_modules'), path.join(out, 'node_modules'), 'dir');
  return out;
}

async function startFloor(dist: string, pageFile: string, databaseUrl: string, children: ChildProcess[]): Promise<void> {
  const child = spawn(process.execPath, [path.join(dist, 'server', 'entry.mjs')], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(FLOOR_PORT), FLOOR_PAGE: pageFile, DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (d: Buffer) => void (errors = (errors + d.toString()).slice(-4000)));
  children.push(child);
  await waitFor(`${FLOOR}/`, child, () => errors);
}

type Target = { name: string; opts: autocannon.Options; redirects?: boolean; portal?: boolean };
type Run = { ok: number; failed: number; p50: number; p99: number };
type Rounds = {
  rounds: { rate: Map<string, number> }[];
  summary: Map<string, { rate: number; p50: number; p99: number }>;
  okWithWarmUp: Map<string, number>;
  failed: number;
  loads: number;
  /** The portal's CPU ms per request answered over its measured loads. */
  cpuPerRequest: number;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The targets measured in alternating rounds (in order, then in reverse order, …) after a warm-up
 * of each: a shared machine's speed drifts by ±15–20 % within minutes, and alternating lets the
 * drift fall on all alike. Ratios are taken within a round.
 */
async function alternate(targets: Target[], portalPid: number): Promise<Rounds> {
  const ok = new Map<string, number>();
  let failed = 0;
  let loads = 0;
  let cpu = 0;
  let answered = 0;
  const once = async (t: Target, seconds: number, measured: boolean): Promise<Run> => {
    const c0 = cpuMs(portalPid);
    const r = await autocannon({ ...t.opts, connections: CONNECTIONS, duration: seconds });
    const c1 = cpuMs(portalPid);
    const good = t.redirects ? r['3xx'] : r['2xx'];
    ok.set(t.name, (ok.get(t.name) ?? 0) + good);
    failed += r.requests.total - good + r.errors + r.timeouts;
    if (t.portal) loads++;
    if (t.portal && measured) {
      cpu += c1 - c0;
      answered += good;
    }
    return { ok: good, failed: r.requests.total - good, p50: r.latency.p50, p99: r.latency.p99 };
  };
  for (const t of targets) await once(t, WARMUP_SECONDS, false);
  const runs = new Map<string, Run[]>(targets.map((t) => [t.name, []]));
  const rounds: Rounds['rounds'] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const rate = new Map<string, number>();
    for (const t of i % 2 === 0 ? targets : [...targets].reverse()) {
      const r = await once(t, SECONDS, true);
      runs.get(t.name)!.push(r);
      rate.set(t.name, r.ok / SECONDS);
    }
    rounds.push({ rate });
  }
  const summary = new Map([...runs].map(([name, rs]) => [name, { rate: median(rs.map((r) => r.ok)) / SECONDS, p50: median(rs.map((r) => r.p50)), p99: median(rs.map((r) => r.p99)) }]));
  if (failed > 0) throw new Error(`${failed} answers other than the expected one during ${targets.map((t) => t.name).join(', ')}`);
  return { rounds, summary, okWithWarmUp: ok, failed, loads, cpuPerRequest: cpu / Math.max(1, answered) };
}

type Latencies = { count: number; p50: number; p99: number };
type OpenResult = Latencies & { max: number; failed: number; late: number; sendsOk: number; byKind: Map<string, Latencies>; peakMb: number; cpuPerRequest: number; cpuShare: number };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
const summarise = (xs: number[]): Latencies => {
  const s = [...xs].sort((a, b) => a - b);
  return { count: s.length, p50: percentile(s, 0.5), p99: percentile(s, 0.99) };
};

/**
 * Requests leave at a fixed rate on their schedule (a timer every few ms sends all that are due),
 * each on a connection of its own from a keep-alive pool with no limit, so a slow answer never
 * holds back the next request; a request's latency counts from when it was due.
 */
async function openModel(pid: number, journeys: WalkedJourney[], steps: { path: string; cookie: string }[], citizenCookie: string, staffCookie: string): Promise<OpenResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  // Of the page views, Mina sidor one in ten and the inbox one in twenty; the rest e-tjänst steps.
  const pageAt = (i: number): { kind: string; path: string; cookie: string } =>
    i % 10 === 3 ? { kind: 'Mina sidor', path: '/mina-sidor', cookie: citizenCookie } : i % 20 === 7 ? { kind: 'inbox', path: '/handlaggning', cookie: staffCookie } : { kind: 'e-tjänst step', ...steps[i % steps.length]! };
  const latencies: number[] = [];
  const byKind = new Map<string, number[]>();
  let failed = 0;
  let sendsOk = 0;
  let late = 0;
  const pending: Promise<void>[] = [];
  const request = (kind: string, due: number, opts: http.RequestOptions, body: string | undefined, expect: number) =>
    new Promise<void>((resolve) => {
      const req = http.request({ host: '127.0.0.1', port: PORT, agent, ...opts }, (res) => {
        res.resume();
        res.on('end', () => {
          const ms = performance.now() - due;
          latencies.push(ms);
          (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(ms);
          if (res.statusCode !== expect) failed++;
          else if (kind === 'submission') sendsOk++;
          resolve();
        });
      });
      req.on('error', () => {
        failed++;
        resolve();
      });
      req.end(body);
    });
  resetPeakRss(pid);
  const c0 = cpuMs(pid);
  const t0 = performance.now();
  let pages = 0;
  let sends = 0;
  const end = t0 + OPEN_SECONDS * 1000;
  while (performance.now() < end) {
    const now = performance.now();
    const elapsed = (now - t0) / 1000;
    // Request i is due at i / rate seconds: sent as soon as that time has come.
    for (; pages <= elapsed * PAGE_RATE; pages++) {
      const due = t0 + (pages / PAGE_RATE) * 1000;
      if (now - due > 20) late++;
      const p = pageAt(pages);
      pending.push(request(p.kind, due, { method: 'GET', path: p.path, headers: { cookie: p.cookie } }, undefined, 200));
    }
    for (; sends <= elapsed * SUBMIT_RATE; sends++) {
      const due = t0 + (sends / SUBMIT_RATE) * 1000;
      if (now - due > 20) late++;
      const j = journeys[sends % journeys.length]!;
      const body = `token=${randomBytes(18).toString('base64url')}`;
      pending.push(request('submission', due, { method: 'POST', path: j.send.path, headers: { cookie: j.send.cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), 'x-forwarded-for': `192.0.2.${(sends % 250) + 1}` } }, body, 303));
    }
    await sleep(2);
  }
  await Promise.all(pending);
  const wall = performance.now() - t0;
  const cpu = cpuMs(pid) - c0;
  agent.destroy();
  const all = summarise(latencies);
  return {
    ...all,
    max: Math.max(...latencies),
    failed,
    late,
    sendsOk,
    byKind: new Map([...byKind].map(([k, xs]) => [k, summarise(xs)])),
    peakMb: peakRssMb(pid),
    cpuPerRequest: cpu / Math.max(1, latencies.length),
    cpuShare: cpu / wall,
  };
}

function environment(): string {
  const cpus = readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm)?.length ?? 0;
  const model = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  return `Node ${process.version}, ${cpus} × ${model}, load average ${load}`;
}

function build(work: string): string {
  if (process.env.BENCH_DIST) return path.resolve(process.env.BENCH_DIST);
  const out = path.join(work, 'dist');
  console.log(`Building the portal into ${out} …`);
  const astro = path.resolve('node_modules', '.bin', 'astro');
  const r = spawnSync(astro, ['build', '--outDir', out], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) throw new Error('astro build failed');
  return out;
}

async function waitFor(url: string, child: ChildProcess, errors: () => string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited at start:\n${errors()}`);
    try {
      await fetch(url, { redirect: 'manual' });
      return;
    } catch {
      await sleep(200);
    }
  }
  throw new Error(`${url} did not answer within 30 s:\n${errors()}`);
}

async function startPortal(dist: string, databaseUrl: string, work: string, children: ChildProcess[]): Promise<ChildProcess> {
  const child = spawnBuiltPortal(dist, {
    HOST: '127.0.0.1',
    PORT: String(PORT),
    PUBLIC_ORIGIN: ORIGIN,
    DATABASE_URL: databaseUrl,
    DEMO_MODE: 'false',
    COOKIE_SECRET: randomBytes(32).toString('base64url'),
    DATA_DIR: path.join(work, 'data'),
    NODE_ENV: 'production',
    DELIVERY_WORKER: 'false',
    // The clients' addresses come from X-Forwarded-For, as behind the municipality's proxy.
    TRUST_PROXY: 'true',
    // Each client sends far more than a person would: the limit stays on (checked and counted) but out of reach.
    SUBMISSION_RATE_LIMIT_PER_HOUR: '1000000',
  });
  let errors = '';
  child.stderr?.on('data', (d: Buffer) => {
    errors = (errors + d.toString()).slice(-4000);
  });
  children.push(child);
  await waitFor(`${ORIGIN}/`, child, () => errors);
  return child;
}

/**
 * Sets a process's peak resident set (VmHWM) back to its current one (Linux: `5` written to
 * /proc/<pid>/clear_refs), so that the next reading is the peak since; false where that is not possible.
 */
function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  return kb / 1024;
}

const answers: [string, Record<string, string>][] = [
  ['typ', { typ: 'synpunkt' }],
  ['verksamhet', { verksamhet: 'ifo' }],
  ['berattelse', { vadHande: 'Väntetiden i telefon var lång.' }],
  ['var-och-nar', { var: 'Receptionen' }],
  ['anonym', { anonym: 'ja' }],
];

async function step(jar: Jar, p: string, fields?: Record<string, string>): Promise<{ status: number; body: string }> {
  const res = await fetch(`${ORIGIN}${p}`, fields
    ? { method: 'POST', headers: { cookie: jar.header(), origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(), redirect: 'manual' }
    : { headers: { cookie: jar.header() }, redirect: 'manual' });
  jar.apply(res);
  return { status: res.status, body: await res.text() };
}

type Weight = { path: string; html: number; css: number; js: number };

/** Every page of the journey as a citizen sees it, with the bytes of what it links. */
async function pageWeights(): Promise<{ pages: Weight[]; reference: string | undefined }> {
  const jar = new Jar();
  const assets = new Map<string, number>();
  const asset = async (href: string) => {
    if (!assets.has(href)) assets.set(href, (await (await fetch(new URL(href, ORIGIN))).arrayBuffer()).byteLength);
    return assets.get(href)!;
  };
  const weigh = async (p: string, body: string): Promise<Weight> => {
    let css = 0;
    let js = 0;
    for (const m of body.matchAll(/<link\b[^>]*>/g)) {
      const href = /href="([^"]+)"/.exec(m[0])?.[1];
      if (href && /rel="stylesheet"/.test(m[0])) css += await asset(href);
    }
    for (const m of body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const src = /src="([^"]+)"/.exec(m[1]!)?.[1];
      // Structured data is not a script that runs.
      if (/type="application\/(ld\+)?json"/.test(m[1]!)) continue;
      js += src ? await asset(src) : Buffer.byteLength(m[2]!);
    }
    return { path: p, html: Buffer.byteLength(body), css, js };
  };
  const out: Weight[] = [];
  const start = await step(jar, JOURNEY);
  out.push(await weigh(JOURNEY, start.body));
  for (const [page, fields] of answers) {
    const shown = await step(jar, `${JOURNEY}/${page}`);
    if (shown.status !== 200) throw new Error(`${page}: ${shown.status}`);
    out.push(await weigh(`${JOURNEY}/${page}`, shown.body));
    await step(jar, `${JOURNEY}/${page}`, fields);
  }
  const check = await step(jar, `${JOURNEY}/kontrollera`);
  out.push(await weigh(`${JOURNEY}/kontrollera`, check.body));
  const token = /name="token" value="([^"]+)"/.exec(check.body)?.[1] ?? '';
  const sent = await step(jar, `${JOURNEY}/kontrollera`, { token });
  if (sent.status !== 303) throw new Error(`sending: ${sent.status}`);
  const done = await step(jar, `${JOURNEY}/klart`);
  if (done.status !== 200) throw new Error(`confirmation: ${done.status}`);
  out.push(await weigh(`${JOURNEY}/klart`, done.body));
  return { pages: out, reference: /class="reference">(\d{4}-\d{6,})</.exec(done.body)?.[1] };
}


process.exitCode = await run().catch((e: unknown) => {
  console.error('The HTTP benchmark failed:', e);
  return 1;
});
