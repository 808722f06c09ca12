/**
 * The demo handläggare: in demo mode the server makes sure a staff account exists and prints a
 * login that works right now. With DEMO_STAFF_PASSWORD the login stays the same across restarts;
 * without it, every start sets a fresh random password (and so ends earlier demo sessions).
 *
 * The account is handläggare for both areas and administrator, with its second factor already
 * enrolled: the secret is STAFF_TOTP_SECRET when set (tests compute codes from it), otherwise the
 * one it already has, otherwise a new one. The start-up prints it and its otpauth:// URI, so a
 * person can add it to an authenticator app.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { staffUsers } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { createStaffUser, findStaffByUsername, setStaffActive, setStaffPassword, UsernameTakenError } from './users.ts';
import { verifyPassword } from './password.ts';
import { enrolledTotpKey, setEnrolledTotpKey, totpIssuer } from './second-factor.ts';
import { staffSecurityConfig } from './policy.ts';
import { formatSecret, generateTotpKey, parseSecret, totpKeyUri } from './totp.ts';

export const DEMO_USERNAME = 'handlaggare';
export const DEMO_ROLES = ['handlaggare', 'admin'];
export const DEMO_AREAS = ['aldreomsorg', 'ifo'];

export type DemoLogin = {
  username: string;
  password: string;
  created: boolean;
  /** The TOTP secret in base32, grouped for typing. */
  totpSecret: string;
  /** otpauth://totp/… for an authenticator app. */
  totpUri: string;
};

/** 18 random bytes: 24 characters of base64url, 144 bits. */
function randomPassword(): string {
  return randomBytes(18).toString('base64url');
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

async function ensureAccount(db: Db, wanted: string): Promise<boolean> {
  if (await findStaffByUsername(db, DEMO_USERNAME)) return false;
  try {
    await createStaffUser(db, { username: DEMO_USERNAME, displayName: 'Demo Handläggare', password: wanted, roles: DEMO_ROLES, areas: DEMO_AREAS });
    return true;
  } catch (e) {
    // Another instance starting at the same moment created it first: set our password below.
    if (!(e instanceof UsernameTakenError)) throw e;
    return false;
  }
}

export async function ensureDemoStaff(db: Db, password?: string, totpSecret: string | undefined = staffSecurityConfig().demoTotpSecret): Promise<DemoLogin> {
  const wanted = password ?? randomPassword();
  const created = await ensureAccount(db, wanted);
  const user = await findStaffByUsername(db, DEMO_USERNAME);
  if (!user) throw new Error('demo staff user vanished while being created');
  if (!created) {
    // An unchanged fixed password is left alone, so restarts keep the demo sessions.
    if (password === undefined || !(await verifyPassword(user.passwordHash, wanted))) await setStaffPassword(db, user.id, wanted);
    if (!user.active) await setStaffActive(db, user.id, true);
    if (!DEMO_ROLES.every((r) => user.roles.includes(r)) || !DEMO_AREAS.every((a) => user.areas.includes(a))) {
      await db
        .update(staffUsers)
        .set({ roles: [...new Set([...user.roles, ...DEMO_ROLES])], areas: [...new Set([...user.areas, ...DEMO_AREAS])] })
        .where(eq(staffUsers.id, user.id));
    }
  }
  const configured = totpSecret ? parseSecret(totpSecret) : undefined;
  const current = await enrolledTotpKey(db, user.id);
  let key = configured ?? current ?? generateTotpKey();
  if (!current || !sameBytes(current, key)) await setEnrolledTotpKey(db, user.id, key);
  else key = current;
  return { username: DEMO_USERNAME, password: wanted, created, totpSecret: formatSecret(key), totpUri: totpKeyUri(totpIssuer(), DEMO_USERNAME, key) };
}
