/**
 * `npm run test:instances`: three instances of the built portal on one PostgreSQL server of the
 * test's own, behind nginx (Debian's package) as the load balancer, as docs/deployment.md says.
 * Run by `npm test` and counted as one test. Requests go through nginx (round robin, a new
 * connection for every request); nginx's X-Upstream header tells which instance answered, and a
 * step that must land on another instance than the one before is sent until it does. It shows:
 *
 *  1. **Concurrent starts migrate safely**: the three instances start at the same moment on an
 *     empty database; all come up and every migration is recorded once.
 *  2. **Journeys work whichever instance answers**: a journey's steps are answered by different
 *     instances and it is sent with a reference stored once.
 *  3. **Limits count across instances**: with a limit of LIMIT submissions an hour per address,
 *     LIMIT sends through nginx from one address (spread over the instances) are received and the
 *     next one is refused with 429.
 *  4. **Logins, drafts and Mina sidor whichever instance answers**: a handläggare logs in with
 *     password and TOTP (the two steps on two instances) and the inbox and the case open on every
 *     instance; a citizen logs in with e-legitimation (the local OIDC provider the demo uses, run
 *     by the test like a real broker; the login started on one instance, the callback on another)
 *     and Mina sidor answers on every instance; a draft saved on one instance is continued on
 *     another with its answers.
 *  5. **Every e-mail sent exactly once**: the three instances' job workers send the e-mails of
 *     cases sent by citizens logged in (four of them at the same time, each commit kicking its
 *     instance's worker) and NOTIFICATIONS more to the test's SMTP receiver (slow on purpose, so
 *     that the workers overlap); every address receives its one mail, sent by more than one instance.
 *  6. **An instance killed mid-load loses nothing confirmed**: CLIENTS clients send journeys
 *     through nginx while one instance is killed with SIGKILL; every journey answered with a
 *     reference is stored exactly once under it, and every one sent again after an error (the same
 *     form token) is stored once.
 *  7. **Every delivery is sent exactly once**: a webhook receiver of the test's own counts the
 *     deliveries per instance (each instance has a webhook path of its own); every case gets one
 *     delivery, every row ends `success` (what the killed instance held is taken over when its
 *     lease, JOB_LEASE_SECONDS, runs out), and a delivery id is received twice only when the
 *     killed instance was the one that sent it first (receivers deduplicate on the id).
 *  8. **Gallring at once on every instance removes each thing once**: GALLRING items due (expired
 *     drafts, cases past their retention), the three instances restarted together with their first
 *     gallring GALLRING_FIRST_RUN_SECONDS after start; each item is gone with exactly one audit
 *     event, more than one instance removed some, and none reports a planned removal as missed.
 *  9. **Lease takeover**: a delivery and an e-mail are held unanswered by the receivers; the
 *     instances holding them are killed; after the lease another instance sends each, once.
 *
 * Ports, all from INSTANCES_PORT (6060 by default), in PORTS below: the instances on it and the
 * two after it, nginx on +3, PostgreSQL on +4, the webhook receiver on +5, the OIDC provider on +6,
 * the SMTP receiver on +7. INSTANCES_DIST names a built portal (default: build into a temporary
 * folder). PostgreSQL binaries: /usr/lib/postgresql/<newest>/bin or PG_BIN; nginx: /usr/sbin/nginx
 * or NGINX_BIN. As root, PostgreSQL runs as the `postgres` user (initdb refuses root).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { Jar, spawnBuiltPortal } from './built-portal.ts';
import { ownPostgres } from './own-postgres.ts';

const BASE_PORT = Number(process.env.INSTANCES_PORT ?? 6060);
/** Every port the test uses, from INSTANCES_PORT; a receiver added later takes the next one. */
const PORT_OF = { instances: BASE_PORT, nginx: BASE_PORT + 3, postgres: BASE_PORT + 4, webhook: BASE_PORT + 5, oidc: BASE_PORT + 6, smtp: BASE_PORT + 7 } as const;
const PORTS = [PORT_OF.instances, PORT_OF.instances + 1, PORT_OF.instances + 2];
const NGINX_PORT = PORT_OF.nginx;
const PG_PORT = PORT_OF.postgres;
const RECEIVER_PORT = PORT_OF.webhook;
const ORIGIN = `http://127.0.0.1:${NGINX_PORT}`;
const SERVICE = 'synpunkter-och-klagomal';
const JOURNEY = `/e-tjanster/${SERVICE}`;
const LIMIT = 5;
const CLIENTS = Number(process.env.INSTANCES_CLIENTS ?? 20);
const PER_CLIENT = Number(process.env.INSTANCES_JOURNEYS ?? 15);
/** E-mails queued besides the citizen's own, for the workers to share. */
const NOTIFICATIONS = 45;
/** Cases sent, each with an e-mail, by each of four more citizens at the same time. */
const MAILS_PER_PERSON = 8;
/** Expired drafts for the gallring at once (and GALLRING_CASES cases past their retention). */
const GALLRING = 1500;
const GALLRING_CASES = 20;
/** How long a claimed job stays with its instance (JOB_LEASE_SECONDS); > WEBHOOK_TIMEOUT_MS. */
const LEASE_SECONDS = 8;
const WEBHOOK_TIMEOUT_MS = 3000;
/** Skatteverket test personnummer (the local provider's test persons). */
const CITIZEN = { personnummer: '19450110-3297', digits: '194501103297' };

const work = mkdtempSync(path.join(tmpdir(), 'st-instances-'));
const children: ChildProcess[] = [];
const closers: (() => Promise<void>)[] = [];
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
// The webhook receiver: each instance posts to a path of its own (/instance-<i>); receipts are kept
// by delivery id with the instance and the time. While `hold.delivery` is set, the next delivery
// is kept unanswered (its instance is then killed: the lease takeover).

type Receipt = { instance: number; at: number; answered: boolean };
const received = new Map<string, Receipt[]>();
const hold: { delivery: boolean; mail: boolean } = { delivery: false, mail: false };
let heldDelivery: { id: string; instance: number; at: number } | undefined;
const receiver = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const id = String(req.headers['x-socialtjanst-delivery'] ?? '');
    const instance = Number(/instance-(\d+)/.exec(req.url ?? '')?.[1] ?? -1);
    const receipt: Receipt = { instance, at: Date.now(), answered: false };
    received.set(id, [...(received.get(id) ?? []), receipt]);
    if (hold.delivery && !heldDelivery) {
      heldDelivery = { id, instance, at: receipt.at };
      return; // never answered
    }
    receipt.answered = true;
    res.writeHead(204).end();
  });
});

// The SMTP receiver: mails by recipient with the instance that sent it (its envelope sender,
// instans-<i>@localhost), each accepted after SMTP_DELAY_MS so that several workers overlap. While
// `hold.mail` is set, the next mail is kept unanswered.

const SMTP_DELAY_MS = 60;
const mails = new Map<string, { instance: number; at: number }[]>();
let heldMail: { to: string; instance: number; at: number } | undefined;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    stream.resume();
    stream.on('end', () => {
      const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
      const instance = Number(/instans-(\d+)@/.exec(from)?.[1] ?? -1);
      const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase()).join(',');
      if (hold.mail && !heldMail) {
        heldMail = { to, instance, at: Date.now() };
        return; // never answered
      }
      setTimeout(() => {
        mails.set(to, [...(mails.get(to) ?? []), { instance, at: Date.now() }]);
        callback();
      }, SMTP_DELAY_MS);
    });
  },
});
smtp.on('error', () => undefined);

// The e-legitimation broker: the local OIDC provider (src/server/oidc-dev), as demo mode runs it.
const OIDC_SECRET = randomBytes(24).toString('base64url');

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
/** Each instance's log lines about gallring (pino JSON on stdout and stderr). */
const gallringLog: string[][] = [[], [], []];
const secret = randomBytes(32).toString('base64url');
// The test itself seals a handläggare's TOTP secret as the instances do (with COOKIE_SECRET).
process.env.COOKIE_SECRET = secret;

function startInstance(dist: string, i: number, databaseUrl: string, extra: Record<string, string> = {}): ChildProcess {
  const child = spawnBuiltPortal(
    dist,
    {
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
      WEBHOOK_URL: `http://127.0.0.1:${RECEIVER_PORT}/instance-${i}`,
      WEBHOOK_SECRET: 'instances-test-webhook-secret-0123456789',
      WEBHOOK_TIMEOUT_MS: String(WEBHOOK_TIMEOUT_MS),
      SEND_TIMEOUT_MS: String(WEBHOOK_TIMEOUT_MS),
      JOB_LEASE_SECONDS: String(LEASE_SECONDS),
      DELIVERY_POLL_SECONDS: '1',
      NOTIFY_POLL_SECONDS: '1',
      SMTP_URL: `smtp://127.0.0.1:${PORT_OF.smtp}`,
      SMTP_FROM: `Instans ${i} <instans-${i}@localhost>`,
      OIDC_ISSUER: `http://localhost:${PORT_OF.oidc}`,
      OIDC_CLIENT_SECRET: OIDC_SECRET,
      OIDC_ACR_VALUES: 'http://id.elegnamnden.se/loa/1.0/loa3',
      ...extra,
    },
    ['ignore', 'pipe', 'pipe'],
  );
  const keep = (d: Buffer) => {
    for (const line of d.toString().split('\n')) if (line.includes('gallring')) gallringLog[i]!.push(line);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  children.push(child);
  instances[i] = child;
  return child;
}

/** Stops an instance (SIGTERM) and waits for it to exit. */
async function stopInstance(i: number): Promise<void> {
  const child = instances[i];
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

const instanceOf = (upstream: string) => PORTS.findIndex((p) => upstream.endsWith(`:${p}`));

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
  address: string;
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

/** The answers of a citizen logged in who wants an answer by e-mail at `email`. */
const withAnswerBy = (email: string): [string, Record<string, string>][] => [
  ...ANSWERS.slice(0, 4),
  ['anonym', { anonym: 'nej' }],
  ['ditt-namn', { fornamn: 'Greta', efternamn: 'Dottersson' }],
  ['svar', { villHaSvar: 'ja' }],
  ['svar-satt', { svarSatt: 'epost' }],
  ['svar-epost', { svarEpost: email }],
];

/** Fills in the journey with `marker` in its text; the form token of check-answers and the instances that answered. */
async function fillIn(c: Client, marker: string, answers = ANSWERS): Promise<{ token: string; upstreams: Set<string> }> {
  const upstreams = new Set<string>();
  const start = await c.request('GET', JOURNEY);
  if (start.status !== 200) throw new Error(`start page ${start.status}`);
  upstreams.add(start.upstream);
  for (const [page, fields] of answers) {
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

/** GETs `p` until every living instance has answered it (a few tries each); the answers by instance. */
async function onEveryInstance(c: Client, p: string, living = [0, 1, 2]): Promise<Map<number, Answer>> {
  const by = new Map<number, Answer>();
  for (let tries = 0; tries < living.length * 4 && by.size < living.length; tries++) {
    const a = await c.request('GET', p);
    const i = instanceOf(a.upstream);
    if (!by.has(i)) by.set(i, a);
  }
  return by;
}

/** Sends a request until an instance other than `not` answers it (the request must be safe to repeat). */
async function onAnother(c: Client, not: number, method: 'GET' | 'POST', p: string, form?: Record<string, string>): Promise<Answer> {
  for (let tries = 0; tries < 8; tries++) {
    const a = await c.request(method, p, form);
    if (instanceOf(a.upstream) !== not) return a;
  }
  throw new Error(`${p}: always answered by instance ${not + 1}`);
}

/**
 * Logs in with e-legitimation through nginx: the login started on one instance, the provider's
 * pages (with cookies of their own, as a browser keeps them), the callback on another instance.
 * The instances that started the login and answered the callback.
 */
async function eidLogin(c: Client, personnummer: string): Promise<{ started: number; callback: number }> {
  const start = await c.request('GET', `/logga-in/start?tillbaka=${encodeURIComponent('/mina-sidor')}`);
  if (start.status !== 303 && start.status !== 302) throw new Error(`login start ${start.status}`);
  const started = instanceOf(start.upstream);
  const provider = new Jar();
  let url = new URL(start.location, ORIGIN).toString();
  for (let hop = 0; hop < 12; hop++) {
    if (url.startsWith(ORIGIN)) {
      const u = new URL(url);
      // Once (the code is used up by it): nginx's round robin sends it to the next instance.
      const back = await c.request('GET', u.pathname + u.search);
      if (back.status !== 303) throw new Error(`login callback ${back.status}`);
      return { started, callback: instanceOf(back.upstream) };
    }
    let res = await fetch(url, { headers: { cookie: provider.header() }, redirect: 'manual' });
    provider.apply(res);
    if (res.status === 200) {
      await res.arrayBuffer();
      res = await fetch(url, { method: 'POST', headers: { cookie: provider.header(), 'content-type': 'application/x-www-form-urlencoded' }, body: `action=login&personnummer=${personnummer}`, redirect: 'manual' });
      provider.apply(res);
    }
    await res.arrayBuffer();
    url = new URL(res.headers.get('location') ?? '', url).toString();
  }
  throw new Error('the e-legitimation login did not come back to the portal');
}

/** Waits until `done()` (at most `seconds`); whether it came true. */
async function until(seconds: number, done: () => Promise<boolean>): Promise<boolean> {
  for (const end = Date.now() + seconds * 1000; Date.now() < end; await sleep(250)) if (await done()) return true;
  return done();
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
  await new Promise<void>((r, reject) => smtp.listen(PORT_OF.smtp, '127.0.0.1', () => r()).once('error', reject));
  const { startDevProvider } = await import('../src/server/oidc-dev/provider.ts');
  const oidc = await startDevProvider({ port: PORT_OF.oidc, clientId: 'socialtjanstportalen', clientSecret: OIDC_SECRET, redirectUris: [`${ORIGIN}/logga-in/callback`] });
  closers.push(() => oidc.close());

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
  const firstMarker = `INST-${randomBytes(4).toString('hex')}`;
  const walked = await fillIn(first, firstMarker);
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

  // 4. Logins, drafts and Mina sidor, whichever instance answers.
  console.log('Logins, drafts and Mina sidor across instances:');
  const { openDatabase } = await import('../db/client.ts');
  const { createStaffUser, STAFF_AREAS } = await import('../src/server/staff/users.ts');
  const { setEnrolledTotpKey } = await import('../src/server/staff/second-factor.ts');
  const { generateTotpKey, totpAt } = await import('../src/server/staff/totp.ts');
  const app = await openDatabase({ databaseUrl, dataDir: work });
  const password = randomBytes(18).toString('base64url');
  const user = await createStaffUser(app.db, { username: 'instanser', displayName: 'Ines Instans', password, roles: ['handlaggare'], areas: [...STAFF_AREAS] });
  const key = generateTotpKey();
  await setEnrolledTotpKey(app.db, user.id, key);
  await app.close();
  const staff = new Client('127.0.10.1');
  const pw = await staff.request('POST', '/handlaggning/logga-in', { username: 'instanser', password });
  const second = await onAnother(staff, instanceOf(pw.upstream), 'GET', '/handlaggning/logga-in/tvafaktor');
  const code = await staff.request('POST', '/handlaggning/logga-in/tvafaktor', { code: totpAt(key, new Date()) });
  check(pw.status === 303 && second.status === 200 && code.status === 303 && !code.location.includes('logga-in'), `a handläggare logged in with password (instance ${instanceOf(pw.upstream) + 1}) and TOTP (instance ${instanceOf(code.upstream) + 1}) (${pw.status}, ${second.status}, ${code.status} → ${code.location})`);
  // Synpunkter have a queue of their own in the inbox.
  const inbox = await onEveryInstance(staff, '/handlaggning?ko=synpunkter');
  check(inbox.size === 3 && [...inbox.values()].every((a) => a.status === 200 && a.body.includes(`>${firstSent.reference}</a>`)), `the inbox listing the first case answered by every instance (${[...inbox].map(([i, a]) => `${i + 1}: ${a.status}`).join(', ')})`);
  const casePage = await onEveryInstance(staff, `/handlaggning/arenden/${firstSent.reference}`);
  check(casePage.size === 3 && [...casePage.values()].every((a) => a.status === 200 && a.body.includes(firstMarker)), `the case with its answers opened on every instance (${[...casePage].map(([i, a]) => `${i + 1}: ${a.status}`).join(', ')})`);

  const citizen = new Client('127.0.11.1');
  const login = await eidLogin(citizen, CITIZEN.digits);
  check(login.started !== login.callback, `a citizen's e-legitimation login started on instance ${login.started + 1} and came back to instance ${login.callback + 1}`);
  // Cases sent logged in, each with an answer wanted by e-mail (on Mina sidor, and a mail each).
  const citizenRefs: string[] = [];
  for (let k = 0; k < 3; k++) {
    const { token } = await fillIn(citizen, `EID-${k}-${randomBytes(3).toString('hex')}`, withAnswerBy(`greta-${k}@example.se`));
    const sent = await send(citizen, token);
    if (sent.reference) citizenRefs.push(sent.reference);
  }
  check(citizenRefs.length === 3, `the logged-in citizen sent ${citizenRefs.length} of 3 cases`);
  // A draft saved on one instance …
  const tvatt = await citizen.request('GET', '/e-tjanster/tvatt');
  const saved = await citizen.request('POST', '/e-tjanster/tvatt/vem-ansoker', { soker: 'sjalv', spara: '1' });
  const savedOn = instanceOf(saved.upstream);
  const mina = await onEveryInstance(citizen, '/mina-sidor');
  const draftId = /\/mina-sidor\/utkast\/([0-9a-f-]{36})/.exec(mina.get(0)?.body ?? '')?.[1];
  check(
    tvatt.status === 200 && saved.status === 303 && mina.size === 3 && [...mina.values()].every((a) => a.status === 200 && a.body.includes(`/mina-sidor/utkast/${draftId}`) && citizenRefs.every((r) => a.body.includes(r))),
    `Mina sidor answered by every instance with the ${citizenRefs.length} cases and the draft saved on instance ${savedOn + 1} (${[...mina].map(([i, a]) => `${i + 1}: ${a.status}`).join(', ')})`,
  );
  // … continued on another, its answer there.
  // Without the journey's cookie: what comes back is what the database kept.
  citizen.cookies.delete('st_j_tvatt');
  const resumed = await onAnother(citizen, savedOn, 'POST', `/mina-sidor/utkast/${draftId}`, { action: 'fortsatt' });
  const back = await onAnother(citizen, instanceOf(resumed.upstream), 'GET', '/e-tjanster/tvatt/vem-ansoker');
  check(resumed.status === 303 && /\/e-tjanster\/tvatt\//.test(resumed.location) && back.status === 200 && /value="sjalv"[^>]*checked/.test(back.body), `the draft continued on instance ${instanceOf(resumed.upstream) + 1} (${resumed.status} → ${resumed.location}), its answer shown on instance ${instanceOf(back.upstream) + 1}`);

  // 5. Every e-mail once, with the three instances' workers running: the other test persons, logged
  // in, send cases at the same time (each commit kicks its instance's worker, so the instances
  // claim at the same moments), and a backlog is queued besides.
  console.log('E-mails by the job workers of three instances:');
  const others = ['194001042383', '198501012382', '199001012385', '198912312389'];
  const concurrent = await Promise.all(
    others.map(async (pnr, k) => {
      const c = new Client(`127.0.12.${k + 1}`);
      await eidLogin(c, pnr);
      const refs: string[] = [];
      for (let j = 0; j < MAILS_PER_PERSON; j++) {
        // Each case from an address of its own: the limit per address stays out of the way.
        c.address = `127.0.${12 + k}.${j + 1}`;
        const { token } = await fillIn(c, `MAIL-${k}-${j}`, withAnswerBy(`person-${k}-${j}@example.se`));
        const r = await send(c, token);
        if (r.reference) refs.push(r.reference);
      }
      return refs;
    }),
  );
  check(concurrent.flat().length === others.length * MAILS_PER_PERSON, `${others.length} more citizens logged in sent ${concurrent.flat().length} of ${others.length * MAILS_PER_PERSON} cases at the same time, each wanting an answer by e-mail`);
  const [someCase] = (await db.query<{ id: string }>('select id from submissions where reference = $1', [citizenRefs[0] ?? firstSent.reference])).rows;
  for (let k = 0; k < NOTIFICATIONS; k++) await db.query(`insert into notifications (to_address, template, submission_id) values ($1, 'submission_received', $2)`, [`mottagare-${k}@example.se`, someCase!.id]);
  const queued = Number((await db.query<{ n: string }>('select count(*) as n from notifications')).rows[0]!.n);
  const allSent = await until(90, async () => Number((await db.query<{ n: string }>(`select count(*) as n from notifications where status <> 'sent'`)).rows[0]!.n) === 0);
  const byAddress = (await db.query<{ to_address: string }>('select to_address from notifications')).rows.map((r) => r.to_address.toLowerCase());
  const senders = new Set([...mails.values()].flat().map((m) => m.instance));
  check(allSent, `every e-mail queued is sent (${queued}: ${citizenRefs.length + concurrent.flat().length} of the citizens' cases, ${NOTIFICATIONS} more)`);
  check(byAddress.every((a) => mails.get(a)?.length === 1) && mails.size === byAddress.length, `every address received its mail exactly once (${byAddress.filter((a) => mails.get(a)?.length === 1).length} of ${byAddress.length}; ${[...mails.values()].filter((m) => m.length > 1).length} twice)`);
  check(senders.size > 1, `the mails were sent by ${senders.size} instances (${[...senders].map((i) => i + 1).join(', ')})`);

  // 6. An instance killed mid-load.
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

  // 7. Deliveries: every case one delivery, every one sent (what the killed instance held, after its
  // lease), a delivery id received twice only when the killed instance had sent it first.
  console.log('Deliveries by the job workers of the two instances left:');
  const killed = 1;
  const cases = Number((await db.query<{ n: string }>('select count(*) as n from submissions')).rows[0]!.n);
  const delivered = await until(LEASE_SECONDS + 60, async () => Number((await db.query<{ n: string }>(`select count(*) as n from deliveries where status <> 'success'`)).rows[0]!.n) === 0);
  const rows = await db.query<{ id: string; status: string; attempts: number }>('select id, status, attempts from deliveries');
  check(rows.rows.length === cases, `one delivery for every case (${rows.rows.length} deliveries, ${cases} cases)`);
  check(delivered, `every delivery sent, those the killed instance held taken over after the lease of ${LEASE_SECONDS} s (${rows.rows.filter((r) => r.status === 'success').length} of ${rows.rows.length}; ${rows.rows.filter((r) => r.attempts > 1).length} on a second attempt)`);
  check(rows.rows.every((r) => received.get(r.id)?.some((x) => x.answered)), 'every delivery recorded as sent was received');
  const again = [...received].filter(([, rs]) => rs.length > 1);
  check(again.every(([, rs]) => rs.slice(0, -1).every((x) => x.instance === killed)), `a delivery received twice only where the killed instance sent it first (${again.length} received twice)`);

  // 8. Gallring on every instance at once: the three restarted together, each running its first
  // gallring GALLRING_FIRST_RUN_SECONDS after start.
  console.log(`Gallring at once on three instances (${GALLRING} expired drafts, ${GALLRING_CASES} cases past their retention):`);
  const drafts = await db.query<{ id: string }>(
    `insert into drafts (owner_personnummer, service_id, service_version, answers, expires_at) select $1, 'tvatt', 1, '{}'::jsonb, now() - interval '1 day' from generate_series(1, $2) returning id`,
    [CITIZEN.personnummer, GALLRING],
  );
  const old = await db.query<{ id: string }>(`update submissions set status = 'avslutad', closed_at = '2001-01-01' where id in (select id from submissions where answers->>'vadHande' like 'KILL-%' order by id limit $1) returning id`, [GALLRING_CASES]);
  const due = [...drafts.rows.map((r) => r.id), ...old.rows.map((r) => r.id)];
  await Promise.all([0, 1, 2].map(stopInstance));
  for (let i = 0; i < PORTS.length; i++) startInstance(dist, i, databaseUrl, { GALLRING_FIRST_RUN_SECONDS: '2' });
  const again3 = await Promise.all(PORTS.map((p, i) => waitUp(`http://127.0.0.1:${p}/`, instances[i])));
  check(again3.every(Boolean), `the three instances restarted together (${again3.map((u) => (u ? 'up' : 'down')).join(', ')})`);
  const gone = await until(60, async () => Number((await db.query<{ n: string }>('select (select count(*) from drafts where id = any($1::uuid[])) + (select count(*) from submissions where id = any($1::uuid[])) as n', [due])).rows[0]!.n) === 0);
  // Another moment for a late run to report what it found.
  await sleep(3000);
  const events = await db.query<{ subject_id: string; n: string }>(`select subject_id, count(*) as n from audit_events where action in ('gallring.draft_deleted', 'gallring.case_deleted') group by subject_id`);
  const auditedTimes = new Map(events.rows.map((r) => [r.subject_id, Number(r.n)]));
  const removedBy = gallringLog.map((lines) => lines.filter((l) => l.includes('gallring done')).reduce((n, l) => n + Number(/"draft":(\d+)/.exec(l)?.[1] ?? 0) + Number(/"case":(\d+)/.exec(l)?.[1] ?? 0), 0));
  const missed = gallringLog.flat().filter((l) => l.includes('planned and done differ'));
  check(gone, `everything due is gone (${due.length})`);
  check(due.every((id) => auditedTimes.get(id) === 1), `each removal audited exactly once (${due.filter((id) => auditedTimes.get(id) === 1).length} of ${due.length}; ${due.filter((id) => (auditedTimes.get(id) ?? 0) > 1).length} twice)`);
  check(removedBy.reduce((a, b) => a + b, 0) === due.length, `the instances' removals add up to what was due: removed by instance 1, 2, 3: ${removedBy.join(', ')}`);
  // Whether the runs overlap depends on how far apart the instances came up: on a fast machine one
  // run may take everything before the others start. The checks above then still hold, but say so.
  if (removedBy.filter((n) => n > 0).length < 2) console.log('  ! only one instance removed anything this time: the runs did not overlap');
  check(missed.length === 0, `no instance reported a planned removal as missed (${missed.length})`);

  // 9. Lease takeover: a delivery and an e-mail held unanswered, the instances holding them killed;
  // another instance sends each after the lease, once.
  console.log(`Lease takeover (JOB_LEASE_SECONDS=${LEASE_SECONDS}):`);
  hold.delivery = true;
  hold.mail = true;
  const leaseAddress = 'lease@example.se';
  const { token: leaseToken } = await fillIn(citizen, `LEASE-${randomBytes(3).toString('hex')}`, withAnswerBy(leaseAddress));
  const leaseSent = await send(citizen, leaseToken);
  const bothHeld = await until(30, async () => heldDelivery !== undefined && heldMail !== undefined);
  const holders = [...new Set([heldDelivery?.instance, heldMail?.instance])].filter((i): i is number => i !== undefined && i >= 0);
  for (const i of holders) instances[i]!.kill('SIGKILL');
  hold.delivery = false;
  hold.mail = false;
  check(leaseSent.reference !== undefined && bothHeld && holders.length > 0 && holders.length < 3, `the delivery (instance ${(heldDelivery?.instance ?? -2) + 1}) and the e-mail (instance ${(heldMail?.instance ?? -2) + 1}) held, those instances killed`);
  const [leaseCase] = (await db.query<{ id: string }>('select id from submissions where reference = $1', [leaseSent.reference ?? ''])).rows;
  const takenOver = await until(LEASE_SECONDS + 30, async () => {
    const r = await db.query<{ d: string; m: string }>(`select (select count(*) from deliveries where submission_id = $1 and status = 'success') as d, (select count(*) from notifications where submission_id = $1 and status = 'sent') as m`, [leaseCase?.id]);
    return Number(r.rows[0]!.d) === 1 && Number(r.rows[0]!.m) === 1;
  });
  const leaseDelivery = heldDelivery ? (received.get(heldDelivery.id) ?? []) : [];
  const answered = leaseDelivery.filter((x) => x.answered);
  const leaseMails = mails.get(leaseAddress) ?? [];
  const [attempts] = (await db.query<{ d: number; m: number }>(`select (select attempts from deliveries where submission_id = $1) as d, (select attempts from notifications where submission_id = $1) as m`, [leaseCase?.id])).rows;
  check(takenOver, 'the held delivery and e-mail were sent by another instance');
  check(
    answered.length === 1 && !holders.includes(answered[0]!.instance) && answered[0]!.at - heldDelivery!.at >= (LEASE_SECONDS - 1) * 1000 && attempts?.d === 2,
    `the delivery sent once more, by instance ${(answered[0]?.instance ?? -2) + 1}, ${((answered[0]?.at ?? 0) - (heldDelivery?.at ?? 0)) / 1000} s after it was held (lease ${LEASE_SECONDS} s), attempt ${attempts?.d}`,
  );
  check(
    leaseMails.length === 1 && !holders.includes(leaseMails[0]!.instance) && leaseMails[0]!.at - heldMail!.at >= (LEASE_SECONDS - 1) * 1000 && attempts?.m === 2,
    `the e-mail received once, from instance ${(leaseMails[0]?.instance ?? -2) + 1}, ${((leaseMails[0]?.at ?? 0) - (heldMail?.at ?? 0)) / 1000} s after it was held, attempt ${attempts?.m}`,
  );
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
  smtp.close();
  for (const close of closers) await close().catch(() => undefined);
  await sleep(500);
  try {
    stopPostgres();
  } catch {
    // already stopped
  }
  rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
