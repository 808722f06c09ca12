/**
 * The portal's configuration: the environment, parsed once with zod at start-up.
 * A missing or malformed value stops the process with a message naming the variable,
 * instead of surfacing later as a failed request.
 */
import { z } from 'zod';
import { parseWeeklyHours, type OfficeHours } from '../domain/cases/office-hours.ts';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** The registration backends' settings: parsed on their own too, see `deliveryConfig`. */
const deliverySchema = z.object({
  /** Registration backend: an HTTP webhook receiving each case as JSON (unset: no webhook). */
  WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** The most one e-mail (SMTP) or one SMS (SMPP) may take, connecting included, before it counts as failed. */
  SEND_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Attempts per delivery before it is marked failed (retries back off from 1 minute to 6 hours). */
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
  /** How often the delivery worker looks for due deliveries. */
  DELIVERY_POLL_SECONDS: z.coerce.number().int().positive().default(30),
  /** Whether this instance runs the delivery worker (default on; any one instance is enough). */
  DELIVERY_WORKER: bool.default(true),
  /**
   * How long a claimed job (a delivery or an e-mail) is left to the instance that claimed it; when
   * that instance dies, another takes the job over after this. Longer than WEBHOOK_TIMEOUT_MS and
   * SEND_TIMEOUT_MS; a worker claims no more jobs at once than it can do, one call's timeout each,
   * within the lease (jobs/in-process.ts).
   */
  JOB_LEASE_SECONDS: z.coerce.number().int().min(1).max(24 * 60 * 60).default(300),
});

const schema = z.object({
  ...deliverySchema.shape,
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(1).max(65535).default(4321),
  HOST: z.string().min(1).default('localhost'),
  PUBLIC_ORIGIN: z.url().optional(),
  DEMO_MODE: bool.optional(),
  DEMO_STAFF_PASSWORD: z.string().min(12).optional(),
  COOKIE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  MUNICIPALITY_NAME: z.string().min(1).default('Askersunds kommun'),
  /** The municipality's kommunkod (four digits, SCB): "folkbokförd i kommunen" is answered from it. */
  MUNICIPALITY_CODE: z.string().regex(/^\d{4}$/, 'four digits, e.g. 1882').default('1882'),
  CONTACT_PHONE: z.string().min(1).default('0583-810 00'),
  CONTACT_EMAIL: z.email().default('socialtjansten@askersund.se'),
  CONTACT_ADDRESS: z.string().min(1).default('Socialförvaltningen, Box 100, 696 00 Askersund'),
  /** The social services' out-of-hours number (socialjour), shown beside 112 on IFO pages. */
  SOCIALJOUR_PHONE: z.string().min(1).default('0583-810 00'),
  /** Where "Lämna sidan snabbt" leads: a neutral site that does not reveal what was being read. */
  QUICK_EXIT_URL: z.url({ protocol: /^https?$/ }).default('https://www.google.se/'),
  ORDINARY_APPLICATION_URL: z.string().min(1).default('/ansok-om-bistand'),
  STAFF_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  STAFF_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  FORENKLAD_AGE_LIMIT: z.coerce.number().int().min(0).max(120).optional(),
  /** The rest of the förenklad rule set (docs/forenklad-regler.md); unset keeps the default. */
  FORENKLAD_REQUIRE_FOLKBOKFORD: bool.optional(),
  FORENKLAD_REQUIRE_ORDINARY_HOUSING: bool.optional(),
  FORENKLAD_HOUSEHOLD_AGE_LIMIT: bool.optional(),
  /** Comma-separated: tvatt,stadning,trygghetslarm,digitalaInkop (an empty value offers none). */
  FORENKLAD_OFFERED: z
    .string()
    .transform((v) => v.split(',').map((x) => x.trim()).filter((x) => x !== ''))
    .pipe(z.array(z.enum(['tvatt', 'stadning', 'trygghetslarm', 'digitalaInkop'])))
    .optional(),
  FORENKLAD_STADNING_INTERVAL_WEEKS: z.coerce.number().int().min(1).max(52).optional(),
  FORENKLAD_STADNING_HOURS: z.coerce.number().min(0.5).max(24).optional(),
  FORENKLAD_TVATT_INTERVAL_WEEKS: z.coerce.number().int().min(1).max(52).optional(),
  FORENKLAD_INKOP_INTERVAL_WEEKS: z.coerce.number().int().min(1).max(52).optional(),
  FEE_TRYGGHETSLARM_MONTHLY: z.coerce.number().int().min(0).max(100_000).optional(),
  FEE_TRYGGHETSLARM_INSTALLATION: z.coerce.number().int().min(0).max(100_000).optional(),
  FEE_HOME_CARE_HOURLY: z.coerce.number().int().min(0).max(100_000).optional(),
  FEE_MAXTAXA_MONTHLY: z.coerce.number().int().min(0).max(100_000).optional(),
  MAX_FORM_BYTES: z.coerce.number().int().positive().default(64 * 1024),
  /**
   * Upload quotas (docs/adr/0009): per person (e-legitimation) and per client address, per day and
   * for uploads not yet sent. The defaults let a person send a month's bank statements and a few
   * certificates several times over; an address (an office, a library) may be shared, so it gets more.
   */
  UPLOAD_QUOTA_PERSON_DAY_MB: z.coerce.number().int().min(1).max(100_000).default(60),
  UPLOAD_QUOTA_PERSON_DAY_FILES: z.coerce.number().int().min(1).max(100_000).default(30),
  UPLOAD_QUOTA_ADDRESS_DAY_MB: z.coerce.number().int().min(1).max(100_000).default(200),
  UPLOAD_QUOTA_ADDRESS_DAY_FILES: z.coerce.number().int().min(1).max(100_000).default(100),
  /** Bytes of uploads not yet sent with an application or message, per person and per address. */
  UPLOAD_QUOTA_UNSENT_MB: z.coerce.number().int().min(1).max(100_000).default(40),
  /** New e-tjänst submissions per client address per hour (0: no limit). */
  SUBMISSION_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(0).max(1_000_000).default(60),
  /**
   * How long a reverse proxy (or a browser) may keep a public page (the catalog, an e-tjänst's
   * start page, the information pages) rendered for a visitor without cookies: its
   * `Cache-Control: public, max-age`. 0: never stored.
   */
  PUBLIC_CACHE_SECONDS: z.coerce.number().min(0).max(3600).default(5),
  /**
   * Citizens' e-legitimation (BankID, Freja eID …) through an OIDC broker: authorization code flow
   * with PKCE. Unset OIDC_ISSUER: citizen login is not offered (in demo mode `npm start` runs a
   * local provider and sets it). The defaults follow the Swedish OIDC profile (id.oidc.se).
   */
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).default('socialtjanstportalen'),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().min(1).default('openid profile https://id.oidc.se/scope/naturalPersonNumber'),
  /** Space-separated acr values asked for; when set, the returned acr must be one of them. */
  OIDC_ACR_VALUES: z.string().optional(),
  /** The claim holding the personnummer (12 digits). */
  OIDC_PERSONNUMMER_CLAIM: z.string().min(1).default('https://id.oidc.se/claim/personalIdentityNumber'),
  /**
   * The population register looked up for a logged-in person's own address and folkbokföring
   * (docs/population-register.md): `none` looks nothing up, `demo` reads the demo file of test
   * persons. Unset: `demo` in demo mode, `none` otherwise. A lookup not answered within
   * POPULATION_REGISTER_TIMEOUT_MS gives nothing: the person types as without one.
   */
  POPULATION_REGISTER: z.enum(['none', 'demo']).optional(),
  POPULATION_REGISTER_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3000),
  CITIZEN_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(20),
  CITIZEN_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(8),
  /** E-mail notifications (smtp://user:pass@host:port or smtps://…). Unset: none are sent. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  SMTP_FROM: z.string().min(3).default('Socialtjänstportalen <no-reply@localhost>'),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  NOTIFY_POLL_SECONDS: z.coerce.number().int().positive().default(30),
  /**
   * SMS through an SMS gateway speaking SMPP 3.4 (smpp://system_id:password@host:port, or ssmpp://
   * for TLS). Unset: no SMS are sent (e-mail still is). SMS_SENDER: the sender shown (alphanumeric,
   * at most 11 characters, or a number).
   */
  SMPP_URL: z.url({ protocol: /^s?smpp$/ }).optional(),
  SMS_SENDER: z.string().regex(/^([A-Za-z0-9 ]{1,11}|\+?\d{3,15})$/, 'at most 11 letters and digits, or a phone number').default('Socialtj'),
  /**
   * Office hours in Swedish time (docs/deployment.md): weekly hours, e.g. "mon-fri 08:00-16:30;
   * sat 10:00-12:00"; dates closed besides them (YYYY-MM-DD, comma-separated); and whether the
   * Swedish public holidays (computed, with julafton, nyårsafton and midsommarafton) are closed.
   */
  OFFICE_HOURS: z
    .string()
    .default('mon-fri 08:00-16:30')
    .transform((v, ctx) => {
      try {
        return parseWeeklyHours(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: e instanceof Error ? e.message : String(e) });
        return z.NEVER;
      }
    }),
  OFFICE_CLOSED_DATES: z
    .string()
    .transform((v) => v.split(',').map((x) => x.trim()).filter((x) => x !== ''))
    .pipe(z.array(z.iso.date()))
    .optional(),
  OFFICE_PUBLIC_HOLIDAYS: bool.default(true),
  /**
   * The socialjour's on-call contacts, alerted when an akut report arrives outside office hours:
   * e-mail addresses and mobile numbers (+46…), comma-separated. Unset: no alert is sent (the
   * start-up log says so); the report is still pinned in the inbox.
   */
  SOCIALJOUR_ALERT_EMAILS: z
    .string()
    .transform((v) => v.split(',').map((x) => x.trim()).filter((x) => x !== ''))
    .pipe(z.array(z.email()))
    .default([]),
  SOCIALJOUR_ALERT_PHONES: z
    .string()
    .transform((v) => v.split(',').map((x) => x.replace(/[\s-]/g, '')).filter((x) => x !== ''))
    .pipe(z.array(z.string().regex(/^\+\d{7,15}$/, 'phone numbers in international form, e.g. +46701234567')))
    .default([]),
  /**
   * Seconds after start before an instance's first gallring; then once a day. Every instance runs
   * it (docs/deployment.md); instances started together run it together.
   */
  GALLRING_FIRST_RUN_SECONDS: z.coerce.number().int().min(0).max(24 * 60 * 60).default(600),
  NODE_ENV: z.string().optional(),
});

export type RawEnv = z.infer<typeof schema>;

export type Config = Omit<RawEnv, 'DEMO_MODE' | 'PUBLIC_ORIGIN' | 'POPULATION_REGISTER'> & {
  DEMO_MODE: boolean;
  POPULATION_REGISTER: 'none' | 'demo';
  PUBLIC_ORIGIN: string;
  /** OFFICE_HOURS, OFFICE_CLOSED_DATES and OFFICE_PUBLIC_HOLIDAYS together. */
  officeHours: OfficeHours;
  /** Cookies get the Secure flag when the public origin is https. */
  secureCookies: boolean;
};

export class ConfigError extends Error {
  constructor(issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  // Empty strings in .env files mean "not set", not "set to nothing".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const raw = result.data;
  // Demo mode (demo accounts, printed secrets) only when asked for: `npm start` asks for it; a
  // production start (`npm run serve`, any other) never gets it by leaving something unset.
  const demo = raw.DEMO_MODE ?? false;
  const origin = raw.PUBLIC_ORIGIN ?? `http://localhost:${raw.PORT}`;
  if (!demo && raw.COOKIE_SECRET === undefined) {
    throw new ConfigError(['COOKIE_SECRET: required when DEMO_MODE is off (at least 32 random characters)']);
  }
  if (raw.JOB_LEASE_SECONDS * 1000 <= Math.max(raw.WEBHOOK_TIMEOUT_MS, raw.SEND_TIMEOUT_MS)) {
    // A lease shorter than a call could run out while the call is still under way: the job done twice.
    throw new ConfigError([`JOB_LEASE_SECONDS: must be longer than WEBHOOK_TIMEOUT_MS (${raw.WEBHOOK_TIMEOUT_MS} ms) and SEND_TIMEOUT_MS (${raw.SEND_TIMEOUT_MS} ms)`]);
  }
  if (raw.WEBHOOK_URL !== undefined && raw.WEBHOOK_SECRET === undefined) {
    throw new ConfigError(['WEBHOOK_SECRET: required when WEBHOOK_URL is set (at least 32 random characters)']);
  }
  if (raw.POPULATION_REGISTER === 'demo' && !demo) {
    // Invented addresses must never be offered to real people as their folkbokföring.
    throw new ConfigError(['POPULATION_REGISTER: "demo" only in demo mode (DEMO_MODE=true)']);
  }
  const register = raw.POPULATION_REGISTER ?? (demo ? 'demo' : 'none');
  const officeHours: OfficeHours = { open: raw.OFFICE_HOURS, closedDates: new Set(raw.OFFICE_CLOSED_DATES ?? []), publicHolidays: raw.OFFICE_PUBLIC_HOLIDAYS };
  return { ...raw, DEMO_MODE: demo, POPULATION_REGISTER: register, PUBLIC_ORIGIN: origin, secureCookies: origin.startsWith('https:'), officeHours };
}

export type DeliveryConfig = z.infer<typeof deliverySchema>;

/**
 * Only the registration backends' settings. Receiving a submission needs them (to queue its
 * deliveries) also where the rest of the configuration does not apply, e.g. scripts and tests;
 * the server still validates everything through `config()` at start-up.
 */
export function deliveryConfig(env: Record<string, string | undefined> = process.env): DeliveryConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = deliverySchema.safeParse(cleaned);
  if (!result.success) throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  if (result.data.WEBHOOK_URL !== undefined && result.data.WEBHOOK_SECRET === undefined) {
    throw new ConfigError(['WEBHOOK_SECRET: required when WEBHOOK_URL is set (at least 32 random characters)']);
  }
  return result.data;
}

const RULE_KEYS = Object.keys(schema.shape).filter((k) => k.startsWith('FORENKLAD_') || k.startsWith('FEE_')) as (keyof typeof schema.shape)[];
const rulesSchema = schema.pick(Object.fromEntries(RULE_KEYS.map((k) => [k, true])) as { [K in keyof typeof schema.shape]?: true });
export type RulesConfig = Pick<RawEnv, Extract<keyof RawEnv, `FORENKLAD_${string}` | `FEE_${string}`>>;

/**
 * Only the rule-set settings (FORENKLAD_*, FEE_*): the seed of the first rule-set period
 * (src/server/rules.ts), read also where the rest of the configuration does not apply.
 */
export function rulesConfig(env: Record<string, string | undefined> = process.env): RulesConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = rulesSchema.safeParse(cleaned);
  if (!result.success) throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return result.data as RulesConfig;
}

let cached: Config | undefined;

/** The process-wide configuration, parsed on first use. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
