/**
 * Demo mode (`DEMO_MODE=true`, which `npm start` sets and nothing else turns on): the server makes
 * sure three staff accounts exist and prints a login that works right now, under a banner saying
 * this is a demo. With DEMO_STAFF_PASSWORD the logins stay the same across restarts; without it,
 * every start sets a fresh random password (and so ends earlier demo sessions).
 *
 *  - `handlaggare`: handläggare for both areas;
 *  - `admin` and `admin2`: administrators (admin also analytiker). Two, because a case role or an
 *    administrator role is given only when a second administrator approves it (docs/adr/0008),
 *    and an administrator never holds a case role.
 *
 * They share one password and one second factor, already enrolled: the secret is STAFF_TOTP_SECRET
 * when set (tests compute codes from it), otherwise the one the handläggare already has, otherwise
 * a new one. The start-up prints it and its otpauth:// URI, so a person can add it to an app.
 * The accounts are made directly in the database, as an operator with database access could: the
 * seeding of a demo, not something an administrator can do through the portal.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { staffUsers } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import type { Config } from '../config.ts';
import { createStaffUser, findStaffByUsername, setStaffActive, setStaffPassword, UsernameTakenError } from './users.ts';
import { verifyPassword } from './password.ts';
import { enrolledTotpKey, setEnrolledTotpKey, totpIssuer } from './second-factor.ts';
import { staffSecurityConfig } from './policy.ts';
import { formatSecret, generateTotpKey, parseSecret, totpKeyUri } from './totp.ts';

export const DEMO_USERNAME = 'handlaggare';

export const DEMO_ACCOUNTS = [
  { username: DEMO_USERNAME, displayName: 'Demo Handläggare', roles: ['handlaggare'], areas: ['aldreomsorg', 'ifo'] },
  { username: 'admin', displayName: 'Demo Administratör', roles: ['admin', 'analytiker'], areas: [] },
  { username: 'admin2', displayName: 'Demo Administratör Två', roles: ['admin'], areas: [] },
] as const;

export type DemoLogin = {
  /** The handläggare's username (the first account). */
  username: string;
  usernames: string[];
  password: string;
  created: boolean;
  /** The TOTP secret in base32, grouped for typing. */
  totpSecret: string;
  /** otpauth://totp/… of the handläggare, for an authenticator app. */
  totpUri: string;
};

/** 18 random bytes: 24 characters of base64url, 144 bits. */
function randomPassword(): string {
  return randomBytes(18).toString('base64url');
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);
const same = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join();

async function ensureAccount(db: Db, account: (typeof DEMO_ACCOUNTS)[number], wanted: string): Promise<boolean> {
  if (await findStaffByUsername(db, account.username)) return false;
  try {
    await createStaffUser(db, { username: account.username, displayName: account.displayName, password: wanted, roles: [...account.roles], areas: [...account.areas] });
    return true;
  } catch (e) {
    // Another instance starting at the same moment created it first: set our password below.
    if (!(e instanceof UsernameTakenError)) throw e;
    return false;
  }
}

export async function ensureDemoStaff(db: Db, password?: string, totpSecret: string | undefined = staffSecurityConfig().demoTotpSecret): Promise<DemoLogin> {
  const wanted = password ?? randomPassword();
  let created = false;
  let key: Uint8Array | undefined = totpSecret ? parseSecret(totpSecret) : undefined;
  for (const account of DEMO_ACCOUNTS) {
    const isNew = await ensureAccount(db, account, wanted);
    created ||= isNew;
    const user = await findStaffByUsername(db, account.username);
    if (!user) throw new Error('demo staff user vanished while being created');
    if (!isNew) {
      // An unchanged fixed password is left alone, so restarts keep the demo sessions.
      if (password === undefined || !(await verifyPassword(user.passwordHash, wanted))) await setStaffPassword(db, user.id, wanted);
      if (!user.active) await setStaffActive(db, user.id, true);
      // Exactly the demo roles: an older demo handläggare was administrator too, which no account may be now.
      if (!same(user.roles, account.roles) || !same(user.areas, account.areas)) await db.update(staffUsers).set({ roles: [...account.roles], areas: [...account.areas] }).where(eq(staffUsers.id, user.id));
    }
    const current = await enrolledTotpKey(db, user.id);
    key ??= current ?? generateTotpKey();
    if (!current || !sameBytes(current, key)) await setEnrolledTotpKey(db, user.id, key);
  }
  return {
    username: DEMO_USERNAME,
    usernames: DEMO_ACCOUNTS.map((a) => a.username),
    password: wanted,
    created,
    totpSecret: formatSecret(key!),
    totpUri: totpKeyUri(totpIssuer(), DEMO_USERNAME, key!),
  };
}

/** The demo's accounts when demo mode is on; nothing at all otherwise. */
export async function prepareDemo(db: Db, cfg: Pick<Config, 'DEMO_MODE' | 'DEMO_STAFF_PASSWORD'>): Promise<DemoLogin | undefined> {
  return cfg.DEMO_MODE ? ensureDemoStaff(db, cfg.DEMO_STAFF_PASSWORD) : undefined;
}

/** What the start prints about demo mode: a banner and the logins, or nothing outside demo mode. */
export function demoAnnouncement(cfg: Pick<Config, 'DEMO_MODE' | 'PUBLIC_ORIGIN'>, demo: DemoLogin | undefined): string[] {
  if (!cfg.DEMO_MODE) return [];
  const banner = [
    '',
    '################################################################################',
    '#  DEMO MODE (DEMO_MODE=true): demo staff accounts with the login printed      #',
    '#  below. Not for real use: start production with `npm run serve` and without  #',
    '#  DEMO_MODE, with COOKIE_SECRET set; staff accounts with `npm run user:create`.#',
    '################################################################################',
  ];
  if (!demo) return banner;
  return [
    ...banner,
    `Demo logins for staff at ${cfg.PUBLIC_ORIGIN}/handlaggning:`,
    `  usernames: ${demo.usernames.join(', ')} (handläggare for both areas; two administrators)`,
    `  password: ${demo.password}`,
    `  second factor (TOTP) key, the same for all three: ${demo.totpSecret}`,
    `  add it to an authenticator app by key, or with this URI: ${demo.totpUri}`,
    '',
  ];
}
