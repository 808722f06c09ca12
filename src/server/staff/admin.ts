/**
 * Staff administration, as an administrator does it from /handlaggning/admin/anvandare: create
 * accounts, change roles and areas, deactivate and reactivate, reset the second factor. Each change
 * and its audit event are written in one transaction, so there is exactly one event per change and
 * never a change without one. An administrator cannot lock themselves out (deactivate themselves or
 * take away their own admin role).
 */
import { asc, eq, sql } from 'drizzle-orm';
import { staffSessions, staffUsers } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { audit } from '../audit.ts';
import { clearSecondFactor } from './second-factor.ts';
import { createStaffUser, InvalidStaffUserError, rolesAndAreasProblems, type NewStaffUser, type StaffUser } from './users.ts';

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

export async function createStaffAsAdmin(db: Db, admin: AdminActor, input: NewStaffUser, ip?: string): Promise<StaffUser> {
  return db.transaction(async (tx) => {
    const user = await createStaffUser(tx, input);
    await audit(tx, {
      actorType: 'staff',
      actorId: admin.id,
      action: 'staff.created',
      subjectType: 'staff_user',
      subjectId: user.id,
      details: { roles: list(user.roles), areas: list(user.areas) },
      ip,
    });
    return user;
  });
}

async function lockTarget(tx: Pick<Db, 'select'>, id: string) {
  if (!UUID.test(id)) throw new StaffNotFoundError();
  const [row] = await tx.select({ roles: staffUsers.roles, areas: staffUsers.areas, active: staffUsers.active }).from(staffUsers).where(eq(staffUsers.id, id)).for('update');
  if (!row) throw new StaffNotFoundError();
  return row;
}

/** New roles and areas; false (and no event) when nothing changed. Takes effect on the user's next request. */
export async function setRolesAndAreas(db: Db, admin: AdminActor, targetId: string, roles: string[], areas: string[], ip?: string): Promise<boolean> {
  const nextRoles = [...new Set(roles)];
  const nextAreas = [...new Set(areas)];
  const problems = rolesAndAreasProblems(nextRoles, nextAreas);
  if (problems.length > 0) throw new InvalidStaffUserError(problems);
  if (targetId === admin.id && !nextRoles.includes('admin')) throw new SelfChangeError('selfDeAdmin');
  return db.transaction(async (tx) => {
    const before = await lockTarget(tx, targetId);
    if (list(before.roles) === list(nextRoles) && list(before.areas) === list(nextAreas)) return false;
    await tx.update(staffUsers).set({ roles: nextRoles, areas: nextAreas }).where(eq(staffUsers.id, targetId));
    await audit(tx, {
      actorType: 'staff',
      actorId: admin.id,
      action: 'staff.roles_changed',
      subjectType: 'staff_user',
      subjectId: targetId,
      details: { roles: list(nextRoles), areas: list(nextAreas), previousRoles: list(before.roles), previousAreas: list(before.areas) },
      ip,
    });
    return true;
  });
}

/**
 * Deactivates (ending every session at once) or reactivates an account; false (and no event) when
 * it already was so.
 */
export async function setActive(db: Db, admin: AdminActor, targetId: string, active: boolean, ip?: string): Promise<boolean> {
  if (!active && targetId === admin.id) throw new SelfChangeError('selfDeactivate');
  return db.transaction(async (tx) => {
    const before = await lockTarget(tx, targetId);
    if (before.active === active) return false;
    await tx.update(staffUsers).set({ active }).where(eq(staffUsers.id, targetId));
    if (!active) await tx.delete(staffSessions).where(eq(staffSessions.userId, targetId));
    await audit(tx, { actorType: 'staff', actorId: admin.id, action: active ? 'staff.reactivated' : 'staff.deactivated', subjectType: 'staff_user', subjectId: targetId, ip });
    return true;
  });
}

/** Clears the second factor and recovery codes and ends the user's sessions: they enrol again at next login. */
export async function resetSecondFactor(db: Db, admin: AdminActor, targetId: string, ip?: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockTarget(tx, targetId);
    await clearSecondFactor(tx, targetId);
    await audit(tx, { actorType: 'staff', actorId: admin.id, action: 'staff.second_factor_reset', subjectType: 'staff_user', subjectId: targetId, ip });
  });
}
