import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents, staffRecoveryCodes, staffUsers } from '../../../db/schema.ts';
import type { Db, DbHandle } from '../../../db/client.ts';
import { testDatabases } from '../test-db.ts';
import { approveChange, pendingChanges } from './approvals.ts';
import { createStaffAsAdmin, getStaff, listStaff, resetSecondFactor, SelfChangeError, setActive, setRolesAndAreas, StaffNotFoundError } from './admin.ts';
import { changeOwnPassword, logoutEverywhere } from './account.ts';
import { DEMO_USERNAME, ensureDemoStaff } from './demo.ts';
import { confirmEnrolment, enrolledTotpKey, pendingTotpKey, secondFactorStatus } from './second-factor.ts';
import { createStaffSession, validateSessionToken } from './session.ts';
import { formatSecret, parseSecret, totpAt } from './totp.ts';
import { createStaffUser, InvalidStaffUserError, UsernameTakenError, verifyStaffLogin, type StaffUser } from './users.ts';

vi.stubEnv('COOKIE_SECRET', 'test-only-cookie-secret-0123456789abcdef');
vi.stubEnv('STAFF_SESSION_IDLE_MINUTES', '30');
vi.stubEnv('STAFF_SESSION_ABSOLUTE_HOURS', '12');

const PASSWORD = 'korrekt häst batteri';
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const POLICY = { account: { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 }, address: { maxFailures: 20, windowMinutes: 15, lockMinutes: 15 } };

let n = 0;
const unique = (prefix: string) => `${prefix}${++n}`;

describe.each(testDatabases())('staff administration on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  let admin: StaffUser;
  let second: StaffUser;
  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
    admin = await createStaffUser(db, { username: 'chefen', displayName: 'Chefen Admin', password: PASSWORD, roles: ['admin'], areas: [] });
    second = await createStaffUser(db, { username: 'andra', displayName: 'Andra Admin', password: PASSWORD, roles: ['admin'], areas: [] });
  });
  afterAll(async () => {
    await handle?.close();
  });

  /** The audit events about one account, by action. */
  async function eventsAbout(subjectId: string) {
    const rows = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, subjectId));
    return rows.map((r) => r.action).sort();
  }

  /** A handläggare as the portal makes one: asked for by one administrator, approved by another. */
  const codes = new Map<string, string>();
  async function newHandlaggare(areas = ['aldreomsorg']): Promise<StaffUser> {
    const u = await createStaffAsAdmin(db, admin, { username: unique('hl'), displayName: 'Hanna Läggare', password: PASSWORD, roles: ['handlaggare'], areas }, '198.51.100.7');
    const [req] = await pendingChanges(db, u.id);
    codes.set(u.id, (await approveChange(db, second, req!.id)).enrolmentCode);
    return { ...u, roles: ['handlaggare'], areas };
  }

  async function enrol(user: StaffUser) {
    const key = await pendingTotpKey(db, user.id);
    const r = await confirmEnrolment(db, user.id, totpAt(key, new Date()), new Date(), undefined, codes.get(user.id));
    if (!r.ok) throw new Error('enrolment failed');
  }

  describe('creating an account', () => {
    it('writes one staff.created event (no roles yet) and one request, approval by another administrator, no personal data', async () => {
      const u = await newHandlaggare(['ifo', 'aldreomsorg']);
      const rows = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, u.id));
      expect(rows.map((r) => r.action).sort()).toEqual(['staff.change_approved', 'staff.change_requested', 'staff.created']);
      expect(rows.find((r) => r.action === 'staff.created')).toMatchObject({ actorType: 'staff', actorId: admin.id, subjectType: 'staff_user', details: { roles: '', areas: '' }, ip: '198.51.100.7' });
      expect(rows.find((r) => r.action === 'staff.change_requested')).toMatchObject({ actorId: admin.id, details: { kind: 'grant', roles: 'handlaggare', areas: 'aldreomsorg,ifo' } });
      expect(rows.find((r) => r.action === 'staff.change_approved')).toMatchObject({ actorId: second.id, details: { kind: 'grant', requestedBy: admin.id } });
      expect(JSON.stringify(rows)).not.toContain('Hanna');
    });

    it('refuses a handläggare without an area, and a taken username, writing nothing', async () => {
      const before = (await db.select().from(auditEvents)).length;
      await expect(createStaffAsAdmin(db, admin, { username: unique('x'), displayName: 'X', password: PASSWORD, roles: ['handlaggare'], areas: [] })).rejects.toBeInstanceOf(InvalidStaffUserError);
      await expect(createStaffAsAdmin(db, admin, { username: 'CHEFEN', displayName: 'X', password: PASSWORD, roles: ['admin'], areas: [] })).rejects.toBeInstanceOf(UsernameTakenError);
      expect((await db.select().from(auditEvents)).length).toBe(before);
    });

    it('lists every account with whether its second factor is enrolled', async () => {
      const u = await newHandlaggare();
      await enrol(u);
      const list = await listStaff(db);
      expect(list.find((r) => r.id === u.id)).toMatchObject({ username: u.username, roles: ['handlaggare'], areas: ['aldreomsorg'], active: true, secondFactorEnrolled: true });
      expect(list.find((r) => r.id === admin.id)?.secondFactorEnrolled).toBe(false);
      expect(await getStaff(db, u.id)).toMatchObject({ id: u.id });
      expect(await getStaff(db, 'not-a-uuid')).toBeUndefined();
      expect(await getStaff(db, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
    });
  });

  describe('roles and areas', () => {
    it('change with one staff.roles_changed event, and none when nothing changed; a new area is asked for', async () => {
      const u = await newHandlaggare();
      // Analytiker is given at once; the new area ifo waits, aldreomsorg is taken away at once.
      expect(await setRolesAndAreas(db, admin, u.id, ['handlaggare', 'analytiker'], ['ifo'])).toEqual({ changed: true, requested: true });
      expect(await getStaff(db, u.id)).toMatchObject({ roles: ['analytiker'], areas: [] });
      expect(await setRolesAndAreas(db, admin, u.id, ['analytiker'], [])).toEqual({ changed: false, requested: false });
      expect(await eventsAbout(u.id)).toEqual(['staff.change_approved', 'staff.change_requested', 'staff.change_requested', 'staff.created', 'staff.roles_changed']);
      const [ev] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'staff.roles_changed'));
      expect(ev?.details).toMatchObject({ previousRoles: 'handlaggare', previousAreas: 'aldreomsorg' });
    });

    it('take effect on the next request of a signed-in user when they take access away', async () => {
      const u = await newHandlaggare(['aldreomsorg', 'ifo']);
      const { token } = await createStaffSession(db, u.id, new Date(), { twoFactorVerified: true });
      await setRolesAndAreas(db, admin, u.id, ['handlaggare'], ['ifo']);
      expect((await validateSessionToken(db, token))?.user.areas).toEqual(['ifo']);
    });

    it('refuse a handläggare without an area, unknown roles, and an administrator removing their own admin role', async () => {
      const u = await newHandlaggare();
      await expect(setRolesAndAreas(db, admin, u.id, ['handlaggare'], [])).rejects.toBeInstanceOf(InvalidStaffUserError);
      await expect(setRolesAndAreas(db, admin, u.id, ['kung'], [])).rejects.toBeInstanceOf(InvalidStaffUserError);
      await expect(setRolesAndAreas(db, admin, admin.id, ['analytiker'], [])).rejects.toBeInstanceOf(SelfChangeError);
      await expect(setRolesAndAreas(db, admin, '00000000-0000-4000-8000-000000000000', ['admin'], [])).rejects.toBeInstanceOf(StaffNotFoundError);
      expect((await getStaff(db, admin.id))?.roles).toEqual(['admin']);
      await expect(setRolesAndAreas(db, admin, admin.id, ['admin', 'handlaggare'], ['ifo'])).rejects.toBeInstanceOf(InvalidStaffUserError);
      expect(await eventsAbout(u.id)).toEqual(['staff.change_approved', 'staff.change_requested', 'staff.created']);
      // Adding a role that opens no personal data to oneself is fine.
      expect(await setRolesAndAreas(db, admin, admin.id, ['admin', 'analytiker'], [])).toEqual({ changed: true, requested: false });
      await setRolesAndAreas(db, admin, admin.id, ['admin'], []);
    });
  });

  describe('deactivation', () => {
    it('ends every session at once, and reactivation lets the user in again; one event each', async () => {
      const u = await newHandlaggare();
      const { token } = await createStaffSession(db, u.id, new Date(), { twoFactorVerified: true });
      expect(await setActive(db, admin, u.id, false)).toBe(true);
      expect(await validateSessionToken(db, token)).toBeUndefined();
      expect(await verifyStaffLogin(db, u.username, PASSWORD)).toBeNull();
      expect(await setActive(db, admin, u.id, false)).toBe(false);
      // A handläggare comes back only with a second administrator's approval.
      expect(await setActive(db, admin, u.id, true)).toBe('requested');
      expect(await verifyStaffLogin(db, u.username, PASSWORD)).toBeNull();
      const [req] = await pendingChanges(db, u.id);
      await approveChange(db, second, req!.id);
      expect(await verifyStaffLogin(db, u.username, PASSWORD)).not.toBeNull();
      const analyst = await createStaffAsAdmin(db, admin, { username: unique('an'), displayName: 'Ana Lytiker', password: PASSWORD, roles: ['analytiker'], areas: [] });
      expect(await setActive(db, admin, analyst.id, false)).toBe(true);
      expect(await setActive(db, admin, analyst.id, true)).toBe(true);
      expect(await eventsAbout(analyst.id)).toEqual(['staff.created', 'staff.deactivated', 'staff.reactivated']);
    });

    it('is refused for one’s own account', async () => {
      await expect(setActive(db, admin, admin.id, false)).rejects.toMatchObject({ code: 'selfDeactivate' });
      expect((await getStaff(db, admin.id))?.active).toBe(true);
    });
  });

  describe('resetting the second factor', () => {
    it('clears the secret and recovery codes and ends the sessions, with one event', async () => {
      const u = await newHandlaggare();
      await enrol(u);
      const { token } = await createStaffSession(db, u.id, new Date(), { twoFactorVerified: true });
      expect(await resetSecondFactor(db, admin, u.id, '198.51.100.7')).toBe('requested');
      expect((await secondFactorStatus(db, u.id)).enrolled).toBe(true);
      const [req] = await pendingChanges(db, u.id);
      await approveChange(db, second, req!.id, '198.51.100.7');
      expect(await secondFactorStatus(db, u.id)).toEqual({ enrolled: false, enrolledAt: null, recoveryCodesLeft: 0, codeRequired: true });
      const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, u.id));
      expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
      expect(await db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, u.id))).toHaveLength(0);
      expect(await validateSessionToken(db, token)).toBeUndefined();
      expect(await eventsAbout(u.id)).toEqual(['staff.change_approved', 'staff.change_approved', 'staff.change_requested', 'staff.change_requested', 'staff.created', 'staff.second_factor_enrolled']);
      // The next login enrols a new secret.
      await pendingTotpKey(db, u.id);
    });
  });

  describe('one’s own account', () => {
    it('changes the password only with the right current one, ending the other sessions but not this one', async () => {
      const u = await newHandlaggare();
      const here = await createStaffSession(db, u.id, new Date(), { twoFactorVerified: true });
      const there = await createStaffSession(db, u.id, new Date(), { twoFactorVerified: true });
      const ip = '203.0.113.50';
      expect(await changeOwnPassword(db, { user: u, sessionId: here.session.id, current: 'fel lösenord', next: 'ett helt nytt lösenord', ip, policy: POLICY })).toEqual({ kind: 'wrongPassword' });
      expect(await validateSessionToken(db, there.token)).toBeDefined();
      expect(await changeOwnPassword(db, { user: u, sessionId: here.session.id, current: PASSWORD, next: 'ett helt nytt lösenord', ip, policy: POLICY })).toEqual({ kind: 'ok' });
      expect(await validateSessionToken(db, here.token)).toBeDefined();
      expect(await validateSessionToken(db, there.token)).toBeUndefined();
      expect(await verifyStaffLogin(db, u.username, 'ett helt nytt lösenord')).not.toBeNull();
      expect(await eventsAbout(u.id)).toEqual(['staff.change_approved', 'staff.change_requested', 'staff.created', 'staff.login_failed', 'staff.password_changed']);
      await expect(changeOwnPassword(db, { user: u, sessionId: here.session.id, current: 'ett helt nytt lösenord', next: 'kort', ip, policy: POLICY })).rejects.toBeInstanceOf(InvalidStaffUserError);
    });

    it('logs out everywhere: every session of the user ends, others keep theirs; one event', async () => {
      const u = await newHandlaggare();
      const other = await newHandlaggare();
      const a = await createStaffSession(db, u.id, new Date(), { twoFactorVerified: true });
      const b = await createStaffSession(db, u.id);
      const c = await createStaffSession(db, other.id, new Date(), { twoFactorVerified: true });
      await logoutEverywhere(db, u, '203.0.113.51');
      expect(await validateSessionToken(db, a.token)).toBeUndefined();
      expect(await validateSessionToken(db, b.token)).toBeUndefined();
      expect(await validateSessionToken(db, c.token)).toBeDefined();
      expect(await eventsAbout(u.id)).toEqual(['staff.change_approved', 'staff.change_requested', 'staff.created', 'staff.logout_everywhere']);
    });
  });

  describe('the demo accounts', () => {
    it('are a handläggare for both areas and two administrators, enrolled with the configured secret', async () => {
      const login = await ensureDemoStaff(db, 'demo-lösenord-för-test', SECRET);
      expect(login).toMatchObject({ username: DEMO_USERNAME, usernames: ['handlaggare', 'admin', 'admin2'], password: 'demo-lösenord-för-test', totpSecret: formatSecret(parseSecret(SECRET)) });
      expect(login.totpUri).toMatch(/^otpauth:\/\/totp\/.*:handlaggare\?.*secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ/);
      const user = await verifyStaffLogin(db, DEMO_USERNAME, 'demo-lösenord-för-test');
      expect(user).toMatchObject({ roles: ['handlaggare'], areas: ['aldreomsorg', 'ifo'] });
      expect(await verifyStaffLogin(db, 'admin', 'demo-lösenord-för-test')).toMatchObject({ roles: ['admin', 'analytiker'], areas: [] });
      expect(await verifyStaffLogin(db, 'admin2', 'demo-lösenord-för-test')).toMatchObject({ roles: ['admin'], areas: [] });
      expect(Array.from((await enrolledTotpKey(db, user?.id ?? '')) ?? [])).toEqual(Array.from(parseSecret(SECRET)));
    });

    it('keeps its secret across restarts when none is configured, and takes a newly configured one', async () => {
      const first = await ensureDemoStaff(db, 'demo-lösenord-för-test', undefined);
      expect(first.totpSecret).toBe(formatSecret(parseSecret(SECRET)));
      const other = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
      expect((await ensureDemoStaff(db, 'demo-lösenord-för-test', other)).totpSecret).toBe(formatSecret(parseSecret(other)));
    });

    it('get exactly the demo roles back when they were changed', async () => {
      const user = await verifyStaffLogin(db, DEMO_USERNAME, 'demo-lösenord-för-test');
      await db.update(staffUsers).set({ roles: ['analytiker'], areas: [] }).where(eq(staffUsers.id, user?.id ?? ''));
      await ensureDemoStaff(db, 'demo-lösenord-för-test', SECRET);
      expect(await verifyStaffLogin(db, DEMO_USERNAME, 'demo-lösenord-för-test')).toMatchObject({ roles: ['handlaggare'], areas: ['aldreomsorg', 'ifo'] });
    });

    it('are made only in demo mode, and announced under a banner only then', async () => {
      const { demoAnnouncement, prepareDemo } = await import('./demo.ts');
      const before = (await db.select().from(staffUsers)).length;
      expect(await prepareDemo(db, { DEMO_MODE: false, DEMO_STAFF_PASSWORD: 'demo-lösenord-för-test' })).toBeUndefined();
      expect((await db.select().from(staffUsers)).length).toBe(before);
      expect(demoAnnouncement({ DEMO_MODE: false, PUBLIC_ORIGIN: 'https://x.example' }, undefined)).toEqual([]);
      const lines = demoAnnouncement({ DEMO_MODE: true, PUBLIC_ORIGIN: 'https://x.example' }, await prepareDemo(db, { DEMO_MODE: true, DEMO_STAFF_PASSWORD: 'demo-lösenord-för-test' }));
      expect(lines.join('\n')).toMatch(/DEMO MODE[\s\S]*password: demo-lösenord-för-test/);
    });
  });
});
