/**
 * Staff accounts, their recovery codes and sessions, and the rate-limit counters (staff login,
 * submissions per address).
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytes } from './columns.ts';

export const staffUsers = pgTable('staff_users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
  areas: text('areas').array().notNull().default(sql`'{}'::text[]`),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Work e-mail address: administrators are told there of changes that need a second administrator. */
  email: text('email'),
  /**
   * SHA-256 of the one-time enrolment code given to the administrator who approved a change that
   * opens case data or administration (docs/adr/0008): the second factor can then be enrolled only
   * with it. Null when no code is required.
   */
  enrolmentCodeHash: bytes('enrolment_code_hash'),
  /** TOTP secret, encrypted with a key derived from COOKIE_SECRET; null until enrolled. */
  totpSecret: bytes('totp_secret'),
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  /** Last accepted TOTP time step, so a code cannot be used twice. */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
});

/** One-time recovery codes for the second factor; only their SHA-256 is stored. */
export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    codeHash: bytes('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('staff_recovery_codes_user_idx').on(t.userId)],
);

/**
 * Fixed-window counters for rate limits (failed logins per account and per address, submissions
 * per address, invitation-code guesses). Shared by every instance through the database.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  count: integer('count').notNull(),
  /** Set when the key is locked out (e.g. an account after too many failed logins). */
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

export const staffSessions = pgTable(
  'staff_sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    /** SHA-256 of the token's secret half; the secret itself is never stored. */
    secretHash: bytes('secret_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    /** False between the password and the second factor: such a session opens nothing but the TOTP step. */
    twoFactorVerified: boolean('two_factor_verified').notNull().default(false),
  },
  (t) => [index('staff_sessions_user_idx').on(t.userId)],
);
