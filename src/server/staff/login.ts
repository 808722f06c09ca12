/**
 * The two login steps and their guard. Step one checks the password; step two the TOTP code or a
 * recovery code (or, for an account without one, the code that confirms enrolment) and turns the
 * waiting session into a verified one. Every failure of either step counts against the account
 * and against the client address (fixed windows in the database, see policy.ts); a locked account
 * or address is refused before anything is checked, with the same answer whether or not the
 * username exists. Failures, lock-outs and completed logins are audited.
 */
import { createHmac } from 'node:crypto';
import type { Db } from '../../../db/client.ts';
import { deriveKey } from '../secrets.ts';
import { audit } from '../audit.ts';
import { DUMMY_HASH, verifyPassword } from './password.ts';
import { staffSecurityConfig, type LoginPolicy } from './policy.ts';
import { clearFailures, forgetPassed, lockedUntil, recordFailure } from './rate-limit.ts';
import { confirmEnrolment, verifySecondFactor } from './second-factor.ts';
import { completeSecondFactor } from './session.ts';
import type { SecondFactorInput } from './totp.ts';
import { findStaffByUsername, normaliseUsername, toStaffUser, type StaffUser } from './users.ts';

/**
 * The counters' keys hold neither the name typed nor the address in clear: a keyed hash (HMAC-SHA256
 * under a key derived from COOKIE_SECRET, the same every day so a window or lock crossing midnight
 * holds). What is typed as a user name is sometimes a password, and the counters are kept by anyone
 * with a copy of the database; the audit log records the account only when it exists.
 */
const counterKey = (scope: 'account' | 'address', value: string) => `${LOGIN_PREFIX}:${scope}:${createHmac('sha256', deriveKey('staff-login-counter')).update(`${scope}\0${value}`).digest('base64url')}`;
export const accountKey = (username: string) => counterKey('account', normaliseUsername(username));
export const addressKey = (ip: string | undefined) => counterKey('address', ip ?? 'unknown');
const LOGIN_PREFIX = 'staff-login';

/** Removes the login counters whose window and lock have passed (both scopes' longest); returns how many. */
export async function forgetPassedLoginWindows(db: Db, now = new Date(), policy: LoginPolicy = staffSecurityConfig().login): Promise<number> {
  const windowMinutes = Math.max(policy.account.windowMinutes, policy.address.windowMinutes);
  return forgetPassed(db, LOGIN_PREFIX, new Date(now.getTime() - windowMinutes * 60_000), now);
}

export type Blocked = { kind: 'blocked'; until: Date };
export type Invalid = { kind: 'invalid' };
export type PasswordResult = { kind: 'ok'; user: StaffUser; enrolled: boolean } | Invalid | Blocked;
export type SecondFactorResult = { kind: 'ok'; token: string } | Invalid | Blocked | { kind: 'expired' };
export type EnrolResult = { kind: 'ok'; token: string | undefined; recoveryCodes: string[] } | Invalid | Blocked | { kind: 'expired' };

type Step = 'password' | 'second_factor' | 'enrolment' | 'password_change';
type Common = { ip: string | undefined; now?: Date; policy?: LoginPolicy };

const policyOf = (c: Common) => c.policy ?? staffSecurityConfig().login;

export async function blocked(db: Db, username: string, ip: string | undefined, now: Date): Promise<Blocked | undefined> {
  const until = await lockedUntil(db, [accountKey(username), addressKey(ip)], now);
  return until ? { kind: 'blocked', until } : undefined;
}

/** Counts a failure on both keys and audits it (and a lock-out it starts). */
export async function fail(db: Db, step: Step, username: string, userId: string | undefined, c: Common, now: Date): Promise<Invalid | Blocked> {
  const policy = policyOf(c);
  const account = await recordFailure(db, accountKey(username), policy.account, now);
  const address = await recordFailure(db, addressKey(c.ip), policy.address, now);
  const subject = userId ? { subjectType: 'staff_user', subjectId: userId } : {};
  await audit(db, { actorType: 'staff', actorId: userId ?? null, action: 'staff.login_failed', ...subject, details: { step }, ip: c.ip });
  for (const [scope, r] of [['account', account], ['address', address]] as const) {
    if (r.lockedNow) await audit(db, { actorType: 'system', action: 'staff.locked_out', ...(scope === 'account' ? subject : {}), details: { scope, step, minutes: policy[scope].lockMinutes }, ip: c.ip });
  }
  const until = [account.lockedUntil, address.lockedUntil].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0];
  return until ? { kind: 'blocked', until } : { kind: 'invalid' };
}

/** Step one. An unknown user, a wrong password and a deactivated account all answer "invalid", in about the same time. */
export async function passwordStep(db: Db, a: Common & { username: string; password: string }): Promise<PasswordResult> {
  const now = a.now ?? new Date();
  const stop = await blocked(db, a.username, a.ip, now);
  if (stop) return stop;
  const row = await findStaffByUsername(db, a.username);
  const ok = await verifyPassword(row?.passwordHash ?? DUMMY_HASH, a.password);
  if (row && ok && row.active) return { kind: 'ok', user: toStaffUser(row), enrolled: row.totpEnabledAt !== null };
  return fail(db, 'password', a.username, row?.id, a, now);
}

async function completed(db: Db, user: StaffUser, sessionId: string, method: string, c: Common, now: Date): Promise<string | undefined> {
  const next = await completeSecondFactor(db, sessionId, user.id, now);
  if (!next) return undefined;
  await clearFailures(db, accountKey(user.username));
  await audit(db, { actorType: 'staff', actorId: user.id, action: 'staff.login', subjectType: 'staff_user', subjectId: user.id, details: { method }, ip: c.ip });
  return next.token;
}

/** Step two for an enrolled account: a code from the app or a recovery code. */
export async function secondFactorStep(db: Db, a: Common & { user: StaffUser; sessionId: string; input: SecondFactorInput }): Promise<SecondFactorResult> {
  const now = a.now ?? new Date();
  const stop = await blocked(db, a.user.username, a.ip, now);
  if (stop) return stop;
  if (!(await verifySecondFactor(db, a.user.id, a.input, now))) return fail(db, 'second_factor', a.user.username, a.user.id, a, now);
  const token = await completed(db, a.user, a.sessionId, a.input.kind === 'totp' ? 'totp' : 'recovery_code', a, now);
  return token ? { kind: 'ok', token } : { kind: 'expired' };
}

/**
 * Step two for an account without a second factor: the first code from the app confirms the
 * enrolment. A waiting session becomes verified; an already verified one stays as it is.
 */
export async function enrolmentStep(db: Db, a: Common & { user: StaffUser; sessionId: string; verified: boolean; code: string; enrolmentCode?: string }): Promise<EnrolResult> {
  const now = a.now ?? new Date();
  const stop = await blocked(db, a.user.username, a.ip, now);
  if (stop) return stop;
  const r = await confirmEnrolment(db, a.user.id, a.code, now, a.ip, a.enrolmentCode);
  if (!r.ok) return fail(db, 'enrolment', a.user.username, a.user.id, a, now);
  if (a.verified) return { kind: 'ok', token: undefined, recoveryCodes: r.recoveryCodes };
  const token = await completed(db, a.user, a.sessionId, 'enrolment', a, now);
  return token ? { kind: 'ok', token, recoveryCodes: r.recoveryCodes } : { kind: 'expired' };
}

/** "Try again in N minutes", rounded up, never less than one. */
export function minutesLeft(until: Date, now = new Date()): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
