/**
 * Starts the built portal: checks the configuration, applies migrations, in demo mode makes sure
 * the demo handläggare exists and prints its login, then hands over to the Astro server.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, parseConfig } from '../src/server/config.ts';
import { openDatabase } from '../db/client.ts';
import { isUnavailable } from '../src/server/db.ts';
import { ensureDemoStaff, type DemoLogin } from '../src/server/staff/demo.ts';

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

const entry = path.resolve('dist/server/entry.mjs');
if (!existsSync(entry)) {
  console.error('The portal is not built yet: run `npm run build` first (or `npm start`, which builds).');
  process.exit(1);
}

let demo: DemoLogin | undefined;
try {
  const handle = await openDatabase({ databaseUrl: cfg.DATABASE_URL, dataDir: cfg.DATA_DIR, migrate: true });
  try {
    if (cfg.DEMO_MODE) demo = await ensureDemoStaff(handle.db, cfg.DEMO_STAFF_PASSWORD);
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

process.env.HOST ??= cfg.HOST;
process.env.PORT ??= String(cfg.PORT);
await import(pathToFileURL(entry).href);

const where = cfg.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${path.resolve(cfg.DATA_DIR)}`;
console.log(`\nSocialtjänstportalen: ${cfg.PUBLIC_ORIGIN}  (database: ${where})`);
if (demo) {
  console.log('Demo login for handläggare:');
  console.log(`  ${cfg.PUBLIC_ORIGIN}/handlaggning`);
  console.log(`  username: ${demo.username}`);
  console.log(`  password: ${demo.password}`);
  console.log(`  second factor (TOTP) key: ${demo.totpSecret}`);
  console.log(`  add it to an authenticator app by key, or with this URI: ${demo.totpUri}\n`);
}
