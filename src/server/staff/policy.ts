/**
 * The staff login security policy: how many failed logins lock an account or a client address, for
 * how long, and whether a reverse proxy's X-Forwarded-For may be believed. Parsed once with zod from
 * the environment; every value has a default, so nothing needs to be set.
 *
 *   STAFF_LOGIN_ACCOUNT_MAX_FAILURES    5   failed logins (password or second factor) per account …
 *   STAFF_LOGIN_ACCOUNT_WINDOW_MINUTES  15  … within this fixed window …
 *   STAFF_LOGIN_ACCOUNT_LOCK_MINUTES    15  … lock the account for this long.
 *   STAFF_LOGIN_ADDRESS_MAX_FAILURES    20  the same per client address
 *   STAFF_LOGIN_ADDRESS_WINDOW_MINUTES  15
 *   STAFF_LOGIN_ADDRESS_LOCK_MINUTES    15
 *   TRUST_PROXY                         false  true: the client address is the last X-Forwarded-For
 *                                              entry (the one the portal's own proxy appended)
 *   STAFF_TOTP_SECRET                   unset  demo mode only: the demo handläggare's TOTP secret
 *                                              (base32), so a test or an authenticator app can rely on it
 */
import { z } from 'zod';

/** A fixed-window rule: `maxFailures` within `windowMinutes` locks the key for `lockMinutes`. */
export type LimitRule = { maxFailures: number; windowMinutes: number; lockMinutes: number };

export type LoginPolicy = { account: LimitRule; address: LimitRule };

export type StaffSecurityConfig = {
  login: LoginPolicy;
  trustProxy: boolean;
  demoTotpSecret: string | undefined;
};

export const DEFAULT_LOGIN_POLICY: LoginPolicy = {
  account: { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 },
  address: { maxFailures: 20, windowMinutes: 15, lockMinutes: 15 },
};

const count = (d: number) => z.coerce.number().int().min(1).max(10_000).default(d);
const minutes = (d: number) => z.coerce.number().int().min(1).max(7 * 24 * 60).default(d);
const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');
/** RFC 4648 base32, spaces and padding allowed, at least 128 bits (26 characters). */
const base32Secret = z
  .string()
  .transform((s) => s.replace(/[\s=]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z2-7]{26,128}$/, 'must be base32 (A–Z, 2–7), at least 26 characters'));

const schema = z.object({
  STAFF_LOGIN_ACCOUNT_MAX_FAILURES: count(DEFAULT_LOGIN_POLICY.account.maxFailures),
  STAFF_LOGIN_ACCOUNT_WINDOW_MINUTES: minutes(DEFAULT_LOGIN_POLICY.account.windowMinutes),
  STAFF_LOGIN_ACCOUNT_LOCK_MINUTES: minutes(DEFAULT_LOGIN_POLICY.account.lockMinutes),
  STAFF_LOGIN_ADDRESS_MAX_FAILURES: count(DEFAULT_LOGIN_POLICY.address.maxFailures),
  STAFF_LOGIN_ADDRESS_WINDOW_MINUTES: minutes(DEFAULT_LOGIN_POLICY.address.windowMinutes),
  STAFF_LOGIN_ADDRESS_LOCK_MINUTES: minutes(DEFAULT_LOGIN_POLICY.address.lockMinutes),
  TRUST_PROXY: bool.default(false),
  STAFF_TOTP_SECRET: base32Secret.optional(),
});

export class StaffConfigError extends Error {
  constructor(issues: string[]) {
    super(`Invalid staff security configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'StaffConfigError';
  }
}

export function parseStaffSecurityConfig(env: Record<string, string | undefined>): StaffSecurityConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const r = schema.safeParse(cleaned);
  if (!r.success) throw new StaffConfigError(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const v = r.data;
  return {
    login: {
      account: { maxFailures: v.STAFF_LOGIN_ACCOUNT_MAX_FAILURES, windowMinutes: v.STAFF_LOGIN_ACCOUNT_WINDOW_MINUTES, lockMinutes: v.STAFF_LOGIN_ACCOUNT_LOCK_MINUTES },
      address: { maxFailures: v.STAFF_LOGIN_ADDRESS_MAX_FAILURES, windowMinutes: v.STAFF_LOGIN_ADDRESS_WINDOW_MINUTES, lockMinutes: v.STAFF_LOGIN_ADDRESS_LOCK_MINUTES },
    },
    trustProxy: v.TRUST_PROXY,
    demoTotpSecret: v.STAFF_TOTP_SECRET,
  };
}

let cached: StaffSecurityConfig | undefined;

/** The process-wide staff security configuration, parsed on first use. */
export function staffSecurityConfig(): StaffSecurityConfig {
  cached ??= parseStaffSecurityConfig(process.env);
  return cached;
}
