/**
 * `npm run test:fuzz`: hostile posts to every form route, citizen and staff, against the built
 * portal (embedded database in a temporary folder, port FUZZ_PORT, default 4720).
 *
 * The routes are every page under src/pages that handles POST, with every page of every e-tjänst
 * (the current versions, read through the registry from the database the portal is about to use)
 * and the staff routes posted with a signed-in handläggare's session, the administration pages with
 * an administrator's. fast-check generates the bodies (FUZZ_RUNS in all, default 4,000;
 * FUZZ_SEED to repeat a run): form fields with oversized values, wrong types, HTML and script,
 * SQL fragments, path tricks, lone surrogates and control characters; bodies of invalid UTF-8;
 * thousands of fields; multipart posts whose file names try to climb out of folders; malformed
 * multipart and wrong content types. Then a journey stores markup in free-text answers and the
 * staff case page and check-answers page are read back. Then every GET route with hostile query
 * strings (scripts/fuzz-get.ts): never a 5xx, never a redirect off the portal.
 *
 * Asserted for every answer: never a 5xx; a 4xx is a page with a heading (a clear message, not
 * an empty body or a stack trace); no response contains posted markup as a tag (only escaped).
 * Ends with "N passed, N failed" (one check per request) and a non-zero exit on any failure.
 *
 * The build: FUZZ_DIST names a built portal (the folder with server/entry.mjs); unset, the portal
 * is built into a temporary folder first.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { Jar, spawnBuiltPortal } from './built-portal.ts';
import { getRoutes, queryJobs, queryNames, staysHere } from './fuzz-get.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 4000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
const PORT = Number(process.env.FUZZ_PORT ?? 4720);
/** How often a starting portal is asked whether it answers, 200 ms apart (60 s). */
const START_POLLS = 300;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const CONCURRENCY = 8;

const work = mkdtempSync(path.join(tmpdir(), 'st-fuzz-'));
const DATA_DIR = path.join(work, 'data');
process.env.DATA_DIR = DATA_DIR;
process.env.COOKIE_SECRET = randomBytes(32).toString('base64url');
process.env.DEMO_MODE = 'true';
// Thousands of posts from 127.0.0.1: the per-address submission limit would answer 429 to most.
process.env.SUBMISSION_RATE_LIMIT_PER_HOUR = '0';
delete process.env.DATABASE_URL;
const STAFF_PASSWORD = `Fuzz-${randomBytes(12).toString('base64url')}`;
/** For scripts/start.ts: the demo handläggare keeps this run's password; no local providers. */
/** Where "Lämna sidan snabbt" leads: the one address off the portal a GET may be sent to (by /lamna-sidan). */
const NEUTRAL_SITE = 'https://neutral.example/';
const startEnv = { DEMO_STAFF_PASSWORD: STAFF_PASSWORD, DEMO_LOCAL_PROVIDERS: 'false', QUICK_EXIT_URL: NEUTRAL_SITE };

// ---------------------------------------------------------------------------------------------
// What to post to

type Def = { id: string; requiresEid: boolean; pages: { id: string; kind: string; fields?: { name: string; type: string }[] }[] };

/** Every field name a page under src/pages reads with form.get / getAll: the names worth fuzzing. */
function formFieldNames(): string[] {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(astro|ts)$/.test(e.name)) for (const m of readFileSync(p, 'utf8').matchAll(/\.get(?:All)?\('([A-Za-z0-9_.-]+)'\)/g)) names.add(m[1]!);
    }
  };
  walk(path.resolve('src/pages'));
  return [...names];
}

/** The pages that handle POST, as found in src/pages (checked against the list below). */
function postPages(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(astro|ts)$/.test(e.name) && !e.name.includes('.test.') && /method === 'POST'|export (const|async function) POST/.test(readFileSync(p, 'utf8'))) found.push(path.relative('src/pages', p));
    }
  };
  walk(path.resolve('src/pages'));
  return found.sort();
}

// ---------------------------------------------------------------------------------------------
// Hostile values

const MARKUP = ['<script data-fuzz>alert(1)</script>', '"><img src=x onerror=alert(1) data-fuzz>', "'><svg data-fuzz onload=alert(1)>", '<a data-fuzz href="javascript:alert(1)">x</a>', '</textarea><b data-fuzz>x</b>'];
const SQL = ["' OR '1'='1", "'; DROP TABLE submissions; --", '1; select pg_sleep(5)', "\\'; --", '$$; delete from audit_events; $$', "2026-000001' union select * from staff_users --"];
const PATHS = ['../../etc/passwd', '..\\..\\windows\\win.ini', '/etc/shadow', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', 'C:\\boot.ini', '....//....//etc/passwd', 'a\u0000.pdf', 'con.pdf', '.htaccess'];
const ODD = ['\uD800', '\uDFFF\uD800', '\u202Eexe.pdf', '\u0000', '\r\n\r\nX-Injected: 1', 'NaN', 'Infinity', '-0', '1e309', '99999999999999999999999', '[]', '{}', 'null', 'true', '٣٤٥', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'ÅÄÖåäö'.repeat(200)];

const hostile: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...MARKUP, ...SQL, ...PATHS, ...ODD),
  fc.integer().map(String),
  fc.double().map(String),
  fc.nat(20_000).map((n) => 'A'.repeat(n)),
  fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'invalid' : d.toISOString())),
);

type Route = { url: string; fields: string[]; staff: boolean };

/** Staff routes for administrators (and analytiker); the rest of /handlaggning is the handläggare's. */
const forAdmin = (url: string) => /^\/handlaggning\/(admin|enkater|indikatorer)(\/|\?|$)/.test(url);

type Body = { label: string; headers: Record<string, string>; body: Uint8Array | string };

const enc = new TextEncoder();

function bodies(route: Route, allFields: string[]): fc.Arbitrary<Body> {
  const name = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...(route.fields.length ? route.fields : ['x'])) }, { weight: 1, arbitrary: fc.constantFrom(...allFields) }, { weight: 1, arbitrary: hostile });
  const pairs = fc.array(fc.tuple(name, hostile), { maxLength: 12 });
  const urlencoded = pairs.map((ps): Body => ({ label: 'form', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(ps).toString() }));
  const manyFields = fc.tuple(fc.integer({ min: 1000, max: 9000 }), name).map(([n, f]): Body => ({ label: `${n} fields`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(Array.from({ length: n }, (_, i) => [i % 2 ? f : `f${i}`, '1'])).toString() }));
  const oversized = fc.integer({ min: 70_000, max: 400_000 }).map((n): Body => ({ label: `${n} bytes`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `${route.fields[0] ?? 'x'}=${'B'.repeat(n)}` }));
  const badUtf8 = fc.oneof(
    fc.uint8Array({ maxLength: 2000 }),
    fc.constantFrom('a=%C3%28', 'a=%FF%FE', 'a=%ED%A0%80', '%E0%80%AF=1', 'a=%', 'a=%zz&&&==&'),
  ).map((b): Body => ({ label: 'invalid utf-8', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: typeof b === 'string' ? b : b }));
  const wrongType = fc.tuple(fc.constantFrom('application/json', 'text/plain', 'application/xml', '', 'multipart/form-data', 'multipart/form-data; boundary=', 'application/x-www-form-urlencoded; charset=utf-16'), pairs).map(
    ([type, ps]): Body => ({ label: `content-type ${type || 'none'}`, headers: type ? { 'content-type': type } : {}, body: JSON.stringify(Object.fromEntries(ps)) }),
  );
  const multipart = fc
    .tuple(pairs, fc.array(fc.tuple(name, fc.oneof(fc.constantFrom(...PATHS, ...MARKUP, '"quoted".pdf', 'x'.repeat(400) + '.pdf', 'ok.pdf', 'bild.png'), fc.string({ maxLength: 30 })), fc.constantFrom('application/pdf', 'image/png', 'text/html', 'application/x-msdownload', ''), fc.uint8Array({ maxLength: 3000 })), { maxLength: 3 }), fc.boolean())
    .map(([ps, files, broken]): Body => {
      const boundary = `----fuzz${randomBytes(6).toString('hex')}`;
      const parts: Uint8Array[] = [];
      for (const [k, v] of ps) parts.push(enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/"/g, '%22')}"\r\n\r\n${v}\r\n`));
      for (const [k, fname, type, data] of files) {
        parts.push(enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/"/g, '%22')}"; filename="${fname.replace(/"/g, '%22')}"\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`));
        parts.push(data, enc.encode('\r\n'));
      }
      parts.push(enc.encode(broken ? `--${boundary.slice(0, -2)}` : `--${boundary}--\r\n`));
      return { label: broken ? 'broken multipart' : 'multipart', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: Buffer.concat(parts) };
    });
  return fc.oneof(
    { weight: 8, arbitrary: urlencoded },
    { weight: 1, arbitrary: manyFields },
    { weight: 1, arbitrary: oversized },
    { weight: 2, arbitrary: badUtf8 },
    { weight: 1, arbitrary: wrongType },
    { weight: 3, arbitrary: multipart },
  );
}

// ---------------------------------------------------------------------------------------------
// The portal

function build(): string {
  if (process.env.FUZZ_DIST) return path.resolve(process.env.FUZZ_DIST);
  const out = path.join(work, 'dist');
  console.log(`Building the portal into ${out} …`);
  const r = spawnSync('astro', ['build', '--outDir', out], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) throw new Error('astro build failed');
  return out;
}

let portal: ChildProcess | undefined;
let portalErrors = '';
/** The portal's stderr, one line per distinct message (the first seen): a rare error is not buried under a frequent one. */
const errorLines = new Map<string, string>();
function keepError(line: string): void {
  if (!line.trim()) return;
  let key = line;
  try {
    const entry = JSON.parse(line) as { msg?: unknown; err?: { class?: unknown; code?: unknown } };
    key = `${String(entry.msg)}|${String(entry.err?.class)}|${String(entry.err?.code)}`;
  } catch {
    // not a JSON log line: kept as it is
  }
  if (!errorLines.has(key)) errorLines.set(key, line);
}

async function startPortal(dist: string): Promise<void> {
  // In demo mode, with this run's staff password and without the local e-legitimation provider and mail receiver.
  portal = spawnBuiltPortal(dist, { ...startEnv, HOST: '127.0.0.1', PORT: String(PORT), PUBLIC_ORIGIN: ORIGIN, NODE_ENV: 'production', DELIVERY_WORKER: 'false' });
  let partial = '';
  portal.stderr?.on('data', (d: Buffer) => {
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) keepError(line);
    portalErrors = [...errorLines.values()].join('\n').slice(-20_000);
  });
  // A fresh embedded database is created and migrated first: on a busy machine that takes a while.
  for (let i = 0; i < START_POLLS; i++) {
    if (portal.exitCode !== null) throw new Error(`the portal exited at start:\n${portalErrors}`);
    if ((await fetch(`${ORIGIN}/`).then((r) => r.status).catch(() => 0)) === 200) return;
    await sleep(200);
  }
  throw new Error(`the portal did not answer within ${(START_POLLS * 200) / 1000} s:\n${portalErrors}`);
}

async function request(jar: Jar, url: string, init: { method?: string; headers?: Record<string, string>; body?: Uint8Array | string } = {}): Promise<{ status: number; type: string; body: string }> {
  const res = await fetch(url.startsWith('http') ? url : `${ORIGIN}${url}`, {
    method: init.method ?? 'GET',
    headers: { cookie: jar.header(), ...(init.method === 'POST' ? { origin: ORIGIN } : {}), ...init.headers },
    // fetch accepts any bytes; the DOM typings want an ArrayBuffer-backed view.
    ...(init.body === undefined ? {} : { body: init.body as BodyInit }),
    redirect: 'manual',
  });
  jar.apply(res);
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
}

const totp = (secret: string, step: number) => generateHOTP(decodeBase32IgnorePadding(secret.replace(/[\s=]/g, '').toUpperCase()), BigInt(step), 6);

let totpSecret = '';
/** The last TOTP step used per account: the server accepts each step once per account. */
const lastStep = new Map<string, number>();

/** Signs in one of the demo accounts: the handläggare, or `admin` for the administration pages. */
async function staffLogin(jar: Jar, username = 'handlaggare'): Promise<void> {
  jar.cookies.clear();
  const r1 = await request(jar, '/handlaggning/logga-in', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ username, password: STAFF_PASSWORD }).toString() });
  if (r1.status !== 303) throw new Error(`staff login: password step answered ${r1.status}`);
  let step = Math.floor(Date.now() / 30_000);
  if (step <= (lastStep.get(username) ?? 0)) {
    await sleep(((lastStep.get(username) ?? 0) + 1) * 30_000 - Date.now() + 200);
    step = Math.floor(Date.now() / 30_000);
  }
  lastStep.set(username, step);
  const r2 = await request(jar, '/handlaggning/logga-in/tvafaktor', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ code: totp(totpSecret, step) }).toString() });
  if (r2.status !== 303) throw new Error(`staff login: second factor answered ${r2.status}`);
}

// ---------------------------------------------------------------------------------------------

const RAW_MARKUP = /<(script|img|svg|a|b)\b[^>]*data-fuzz/i;

let passed = 0;
let failed = 0;
const failures: string[] = [];
const byStatus = new Map<number, number>();

function judge(what: string, r: { status: number; type: string; body: string }): void {
  byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
  const problems: string[] = [];
  if (r.status >= 500 && r.status !== 503) problems.push(`status ${r.status}`);
  if (r.status === 503 && !/<h[12]/.test(r.body)) problems.push('503 without a page');
  if (r.status >= 400 && r.status < 500 && (!r.type.startsWith('text/html') || !/<h1/.test(r.body))) problems.push(`${r.status} without a clear page (${r.type})`);
  // Inside a double-quoted attribute value (a field that keeps what was typed) markup is inert as long
  // as the quote itself is escaped, which closing the value would need; only markup outside is a finding.
  if (RAW_MARKUP.test(r.body.replace(/="[^"]*"/g, '=""'))) problems.push('posted markup rendered as HTML');
  if (/\bat [\w.<>]+ \(\/|node:internal/.test(r.body)) problems.push('stack trace in the page');
  if (problems.length === 0) passed += 1;
  else {
    failed += 1;
    if (failures.length < 25) failures.push(`${what}: ${problems.join('; ')}`);
  }
}

function check(ok: boolean, what: string): void {
  if (ok) passed += 1;
  else {
    failed += 1;
    if (failures.length < 25) failures.push(what);
  }
}

/** The headers every page must carry (issue: security headers on every response). */
function checkHeaders(what: string, res: Response): void {
  const csp = res.headers.get('content-security-policy') ?? '';
  const scriptSrc = /script-src([^;]*)/.exec(csp)?.[1] ?? /default-src([^;]*)/.exec(csp)?.[1] ?? '';
  check(csp !== '' && !/unsafe-inline|unsafe-eval/.test(scriptSrc), `${what}: Content-Security-Policy allows inline scripts or is missing (${csp})`);
  check(/frame-ancestors 'none'/.test(csp), `${what}: CSP without frame-ancestors 'none'`);
  check(res.headers.get('x-content-type-options') === 'nosniff', `${what}: no X-Content-Type-Options: nosniff`);
  check(!!res.headers.get('referrer-policy'), `${what}: no Referrer-Policy`);
}

/** Cookies the portal sets are HttpOnly and SameSite=Lax (and Secure when `secure`). */
function checkCookies(what: string, res: Response, secure: boolean): void {
  for (const line of res.headers.getSetCookie()) {
    const name = line.split('=')[0];
    check(/;\s*HttpOnly/i.test(line), `${what}: cookie ${name} without HttpOnly`);
    check(/;\s*SameSite=Lax/i.test(line), `${what}: cookie ${name} without SameSite=Lax`);
    if (secure) check(/;\s*Secure/i.test(line), `${what}: cookie ${name} without Secure`);
  }
}

/**
 * CSRF: a POST from another origin to every mutating route is refused with 403, for the staff
 * session and the citizen's journey alike (Astro's origin check, `security.checkOrigin`). Then the
 * security headers and cookie flags on citizen and staff pages, and HSTS with Secure cookies on a
 * second instance whose public origin is https.
 */
async function securityChecks(routes: Route[], staff: Jar, citizen: Jar): Promise<void> {
  let refused = 0;
  for (const route of routes) {
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', 'a=1'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n'],
      ['text/plain', 'a=1'],
    ] as const) {
      const res = await fetch(`${ORIGIN}${route.url}`, {
        method: 'POST',
        headers: { cookie: (route.staff ? staff : citizen).header(), origin: 'https://evil.example', 'content-type': type },
        body,
        redirect: 'manual',
      });
      await res.arrayBuffer();
      check(res.status === 403, `cross-origin POST ${route.url} (${type}) answered ${res.status}, not 403`);
      if (res.status === 403) refused += 1;
    }
  }
  console.log(`  cross-origin POSTs refused with 403: ${refused} of ${routes.length * 3}`);

  const pages: [string, Jar][] = [['/', new Jar()], ['/e-tjanster/synpunkter-och-klagomal/typ', new Jar()], ['/handlaggning/logga-in', new Jar()], ['/handlaggning', staff], ['/enkat', new Jar()]];
  for (const [url, jar] of pages) {
    const res = await fetch(`${ORIGIN}${url}`, { headers: { cookie: jar.header() }, redirect: 'manual' });
    await res.arrayBuffer();
    checkHeaders(`GET ${url}`, res);
    checkCookies(`GET ${url}`, res, false);
  }
  // Cookies as they are set: a journey answer, a staff login, the language choice.
  const j = new Jar();
  const answer = await fetch(`${ORIGIN}/e-tjanster/synpunkter-och-klagomal/typ`, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, body: 'typ=synpunkt', redirect: 'manual' });
  check(answer.headers.getSetCookie().length > 0, 'a journey answer set no cookie');
  checkCookies('journey cookie', answer, false);
  j.apply(answer);
  const lang = await fetch(`${ORIGIN}/sprak/en`, { redirect: 'manual' });
  checkCookies('language cookie', lang, false);
  const login = await fetch(`${ORIGIN}/handlaggning/logga-in`, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ username: 'handlaggare', password: STAFF_PASSWORD }).toString(), redirect: 'manual' });
  check(login.headers.getSetCookie().length > 0, 'a staff login set no cookie');
  checkCookies('staff session cookie', login, false);
  check(!/strict-transport-security/i.test([...answer.headers.keys()].join(' ')), 'HSTS sent over plain http');

  // Behind https: HSTS and Secure cookies (a second instance, its own data, public origin https).
  const port = PORT + 1;
  const second = spawnBuiltPortal(
    distUsed,
    { ...startEnv, HOST: '127.0.0.1', PORT: String(port), PUBLIC_ORIGIN: 'https://etjanster.example.se', DATA_DIR: path.join(work, 'https'), NODE_ENV: 'production', DELIVERY_WORKER: 'false' },
    'ignore',
  );
  try {
    let res: Response | undefined;
    for (let i = 0; i < START_POLLS && !res && second.exitCode === null; i++) {
      res = await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined);
      if (!res) await sleep(200);
    }
    if (!res) throw new Error(`the https-configured instance did not start within ${(START_POLLS * 200) / 1000} s (exit code ${String(second.exitCode)})`);
    await res.arrayBuffer();
    check(/max-age=\d{7,}/.test(res.headers.get('strict-transport-security') ?? ''), `https origin: Strict-Transport-Security is "${res.headers.get('strict-transport-security') ?? ''}"`);
    checkHeaders('https origin GET /', res);
    const l = await fetch(`http://127.0.0.1:${port}/sprak/en`, { redirect: 'manual' });
    check(l.headers.getSetCookie().length > 0, 'https origin: the language choice set no cookie');
    checkCookies('https origin language cookie', l, true);
    const a = await fetch(`http://127.0.0.1:${port}/e-tjanster/synpunkter-och-klagomal/typ`, { method: 'POST', headers: { origin: `http://127.0.0.1:${port}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'typ=synpunkt', redirect: 'manual' });
    checkCookies('https origin journey cookie', a, true);
    // As the proxy that terminates TLS sends a browser's form (docs/deployment.md): the public Host
    // header and X-Forwarded-Proto https. The same origin is accepted; another is refused, also
    // when the request claims another host in X-Forwarded-Host (never believed).
    const viaProxy = (origin: string, extra: Record<string, string> = {}) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/e-tjanster/synpunkter-och-klagomal/typ', headers: { host: 'etjanster.example.se', 'x-forwarded-proto': 'https', origin, 'content-type': 'application/x-www-form-urlencoded', ...extra } }, (r) => {
          r.resume();
          r.on('end', () => resolve(r.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end('typ=synpunkt');
      });
    const same = await viaProxy('https://etjanster.example.se');
    check(same === 303, `behind the https proxy, a same-origin form post answered ${same}`);
    const other = await viaProxy('https://evil.example');
    check(other === 403, `behind the https proxy, a cross-origin form post answered ${other}`);
    const forwardedHost = await viaProxy('https://evil.example', { 'x-forwarded-host': 'evil.example' });
    check(forwardedHost === 403, `a cross-origin form post naming its own X-Forwarded-Host answered ${forwardedHost}`);
    const plain = await viaProxy('https://etjanster.example.se', { 'x-forwarded-proto': 'ftp' });
    check(plain === 403, `a form post with X-Forwarded-Proto ftp answered ${plain}`);
  } finally {
    second.kill('SIGTERM');
  }
}

/**
 * Our database down (an instance whose DATABASE_URL reaches nothing): every page of every e-tjänst,
 * read and posted, and the other citizen pages are answered without a 5xx other than 503, and
 * every 503 says when to try again (Retry-After) without a trace of the error.
 */
async function outageChecks(defs: Def[]): Promise<void> {
  const port = PORT + 2;
  const origin = `http://127.0.0.1:${port}`;
  const down = spawnBuiltPortal(
    distUsed,
    { ...startEnv, HOST: '127.0.0.1', PORT: String(port), PUBLIC_ORIGIN: origin, DATABASE_URL: 'postgres://postgres@127.0.0.1:9/unreachable', COOKIE_SECRET: randomBytes(32).toString('base64url'), DATA_DIR: path.join(work, 'down'), NODE_ENV: 'production', DELIVERY_WORKER: 'false' },
    'ignore',
  );
  try {
    let up = false;
    for (let i = 0; i < START_POLLS && !up && down.exitCode === null; i++) {
      up = (await fetch(`${origin}/tillganglighet`).then((r) => r.status).catch(() => 0)) === 200;
      if (!up) await sleep(200);
    }
    if (!up) throw new Error(`the instance without a database did not start within ${(START_POLLS * 200) / 1000} s (exit code ${String(down.exitCode)})`);
    const urls = ['/', '/?q=st%C3%A4d', '/sa-gar-det-for-oss', '/mina-sidor', '/betyg', '/enkat', '/handlaggning', '/handlaggning/logga-in', ...defs.flatMap((d) => [`/e-tjanster/${d.id}`, ...d.pages.map((p) => `/e-tjanster/${d.id}/${p.id}`)])];
    const judgeDown = async (what: string, res: Response) => {
      const body = await res.text();
      byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
      check(res.status < 500 || res.status === 503, `database down: ${what} answered ${res.status}`);
      if (res.status === 503) check(Number(res.headers.get('retry-after')) > 0, `database down: ${what} answered 503 without Retry-After`);
      check(!/ECONNREFUSED|node_modules|at \w+ \(/.test(body), `database down: ${what} shows a trace of the error`);
    };
    for (const url of urls) await judgeDown(`GET ${url}`, await fetch(`${origin}${url}`, { redirect: 'manual' }));
    for (const d of defs) {
      for (const p of d.pages) {
        const form = new URLSearchParams([['token', 'a'.repeat(24)], ...(p.fields ?? []).map((f): [string, string] => [f.name, 'ja'])]);
        await judgeDown(`POST /e-tjanster/${d.id}/${p.id}`, await fetch(`${origin}/e-tjanster/${d.id}/${p.id}`, { method: 'POST', headers: { origin, 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(), redirect: 'manual' }));
      }
    }
    // The catalog needs the database: it must say so rather than offer e-tjänster whose state is unknown.
    check((await fetch(`${origin}/`)).status === 503, 'database down: the catalog did not answer 503');
  } finally {
    down.kill('SIGTERM');
  }
}

let distUsed = '';

/** Every GET route with every query parameter the code reads, hostile values and return-path bypasses. */
async function fuzzQueries(staff: Jar, admin: Jar, reference: string): Promise<void> {
  const routes = getRoutes({ service: 'kontakta-socialtjansten', page: 'amne', reference, id: randomUUID(), lang: 'en', token: 'ogiltig', month: '2026-01' });
  const jobs = queryJobs(routes, queryNames(), SEED);
  const visitor = new Jar();
  let next = 0;
  let redirects = 0;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < jobs.length) {
        const { route, query } = jobs[next++]!;
        const url = `${route.url}?${query}`;
        try {
          const res = await fetch(`${ORIGIN}${url}`, { headers: { cookie: (route.staff ? (forAdmin(route.url) ? admin : staff) : visitor).header() }, redirect: 'manual' });
          const location = res.headers.get('location') ?? '';
          const body = res.headers.get('content-type')?.startsWith('text/html') ? await res.text() : (await res.arrayBuffer(), '<h1>');
          if (location) redirects += 1;
          judge(`GET ${url.slice(0, 200)}`, { status: res.status, type: res.headers.get('content-type') ?? 'text/html', body });
          const leaving = route.url === '/lamna-sidan' ? [NEUTRAL_SITE] : [];
          check(staysHere(location, ORIGIN, leaving), `GET ${url.slice(0, 200)} redirects off the portal: ${location.slice(0, 200)}`);
        } catch (e) {
          failed += 1;
          if (failures.length < 25) failures.push(`GET ${url.slice(0, 200)}: request failed: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    }),
  );
  // A NUL character in the path and in a query value of every route, not left to chance.
  let nulPaths = 0;
  for (const route of routes) {
    for (const url of [`${route.url.split('?')[0]}%00`, `${route.url.split('?')[0]}/%00x`, `${route.url.split('?')[0]}?${[...new Set(queryNames())].map((n) => `${encodeURIComponent(n)}=a%00b`).join('&')}`]) {
      const res = await fetch(`${ORIGIN}${url}`, { headers: { cookie: (route.staff ? (forAdmin(route.url) ? admin : staff) : visitor).header() }, redirect: 'manual' });
      const body = res.headers.get('content-type')?.startsWith('text/html') ? await res.text() : (await res.arrayBuffer(), '<h1>');
      judge(`GET ${url.slice(0, 200)}`, { status: res.status, type: res.headers.get('content-type') ?? 'text/html', body });
      nulPaths += 1;
    }
  }
  console.log(`  a NUL in the path and the query of every route: ${nulPaths} GETs`);

  // Every dynamic segment (a reference, an id, a version, a month, a page) with values no real one has:
  // numbers beyond any column, a negative, a broken UUID, invalid UTF-8, a quote, a traversal, a long one.
  const SEGMENTS = ['99999999999999999999999', '-1', '1e309', '0', '00000000-0000-0000-0000-00000000000g', '%ED%A0%80', '%FF', "'", '%2e%2e%2f%2e%2e%2fetc', 'a'.repeat(3000), '%C3%85%C3%84%C3%96'];
  const fixed = new Set(routes.map((r) => r.url));
  let segmentGets = 0;
  for (const value of SEGMENTS) {
    const filled = getRoutes(new Proxy({}, { get: () => value }) as Record<string, string>).filter((r) => !fixed.has(r.url) && r.url.includes(value));
    for (const route of filled) {
      const res = await fetch(`${ORIGIN}${route.url}`, { headers: { cookie: (route.staff ? (forAdmin(route.url) ? admin : staff) : visitor).header() }, redirect: 'manual' });
      const body = res.headers.get('content-type')?.startsWith('text/html') ? await res.text() : (await res.arrayBuffer(), '<h1>');
      judge(`GET ${route.url.slice(0, 200)}`, { status: res.status, type: res.headers.get('content-type') ?? 'text/html', body });
      segmentGets += 1;
    }
  }
  console.log(`  hostile values in every dynamic segment: ${segmentGets} GETs`);
  console.log(`  query strings: ${jobs.length} GETs to ${routes.length} routes in ${((Date.now() - t0) / 1000).toFixed(1)} s (${redirects} redirects, each kept on the portal)`);
}

async function main(): Promise<number> {
  const dist = build();
  distUsed = dist;
  const { openDatabase } = await import('../db/client.ts');
  const { ensureDemoStaff } = await import('../src/server/staff/demo.ts');
  const { receiveSubmission } = await import('../src/server/submissions.ts');
  const { currentServices } = await import('../src/server/etjanster/registry.ts');
  const handle = await openDatabase({ dataDir: DATA_DIR, migrate: true });
  let reference: string;
  let defs: Def[];
  try {
    // The e-tjänster to post to: the current versions in the database the portal is about to use.
    defs = await currentServices(handle.db);
    totpSecret = (await ensureDemoStaff(handle.db, STAFF_PASSWORD)).totpSecret;
    reference = (await receiveSubmission(handle.db, { serviceId: 'synpunkter-och-klagomal', serviceVersion: 1, area: 'ifo', answers: { typ: 'synpunkt', verksamhet: 'ifo', vadHande: 'Fuzz', anonym: 'ja' }, subjectPersonnummer: null, subjectName: null, submitterName: null, onBehalf: false, anonymous: true, idempotencyKey: `fuzz-${randomUUID()}` })).reference;
  } finally {
    await handle.close();
  }
  await startPortal(dist);
  const staff = new Jar();
  await staffLogin(staff);
  const admin = new Jar();
  await staffLogin(admin, 'admin');

  const allFields = formFieldNames();
  const routes: Route[] = [];
  for (const d of defs) {
    for (const p of d.pages) routes.push({ url: `/e-tjanster/${d.id}/${p.id}`, fields: [...(p.fields ?? []).flatMap((f) => [f.name, `${f.name}.dag`, `${f.name}.manad`, `${f.name}.ar`]), 'token', 'spara'], staff: false });
  }
  const citizenRoutes = ['/betyg', '/enkat', '/enkat/fragor/1', '/enkat/l/ogiltig', '/logga-ut', '/mina-sidor/arenden/2026-000001', `/mina-sidor/utkast/${randomUUID()}`];
  const staffRoutes = [
    '/handlaggning/logga-in',
    '/handlaggning/logga-in/tvafaktor',
    '/handlaggning/admin/anvandare/ny',
    `/handlaggning/admin/anvandare/${randomUUID()}`,
    '/handlaggning/admin/godkannanden',
    '/handlaggning/admin/e-post',
    '/handlaggning/admin/etjanster',
    '/handlaggning/admin/etjanster/versioner',
    '/handlaggning/admin/leveranser',
    `/handlaggning/arenden/${reference}`,
    '/handlaggning/arenden/2099-999999',
    '/handlaggning/enkater/enheter',
    '/handlaggning/enkater/ny-period',
    `/handlaggning/enkater/period?id=${randomUUID()}`,
    '/handlaggning/indikatorer/mal',
    '/handlaggning/konto',
    '/handlaggning/konto/tvafaktor',
    '/handlaggning/konto/tvafaktor/koder',
  ];
  for (const url of citizenRoutes) routes.push({ url, fields: allFields, staff: false });
  for (const url of staffRoutes) routes.push({ url, fields: allFields, staff: true });
  const pages = postPages();
  console.log(`Fuzzing ${routes.length} URLs of the ${pages.length} pages that handle POST (${routes.filter((r) => r.staff).length} staff), ${RUNS} posts, seed ${SEED}.`);

  // The same number of posts per URL kind: staff routes get as many as all e-tjänst pages together.
  const perRoute = (r: Route) => (r.staff ? Math.ceil(RUNS / 2 / staffRoutes.length) : Math.ceil(RUNS / 2 / (routes.length - staffRoutes.length)));
  const jobs: { route: Route; body: Body }[] = [];
  let seed = SEED;
  for (const route of routes) for (const body of fc.sample(bodies(route, allFields), { numRuns: perRoute(route), seed: seed++ })) jobs.push({ route, body });
  // Staff posts that would end the fuzzing session (e.g. the logout) last.
  const citizen = new Jar();
  let i = 0;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (i < jobs.length) {
        const { route, body } = jobs[i++]!;
        const jar = route.staff ? (forAdmin(route.url) ? admin : staff) : citizen;
        try {
          const r = await request(jar, route.url, { method: 'POST', headers: body.headers, body: body.body });
          judge(`POST ${route.url} (${body.label})`, r);
        } catch (e) {
          failed += 1;
          if (failures.length < 25) failures.push(`POST ${route.url} (${body.label}): request failed: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    }),
  );
  const seconds = (Date.now() - t0) / 1000;

  // Not left to chance: every URL posted once with every field at once holding a NUL character (which
  // PostgreSQL refuses in any text), and once with a number no integer column holds.
  for (const value of ['a\u0000b', '99999999999999999999999']) {
    for (const route of routes) {
      if (/logga-ut/.test(route.url)) continue;
      const jar = route.staff ? (forAdmin(route.url) ? admin : staff) : citizen;
      const body = new URLSearchParams(route.fields.map((f) => [f, value])).toString();
      judge(`POST ${route.url} (every field ${JSON.stringify(value)})`, await request(jar, route.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }));
    }
  }

  // Markup stored as answers is shown escaped: on check-answers, on the staff case page, in the inbox.
  const j = new Jar();
  const base = '/e-tjanster/synpunkter-och-klagomal';
  const steps: [string, Record<string, string>][] = [
    ['typ', { typ: 'synpunkt' }],
    ['verksamhet', { verksamhet: 'ifo' }],
    ['berattelse', { vadHande: MARKUP.join(' ') }],
    ['var-och-nar', { var: MARKUP[1]! }],
    ['anonym', { anonym: 'ja' }],
  ];
  for (const [page, fields] of steps) judge(`POST ${base}/${page} (markup)`, await request(j, `${base}/${page}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() }));
  const check = await request(j, `${base}/kontrollera`);
  judge('GET check-answers with markup answers', check);
  const token = /name="token" value="([^"]+)"/.exec(check.body)?.[1] ?? '';
  judge('POST check-answers with markup answers', await request(j, `${base}/kontrollera`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token }).toString() }));
  const done = await request(j, `${base}/klart`);
  judge('GET confirmation', done);
  const ref = /class="reference">([^<]+)</.exec(done.body)?.[1];
  if (!ref) {
    failed += 1;
    failures.push('the markup journey got no reference number');
  } else {
    const casePage = await request(staff, `/handlaggning/arenden/${ref}`);
    judge('GET staff case page with markup answers', casePage);
    if (casePage.status !== 200 || !casePage.body.includes('&lt;script data-fuzz&gt;')) {
      failed += 1;
      failures.push(`staff case page: status ${casePage.status}, the markup answer is not shown escaped`);
    } else passed += 1;
    judge('GET staff inbox', await request(staff, '/handlaggning'));
  }
  judge('POST /betyg (markup comment)', await request(j, '/betyg', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ service: 'synpunkter-och-klagomal', rating: '5', comment: MARKUP.join(' ') }).toString() }));

  await fuzzQueries(staff, admin, reference);
  await securityChecks(routes, staff, j);
  await outageChecks(defs);

  const alive = portal?.exitCode === null && (await fetch(`${ORIGIN}/`).then((r) => r.status).catch(() => 0)) === 200;
  if (alive) passed += 1;
  else {
    failed += 1;
    failures.push(`the portal is down after the run:\n${portalErrors}`);
  }

  console.log(`\nFuzz: ${jobs.length} hostile posts in ${seconds.toFixed(1)} s (seed ${SEED})`);
  console.log(`  statuses: ${[...byStatus].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(', ')}`);
  for (const f of failures) console.log(`  ✗ ${f}`);
  if (failed > 0 && portalErrors) console.log(`\nThe portal's error log (each message once, the first of its kind):\n${portalErrors}`);
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

let status = 1;
try {
  status = await main();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  if (portalErrors) console.error(portalErrors.slice(-4000));
  console.log('0 passed, 1 failed');
} finally {
  if (portal && portal.exitCode === null) portal.kill('SIGTERM');
  await sleep(300);
  rmSync(work, { recursive: true, force: true });
}
process.exit(status);
