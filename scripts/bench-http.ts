/**
 * HTTP benchmark: `node scripts/bench-http.ts` (also run by `npm run bench`).
 *
 * Its targets and baselines are withdrawn (docs/performance.md, docs/adr/0010): they compared the
 * portal with bare servers doing none of its work. It is kept running until benchmarks that
 * compare like with like replace it; its correctness checks (every confirmed submission stored and
 * audited once, page weight, no script required) still hold.
 *
 * Starts the built portal on PostgreSQL (a database `st_bench_http_<random>` created on the server
 * of DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres, dropped at the end) and,
 * side by side in the same run, bare `node:http` servers in processes of their own, then measures
 * with autocannon (50 connections, a short warm-up, then BENCH_SECONDS (10) seconds each; the
 * portal and its baseline in BENCH_ROUNDS (3) alternating rounds, medians reported):
 *
 *  1. the start page of an e-tjänst (/e-tjanster/kontakta-socialtjansten): the portal vs a bare
 *     server answering the same bytes. Target: the portal ≥ 50 % of the bare rate. The portal
 *     renders it for every request (it keeps no pages; a reverse proxy may), with and without a
 *     cookie.
 *  2. submissions: the check-answers POST of a filled-in journey (synpunkter-och-klagomal), each
 *     with a form token of its own, so each is a new case: the journey validated, the rate limit
 *     per address checked and counted, the submission, its audit event and outbox rows written in
 *     one transaction (src/server/submissions.ts), 303 to the confirmation, as for a citizen not
 *     logged in (beside it, for comparison, the same POST without the journey's cookie: a redirect
 *     before any database work, the framework's own cost). Against a bare server with a `pg` pool that inserts
 *     each posted body as one row. Target: the portal ≥ 40 % of the bare rate, p99 < 100 ms.
 *  3. the portal's peak memory (VmHWM of its process, the peak resident set) under the submission
 *     load, set back to the current resident set before it (Linux's clear_refs); the peak under
 *     each of the other loads and the highest of all are printed beside. Target: < 250 MB under
 *     the submission load. Where the peak cannot be set back, the highest over all loads is held
 *     to the target.
 *  4. the bytes of every citizen page of that journey (start page, each question, check answers,
 *     confirmation): the HTML plus the stylesheets it links. Target: < 50 KB uncompressed per page.
 *     The walk itself runs no script (plain HTTP, as a browser without JavaScript), so it shows
 *     that no JavaScript is required; the bytes of the optional scripts a page links (e.g. the
 *     quick exit's history replacement) are printed beside.
 *
 * Prints each figure with its ratio and exits 1 when a target is missed. The build: BENCH_DIST
 * names a built portal (the folder holding server/entry.mjs); unset, the portal is built into a
 * temporary folder first. Ports: BENCH_PORT (4800) and the two after it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import pg from 'pg';
import { onServer as onServerOf } from './bench-common.ts';
import { Jar, spawnBuiltPortal } from './built-portal.ts';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Rounds of the portal and its baseline, alternating (see sideBySide). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP_SECONDS = 3;
const PORT = Number(process.env.BENCH_PORT ?? 4800);
const STATIC_PORT = PORT + 1;
const INSERT_PORT = PORT + 2;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const START_PAGE = '/e-tjanster/kontakta-socialtjansten';
const SERVICE = 'synpunkter-och-klagomal';
const JOURNEY = `/e-tjanster/${SERVICE}`;

const TARGET = { pageRatio: 0.5, submitRatio: 0.4, p99Ms: 100, rssMb: 250, pageKb: 50 };

// ---------------------------------------------------------------------------------------------
// ---------------------------------------------------------------------------------------------

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
    await onServer(`create database ${dbName}`);
    dbCreated = true;
    const portal = await startPortal(dist, dbUrl, work, children);
    const env = environment();
    console.log(`Portal from ${dist} on ${ORIGIN} (PostgreSQL database ${dbName}); ${CONNECTIONS} connections, ${SECONDS} s per measurement.`);
    console.log(env);

    // 1. An e-tjänst's start page.
    const page = await fetch(`${ORIGIN}${START_PAGE}`);
    if (page.status !== 200) throw new Error(`${START_PAGE} answered ${page.status}`);
    const pageFile = path.join(work, 'start.html');
    writeFileSync(pageFile, Buffer.from(await page.arrayBuffer()));
    await startChild(['--serve-static', String(STATIC_PORT), pageFile, page.headers.get('content-type') ?? 'text/html'], STATIC_PORT, children);
    // The peak resident set under each load: set back to the current one before it, read after it.
    const peaks: [string, number][] = [['at start', peakRssMb(portal.pid!)]];
    let peaksPerLoad = true;
    const measured = async <R>(what: string, f: () => Promise<R>): Promise<R> => {
      peaksPerLoad = resetPeakRss(portal.pid!) && peaksPerLoad;
      const r = await f();
      peaks.push([what, peakRssMb(portal.pid!)]);
      return r;
    };
    const startPages = await measured('start page', () => sideBySide({ url: `${ORIGIN}${START_PAGE}` }, { url: `http://127.0.0.1:${STATIC_PORT}/` }));
    const { portal: portalPage, bare: barePage } = startPages;
    // For comparison: the same page for a visitor whose request carries a cookie (a journey in
    // progress, a login), which a reverse proxy would never answer from its cache either.
    const renderedPage = await measured('rendered each time', () => load({ url: `${ORIGIN}${START_PAGE}`, headers: { cookie: 'besok=1' } }));

    // 2. Submissions.
    const c = new pg.Client({ connectionString: dbUrl });
    c.on('error', () => undefined);
    await c.connect();
    await c.query('create table bare_submissions (id bigserial primary key, body text not null, received_at timestamptz not null default now())');
    const before = Number((await c.query<{ n: string }>('select count(*) as n from submissions')).rows[0]!.n);
    const cookie = await filledInJourney();
    // Each POST with a form token of its own: a new submission every time. The 50 clients are 50
    // invånare, each with an address of its own, behind the portal's proxy (TRUST_PROXY: the
    // address is the proxy's X-Forwarded-For), as in production; the per-address limit is checked
    // and counted for each.
    let sent = 0;
    const submit = (port: number, p: string, headers: Record<string, string>, addresses = CONNECTIONS): autocannon.Options => ({
      url: `http://127.0.0.1:${port}`,
      requests: [
        {
          method: 'POST',
          path: p,
          headers,
          setupRequest: (req) => ({
            ...req,
            headers: { ...req.headers, 'x-forwarded-for': `198.51.100.${(sent++ % addresses) + 1}` },
            body: `token=${randomBytes(18).toString('base64url')}`,
          }),
        },
      ],
    });
    const form = { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN };
    await startChild(['--serve-insert', String(INSERT_PORT), dbUrl], INSERT_PORT, children);
    const submissions = await measured('submissions', () => sideBySide(submit(PORT, `${JOURNEY}/kontrollera`, { ...form, cookie }), submit(INSERT_PORT, '/', form), true));
    const { portal: portalSubmit, bare: bareSubmit } = submissions;
    // For comparison: all 50 clients from one address (one counter row that every submission updates).
    const oneAddress = await measured('one address', () => load(submit(PORT, `${JOURNEY}/kontrollera`, { ...form, cookie }, 1), true));
    // For comparison: the same POST without the journey's cookie, which the page answers with a
    // redirect to the journey's first page before any database work: the cost of a form post
    // through the framework, the middleware and the page alone.
    const framework = await measured('no database work', () => load(submit(PORT, `${JOURNEY}/kontrollera`, form), true));
    const stored = Number((await c.query<{ n: string }>('select count(*) as n from submissions')).rows[0]!.n) - before;
    const confirmed = portalSubmit.okWithWarmUp + oneAddress.okWithWarmUp;
    const audited = Number((await c.query<{ n: string }>("select count(*) as n from audit_events where action = 'submission.received'")).rows[0]!.n);
    await c.end();

    // 3. Peak memory of the portal process.
    // The target is the peak under the submission load; the highest under any load is printed beside.
    const highestMb = Math.max(...peaks.map(([, mb]) => mb));
    const peakMb = peaksPerLoad ? peaks.find(([what]) => what === 'submissions')![1] : highestMb;

    // 4. Page weight.
    const { pages, reference: walkedTo } = await pageWeights();

    // The figures.
    const pageRatio = startPages.ratio;
    const submitRatio = submissions.ratio;
    const heaviest = Math.max(...pages.map((p) => p.html + p.css));
    const checks = [
      { what: `start page rate ≥ ${TARGET.pageRatio * 100} % of bare node:http`, ok: pageRatio >= TARGET.pageRatio },
      { what: `submission rate ≥ ${TARGET.submitRatio * 100} % of bare node:http + pg`, ok: submitRatio >= TARGET.submitRatio },
      { what: `submission p99 < ${TARGET.p99Ms} ms`, ok: portalSubmit.p99 < TARGET.p99Ms },
      // Each load ends with up to CONNECTIONS submissions in flight: stored, but their answers not awaited.
      { what: 'every submission answered with a confirmation, stored and audited once', ok: stored >= confirmed && stored - confirmed <= (portalSubmit.loads + oneAddress.loads) * CONNECTIONS && stored === audited && portalSubmit.failed === 0 && oneAddress.failed === 0 },
      { what: `peak RSS under the submission load < ${TARGET.rssMb} MB`, ok: peakMb < TARGET.rssMb },
      { what: `every citizen page < ${TARGET.pageKb} KB HTML + CSS`, ok: heaviest < TARGET.pageKb * 1024 },
      // pageWeights() walked the journey with plain HTTP, running no script: it must have reached a reference number.
      { what: 'the journey is completed and sent without running any script (0 KB required JS)', ok: walkedTo !== undefined },
    ];
    const f = (n: number) => n.toFixed(0).padStart(7);
    console.log('\nHTTP benchmark');
    console.log(`  start page ${START_PAGE}`);
    console.log(`    portal            ${f(portalPage.rate)} req/s   p50 ${portalPage.p50} ms   p99 ${portalPage.p99} ms`);
    console.log(`    bare node:http    ${f(barePage.rate)} req/s   p50 ${barePage.p50} ms   p99 ${barePage.p99} ms`);
    console.log(`    ratio             ${(pageRatio * 100).toFixed(1)} %   (${(page.headers.get('content-length') ?? readFileSync(pageFile).length).toString()} bytes; median of ${ROUNDS} rounds: ${rounds(startPages)})`);
    console.log(`    rendered each time ${f(renderedPage.rate)} req/s   p50 ${renderedPage.p50} ms   p99 ${renderedPage.p99} ms   (${((renderedPage.rate / barePage.rate) * 100).toFixed(1)} % of bare; a request with a cookie)`);
    console.log(`  submissions (check-answers POST → limit, case, audit event, deliveries, notifications: one transaction)`);
    console.log(`    portal            ${f(portalSubmit.rate)} /s      p50 ${portalSubmit.p50} ms   p99 ${portalSubmit.p99} ms   (all loads with their warm-ups: ${confirmed} confirmed, ${stored} stored, ${audited} audited, ${portalSubmit.failed + oneAddress.failed} other answers)`);
    console.log(`    bare node:http+pg ${f(bareSubmit.rate)} /s      p50 ${bareSubmit.p50} ms   p99 ${bareSubmit.p99} ms`);
    console.log(`    one address       ${f(oneAddress.rate)} /s      p50 ${oneAddress.p50} ms   p99 ${oneAddress.p99} ms   (${((oneAddress.rate / bareSubmit.rate) * 100).toFixed(1)} % of bare; all 50 clients from one address, whose one counter row every submission updates)`);
    console.log(`    no database work  ${f(framework.rate)} /s      p50 ${framework.p50} ms   p99 ${framework.p99} ms   (${((framework.rate / bareSubmit.rate) * 100).toFixed(1)} % of bare; the POST without a journey, answered with a redirect before any database work)`);
    console.log(`    ratio             ${(submitRatio * 100).toFixed(1)} %   (median of ${ROUNDS} rounds: ${rounds(submissions)})`);
    console.log(
      peaksPerLoad
        ? `  portal peak RSS     ${peakMb.toFixed(0)} MB under the submission load (VmHWM, set back before each load); under each: ${peaks.map(([what, mb]) => `${what} ${mb.toFixed(0)}`).join(', ')}; highest ${highestMb.toFixed(0)} MB`
        : `  portal peak RSS     ${peakMb.toFixed(0)} MB over all loads (VmHWM; it could not be set back between loads here); after each: ${peaks.map(([what, mb]) => `${what} ${mb.toFixed(0)}`).join(', ')}`,
    );
    console.log(`  citizen pages of ${SERVICE} (uncompressed bytes)`);
    for (const p of pages) console.log(`    ${p.path.padEnd(48)} HTML ${String(p.html).padStart(6)}  CSS ${String(p.css).padStart(6)}  = ${((p.html + p.css) / 1024).toFixed(1).padStart(5)} KB   optional JS ${p.js}`);
    console.log('');
    for (const ch of checks) console.log(`  ${ch.ok ? '✓' : '✗'} ${ch.what}`);
    return checks.every((ch) => ch.ok) ? 0 : 1;
  } finally {
    for (const ch of children) if (ch.exitCode === null) ch.kill('SIGTERM');
    await sleep(300);
    if (dbCreated) await onServer(`drop database if exists ${dbName} with (force)`).catch((e: unknown) => console.error('could not drop', dbName, e));
    rmSync(work, { recursive: true, force: true });
  }
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

async function startChild(args: string[], port: number, children: ChildProcess[]): Promise<void> {
  const child = spawn(process.execPath, [path.resolve('scripts/bench-http.ts'), ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  await waitFor(`http://127.0.0.1:${port}/`, child, () => '');
}

/**
 * `rate`, `p50`, `p99` of the measurement; `failed` (answers other than the expected one, errors,
 * time-outs) and `okWithWarmUp` over every load including warm-ups; `loads` how many there were.
 */
type Load = { rate: number; p50: number; p99: number; failed: number; okWithWarmUp: number; loads: number };

async function run1(opts: autocannon.Options, seconds: number, redirects: boolean): Promise<{ ok: number; failed: number; p50: number; p99: number }> {
  const r = await autocannon({ ...opts, connections: CONNECTIONS, duration: seconds });
  const ok = redirects ? r['3xx'] : r['2xx'];
  return { ok, failed: r.requests.total - ok + r.errors + r.timeouts, p50: r.latency.p50, p99: r.latency.p99 };
}

/** A warm-up, then the measurement. `redirects`: a 303 is the expected answer, otherwise a 200. */
async function load(opts: autocannon.Options, redirects = false): Promise<Load> {
  const w = await run1(opts, WARMUP_SECONDS, redirects);
  const r = await run1(opts, SECONDS, redirects);
  return { rate: r.ok / SECONDS, p50: r.p50, p99: r.p99, failed: w.failed + r.failed, okWithWarmUp: w.ok + r.ok, loads: 2 };
}

type Round = { portal: number; bare: number; p99: number };
type SideBySide = { portal: Load; bare: Load; ratio: number; rounds: Round[] };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The portal and its baseline measured in alternating rounds (portal first, then baseline first,
 * …) after a warm-up of each: a shared machine's speed drifts by ±15–20 % within minutes, and
 * alternating lets the drift fall on both alike. The ratio is the median of the rounds' ratios;
 * each side's rate, p50 and p99 the medians of its rounds.
 */
async function sideBySide(portalOpts: autocannon.Options, bareOpts: autocannon.Options, redirects = false): Promise<SideBySide> {
  const warm = [await run1(portalOpts, WARMUP_SECONDS, redirects), await run1(bareOpts, WARMUP_SECONDS, redirects)];
  const portal: Awaited<ReturnType<typeof run1>>[] = [];
  const bare: Awaited<ReturnType<typeof run1>>[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    if (i % 2 === 0) {
      portal.push(await run1(portalOpts, SECONDS, redirects));
      bare.push(await run1(bareOpts, SECONDS, redirects));
    } else {
      bare.push(await run1(bareOpts, SECONDS, redirects));
      portal.push(await run1(portalOpts, SECONDS, redirects));
    }
  }
  const rounds = portal.map((p, i) => ({ portal: p.ok / SECONDS, bare: bare[i]!.ok / SECONDS, p99: p.p99 }));
  const summary = (runs: typeof portal, w: (typeof warm)[number]): Load => {
    return { rate: median(runs.map((r) => r.ok)) / SECONDS, p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)), failed: w.failed + runs.reduce((s, r) => s + r.failed, 0), okWithWarmUp: w.ok + runs.reduce((s, r) => s + r.ok, 0), loads: runs.length + 1 };
  };
  return { portal: summary(portal, warm[0]!), bare: summary(bare, warm[1]!), ratio: median(rounds.map((r) => r.portal / r.bare)), rounds };
}

/** Each round's ratio (and the portal's p99), for the printout. */
const rounds = (s: SideBySide) => s.rounds.map((r) => `${((r.portal / r.bare) * 100).toFixed(1)} % p99 ${r.p99} ms`).join(', ');

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

/** The journey's cookie with every answer given, so check-answers can be posted again and again. */
async function filledInJourney(): Promise<string> {
  const jar = new Jar();
  await step(jar, `${JOURNEY}/typ`);
  for (const [page, fields] of answers) {
    const r = await step(jar, `${JOURNEY}/${page}`, fields);
    if (r.status !== 303) throw new Error(`${page}: expected 303, got ${r.status}`);
  }
  const check = await step(jar, `${JOURNEY}/kontrollera`);
  if (check.status !== 200) throw new Error(`check-answers page: ${check.status}`);
  return jar.header();
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

// ---------------------------------------------------------------------------------------------
// The bare servers, each run as `node scripts/bench-http.ts --serve-…` in a process of its own.

const mode = process.argv[2];
if (mode === '--serve-static') {
  const [port, file, type] = process.argv.slice(3) as [string, string, string];
  const body = readFileSync(file);
  http
    .createServer((_req, res) => {
      res.writeHead(200, { 'content-type': type, 'content-length': body.length });
      res.end(body);
    })
    .listen(Number(port), '127.0.0.1');
} else if (mode === '--serve-insert') {
  const [port, databaseUrl] = process.argv.slice(3) as [string, string];
  // The portal's own pool size (db/client.ts).
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  pool.on('error', () => undefined);
  http
    .createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        pool.query('insert into bare_submissions (body) values ($1)', [body]).then(
          () => {
            res.writeHead(303, { location: '/klart', 'content-length': 0 });
            res.end();
          },
          () => {
            res.writeHead(503, { 'content-length': 0 });
            res.end();
          },
        );
      });
    })
    .listen(Number(port), '127.0.0.1');
} else {
  process.exitCode = await run().catch((e: unknown) => {
    console.error('The HTTP benchmark failed:', e);
    return 1;
  });
}
