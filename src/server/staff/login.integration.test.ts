import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, rateLimits, staffRecoveryCodes, staffSessions, staffUsers } from '../../../db/schema.ts';
import type { Db, DbHandle } from '../../../db/client.ts';
import { testDatabases } from '../test-db.ts';
import type { LoginPolicy } from './policy.ts';
import { clearFailures, lockedUntil, recordFailure } from './rate-limit.ts';
import { AlreadyEnrolledError, confirmEnrolment, enrolledTotpKey, pendingTotpKey, secondFactorStatus, verifySecondFactor } from './second-factor.ts';
import { accountKey, addressKey, enrolmentStep, forgetPassedLoginWindows, minutesLeft, passwordStep, secondFactorStep } from './login.ts';
import { createStaffSession, validateSessionToken } from './session.ts';
import { timeStep, totpAt } from './totp.ts';
import { createStaffUser, type StaffUser } from './users.ts';

vi.stubEnv('COOKIE_SECRET', 'test-only-cookie-secret-0123456789abcdef');
vi.stubEnv('STAFF_SESSION_IDLE_MINUTES', '30');
vi.stubEnv('STAFF_SESSION_ABSOLUTE_HOURS', '12');

const PASSWORD = 'korrekt häst batteri';
const MINUTE = 60_000;
const POLICY: LoginPolicy = { account: { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 }, address: { maxFailures: 20, windowMinutes: 15, lockMinutes: 15 } };
const T0 = new Date('2026-03-02T08:00:00Z');
const at = (ms: number, base = T0) => new Date(base.getTime() + ms);

let n = 0;
const unique = (prefix: string) => `${prefix}${++n}`;
/** Each test its own client address, so address counters never leak between tests. */
const newIp = () => `192.0.2.${++n % 250}`;

async function newUser(db: Db, roles = ['handlaggare']): Promise<StaffUser> {
  return createStaffUser(db, { username: unique('user'), displayName: 'Test Testsson', password: PASSWORD, roles, areas: ['aldreomsorg'] });
}

/** An enrolled user and their secret. */
async function enrolledUser(db: Db, now = T0): Promise<{ user: StaffUser; key: Uint8Array; codes: string[] }> {
  const user = await newUser(db);
  const key = await pendingTotpKey(db, user.id);
  const r = await confirmEnrolment(db, user.id, totpAt(key, now), now);
  if (!r.ok) throw new Error('enrolment failed');
  return { user, key, codes: r.recoveryCodes };
}

async function events(db: Db, action: string, subjectId?: string) {
  const rows = await db.select().from(auditEvents).where(subjectId ? and(eq(auditEvents.action, action), eq(auditEvents.subjectId, subjectId)) : eq(auditEvents.action, action));
  return rows;
}

describe.each(testDatabases())('staff login security on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
  });
  afterAll(async () => {
    await handle?.close();
  });

  describe('fixed-window failure counters', () => {
    const rule = { maxFailures: 3, windowMinutes: 15, lockMinutes: 10 };

    it('lock the key with the failure that reaches the maximum, and say so only once', async () => {
      const key = unique('k');
      expect(await recordFailure(db, key, rule, T0)).toEqual({ count: 1, lockedUntil: undefined, lockedNow: false });
      expect((await recordFailure(db, key, rule, at(MINUTE))).lockedNow).toBe(false);
      const third = await recordFailure(db, key, rule, at(2 * MINUTE));
      expect(third).toEqual({ count: 3, lockedUntil: at(12 * MINUTE), lockedNow: true });
      const fourth = await recordFailure(db, key, rule, at(3 * MINUTE));
      expect(fourth.lockedNow).toBe(false);
      expect(fourth.lockedUntil).toEqual(at(12 * MINUTE));
      expect(await lockedUntil(db, [key], at(11 * MINUTE))).toEqual(at(12 * MINUTE));
      expect(await lockedUntil(db, [key], at(12 * MINUTE))).toBeUndefined();
    });

    it('start again after the window, so spread-out failures never lock', async () => {
      const key = unique('k');
      for (let i = 0; i < 6; i++) {
        const r = await recordFailure(db, key, rule, at(i * 8 * MINUTE));
        expect(r.lockedUntil).toBeUndefined();
      }
      const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key));
      expect(row?.count).toBeLessThan(3);
    });

    it('count every one of many concurrent failures', async () => {
      const key = unique('k');
      await Promise.all(Array.from({ length: 10 }, () => recordFailure(db, key, { maxFailures: 100, windowMinutes: 15, lockMinutes: 1 }, T0)));
      const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key));
      expect(row?.count).toBe(10);
    });

    it('are separate per key, and can be cleared', async () => {
      const a = unique('k');
      const b = unique('k');
      for (let i = 0; i < 3; i++) await recordFailure(db, a, rule, T0);
      expect(await lockedUntil(db, [b], T0)).toBeUndefined();
      expect(await lockedUntil(db, [a, b], T0)).toEqual(at(10 * MINUTE));
      await clearFailures(db, a);
      expect(await lockedUntil(db, [a], T0)).toBeUndefined();
    });
  });

  describe('the password step', () => {
    it('lets the right password through and says whether a second factor is enrolled', async () => {
      const u = await newUser(db);
      expect(await passwordStep(db, { username: u.username.toUpperCase(), password: PASSWORD, ip: newIp(), now: T0, policy: POLICY })).toEqual({ kind: 'ok', user: u, enrolled: false });
      const { user } = await enrolledUser(db);
      expect(await passwordStep(db, { username: user.username, password: PASSWORD, ip: newIp(), now: T0, policy: POLICY })).toMatchObject({ kind: 'ok', enrolled: true });
    });

    it('answers a wrong password and an unknown username alike, and audits each failure once', async () => {
      const u = await newUser(db);
      const ip = newIp();
      expect(await passwordStep(db, { username: u.username, password: 'fel lösenord', ip, now: T0, policy: POLICY })).toEqual({ kind: 'invalid' });
      expect(await passwordStep(db, { username: 'finns-inte-alls', password: 'fel lösenord', ip, now: T0, policy: POLICY })).toEqual({ kind: 'invalid' });
      // A NUL (which PostgreSQL's text cannot hold) is an unknown user too, not a failed query.
      expect(await passwordStep(db, { username: `${u.username}\u0000`, password: PASSWORD, ip: newIp(), now: T0, policy: POLICY })).toEqual({ kind: 'invalid' });
      const mine = await events(db, 'staff.login_failed', u.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ actorType: 'staff', actorId: u.id, subjectType: 'staff_user', details: { step: 'password' }, ip });
      const all = (await events(db, 'staff.login_failed')).filter((e) => e.ip === ip);
      expect(all).toHaveLength(2);
      // The typed username is never written to the audit trail.
      expect(JSON.stringify(all)).not.toContain('finns-inte-alls');
    });

    it('locks an account after five failures for fifteen minutes, even for the right password, and audits the lock once', async () => {
      const u = await newUser(db);
      for (let i = 0; i < 4; i++) {
        expect((await passwordStep(db, { username: u.username, password: 'fel', ip: newIp(), now: at(i * MINUTE), policy: POLICY })).kind).toBe('invalid');
      }
      const fifth = await passwordStep(db, { username: u.username, password: 'fel', ip: newIp(), now: at(4 * MINUTE), policy: POLICY });
      expect(fifth).toEqual({ kind: 'blocked', until: at(19 * MINUTE) });
      const right = await passwordStep(db, { username: u.username, password: PASSWORD, ip: newIp(), now: at(10 * MINUTE), policy: POLICY });
      expect(right).toEqual({ kind: 'blocked', until: at(19 * MINUTE) });
      expect(minutesLeft(at(19 * MINUTE), at(10 * MINUTE))).toBe(9);
      const locks = await events(db, 'staff.locked_out', u.id);
      expect(locks).toHaveLength(1);
      expect(locks[0]).toMatchObject({ actorType: 'system', details: { scope: 'account', step: 'password', minutes: 15 } });
      // While locked nothing is checked, so nothing more is counted or audited.
      expect(await events(db, 'staff.login_failed', u.id)).toHaveLength(5);
      expect(await passwordStep(db, { username: u.username, password: PASSWORD, ip: newIp(), now: at(19 * MINUTE), policy: POLICY })).toMatchObject({ kind: 'ok' });
    });

    it('locks an unknown username exactly as it locks a real one', async () => {
      const real = await newUser(db);
      const results = { real: [] as unknown[], unknown: [] as unknown[] };
      for (let i = 0; i < 6; i++) {
        results.real.push(await passwordStep(db, { username: real.username, password: 'fel', ip: newIp(), now: at(i * MINUTE), policy: POLICY }));
        results.unknown.push(await passwordStep(db, { username: unique('ghost'), password: 'fel', ip: newIp(), now: at(i * MINUTE), policy: POLICY }));
      }
      const ghost = unique('ghost');
      const ghostResults = [];
      for (let i = 0; i < 6; i++) ghostResults.push(await passwordStep(db, { username: ghost, password: 'fel', ip: newIp(), now: at(i * MINUTE), policy: POLICY }));
      expect(ghostResults).toEqual(results.real);
    });

    it('blocks an address after twenty failures, whichever usernames they were for', async () => {
      const ip = newIp();
      const u = await newUser(db);
      for (let i = 0; i < 19; i++) expect((await passwordStep(db, { username: unique('guess'), password: 'fel', ip, now: at(i * 1000), policy: POLICY })).kind).toBe('invalid');
      expect(await passwordStep(db, { username: unique('guess'), password: 'fel', ip, now: at(20_000), policy: POLICY })).toEqual({ kind: 'blocked', until: at(20_000 + 15 * MINUTE) });
      expect((await passwordStep(db, { username: u.username, password: PASSWORD, ip, now: at(MINUTE), policy: POLICY })).kind).toBe('blocked');
      expect((await passwordStep(db, { username: u.username, password: PASSWORD, ip: newIp(), now: at(MINUTE), policy: POLICY })).kind).toBe('ok');
      const locks = (await events(db, 'staff.locked_out')).filter((e) => e.ip === ip);
      expect(locks).toHaveLength(1);
      expect(locks[0]?.details).toMatchObject({ scope: 'address' });
    });

    it('refuses a deactivated account like a wrong password', async () => {
      const u = await newUser(db);
      await db.update(staffUsers).set({ active: false }).where(eq(staffUsers.id, u.id));
      expect(await passwordStep(db, { username: u.username, password: PASSWORD, ip: newIp(), now: T0, policy: POLICY })).toEqual({ kind: 'invalid' });
    });
  });

  describe('enrolment', () => {
    it('keeps the pending secret across page loads, stores it encrypted, and is confirmed by a code from it', async () => {
      const u = await newUser(db);
      const key = await pendingTotpKey(db, u.id);
      expect(Array.from(await pendingTotpKey(db, u.id))).toEqual(Array.from(key));
      const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, u.id));
      expect(row?.totpSecret).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(row?.totpSecret ?? []).includes(Buffer.from(key))).toBe(false);
      expect(row?.totpEnabledAt).toBeNull();
      expect((await secondFactorStatus(db, u.id)).enrolled).toBe(false);

      expect(await confirmEnrolment(db, u.id, '000000' === totpAt(key, T0) ? '111111' : '000000', T0)).toEqual({ ok: false });
      const r = await confirmEnrolment(db, u.id, totpAt(key, T0), T0);
      expect(r.ok).toBe(true);
      const codes = r.ok ? r.recoveryCodes : [];
      expect(codes).toHaveLength(10);
      expect(await secondFactorStatus(db, u.id)).toEqual({ enrolled: true, enrolledAt: T0, recoveryCodesLeft: 10, codeRequired: false });
      expect(Array.from((await enrolledTotpKey(db, u.id)) ?? [])).toEqual(Array.from(key));
      // Only hashes of the recovery codes are stored.
      const stored = await db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, u.id));
      const dump = Buffer.concat(stored.map((s) => Buffer.from(s.codeHash))).toString('latin1');
      for (const c of codes) expect(dump).not.toContain(c.replace('-', ''));
      expect(await events(db, 'staff.second_factor_enrolled', u.id)).toHaveLength(1);
      await expect(pendingTotpKey(db, u.id)).rejects.toBeInstanceOf(AlreadyEnrolledError);
      await expect(confirmEnrolment(db, u.id, totpAt(key, T0), T0)).rejects.toBeInstanceOf(AlreadyEnrolledError);
    });

    it('does not let the enrolment code be used again to log in', async () => {
      const { user, key } = await enrolledUser(db);
      expect(await verifySecondFactor(db, user.id, { kind: 'totp', code: totpAt(key, T0) }, T0)).toBe(false);
      expect(await verifySecondFactor(db, user.id, { kind: 'totp', code: totpAt(key, at(30_000)) }, at(30_000))).toBe(true);
    });
  });

  describe('checking the second factor', () => {
    it('accepts each code once: the same code, or an older one, never again', async () => {
      const { user, key } = await enrolledUser(db);
      const later = at(5 * MINUTE);
      const code = totpAt(key, later);
      expect(await verifySecondFactor(db, user.id, { kind: 'totp', code }, later)).toBe(true);
      expect(await verifySecondFactor(db, user.id, { kind: 'totp', code }, later)).toBe(false);
      expect(await verifySecondFactor(db, user.id, { kind: 'totp', code: totpAt(key, at(-30_000, later)) }, later)).toBe(false);
      const [row] = await db.select({ s: staffUsers.totpLastStep }).from(staffUsers).where(eq(staffUsers.id, user.id));
      expect(row?.s).toBe(timeStep(later));
      expect(await verifySecondFactor(db, user.id, { kind: 'totp', code: totpAt(key, at(30_000, later)) }, at(30_000, later))).toBe(true);
    });

    it('lets only one of two simultaneous logins with the same code through', async () => {
      const { user, key } = await enrolledUser(db);
      const later = at(10 * MINUTE);
      const code = totpAt(key, later);
      const results = await Promise.all([1, 2, 3].map(() => verifySecondFactor(db, user.id, { kind: 'totp', code }, later)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('accepts a recovery code once, whatever its case or hyphen, and only for its own user', async () => {
      const { user, codes } = await enrolledUser(db);
      const other = await enrolledUser(db);
      const [code = ''] = codes;
      expect(await verifySecondFactor(db, other.user.id, { kind: 'recovery', code: code.replace('-', '') }, T0)).toBe(false);
      expect(await verifySecondFactor(db, user.id, { kind: 'recovery', code: code.replace('-', '') }, T0)).toBe(true);
      expect(await verifySecondFactor(db, user.id, { kind: 'recovery', code: code.replace('-', '') }, T0)).toBe(false);
      expect((await secondFactorStatus(db, user.id)).recoveryCodesLeft).toBe(9);
    });

    it('refuses a code for an account that has not enrolled', async () => {
      const u = await newUser(db);
      const key = await pendingTotpKey(db, u.id);
      expect(await verifySecondFactor(db, u.id, { kind: 'totp', code: totpAt(key, T0) }, T0)).toBe(false);
    });
  });

  describe('the second-factor step', () => {
    it('replaces the waiting session by a verified one under a new token, audits the login and forgets earlier failures', async () => {
      const { user, key } = await enrolledUser(db);
      const ip = newIp();
      const now = at(MINUTE);
      const pending = await createStaffSession(db, user.id, now);
      expect((await validateSessionToken(db, pending.token, now))?.twoFactorVerified).toBe(false);
      await recordFailure(db, accountKey(user.username), POLICY.account, now);

      const r = await secondFactorStep(db, { user, sessionId: pending.session.id, input: { kind: 'totp', code: totpAt(key, now) }, ip, now, policy: POLICY });
      expect(r.kind).toBe('ok');
      const token = r.kind === 'ok' ? r.token : '';
      expect(token).not.toBe(pending.token);
      expect(await validateSessionToken(db, pending.token, now)).toBeUndefined();
      const state = await validateSessionToken(db, token, now);
      expect(state).toMatchObject({ twoFactorVerified: true, secondFactorEnrolled: true, user: { id: user.id } });
      expect(await db.select().from(rateLimits).where(eq(rateLimits.key, accountKey(user.username)))).toHaveLength(0);
      const logins = await events(db, 'staff.login', user.id);
      expect(logins).toHaveLength(1);
      expect(logins[0]).toMatchObject({ actorId: user.id, details: { method: 'totp' }, ip });
    });

    it('counts wrong codes towards the same lock-out as wrong passwords', async () => {
      const { user, key } = await enrolledUser(db);
      const now = at(2 * MINUTE);
      const pending = await createStaffSession(db, user.id, now);
      for (let i = 0; i < 3; i++) await passwordStep(db, { username: user.username, password: 'fel', ip: newIp(), now, policy: POLICY });
      const wrong = totpAt(key, now) === '000000' ? '111111' : '000000';
      const input = { kind: 'totp' as const, code: wrong };
      expect(await secondFactorStep(db, { user, sessionId: pending.session.id, input, ip: newIp(), now, policy: POLICY })).toEqual({ kind: 'invalid' });
      expect(await secondFactorStep(db, { user, sessionId: pending.session.id, input, ip: newIp(), now, policy: POLICY })).toEqual({ kind: 'blocked', until: at(15 * MINUTE, now) });
      const right = { kind: 'totp' as const, code: totpAt(key, now) };
      expect((await secondFactorStep(db, { user, sessionId: pending.session.id, input: right, ip: newIp(), now, policy: POLICY })).kind).toBe('blocked');
      const failed = await events(db, 'staff.login_failed', user.id);
      expect(failed.filter((e) => (e.details as { step?: string }).step === 'second_factor')).toHaveLength(2);
    });

    it('says the login expired when the waiting session is gone', async () => {
      const { user, key } = await enrolledUser(db);
      const now = at(3 * MINUTE);
      const pending = await createStaffSession(db, user.id, now);
      await db.delete(staffSessions).where(eq(staffSessions.id, pending.session.id));
      expect(await secondFactorStep(db, { user, sessionId: pending.session.id, input: { kind: 'totp', code: totpAt(key, now) }, ip: newIp(), now, policy: POLICY })).toEqual({ kind: 'expired' });
    });

    it('with enrolment verifies the waiting session and returns the recovery codes once', async () => {
      const user = await newUser(db);
      const now = at(4 * MINUTE);
      const pending = await createStaffSession(db, user.id, now);
      const key = await pendingTotpKey(db, user.id);
      expect(await enrolmentStep(db, { user, sessionId: pending.session.id, verified: false, code: '12345a', ip: newIp(), now, policy: POLICY })).toEqual({ kind: 'invalid' });
      const r = await enrolmentStep(db, { user, sessionId: pending.session.id, verified: false, code: totpAt(key, now), ip: newIp(), now, policy: POLICY });
      expect(r.kind).toBe('ok');
      if (r.kind !== 'ok') return;
      expect(r.recoveryCodes).toHaveLength(10);
      expect((await validateSessionToken(db, r.token ?? '', now))?.twoFactorVerified).toBe(true);
      expect(await events(db, 'staff.second_factor_enrolled', user.id)).toHaveLength(1);
      expect((await events(db, 'staff.login', user.id))[0]?.details).toEqual({ method: 'enrolment' });
    });
  });

  describe('a session waiting for the second factor', () => {
    it('ends fifteen minutes after the password, however it is used', async () => {
      const u = await newUser(db);
      const { token } = await createStaffSession(db, u.id, T0);
      expect(await validateSessionToken(db, token, at(14 * MINUTE))).toMatchObject({ twoFactorVerified: false, secondFactorEnrolled: false });
      expect(await validateSessionToken(db, token, at(15 * MINUTE))).toBeUndefined();
    });
  });

  it('uses separate keys for accounts and addresses, holding neither the name typed nor the address', () => {
    expect(accountKey(' Anna ')).toBe(accountKey('anna'));
    expect(accountKey('anna')).not.toBe(accountKey('anne'));
    expect(accountKey('anna')).toMatch(/^staff-login:account:[A-Za-z0-9_-]{43}$/);
    expect(addressKey('127.0.0.1')).toMatch(/^staff-login:address:[A-Za-z0-9_-]{43}$/);
    expect(addressKey('127.0.0.1')).not.toBe(addressKey('127.0.0.2'));
    expect(addressKey(undefined)).toBe(addressKey('unknown'));
    // The same value in both scopes gives different keys.
    expect(accountKey('x').split(':')[2]).not.toBe(addressKey('x').split(':')[2]);
    // What was typed as a user name may be a password: nothing of it is in the key.
    const typed = 'Hemligt-lösen-2026';
    expect(accountKey(typed).toLowerCase()).not.toContain('hemligt');
    expect(addressKey('203.0.113.7')).not.toContain('203.0.113');
  });

  it('keeps the counters and their keys across midnight, and forgets them once their window and lock have passed', async () => {
    const ip = newIp();
    const name = unique('nobody');
    const late = new Date('2026-03-02T23:58:00Z');
    for (let i = 0; i < POLICY.account.maxFailures; i++) await passwordStep(db, { username: name, password: 'fel', ip, now: late, policy: POLICY });
    expect(await passwordStep(db, { username: name, password: PASSWORD, ip, now: at(4 * MINUTE, late), policy: POLICY })).toMatchObject({ kind: 'blocked' });
    const rows = await db.select().from(rateLimits).where(eq(rateLimits.key, accountKey(name)));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(await db.select().from(rateLimits))).not.toContain(name);
    // Within the lock nothing is forgotten; once the window and the lock have passed, both counters go.
    // (Other tests' counters, from earlier in the day, may go.)
    await forgetPassedLoginWindows(db, at(10 * MINUTE, late), POLICY);
    expect(await db.select().from(rateLimits).where(eq(rateLimits.key, accountKey(name)))).toHaveLength(1);
    expect(await db.select().from(rateLimits).where(eq(rateLimits.key, addressKey(ip)))).toHaveLength(1);
    expect(await forgetPassedLoginWindows(db, at(20 * MINUTE, late), POLICY)).toBeGreaterThanOrEqual(2);
    expect(await db.select().from(rateLimits).where(eq(rateLimits.key, accountKey(name)))).toHaveLength(0);
    expect(await db.select().from(rateLimits).where(eq(rateLimits.key, addressKey(ip)))).toHaveLength(0);
  });
});
