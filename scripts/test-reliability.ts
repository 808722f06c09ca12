/**
 * `npm run test:reliability`: nothing is lost when the database goes away under load.
 *
 * Starts a PostgreSQL server of its own (initdb into a temporary folder, its own port and socket
 * folder; never the machine's cluster), starts the built portal on it, and sends
 * RELIABILITY_SUBMISSIONS (2,000) anonymous synpunkter from RELIABILITY_CLIENTS (50) concurrent
 * clients over HTTP. Each client walks the journey like a browser without JavaScript, with its own
 * cookie jar: GET the pages, POST each answer with the Origin header, POST check-answers, GET the
 * confirmation. When 40 % are confirmed, PostgreSQL is stopped, kept down for a moment and started
 * again; the portal is not restarted. RELIABILITY_HELD (10) more journeys are filled in before the
 * run and sent while it is down, so that sending into the outage is exercised on every run.
 *
 * It then asserts:
 *  - every submission that got a confirmation page with a reference number is in the database
 *    exactly once under that reference, with its own answers;
 *  - every one that did not got a 503 page saying the answers are kept, and its check-answers page
 *    still shows them; sending it again later with the same form token succeeds (and, had the first
 *    attempt committed after all, yields the same reference: the idempotency token);
 *  - every page before sending that needs the database (the e-tjänst's life cycle) answers 503
 *    with the answers kept while it is down, never another status, and works again after;
 *  - a double click (the same token posted twice at once) yields one case and one reference;
 *  - nothing else: no other status, no connection error, no row without a confirmation.
 * It prints a summary and "N passed, N failed" (one check per assertion group plus one per
 * submission) and exits non-zero on any violation.
 *
 * The build: RELIABILITY_DIST names a built portal (the folder holding server/entry.mjs, e.g.
 * `dist`); unset, the portal is built into a temporary folder first (`astro build --outDir`).
 *
 * PostgreSQL: a server of its own (scripts/own-postgres.ts).
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { spawnBuiltPortal } from './built-portal.ts';
import { ownPostgres } from './own-postgres.ts';

const TOTAL = Number(process.env.RELIABILITY_SUBMISSIONS ?? 2000);
const CLIENTS = Number(process.env.RELIABILITY_CLIENTS ?? 50);
const PORT = Number(process.env.RELIABILITY_PORT ?? 4710);
const PG_PORT = Number(process.env.RELIABILITY_PG_PORT ?? 5710);
/** How long PostgreSQL stays down in the middle of the run. */
const DOWN_MS = Number(process.env.RELIABILITY_DOWN_MS ?? 2000);
/** Journeys filled in beforehand and sent while PostgreSQL is down (half of them as a double click). */
const HELD = Number(process.env.RELIABILITY_HELD ?? 10);
const SERVICE = 'synpunkter-och-klagomal';
const ORIGIN = `http://127.0.0.1:${PORT}`;
const BASE = `${ORIGIN}/e-tjanster/${SERVICE}`;
/**
 * The Swedish "your answers are kept" sentences: of check-answers' notice when sending failed
 * (common.json unavailable.body), and of the "temporarily unavailable" page that any page of an
 * e-tjänst answers when it cannot read the database (temporarilyUnavailable.answersKept).
 */
const ANSWERS_KEPT = ['Dina svar finns kvar', 'Det du har svarat hittills i e-tjänsten finns kvar'];
const saysAnswersKept = (html: string) => ANSWERS_KEPT.some((s) => html.includes(s));

const work = mkdtempSync(path.join(tmpdir(), 'st-reliability-'));
const children: ChildProcess[] = [];
/** The end of what the portal wrote to stderr, shown when it exits. */
let portalErrors = () => '';
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// PostgreSQL of our own

const postgres = ownPostgres(work, PG_PORT);
const pgDir = postgres.dir;
const pgStart = () => postgres.start();
const pgStop = () => postgres.stop('fast');

// ---------------------------------------------------------------------------------------------
// The portal

function build(): string {
  if (process.env.RELIABILITY_DIST) return path.resolve(process.env.RELIABILITY_DIST);
  const out = path.join(work, 'dist');
  console.log(`Building the portal into ${out} …`);
  const r = spawnSync('astro', ['build', '--outDir', out], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) throw new Error('astro build failed');
  return out;
}

async function startPortal(dist: string, databaseUrl: string): Promise<ChildProcess> {
  const child = spawnBuiltPortal(dist, {
    HOST: '127.0.0.1',
    PORT: String(PORT),
    PUBLIC_ORIGIN: ORIGIN,
    DATABASE_URL: databaseUrl,
    DEMO_MODE: 'false',
    COOKIE_SECRET: randomBytes(32).toString('base64url'),
    DATA_DIR: path.join(work, 'data'),
    NODE_ENV: 'production',
    // Every submission comes from 127.0.0.1: the per-address limit would refuse most of them.
    SUBMISSION_RATE_LIMIT_PER_HOUR: '0',
  });
  let errors = '';
  child.stderr?.on('data', (d: Buffer) => {
    errors = (errors + d.toString()).slice(-4000);
  });
  children.push(child);
  portalErrors = () => errors;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`the portal exited at start:\n${errors}`);
    try {
      const res = await fetch(`${BASE}`);
      if (res.status === 200) return child;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`the portal did not answer within 20 s:\n${errors}`);
}

// ---------------------------------------------------------------------------------------------
// A client: a cookie jar and the journey

class Jar {
  cookies = new Map<string, string>();
  apply(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  clone(): Jar {
    const j = new Jar();
    j.cookies = new Map(this.cookies);
    return j;
  }
}

class Violation extends Error {}

async function get(jar: Jar, url: string): Promise<{ status: number; body: string; location: string | null }> {
  const res = await fetch(url, { headers: { cookie: jar.header() }, redirect: 'manual' });
  jar.apply(res);
  return { status: res.status, body: await res.text(), location: res.headers.get('location') };
}

async function post(jar: Jar, url: string, fields: Record<string, string>): Promise<{ status: number; body: string; location: string | null }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { cookie: jar.header(), origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
  jar.apply(res);
  return { status: res.status, body: await res.text(), location: res.headers.get('location') };
}

function expectRedirect(r: { status: number; location: string | null }, to: string, step: string): void {
  if (r.status !== 303 || !r.location?.endsWith(to)) throw new Violation(`${step}: expected 303 to ${to}, got ${r.status} ${r.location ?? ''}`);
}

const referenceOf = (html: string) => /class="reference">([^<]+)</.exec(html)?.[1];
const tokenOf = (html: string) => /name="token" value="([^"]+)"/.exec(html)?.[1];

type Outcome = {
  n: number;
  marker: string;
  reference?: string;
  /** The first send answered 503 with the answers kept. */
  unavailable: boolean;
  /** Pages before sending answered 503 with the answers kept (taken again once the database was back). */
  pagesUnavailable: number;
  retries: number;
  doubleClick: boolean;
  violation?: string;
};

async function confirmation(jar: Jar): Promise<string> {
  const done = await get(jar, `${BASE}/klart`);
  const ref = done.status === 200 ? referenceOf(done.body) : undefined;
  if (!ref) throw new Violation(`confirmation page: status ${done.status}, no reference number`);
  return ref;
}

/**
 * One page of the journey: while the database is down, a page that reads it answers 503 with
 * Retry-After and says the answers are kept; the step is taken again once the database is back.
 */
async function unlessDown(out: Outcome, waitForDb: () => Promise<void>, step: () => Promise<{ status: number; body: string; location: string | null }>): Promise<{ status: number; body: string; location: string | null }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const r = await step();
    if (r.status !== 503) return r;
    if (!saysAnswersKept(r.body)) throw new Violation('a page answered 503 without saying the answers are kept');
    out.pagesUnavailable += 1;
    await waitForDb();
    await sleep(200);
  }
  throw new Violation('a page still answered 503 with the database up');
}

/** Fills in the journey up to check-answers; returns the form token shown there. */
async function fillIn(jar: Jar, marker: string, out: Outcome, waitForDb: () => Promise<void>): Promise<string> {
  const step = (s: () => ReturnType<typeof get>) => unlessDown(out, waitForDb, s);
  const first = await step(() => get(jar, `${BASE}/typ`));
  if (first.status !== 200) throw new Violation(`first page: status ${first.status}`);
  expectRedirect(await step(() => post(jar, `${BASE}/typ`, { typ: 'synpunkt' })), '/verksamhet', 'typ');
  expectRedirect(await step(() => post(jar, `${BASE}/verksamhet`, { verksamhet: 'ifo' })), '/berattelse', 'verksamhet');
  expectRedirect(await step(() => post(jar, `${BASE}/berattelse`, { vadHande: `${marker}: väntetiden i telefon var lång.` })), '/var-och-nar', 'berattelse');
  expectRedirect(await step(() => post(jar, `${BASE}/var-och-nar`, { var: 'Receptionen' })), '/anonym', 'var-och-nar');
  expectRedirect(await step(() => post(jar, `${BASE}/anonym`, { anonym: 'ja' })), '/kontrollera', 'anonym');
  const check = await step(() => get(jar, `${BASE}/kontrollera`));
  const token = tokenOf(check.body);
  if (check.status !== 200 || !token) throw new Violation(`check-answers page: status ${check.status}`);
  if (!check.body.includes(marker)) throw new Violation('check-answers page does not show the answers');
  return token;
}

/** Posts check-answers: the reference, or 'unavailable' after a proper 503 page. */
async function send(jar: Jar, token: string): Promise<string | 'unavailable'> {
  const r = await post(jar, `${BASE}/kontrollera`, { token });
  if (r.status === 503) {
    if (!saysAnswersKept(r.body)) throw new Violation('503 without the "answers are kept" notice');
    return 'unavailable';
  }
  expectRedirect(r, '/klart', 'send');
  return confirmation(jar);
}

async function journey(n: number, runId: string, doubleClick: boolean, waitForDb: () => Promise<void>): Promise<Outcome> {
  const held = await holdJourney(n, runId, waitForDb);
  return 'out' in held ? sendHeld(held, doubleClick, waitForDb) : held;
}

type Held = { out: Outcome; jar: Jar; token: string };

/** A journey filled in up to check-answers and not yet sent (or its outcome, if filling in failed). */
async function holdJourney(n: number, runId: string, waitForDb: () => Promise<void>): Promise<Held | Outcome> {
  const marker = `TT-${runId}-${String(n).padStart(5, '0')}`;
  const out: Outcome = { n, marker, unavailable: false, pagesUnavailable: 0, retries: 0, doubleClick: false };
  const jar = new Jar();
  try {
    return { out, jar, token: await fillIn(jar, marker, out, waitForDb) };
  } catch (e) {
    out.violation = e instanceof Violation ? e.message : `request failed: ${e instanceof Error ? e.message : String(e)}`;
    return out;
  }
}

/** Sends a filled-in journey; after a 503 "answers kept", checks the answers are there and sends again once the database is back. */
async function sendHeld({ out, jar, token }: Held, doubleClick: boolean, waitForDb: () => Promise<void>): Promise<Outcome> {
  const { marker } = out;
  out.doubleClick = doubleClick;
  try {
    if (doubleClick) {
      // Two posts of the same form at once, each with its own copy of the browser's cookies.
      const a = jar.clone();
      const b = jar.clone();
      const [ra, rb] = await Promise.all([send(a, token), send(b, token)]);
      if (ra === 'unavailable' || rb === 'unavailable') {
        out.unavailable = true;
      } else {
        if (ra !== rb) throw new Violation(`double click gave two references: ${ra} and ${rb}`);
        out.reference = ra;
        return out;
      }
    } else {
      const r = await send(jar, token);
      if (r !== 'unavailable') {
        out.reference = r;
        return out;
      }
      out.unavailable = true;
    }
    // Not received: the answers must still be there, and sending again later must work.
    while (out.retries < 5) {
      await waitForDb();
      out.retries += 1;
      const check = await unlessDown(out, waitForDb, () => get(jar, `${BASE}/kontrollera`));
      if (check.status !== 200 || !check.body.includes(marker)) throw new Violation(`after a 503 the check-answers page lost the answers (status ${check.status})`);
      if (tokenOf(check.body) !== token) throw new Violation('after a 503 the form token changed');
      const r = await send(jar, token);
      if (r !== 'unavailable') {
        out.reference = r;
        return out;
      }
      await sleep(1000);
    }
    throw new Violation('still unavailable after 5 retries with the database up');
  } catch (e) {
    out.violation = e instanceof Violation ? e.message : `request failed: ${e instanceof Error ? e.message : String(e)}`;
    return out;
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const dist = build();
  postgres.init();
  pgStart();
  const databaseUrl = `postgres://postgres@127.0.0.1:${PG_PORT}/postgres`;
  console.log(`PostgreSQL of its own on port ${PG_PORT} (${pgDir}); portal from ${dist} on ${ORIGIN}.`);
  const portal = await startPortal(dist, databaseUrl);
  const runId = randomBytes(4).toString('hex');

  let next = 0;
  let confirmed = 0;
  let dbDown = false;
  let restartDone: Promise<void> | undefined;
  let restartAt = '';
  const waitForDb = async () => {
    while (dbDown) await sleep(100);
  };
  // Journeys filled in before the run and sent while PostgreSQL is down, so that sending during
  // the outage is exercised every run rather than only when a client happens to be at that step.
  const held: Held[] = [];
  const outcomes: Outcome[] = [];
  for (let i = 0; i < HELD; i++) {
    const h = await holdJourney(TOTAL + i, runId, waitForDb);
    if ('out' in h) held.push(h);
    else outcomes.push(h);
  }
  let heldSent: Promise<Outcome[]> = Promise.resolve([]);
  const restart = async () => {
    restartAt = `${confirmed} confirmed, ${elapsed()}`;
    dbDown = true;
    pgStop();
    heldSent = Promise.all(held.map((h, i) => sendHeld(h, i % 2 === 1, waitForDb)));
    await sleep(DOWN_MS);
    pgStart();
    dbDown = false;
  };

  const worker = async () => {
    while (next < TOTAL) {
      const n = next++;
      const o = await journey(n, runId, n % 40 === 7, waitForDb);
      outcomes.push(o);
      if (o.reference) confirmed += 1;
      if (!restartDone && confirmed >= TOTAL * 0.4) restartDone = restart();
    }
  };
  const t0 = Date.now();
  await Promise.all(Array.from({ length: CLIENTS }, worker));
  await restartDone;
  const heldOutcomes = await heldSent;
  outcomes.push(...heldOutcomes);
  const seconds = (Date.now() - t0) / 1000;

  // What the database holds.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ reference: string; marker: string | null }>(
    `select reference, substring(answers->>'vadHande' from '^(TT-[0-9a-f]+-[0-9]+)') as marker from submissions where service_id = $1`,
    [SERVICE],
  );
  await client.end();
  const byRef = new Map<string, string[]>();
  const byMarker = new Map<string, number>();
  for (const r of rows) {
    byRef.set(r.reference, [...(byRef.get(r.reference) ?? []), r.marker ?? '']);
    if (r.marker) byMarker.set(r.marker, (byMarker.get(r.marker) ?? 0) + 1);
  }

  let passed = 0;
  let failed = 0;
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (ok) passed += 1;
    else {
      failed += 1;
      if (problems.length < 20) problems.push(what);
    }
  };
  for (const o of outcomes.sort((a, b) => a.n - b.n)) {
    if (o.violation) check(false, `#${o.n}: ${o.violation}`);
    else if (!o.reference) check(false, `#${o.n}: no confirmation`);
    else {
      const stored = byRef.get(o.reference) ?? [];
      check(stored.length === 1 && stored[0] === o.marker && byMarker.get(o.marker) === 1, `#${o.n}: reference ${o.reference} is stored ${stored.length} time(s) (${stored.join(', ')}), its answers ${byMarker.get(o.marker) ?? 0} time(s)`);
    }
  }
  const unavailable = outcomes.filter((o) => o.unavailable);
  const confirmedRefs = new Set(outcomes.flatMap((o) => (o.reference ? [o.reference] : [])));
  check(outcomes.length === TOTAL + HELD, `${outcomes.length} of ${TOTAL + HELD} journeys ran`);
  check(heldOutcomes.length === HELD && heldOutcomes.every((o) => o.unavailable), `of ${HELD} journeys sent while PostgreSQL was down, ${heldOutcomes.filter((o) => o.unavailable).length} answered 503 "answers kept"`);
  check(rows.length === confirmedRefs.size, `${rows.length} rows in the database for ${confirmedRefs.size} confirmed submissions`);
  check(unavailable.length > 0, 'the restart did not make any submission fail: the outage was not exercised');
  check(portal.exitCode === null, `the portal process exited (${portal.exitCode}):\n${portalErrors()}`);
  // The portal answers again without a restart of its own.
  const after = await fetch(`${BASE}`).then((r) => r.status).catch(() => 0);
  check(after === 200, `after the run the start page answers ${after}`);

  const doubles = outcomes.filter((o) => o.doubleClick);
  console.log('\nReliability under a PostgreSQL restart');
  console.log(`  submissions:            ${TOTAL} from ${CLIENTS} concurrent clients in ${seconds.toFixed(1)} s (${(TOTAL / seconds).toFixed(0)}/s end to end)`);
  console.log(`  PostgreSQL restarted:   at ${restartAt}, down for ${DOWN_MS} ms`);
  console.log(`  sent while it was down: ${heldOutcomes.length}, answered 503 "answers kept": ${heldOutcomes.filter((o) => o.unavailable).length}, confirmed on retry: ${heldOutcomes.filter((o) => o.reference).length}`);
  console.log(`  confirmed first time:   ${outcomes.filter((o) => o.reference && !o.unavailable).length}`);
  console.log(`  503 "answers kept":     ${unavailable.length}, of which confirmed on retry: ${unavailable.filter((o) => o.reference).length} (retries: ${unavailable.reduce((s, o) => s + o.retries, 0)})`);
  console.log(`  pages before sending answered 503 "answers kept" while it was down: ${outcomes.reduce((s, o) => s + o.pagesUnavailable, 0)}`);
  console.log(`  double clicks:          ${doubles.length}, one reference each: ${doubles.filter((o) => o.reference && !o.violation).length}`);
  console.log(`  rows in the database:   ${rows.length}, confirmed references: ${confirmedRefs.size}`);
  console.log(`  violations:             ${outcomes.filter((o) => o.violation).length}`);
  for (const p of problems) console.log(`  ✗ ${p}`);
  if (portal.exitCode !== null) console.log(`\nThe portal exited with ${portal.exitCode}; its last words:\n${portalErrors()}`);
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

function cleanUp(): void {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  try {
    pgStop();
  } catch {
    // already stopped, or never started
  }
  rmSync(work, { recursive: true, force: true });
}

let status = 1;
try {
  status = await main();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  console.log('0 passed, 1 failed');
} finally {
  cleanUp();
}
process.exit(status);
