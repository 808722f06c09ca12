/**
 * End-to-end tests in Debian's Chromium against the built server (`npm run build` first).
 * Two servers: the portal as deployed (PGlite in a fresh directory, or PostgreSQL when
 * DATABASE_URL is set), and one whose database is unreachable, for the pages answered while our
 * database is down.
 */
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumPath } from './e2e/chromium.ts';
import { stockholmDay } from './src/domain/format.ts';

/**
 * E2E_PORT_BASE (default 4455) and the four ports after it: two checkouts on one machine can run
 * their end-to-end tests at the same time with different bases.
 */
const BASE = Number(process.env.E2E_PORT_BASE ?? 4455);
export const PORT = BASE;
export const DOWN_PORT = BASE + 1;
/** The built portal, started as `npm run serve` starts it. */
const PORTAL_COMMAND = 'node scripts/start.ts';
export const STAFF_PASSWORD = 'e2e-handlaggare-losenord';
/** The demo handläggare's TOTP secret (base32): e2e/staff.ts computes login codes from it. */
export const STAFF_TOTP_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
/** The local e-legitimation provider, SMTP and SMPP receivers that the portal's demo mode starts. */
export const OIDC_PORT = BASE + 2;
export const SMTP_PORT = BASE + 3;
export const SMPP_PORT = BASE + 4;
/** The socialjour's on-call contacts in the tests: their alerts arrive in DATA_DIR/mail and DATA_DIR/sms. */
export const SOCIALJOUR_EMAIL = 'socialjour@askersund.example.se';
export const SOCIALJOUR_PHONE = '+46701740605';
/**
 * Where "Lämna sidan snabbt" leads in the tests: a page on another origin (127.0.0.1 is not
 * localhost to a browser's cookies) that needs no network, standing in for the neutral site.
 */
export const NEUTRAL_URL = `http://127.0.0.1:${BASE}/tillganglighet`;

/**
 * "Saturday night", honestly: the test server's office is closed today and tomorrow (Swedish
 * calendar), listed as closed dates as a municipality lists the days between Christmas and New
 * Year, so every report sent during the run arrives outside office hours.
 */
const now = new Date();
export const CLOSED_DATES = [stockholmDay(now), stockholmDay(new Date(now.getTime() + 24 * 3600_000))].join(',');

const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'st-e2e-'));
process.env.E2E_DATA_DIR = dataDir;

// The specs send a few dozen submissions from one address: far below this limit, still counted.
// One cookie secret for both servers: a journey begun on one is read by the other (cookies do not
// depend on the port), as on two instances of one deployment.
const common = {
  ASTRO_TELEMETRY_DISABLED: '1',
  HOST: '127.0.0.1',
  DEMO_MODE: 'true',
  DEMO_STAFF_PASSWORD: STAFF_PASSWORD,
  STAFF_TOTP_SECRET,
  SUBMISSION_RATE_LIMIT_PER_HOUR: '10000',
  QUICK_EXIT_URL: NEUTRAL_URL,
  COOKIE_SECRET: 'e2e-only-cookie-secret-shared-by-both-servers',
};

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  // Its own folder: Playwright empties outputDir at start, and test-results/ also holds vitest's report.
  outputDir: 'test-results/playwright',
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      command: PORTAL_COMMAND,
      url: `http://localhost:${PORT}/`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      env: {
        ...common,
        PORT: String(PORT),
        PUBLIC_ORIGIN: `http://localhost:${PORT}`,
        DATA_DIR: dataDir,
        // e2e/citizen.ts reads the e-mails from DATA_DIR/mail.
        DEMO_OIDC_PORT: String(OIDC_PORT),
        DEMO_SMTP_PORT: String(SMTP_PORT),
        DEMO_SMPP_PORT: String(SMPP_PORT),
        NOTIFY_POLL_SECONDS: '1',
        OFFICE_CLOSED_DATES: CLOSED_DATES,
        SOCIALJOUR_ALERT_EMAILS: SOCIALJOUR_EMAIL,
        SOCIALJOUR_ALERT_PHONES: SOCIALJOUR_PHONE,
        ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
      },
    },
    {
      command: PORTAL_COMMAND,
      // The catalog needs the database (503 here): ready when a page that needs none answers.
      url: `http://localhost:${DOWN_PORT}/tillganglighet`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        ...common,
        PORT: String(DOWN_PORT),
        PUBLIC_ORIGIN: `http://localhost:${DOWN_PORT}`,
        DATA_DIR: path.join(dataDir, 'down'),
        // Nothing listens on port 9: every connection is refused, as when the database is down.
        DATABASE_URL: 'postgres://postgres@127.0.0.1:9/unreachable',
        // Not its own demo provider and receiver (their ports are the first server's).
        OIDC_ISSUER: `http://localhost:${OIDC_PORT}`,
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        SMPP_URL: `smpp://portal:demo@127.0.0.1:${SMPP_PORT}`,
      },
    },
  ],
});
