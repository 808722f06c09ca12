/**
 * Staff administration, as an administrator does it from /handlaggning/admin/anvandare: create
 * accounts, change roles and areas, deactivate and reactivate, reset the second factor. Each change
 * and its audit event are written in one transaction, so there is exactly one event per change and
 * never a change without one. An administrator cannot lock themselves out (deactivate themselves or
 * take away their own admin role).
 *
 * Separation of duties (docs/adr/0008): what takes access away applies at once; what opens case
 * data or administration (a privileged role or a handläggare's new area, also on a new account;
 * reactivating or resetting the second factor of an account holding a privileged role) becomes a
 * request that a second administrator approves (./approvals.ts).
 */
import { asc, eq, sql } from 'drizzle-orm';
import { staffSessions, staffUsers } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { audit } from '../audit.ts';
import { requestChange } from './approvals.ts';
import { noticeAdmins } from './notices.ts';
import { clearSecondFactor } from './second-factor.ts';
import { createStaffUser, InvalidStaffUserError, isPrivileged, PRIVILEGED_ROLES, rolesAndAreasProblems, type NewStaffUser, type StaffUser } from './users.ts';

export type StaffOverview = {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  areas: string[];
  active: boolean;
  secondFactorEnrolled: boolean;
  createdAt: Date;
};

export type AdminActor = Pick<StaffUser, 'id'>;

export class StaffNotFoundError extends Error {
  constructor() {
    super('No such staff user');
    this.name = 'StaffNotFoundError';
  }
}

/** What an administrator may not do to their own account. */
export class SelfChangeError extends Error {
  readonly code: 'selfDeactivate' | 'selfDeAdmin';
  constructor(code: 'selfDeactivate' | 'selfDeAdmin') {
    super(code === 'selfDeactivate' ? 'An administrator cannot deactivate themselves' : 'An administrator cannot take away their own admin role');
    this.name = 'SelfChangeError';
    this.code = code;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const overview = {
  id: staffUsers.id,
  username: staffUsers.username,
  displayName: staffUsers.displayName,
  roles: staffUsers.roles,
  areas: staffUsers.areas,
  active: staffUsers.active,
  secondFactorEnrolled: sql<boolean>`${staffUsers.totpEnabledAt} is not null`,
  createdAt: staffUsers.createdAt,
};

export async function listStaff(db: Db): Promise<StaffOverview[]> {
  return db.select(overview).from(staffUsers).orderBy(asc(staffUsers.displayName), asc(staffUsers.username));
}

/** The account, or undefined (also for an id that is not a uuid at all). */
export async function getStaff(db: Db, id: string): Promise<StaffOverview | undefined> {
  if (!UUID.test(id)) return undefined;
  const [row] = await db.select(overview).from(staffUsers).where(eq(staffUsers.id, id));
  return row;
}

const list = (v: string[]) => [...v].sort().join(',');

const privileged = (r: string) => (PRIVILEGED_ROLES as readonly string[]).includes(r);

/**
 * A new account. Roles that open nothing personal (analytiker) are given at once; privileged ones
 * and areas are asked for (`requested`), to take effect when another administrator approves.
 */
export async function createStaffAsAdmin(db: Db, admin: AdminActor, input: NewStaffUser, ip?: string): Promise<StaffUser & { requested: boolean }> {
  const problems = rolesAndAreasProblems(input.roles, input.areas);
  if (problems.length > 0) throw new InvalidStaffUserError(problems);
  const wanted = { roles: [...new Set(input.roles)], areas: [...new Set(input.areas)] };
  const now = { roles: wanted.roles.filter((r) => !privileged(r)), areas: [] as string[] };
  return db.transaction(async (tx) => {
    const user = await createStaffUser(tx, { ...input, ...now });
    await audit(tx, {
      actorType: 'staff',
      actorId: admin.id,
      action: 'staff.created',
      subjectType: 'staff_user',
      subjectId: user.id,
      details: { roles: list(user.roles), areas: list(user.areas) },
      ip,
    });
    const requested = isPrivileged(wanted.roles);
    if (requested) await requestChange(tx, admin, user.id, 'grant', wanted, ip);
    return { ...user, requested };
  });
}

async function lockTarget(tx: Pick<Db, 'select'>, id: string) {
  if (!UUID.test(id)) throw new StaffNotFoundError();
  const [row] = await tx.select({ roles: staffUsers.roles, areas: staffUsers.areas, active: staffUsers.active }).from(staffUsers).where(eq(staffUsers.id, id)).for('update');
  if (!row) throw new StaffNotFoundError();
  return row;
}

export type RolesOutcome = { changed: boolean; requested: boolean };

/**
 * New roles and areas. What takes access away, and roles that open nothing personal, take effect
 * on the user's next request; a privileged role or a handläggare's new area is asked for instead.
 * `changed` false and `requested` false (and no event) when nothing changed.
 */
export async function setRolesAndAreas(db: Db, admin: AdminActor, targetId: string, roles: string[], areas: string[], ip?: string): Promise<RolesOutcome> {
  const nextRoles = [...new Set(roles)];
  const nextAreas = [...new Set(areas)];
  const problems = rolesAndAreasProblems(nextRoles, nextAreas);
  if (problems.length > 0) throw new InvalidStaffUserError(problems);
  if (targetId === admin.id && !nextRoles.includes('admin')) throw new SelfChangeError('selfDeAdmin');
  return db.transaction(async (tx) => {
    const before = await lockTarget(tx, targetId);
    if (list(before.roles) === list(nextRoles) && list(before.areas) === list(nextAreas)) return { changed: false, requested: false };
    // At once: every role kept or given that is not privileged, every area kept; nothing new that opens data.
    let nowRoles = nextRoles.filter((r) => before.roles.includes(r) || !privileged(r));
    const nowAreas = nowRoles.includes('handlaggare') ? nextAreas.filter((a) => before.areas.includes(a)) : [];
    if (nowRoles.includes('handlaggare') && nowAreas.length === 0) nowRoles = nowRoles.filter((r) => r !== 'handlaggare');
    const needsApproval = nextRoles.some((r) => privileged(r) && !before.roles.includes(r)) || (nextRoles.includes('handlaggare') && nextAreas.some((a) => !before.areas.includes(a)));
    const changed = list(before.roles) !== list(nowRoles) || list(before.areas) !== list(nowAreas);
    if (changed) {
      await tx.update(staffUsers).set({ roles: nowRoles, areas: nowAreas }).where(eq(staffUsers.id, targetId));
      await audit(tx, {
        actorType: 'staff',
        actorId: admin.id,
        action: 'staff.roles_changed',
        subjectType: 'staff_user',
        subjectId: targetId,
        details: { roles: list(nowRoles), areas: list(nowAreas), previousRoles: list(before.roles), previousAreas: list(before.areas) },
        ip,
      });
      await noticeAdmins(tx, { kind: 'staff_roles_reduced', actorId: admin.id, details: { target: targetId } });
    }
    if (needsApproval) await requestChange(tx, admin, targetId, 'grant', { roles: nextRoles, areas: nextAreas }, ip);
    return { changed, requested: needsApproval };
  });
}

/**
 * Deactivates (ending every session at once) or reactivates an account; false (and no event) when
 * it already was so; 'requested' when reactivating an account that holds a privileged role, which
 * a second administrator approves.
 */
export async function setActive(db: Db, admin: AdminActor, targetId: string, active: boolean, ip?: string): Promise<boolean | 'requested'> {
  if (!active && targetId === admin.id) throw new SelfChangeError('selfDeactivate');
  return db.transaction(async (tx) => {
    const before = await lockTarget(tx, targetId);
    if (before.active === active) return false;
    if (active && isPrivileged(before.roles)) {
      await requestChange(tx, admin, targetId, 'reactivate', {}, ip);
      return 'requested';
    }
    await tx.update(staffUsers).set({ active }).where(eq(staffUsers.id, targetId));
    if (!active) await tx.delete(staffSessions).where(eq(staffSessions.userId, targetId));
    await audit(tx, { actorType: 'staff', actorId: admin.id, action: active ? 'staff.reactivated' : 'staff.deactivated', subjectType: 'staff_user', subjectId: targetId, ip });
    return true;
  });
}

/**
 * Clears the second factor and recovery codes and ends the user's sessions: they enrol again at
 * next login. For another account holding a privileged role it is asked for instead ('requested'),
 * and a second administrator's approval does it (with a one-time enrolment code).
 */
export async function resetSecondFactor(db: Db, admin: AdminActor, targetId: string, ip?: string): Promise<'done' | 'requested'> {
  return db.transaction(async (tx) => {
    const before = await lockTarget(tx, targetId);
    if (targetId !== admin.id && isPrivileged(before.roles)) {
      await requestChange(tx, admin, targetId, 'reset_second_factor', {}, ip);
      return 'requested';
    }
    await clearSecondFactor(tx, targetId);
    await audit(tx, { actorType: 'staff', actorId: admin.id, action: 'staff.second_factor_reset', subjectType: 'staff_user', subjectId: targetId, ip });
    return 'done';
  });
}
