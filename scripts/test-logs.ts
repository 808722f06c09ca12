/**
 * `npm run test:logs`: makes every kind of failure happen in the built portal, with answers no one
 * else would write, and then reads everything the server printed (standard output and error) for
 * them and for personnummer. The log may say that something failed and where, never with what.
 *
 * Failures made to happen (PostgreSQL on DATABASE_URL's server, or 127.0.0.1:5432, a fresh
 * database reached through a proxy this script can cut; triggers this script adds refuse rows):
 *  - a submission the database refuses (a constraint error whose message holds the answers);
 *  - the database connection cut in the middle of a submission;
 *  - a handläggare's note the database refuses (an error no page handles: the 500 page);
 *  - an attachment the database refuses to store;
 *  - a receipt PDF that cannot be made;
 *  - a delivery to a verksamhetssystem that answers 500, echoing the case;
 *  - an e-mail the mail server refuses, naming the address;
 *  - an e-legitimation broker that cannot be reached, and a forged login callback;
 *  - searches and return paths carrying a personnummer in the query string.
 *
 * LOGS_DIST names a built portal (else one is built). Port LOGS_PORT (default FUZZ_PORT + 5).
 * Ends with "N passed, N failed".
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer, connect, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { Jar, spawnBuiltPortal } from './built-portal.ts';

const PORT = Number(process.env.LOGS_PORT ?? Number(process.env.FUZZ_PORT ?? 4720) + 5);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const STAFF_PASSWORD = `Logs-${randomBytes(9).toString('base64url')}`;
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** Skatteverket test personnummer (testdata/), a child's and an adult's, and words no one else writes. */
const CHILD_PNR = '201509160006';
const ADULT_PNR = '198501012382';
const SECRETS = {
  childPnr: [CHILD_PNR, '20150916-0006', '150916-0006', '1509160006'],
  adultPnr: [ADULT_PNR, '19850101-2382', '850101-2382', '8501012382'],
  name: ['Tintinia', 'Quorndahl'],
  concern: ['Zebrafink-oro', 'slår mig varje kväll i köket'],
  email: ['quorndahl.tintinia@example.se'],
  file: ['Quorndahl-kontoutdrag'],
};

const work = mkdtempSync(path.join(tmpdir(), 'st-logs-'));
const children: ChildProcess[] = [];
const closers: (() => Promise<void> | void)[] = [];
let printed = '';

let passed = 0;
let failed = 0;
const failures: string[] = [];
function check(ok: boolean, what: string): void {
  if (ok) passed += 1;
  else {
    failed += 1;
    failures.push(what);
  }
}

// ---------------------------------------------------------------------------------------------
// What the portal talks to

/** A TCP proxy to PostgreSQL whose connections can be cut, as when the database goes away. */
async function pgProxy(target: URL): Promise<{ port: number; cut(): void }> {
  const sockets = new Set<Socket>();
  const server = createNetServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => {
    for (const s of sockets) s.destroy();
    server.close();
  });
  return { port: (server.address() as { port: number }).port, cut: () => sockets.forEach((s) => s.destroy()) };
}

/** A mail server that refuses every recipient, naming the address in its answer. */
async function refusingSmtp(): Promise<number> {
  const server = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], logger: false, onRcptTo: (a, _s, cb) => cb(Object.assign(new Error(`Mailbox ${a.address} unknown`), { responseCode: 550 })) });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => new Promise<void>((r) => server.close(() => r())));
  return (server.server.address() as { port: number }).port;
}

/** A verksamhetssystem that answers 500 and echoes what it was sent. */
async function failingWebhook(): Promise<number> {
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`cannot store ${Buffer.concat(chunks).toString('utf8').slice(0, 2000)}`);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => new Promise<void>((r) => server.close(() => r())));
  return (server.address() as { port: number }).port;
}

async function closedPort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

// ---------------------------------------------------------------------------------------------
// HTTP as a browser

type Res = { status: number; body: string; location: string };

async function request(jar: Jar, url: string, init: { method?: string; form?: Record<string, string>; multipart?: FormData } = {}): Promise<Res> {
  const headers: Record<string, string> = { cookie: jar.header() };
  let body: string | FormData | undefined;
  if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form).toString();
  } else if (init.multipart) body = init.multipart;
  if (body !== undefined) headers.origin = ORIGIN;
  const res = await fetch(`${ORIGIN}${url}`, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body, redirect: 'manual' });
  jar.apply(res);
  return { status: res.status, body: await res.text(), location: res.headers.get('location') ?? '' };
}

const BASE = '/e-tjanster/kontakta-socialtjansten';

/** The contact e-tjänst up to its check-answers page, with `fraga` as the question asked. */
async function journey(jar: Jar, fraga: string): Promise<string> {
  const steps: [string, Record<string, string>][] = [
    ['amne', { amne: 'annat' }],
    ['arende', { arende: 'fraga' }],
    ['fraga', { fraga }],
    ['kontakt-ringa', { faRinga: 'nej' }],
    ['kontakt-brev', { faBrev: 'nej' }],
    ['kontakt-epost-fraga', { faEpost: 'ja' }],
    ['kontakt-epost', { kontaktEpost: SECRETS.email[0]! }],
    ['tolk', { tolk: 'nej' }],
    ['ditt-namn', { fornamn: SECRETS.name[0]!, efternamn: SECRETS.name[1]!, personnummer: SECRETS.adultPnr[1]! }],
  ];
  for (const [page, fields] of steps) {
    const r = await request(jar, `${BASE}/${page}`, { form: fields });
    if (r.status !== 303) throw new Error(`journey step ${page} answered ${r.status}`);
  }
  const check = await request(jar, `${BASE}/kontrollera`);
  const token = /name="token" value="([^"]+)"/.exec(check.body)?.[1];
  if (!token) throw new Error(`check-answers page without a token (${check.status})`);
  return token;
}

const totp = (step: number) => generateHOTP(decodeBase32IgnorePadding(TOTP_SECRET), BigInt(step), 6);

async function staffLogin(jar: Jar): Promise<void> {
  const r1 = await request(jar, '/handlaggning/logga-in', { form: { username: 'handlaggare', password: STAFF_PASSWORD } });
  if (r1.status !== 303) throw new Error(`staff login answered ${r1.status}`);
  const r2 = await request(jar, '/handlaggning/logga-in/tvafaktor', { form: { code: totp(Math.floor(Date.now() / 30_000)) } });
  if (r2.status !== 303) throw new Error(`second factor answered ${r2.status}`);
}

// ---------------------------------------------------------------------------------------------

const TRIGGERS = `
create or replace function logtest_submission() returns trigger language plpgsql as $$
begin
  if new.answers::text like '%LOGTEST-REJECT%' then
    raise exception 'refused row: %', new.answers::text using errcode = '23514', detail = new.answers::text;
  elsif new.answers::text like '%LOGTEST-SLOW%' then
    perform pg_sleep(3);
  end if;
  return new;
end $$;
create or replace function logtest_note() returns trigger language plpgsql as $$
begin
  raise exception 'refused note: %', new.body using errcode = '23514';
end $$;
create or replace function logtest_upload() returns trigger language plpgsql as $$
begin
  raise exception 'refused file: %', new.file_name using errcode = '23514';
end $$;
create trigger logtest_submissions before insert on submissions for each row execute function logtest_submission();
create trigger logtest_notes before insert on case_notes for each row execute function logtest_note();
create trigger logtest_uploads before insert on uploads for each row execute function logtest_upload();
`;

async function main(): Promise<number> {
  let dist = process.env.LOGS_DIST ? path.resolve(process.env.LOGS_DIST) : '';
  if (!dist) {
    dist = path.join(work, 'dist');
    console.log(`Building the portal into ${dist} …`);
    if (spawnSync('astro', ['build', '--outDir', dist], { stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) throw new Error('astro build failed');
  }
  const server = new URL(SERVER_URL);
  const dbName = `st_logs_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  closers.push(async () => {
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  });
  const proxy = await pgProxy(server);
  const viaProxy = new URL(SERVER_URL);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  viaProxy.pathname = `/${dbName}`;
  const direct = new URL(SERVER_URL);
  direct.pathname = `/${dbName}`;

  const portal = spawnBuiltPortal(
    dist,
    {
      HOST: '127.0.0.1',
      PORT: String(PORT),
      PUBLIC_ORIGIN: ORIGIN,
      DATABASE_URL: viaProxy.toString(),
      DATA_DIR: path.join(work, 'data'),
      COOKIE_SECRET: randomBytes(32).toString('base64url'),
      DEMO_MODE: 'true',
      DEMO_STAFF_PASSWORD: STAFF_PASSWORD,
      STAFF_TOTP_SECRET: TOTP_SECRET,
      DEMO_LOCAL_PROVIDERS: 'false',
      OIDC_ISSUER: `http://127.0.0.1:${await closedPort()}`,
      OIDC_CLIENT_SECRET: 'logs-test-client-secret',
      SMTP_URL: `smtp://127.0.0.1:${await refusingSmtp()}`,
      NOTIFY_POLL_SECONDS: '1',
      WEBHOOK_URL: `http://127.0.0.1:${await failingWebhook()}/arenden`,
      WEBHOOK_SECRET: randomBytes(24).toString('base64url'),
      DELIVERY_POLL_SECONDS: '1',
      SUBMISSION_RATE_LIMIT_PER_HOUR: '0',
      NODE_ENV: 'production',
    },
    ['ignore', 'pipe', 'pipe'],
  );
  children.push(portal);
  for (const s of [portal.stdout, portal.stderr]) s?.on('data', (d: Buffer) => (printed += d.toString('utf8')));
  for (let i = 0; i < 300; i++) {
    if (portal.exitCode !== null) throw new Error(`the portal exited at start:\n${printed.slice(-3000)}`);
    if ((await fetch(`${ORIGIN}/`).then((r) => r.status).catch(() => 0)) === 200) break;
    await sleep(200);
  }
  const db = new pg.Client({ connectionString: direct.toString() });
  await db.connect();
  closers.unshift(() => db.end());
  await db.query(TRIGGERS);

  // A submission that is received: its deliveries and e-mail then fail.
  const ok = new Jar();
  const token = await journey(ok, `${SECRETS.concern[0]} ${SECRETS.concern[1]}, barnet ${SECRETS.childPnr[1]}`);
  const sent = await request(ok, `${BASE}/kontrollera`, { form: { token } });
  check(sent.status === 303, `the first submission answered ${sent.status}`);
  // Its confirmation (with the receipt made in the page) is shown further down, once its receipt cannot be made.
  const [row] = (await db.query<{ id: string; reference: string }>('select id, reference from submissions order by submitted_at desc limit 1')).rows;
  const reference = row?.reference ?? '';
  check(reference !== '', 'the first submission got a reference');
  if (row) await db.query(`insert into notifications (to_address, template, submission_id) values ($1, 'submission_received', $2)`, [SECRETS.email[0], row.id]);

  // A submission the database refuses.
  const refused = new Jar();
  const r1 = await request(refused, `${BASE}/kontrollera`, { form: { token: await journey(refused, `LOGTEST-REJECT ${SECRETS.concern[1]} ${SECRETS.childPnr[0]}`) } });
  check(r1.status >= 500, `a refused submission answered ${r1.status}`);

  // The connection cut while a submission is being stored.
  const cut = new Jar();
  const cutToken = await journey(cut, `LOGTEST-SLOW ${SECRETS.concern[0]} ${SECRETS.childPnr[1]}`);
  const pending = request(cut, `${BASE}/kontrollera`, { form: { token: cutToken } });
  await sleep(800);
  proxy.cut();
  const r2 = await pending;
  check(r2.status === 503, `a submission whose connection was cut answered ${r2.status}`);
  await sleep(500);

  // The receipt PDF cannot be made (its e-tjänst version is gone): the confirmation is still shown, without it.
  await db.query('update submissions set service_version = 999 where reference = $1', [reference]);
  const confirmation = await request(ok, `${BASE}/klart`);
  check(confirmation.status === 200 && confirmation.body.includes(reference) && !confirmation.body.includes('application/pdf'), `a confirmation whose receipt cannot be made answered ${confirmation.status} without its reference, or with a receipt`);
  await db.query('update submissions set service_version = 1 where reference = $1', [reference]);

  // Staff: a note and an attachment the database refuses; searches with a personnummer.
  const staff = new Jar();
  await staffLogin(staff);
  const casePage = await request(staff, `/handlaggning/arenden/${reference}`);
  const lockVersion = /name="lockVersion" value="(\d+)"/.exec(casePage.body)?.[1] ?? '1';
  const note = await request(staff, `/handlaggning/arenden/${reference}`, { form: { action: 'note', lockVersion, note: `${SECRETS.name.join(' ')} ${SECRETS.adultPnr[1]} ${SECRETS.concern[1]}` } });
  check(note.status >= 500, `a refused note answered ${note.status}`);
  const message = new FormData();
  message.set('action', 'message');
  message.set('message', `Hej ${SECRETS.name[0]}`);
  message.set('bilagor', new File([Buffer.from('%PDF-1.4\n%%EOF\n')], `${SECRETS.file[0]}-${SECRETS.adultPnr[0]}.pdf`, { type: 'application/pdf' }));
  const msg = await request(staff, `/handlaggning/arenden/${reference}`, { multipart: message });
  check(msg.status >= 500, `a refused attachment answered ${msg.status}`);
  for (const q of [`/handlaggning?sok=${SECRETS.childPnr[1]}`, `/handlaggning?sok=${encodeURIComponent(SECRETS.name[1]!)}`, `/handlaggning/admin/granskning?personnummer=${SECRETS.adultPnr[0]}`]) await request(staff, q);

  // Citizens: the broker cannot be reached; a forged callback; a return path with a personnummer.
  const citizen = new Jar();
  const start = await request(citizen, `/logga-in/start?tillbaka=${encodeURIComponent(`/mina-sidor?pnr=${SECRETS.childPnr[1]}`)}`);
  check(start.status === 303 && start.location.includes('fel=provider'), `login with an unreachable broker answered ${start.status} ${start.location}`);
  await request(citizen, `/logga-in/callback?code=${SECRETS.adultPnr[0]}&state=${SECRETS.name[1]}`);
  await request(citizen, `/sprak/en?tillbaka=${encodeURIComponent(`/e-tjanster?q=${SECRETS.email[0]}`)}`);

  // The workers' rounds: the delivery and the e-mail fail.
  for (let i = 0; i < 40; i++) {
    await sleep(250);
    if (/delivery failed/.test(printed) && /notification not sent/.test(printed)) break;
  }
  portal.kill('SIGTERM');
  await sleep(500);

  // Every kind of failure above left a line, so the scan below reads a log that says something.
  for (const expected of ['submission failed', 'request failed', 'delivery failed', 'notification not sent', 'citizen login could not start', 'citizen login refused']) {
    check(printed.includes(`"msg":"${expected}"`), `the log has a line "${expected}"`);
  }
  for (const [kind, values] of Object.entries(SECRETS)) {
    for (const v of values) check(!printed.includes(v), `the log holds no ${kind} ("${v}")`);
  }
  const pnrLike = printed.match(/(?<![\d-])(?:19|20)\d{6}[-+]?\d{4}(?![\d-])|(?<![\d-])\d{6}[-+]\d{4}(?![\d-])/g) ?? [];
  check(pnrLike.length === 0, `the log holds nothing shaped like a personnummer (${pnrLike.slice(0, 3).join(', ')})`);
  check(!/Failed query|params:/i.test(printed), 'the log holds no failed statement or its parameters');
  return failed === 0 ? 0 : 1;
}

let status = 1;
try {
  status = await main();
} catch (e) {
  failed += 1;
  failures.push(`the test could not run: ${e instanceof Error ? e.message : String(e)}`);
} finally {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  for (const close of closers) await Promise.resolve(close()).catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
}
console.log(`\nLogs under failure: ${passed + failed} checks`);
for (const f of failures) console.log(`  ✗ ${f}`);
if (failed > 0 || process.env.LOGS_VERBOSE) console.log(`\nWhat the portal printed (end):\n${printed.slice(-5000)}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? status : 1);
