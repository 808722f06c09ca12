/**
 * Starts the built portal: checks the configuration, applies migrations, in demo mode makes sure
 * the demo handläggare exists and prints its login, starts the background workers
 * (src/server/workers.ts), then loads the built app (PORTAL_DIST, default ./dist), whose adapter
 * serves it on HOST:PORT (`@astrojs/node` standalone: static files and every other request through
 * the middleware).
 *
 * In demo mode, unless OIDC_ISSUER / SMTP_URL are set, it also starts the local e-legitimation
 * provider (a real OIDC provider with Skatteverket test persons, port DEMO_OIDC_PORT, default 4322)
 * and a local SMTP receiver that keeps the portal's e-mails as files (port DEMO_SMTP_PORT, default
 * 4325, folder DATA_DIR/mail) and a local SMPP receiver that keeps its SMS as files (port
 * DEMO_SMPP_PORT, default 4326, folder DATA_DIR/sms), and points the portal at them through the
 * same settings a real broker, mail server and SMS gateway would use. DEMO_LOCAL_PROVIDERS=false
 * leaves them out. They are
 * development tools (devDependencies): loaded only here, only in demo mode, so a production start
 * runs without them installed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import { ConfigError, parseConfig } from '../src/server/config.ts';
import { getDb, isUnavailable } from '../src/server/db.ts';
import { demoAnnouncement, prepareDemo, type DemoLogin } from '../src/server/staff/demo.ts';
import { startBackgroundWorkers } from '../src/server/workers.ts';

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

/** A development tool's module, or undefined (with a note) when devDependencies are not installed. */
async function devTool<T>(what: string, load: () => Promise<T>): Promise<T | undefined> {
  try {
    return await load();
  } catch (e) {
    if ((e as { code?: unknown }).code !== 'ERR_MODULE_NOT_FOUND') throw e;
    console.warn(`Demo mode: the local ${what} is a development tool and is not installed here (npm install without --omit=dev); starting without it.`);
    return undefined;
  }
}

let demoIssuer: string | undefined;
let demoMailDir: string | undefined;
let demoSmsDir: string | undefined;
// DEMO_LOCAL_PROVIDERS=false: no local provider or mail receiver (tests that start several instances).
const localProviders = cfg.DEMO_MODE && process.env.DEMO_LOCAL_PROVIDERS !== 'false';
if (localProviders && !cfg.OIDC_ISSUER) {
  const dev = await devTool('e-legitimation provider', () => import('../src/server/oidc-dev/provider.ts'));
  if (dev) {
    const secret = randomBytes(24).toString('base64url');
    const provider = await dev.startDevProvider({
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
}
if (localProviders && !cfg.SMTP_URL) {
  const dev = await devTool('mail receiver', () => import('../src/server/notifications/smtp-receiver.ts'));
  if (dev) {
    demoMailDir = path.resolve(cfg.DATA_DIR, 'mail');
    const receiver = await dev.startSmtpReceiver({ port: Number(process.env.DEMO_SMTP_PORT ?? 4325), dir: demoMailDir });
    process.env.SMTP_URL = receiver.url;
    process.env.NOTIFY_POLL_SECONDS ??= '5';
  }
}

if (localProviders && !cfg.SMPP_URL) {
  const dev = await devTool('SMS receiver', () => import('../src/server/sms/smpp-receiver.ts'));
  if (dev) {
    demoSmsDir = path.resolve(cfg.DATA_DIR, 'sms');
    const receiver = await dev.startSmppReceiver({ port: Number(process.env.DEMO_SMPP_PORT ?? 4326), dir: demoSmsDir });
    process.env.SMPP_URL = receiver.url;
    process.env.NOTIFY_POLL_SECONDS ??= '5';
  }
}

// After the local providers: the configuration the server reads includes their settings.
let demo: DemoLogin | undefined;
try {
  // The process's one handle (src/server/db.ts): the app uses the same one once it is loaded.
  demo = await prepareDemo(await getDb(), cfg);
} catch (e) {
  // A database that is down must not keep the portal down: pages that need no database keep
  // working, and the server connects (and migrates) by itself when the database is back.
  if (!isUnavailable(e)) throw e;
  console.warn(`The database is not reachable right now (${e instanceof Error ? e.message : String(e)}); starting anyway.`);
}

startBackgroundWorkers();

process.env.HOST ??= cfg.HOST;
process.env.PORT ??= String(cfg.PORT);
// The adapter's standalone server starts listening as its entry is loaded.
await import(pathToFileURL(entry).href);

const where = cfg.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${path.resolve(cfg.DATA_DIR)}`;
console.log(`\nSocialtjänstportalen: ${cfg.PUBLIC_ORIGIN}  (database: ${where})`);
for (const line of demoAnnouncement(cfg, demo)) console.log(line);
if (demoIssuer) console.log(`Citizens log in with the local test e-legitimation at ${demoIssuer} (Skatteverket test persons).`);
if (demoMailDir) console.log(`E-mail notifications are kept as files in ${demoMailDir}`);
if (demoSmsDir) console.log(`SMS are kept as files in ${demoSmsDir}`);
console.log('');
