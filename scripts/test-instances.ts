/**
 * `npm run test:instances`: three instances of the built portal on one PostgreSQL server of the
 * test's own, behind nginx (Debian's package) as the load balancer, as docs/deployment.md says.
 * Run by `npm test` and counted as one test. It shows:
 *
 *  1. **Concurrent starts migrate safely**: the three instances start at the same moment on an
 *     empty database; all come up and every migration is recorded once.
 *  2. **Journeys work whichever instance answers**: journeys walked through nginx (round robin, a
 *     new connection for every request) have their steps answered by different instances (nginx's
 *     X-Upstream header) and are sent with a reference stored once.
 *  3. **Limits count across instances**: with a limit of LIMIT submissions an hour per address,
 *     LIMIT sends through nginx from one address (spread over the instances) are received and the
 *     next one is refused with 429.
 *  4. **An instance killed mid-load loses nothing confirmed**: CLIENTS clients send journeys
 *     through nginx while one instance is killed with SIGKILL; every journey answered with a
 *     reference is stored exactly once under it, and every one sent again after an error (the same
 *     form token) is stored once.
 *  5. **Every delivery is sent exactly once**: each instance runs the job worker; a webhook
 *     receiver of the test's own counts the deliveries; every case sent gets one delivery, received
 *     once per delivery id (a retry after the killed instance's lease ran out may repeat a delivery
 *     id, which receivers deduplicate; it is counted and reported), and every row ends `success`.
 *
 * What it does not show (covered elsewhere): e-legitimation logins, drafts and Mina sidor across
 * instances need the local OIDC provider; e-mail notifications exactly once and two workers on two
 * pools are src/server/jobs/queue.integration.test.ts; gallring on several instances is
 * src/server/gallring.integration.test.ts's concern (each removal rechecked in its own transaction).
 *
 * Ports: INSTANCES_PORT (6060 by default): the instances on it and the two after it, nginx on +3,
 * PostgreSQL on +4, the webhook receiver on +5. INSTANCES_DIST names a built portal (default: build
 * into a temporary folder). PostgreSQL binaries: /usr/lib/postgresql/<newest>/bin or PG_BIN; nginx:
 * /usr/sbin/nginx or NGINX_BIN. As root, PostgreSQL runs as the `postgres` user (initdb refuses root).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { spawnBuiltPortal } from './built-portal.ts';
import { ownPostgres } from './own-postgres.ts';

const BASE_PORT = Number(process.env.INSTANCES_PORT ?? 6060);
const PORTS = [BASE_PORT, BASE_PORT + 1, BASE_PORT + 2];
const NGINX_PORT = BASE_PORT + 3;
const PG_PORT = BASE_PORT + 4;
const RECEIVER_PORT = BASE_PORT + 5;
const ORIGIN = `http://127.0.0.1:${NGINX_PORT}`;
const SERVICE = 'synpunkter-och-klagomal';
const JOURNEY = `/e-tjanster/${SERVICE}`;
const LIMIT = 5;
const CLIENTS = Number(process.env.INSTANCES_CLIENTS ?? 20);
const PER_CLIENT = Number(process.env.INSTANCES_JOURNEYS ?? 15);

const work = mkdtempSync(path.join(tmpdir(), 'st-instances-'));
const children: ChildProcess[] = [];
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`  ${ok ? '✓' : '✗'} ${what}`);
  if (!ok) failures.push(what);
};

// ---------------------------------------------------------------------------------------------
// PostgreSQL and nginx of our own

const postgres = ownPostgres(work, PG_PORT);
const asRoot = userInfo().uid === 0;

function startPostgres(): void {
  postgres.init();
  postgres.start();
}

const stopPostgres = () => postgres.stop('immediate');

function nginxBin(): string {
  const bin = process.env.NGINX_BIN ?? '/usr/sbin/nginx';
  if (!existsSync(bin)) throw new Error(`nginx not found at ${bin}: install Debian's package (apt-get install nginx) or set NGINX_BIN`);
  return bin;
}

/** nginx as docs/deployment.md configures it, without TLS; X-Upstream tells which instance answered. */
function startNginx(): ChildProcess {
  const dir = path.join(work, 'nginx');
  mkdirSync(path.join(dir, 'logs'), { recursive: true });
  const conf = `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream portal {
${PORTS.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n')}
  }
  server {
    listen 127.0.0.1:${NGINX_PORT};
    client_max_body_size 30m;
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Host "";
      proxy_next_upstream error timeout http_502 http_503;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
  writeFileSync(path.join(dir, 'nginx.conf'), conf);
  if (asRoot) chmodSync(dir, 0o755);
  const child = spawn(nginxBin(), ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  return child;
}

// ---------------------------------------------------------------------------------------------
// The webhook receiver: counts deliveries by id, answers 204.

const received = new Map<string, number>();
const receiver = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const id = String(req.headers['x-socialtjanst-delivery'] ?? '');
    received.set(id, (received.get(id) ?? 0) + 1);
    res.writeHead(204).end();
  });
});

// ---------------------------------------------------------------------------------------------
// The instances

function build(): string {
  if (process.env.INSTANCES_DIST) return path.resolve(process.env.INSTANCES_DIST);
  const out = path.join(work, 'dist');
  console.log(`Building the portal into ${out} …`);
  const r = spawnSync('astro', ['build', '--outDir', out], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) throw new Error('astro build failed');
  return out;
}

const instances: (ChildProcess | undefined)[] = [];
const secret = randomBytes(32).toString('base64url');

function startInstance(dist: string, i: number, databaseUrl: string): ChildProcess {
  const child = spawnBuiltPortal(dist, {
    HOST: '127.0.0.1',
    PORT: String(PORTS[i]),
    PUBLIC_ORIGIN: ORIGIN,
    DATABASE_URL: databaseUrl,
    DEMO_MODE: 'false',
    COOKIE_SECRET: secret,
    DATA_DIR: path.join(work, `data-${i}`),
    NODE_ENV: 'production',
    TRUST_PROXY: 'true',
    SUBMISSION_RATE_LIMIT_PER_HOUR: String(LIMIT),
    WEBHOOK_URL: `http://127.0.0.1:${RECEIVER_PORT}/`,
    WEBHOOK_SECRET: 'instances-test-webhook-secret-0123456789',
    DELIVERY_POLL_SECONDS: '1',
  });
  child.stderr?.on('data', () => undefined);
  children.push(child);
  instances[i] = child;
  return child;
}

async function waitUp(url: string, child: ChildProcess | undefined, seconds = 90): Promise<boolean> {
  for (let i = 0; i < seconds * 5; i++) {
    if (child && child.exitCode !== null) return false;
    const status = await fetch(url).then((r) => r.status, () => 0);
    if (status === 200) return true;
    await sleep(200);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// A client through nginx: a new connection for every request (round robin across the instances).

type Answer = { status: number; body: string; location: string; upstream: string };

class Client {
  cookies = new Map<string, string>();
  /** The loopback address the client connects from: the address nginx sees and appends to X-Forwarded-For. */
  readonly address: string;
  /** What the client itself claims in X-Forwarded-For (never believed: only nginx's entry counts). */
  claims: () => string;
  constructor(address: string, claims: () => string = () => '203.0.113.1') {
    this.address = address;
    this.claims = claims;
  }
  request(method: 'GET' | 'POST', p: string, form?: Record<string, string>): Promise<Answer> {
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const headers: Record<string, string | number> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-forwarded-for': this.claims(), connection: 'close' };
    if (body !== undefined) Object.assign(headers, { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) });
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: NGINX_PORT, localAddress: this.address, method, path: p, headers, agent: false }, (res) => {
        for (const line of res.headers['set-cookie'] ?? []) {
          const [pair = ''] = line.split(';');
          const eq = pair.indexOf('=');
          const name = pair.slice(0, eq).trim();
          const value = pair.slice(eq + 1).trim();
          if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
          else this.cookies.set(name, value);
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), location: String(res.headers.location ?? ''), upstream: String(res.headers['x-upstream'] ?? '') }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }
}

const ANSWERS: [string, Record<string, string>][] = [
  ['typ', { typ: 'synpunkt' }],
  ['verksamhet', { verksamhet: 'ifo' }],
  ['berattelse', { vadHande: '' }],
  ['var-och-nar', { var: 'Receptionen' }],
  ['anonym', { anonym: 'ja' }],
];

/** Fills in the journey with `marker` in its text; the form token of check-answers and the instances that answered. */
async function fillIn(c: Client, marker: string): Promise<{ token: string; upstreams: Set<string> }> {
  const upstreams = new Set<string>();
  const start = await c.request('GET', JOURNEY);
  if (start.status !== 200) throw new Error(`start page ${start.status}`);
  upstreams.add(start.upstream);
  for (const [page, fields] of ANSWERS) {
    const shown = await c.request('GET', `${JOURNEY}/${page}`);
    if (shown.status !== 200) throw new Error(`${page}: GET ${shown.status}`);
    upstreams.add(shown.upstream);
    const posted = await c.request('POST', `${JOURNEY}/${page}`, page === 'berattelse' ? { vadHande: marker } : fields);
    if (posted.status !== 303) throw new Error(`${page}: POST ${posted.status}`);
    upstreams.add(posted.upstream);
  }
  const check = await c.request('GET', `${JOURNEY}/kontrollera`);
  const token = /name="token" value="([^"]+)"/.exec(check.body)?.[1];
  if (check.status !== 200 || !token || !check.body.includes(marker)) throw new Error(`check-answers ${check.status}`);
  upstreams.add(check.upstream);
  return { token, upstreams };
}

/** Sends; the reference shown on the confirmation page, or the status when it was not confirmed. */
async function send(c: Client, token: string): Promise<{ reference?: string; status: number }> {
  const sent = await c.request('POST', `${JOURNEY}/kontrollera`, { token });
  if (sent.status !== 303) return { status: sent.status };
  const done = await c.request('GET', sent.location || `${JOURNEY}/klart`);
  const reference = /class="reference">(\d{4}-\d{6,})</.exec(done.body)?.[1];
  return reference ? { reference, status: 303 } : { status: done.status };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const t0 = Date.now();
  const dist = build();
  startPostgres();
  const serverUrl = `postgres://postgres@127.0.0.1:${PG_PORT}/postgres`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query('create database portal');
  await admin.end();
  const databaseUrl = `postgres://postgres@127.0.0.1:${PG_PORT}/portal`;
  await new Promise<void>((r) => receiver.listen(RECEIVER_PORT, '127.0.0.1', r));

  // 1. Three instances started at once on an empty database.
  console.log('Concurrent starts:');
  for (let i = 0; i < PORTS.length; i++) startInstance(dist, i, databaseUrl);
  const up = await Promise.all(PORTS.map((p, i) => waitUp(`http://127.0.0.1:${p}/`, instances[i])));
  check(up.every(Boolean), `all three instances started at once came up (${up.map((u) => (u ? 'up' : 'down')).join(', ')})`);
  if (!up.every(Boolean)) return;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const migrations = await db.query<{ n: string; d: string }>('select count(*) as n, count(distinct hash) as d from drizzle.__drizzle_migrations');
  const files = readdirSync('db/migrations').filter((f) => f.endsWith('.sql')).length;
  check(Number(migrations.rows[0]!.n) === files && Number(migrations.rows[0]!.d) === files, `every migration recorded once (${migrations.rows[0]!.n} rows, ${files} migrations)`);
  startNginx();
  check(await waitUp(`${ORIGIN}/`, undefined, 30), 'nginx answers in front of them');

  // 2. Journeys whichever instance answers.
  console.log('Journeys through nginx:');
  const first = new Client('127.0.8.1');
  const walked = await fillIn(first, `INST-${randomBytes(4).toString('hex')}`);
  check(walked.upstreams.size === PORTS.length, `the steps of one journey were answered by ${walked.upstreams.size} instances (${[...walked.upstreams].join(', ')})`);
  const firstSent = await send(first, walked.token);
  check(firstSent.reference !== undefined, `the journey sent through nginx got a reference (${firstSent.reference ?? firstSent.status})`);

  // 3. The limit per address, counted across instances: one address (as nginx sees it), a
  // different made-up X-Forwarded-For entry on every request.
  console.log('Limits across instances:');
  let claim = 0;
  const limited = new Client('127.0.9.1', () => `203.0.113.${++claim % 250}`);
  const statuses: number[] = [];
  const served = new Set<string>();
  for (let i = 0; i <= LIMIT; i++) {
    const { token } = await fillIn(limited, `LIMIT-${i}`);
    const sent = await limited.request('POST', `${JOURNEY}/kontrollera`, { token });
    statuses.push(sent.status);
    served.add(sent.upstream);
  }
  check(statuses.slice(0, LIMIT).every((s) => s === 303) && statuses[LIMIT] === 429 && served.size > 1, `${LIMIT} sends from one address received, the next refused whatever X-Forwarded-For claimed (${statuses.join(', ')}), sent through ${served.size} instances`);

  // 4. An instance killed mid-load.
  console.log(`${CLIENTS} clients × ${PER_CLIENT} journeys, one instance killed with SIGKILL in the middle:`);
  type Outcome = { marker: string; reference?: string; resent: boolean; error?: string };
  const outcomes: Outcome[] = [];
  let done = 0;
  const total = CLIENTS * PER_CLIENT;
  let killedAt = -1;
  const client = async (k: number) => {
    for (let j = 0; j < PER_CLIENT; j++) {
      // Each journey from an address of its own: the limit stays on but out of the way.
      const c = new Client(`127.1.${k}.${j + 1}`);
      const marker = `KILL-${k}-${j}-${randomBytes(3).toString('hex')}`;
      const o: Outcome = { marker, resent: false };
      try {
        const { token } = await fillIn(c, marker).catch(async () => fillIn(c, marker));
        let r = await send(c, token).catch(() => ({ status: 0 }) as { reference?: string; status: number });
        // Not confirmed (the instance died under it, or nginx had nothing to try): send again, the same token.
        for (let tries = 0; !r.reference && tries < 5; tries++) {
          o.resent = true;
          await sleep(300);
          r = await send(c, token).catch(() => ({ status: 0 }) as { reference?: string; status: number });
        }
        if (r.reference) o.reference = r.reference;
        else o.error = `not confirmed (${r.status})`;
      } catch (e) {
        o.error = (e as Error).message;
      }
      outcomes.push(o);
      if (++done === Math.floor(total / 2) && killedAt < 0) {
        killedAt = done;
        instances[1]!.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, k) => client(k)));
  const confirmed = outcomes.filter((o) => o.reference);
  const stored = await db.query<{ reference: string; marker: string }>(`select reference, answers->>'vadHande' as marker from submissions where service_id = $1 and answers->>'vadHande' like 'KILL-%'`, [SERVICE]);
  const byMarker = new Map<string, string[]>();
  for (const r of stored.rows) byMarker.set(r.marker, [...(byMarker.get(r.marker) ?? []), r.reference]);
  const lost = confirmed.filter((o) => (byMarker.get(o.marker) ?? []).join() !== o.reference);
  check(killedAt > 0, `instance 2 was killed after ${killedAt} of ${total} journeys`);
  check(lost.length === 0, `every confirmed journey is stored once under its reference (${confirmed.length} confirmed, ${lost.length} not: ${lost.slice(0, 3).map((o) => `${o.marker} → ${o.reference} stored as ${(byMarker.get(o.marker) ?? []).join('/') || 'nothing'}`).join('; ')})`);
  check([...byMarker.values()].every((refs) => refs.length === 1), 'no journey is stored twice');
  const unconfirmed = outcomes.filter((o) => !o.reference);
  check(unconfirmed.length === 0, `every journey was confirmed, if need be after sending again (${outcomes.filter((o) => o.resent).length} sent again; ${unconfirmed.length} not confirmed${unconfirmed[0] ? `: ${unconfirmed[0].error}` : ''})`);

  // 5. Deliveries: every case one delivery, every delivery received (by id) and recorded success.
  console.log('Deliveries by the job workers of the two instances left:');
  const cases = Number((await db.query<{ n: string }>('select count(*) as n from submissions')).rows[0]!.n);
  let pending = -1;
  // The killed instance's claims wait out their lease (5 min): look at what is not leased to it.
  for (let i = 0; i < 150; i++) {
    pending = Number((await db.query<{ n: string }>(`select count(*) as n from deliveries where status <> 'success'`)).rows[0]!.n);
    const leased = Number((await db.query<{ n: string }>(`select count(*) as n from deliveries where status = 'pending' and attempts > 0`)).rows[0]!.n);
    if (pending === leased) break;
    await sleep(200);
  }
  const rows = await db.query<{ id: string; status: string; attempts: number }>('select id, status, attempts from deliveries');
  const leasedByKilled = rows.rows.filter((r) => r.status === 'pending' && r.attempts > 0).length;
  check(rows.rows.length === cases, `one delivery for every case (${rows.rows.length} deliveries, ${cases} cases)`);
  const repeated = [...received.values()].filter((n) => n > 1).length;
  const succeeded = rows.rows.filter((r) => r.status === 'success');
  check(succeeded.every((r) => received.has(r.id)), `every delivery recorded as sent was received (${succeeded.length})`);
  check(repeated === 0, `no delivery id received twice (${repeated})`);
  check(succeeded.length + leasedByKilled === cases, `every delivery sent, but those the killed instance held under its lease (${leasedByKilled}, taken over when it runs out)`);
  await db.end();
  console.log(`\nMulti-instance test: ${failures.length === 0 ? 'passed' : `${failures.length} failed`} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

let exitCode = 1;
try {
  await main();
  exitCode = failures.length === 0 ? 0 : 1;
} catch (e) {
  console.error('The multi-instance test failed:', e);
} finally {
  for (const ch of children) if (ch.exitCode === null) ch.kill('SIGTERM');
  receiver.close();
  await sleep(500);
  try {
    stopPostgres();
  } catch {
    // already stopped
  }
  rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
