/**
 * Starts the built portal: checks the configuration, applies migrations, in demo mode makes sure
 * the demo handläggare exists and prints its login, then serves the built app (PORTAL_DIST, default
 * ./dist) from the portal's HTTP server (src/server/front/server.ts). Run it with the heap settings
 * in src/server/front/node-flags.ts, as `npm run serve` does.
 *
 * In demo mode, unless OIDC_ISSUER / SMTP_URL are set, it also starts the local e-legitimation
 * provider (a real OIDC provider with Skatteverket test persons, port DEMO_OIDC_PORT, default 4322)
 * and a local SMTP receiver that keeps the portal's e-mails as files (port DEMO_SMTP_PORT, default
 * 4325, folder DATA_DIR/mail), and points the portal at them through the same settings a real
 * broker and mail server would use. DEMO_LOCAL_PROVIDERS=false leaves both out.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, parseConfig } from '../src/server/config.ts';
import { openDatabase } from '../db/client.ts';
import { isUnavailable } from '../src/server/db.ts';
import { demoAnnouncement, prepareDemo, type DemoLogin } from '../src/server/staff/demo.ts';
import { randomBytes } from 'node:crypto';
import { startPortalServer } from '../src/server/front/server.ts';

let cfg;
try {
  cfg = parseConfig(process.env);
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}

// PORTAL_DIST: another build than ./dist (tests and benchmarks start theirs through this script too).
const dist = path.resolve(process.env.PORTAL_DIST ?? 'dist');
const entry = path.join(dist, 'server', 'entry.mjs');
if (!existsSync(entry)) {
  console.error(`The portal is not built yet (${entry}): run \`npm run build\` first (or \`npm start\`, which builds).`);
  process.exit(1);
}

let demo: DemoLogin | undefined;
try {
  const handle = await openDatabase({ databaseUrl: cfg.DATABASE_URL, dataDir: cfg.DATA_DIR, migrate: true });
  try {
    demo = await prepareDemo(handle.db, cfg);
  } finally {
    // PGlite allows one process at a time: release it before the server opens it again.
    await handle.close();
  }
} catch (e) {
  // A database that is down must not keep the portal down: pages that need no database keep
  // working, and the server connects (and migrates) by itself when the database is back.
  if (!isUnavailable(e)) throw e;
  console.warn(`The database is not reachable right now (${e instanceof Error ? e.message : String(e)}); starting anyway.`);
}

let demoIssuer: string | undefined;
let demoMailDir: string | undefined;
// DEMO_LOCAL_PROVIDERS=false: no local provider or mail receiver (tests that start several instances).
const localProviders = cfg.DEMO_MODE && process.env.DEMO_LOCAL_PROVIDERS !== 'false';
if (localProviders && !cfg.OIDC_ISSUER) {
  const secret = randomBytes(24).toString('base64url');
  // Loaded only when used: a server without them does not carry them in memory.
  const { startDevProvider } = await import('../src/server/oidc-dev/provider.ts');
  const provider = await startDevProvider({
    port: Number(process.env.DEMO_OIDC_PORT ?? 4322),
    clientId: cfg.OIDC_CLIENT_ID,
    clientSecret: secret,
    redirectUris: [new URL('/logga-in/callback', cfg.PUBLIC_ORIGIN).toString()],
  });
  demoIssuer = provider.issuer;
  process.env.OIDC_ISSUER = provider.issuer;
  process.env.OIDC_CLIENT_SECRET = secret;
  process.env.OIDC_ACR_VALUES ??= 'http://id.elegnamnden.se/loa/1.0/loa3';
}
if (localProviders && !cfg.SMTP_URL) {
  demoMailDir = path.resolve(cfg.DATA_DIR, 'mail');
  const { startSmtpReceiver } = await import('../src/server/notifications/smtp-receiver.ts');
  const receiver = await startSmtpReceiver({ port: Number(process.env.DEMO_SMTP_PORT ?? 4325), dir: demoMailDir });
  process.env.SMTP_URL = receiver.url;
  process.env.NOTIFY_POLL_SECONDS ??= '5';
}

process.env.HOST ??= cfg.HOST;
process.env.PORT ??= String(cfg.PORT);
await startPortalServer(dist, process.env.HOST, Number(process.env.PORT), { maxFormBytes: cfg.MAX_FORM_BYTES });
console.log(`Listening on http://${process.env.HOST}:${process.env.PORT}`);

const where = cfg.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${path.resolve(cfg.DATA_DIR)}`;
console.log(`\nSocialtjänstportalen: ${cfg.PUBLIC_ORIGIN}  (database: ${where})`);
for (const line of demoAnnouncement(cfg, demo)) console.log(line);
if (demoIssuer) console.log(`Citizens log in with the local test e-legitimation at ${demoIssuer} (Skatteverket test persons).`);
if (demoMailDir) console.log(`E-mail notifications are kept as files in ${demoMailDir}\n`);
