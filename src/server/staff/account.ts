/**
 * What a member of staff does to their own account from /handlaggning/konto: change the password
 * (the current one is asked for, and a wrong one counts as a failed login) and log out everywhere.
 */
import { eq } from 'drizzle-orm';
import { staffUsers } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { audit } from '../audit.ts';
import { blocked, fail, type Blocked } from './login.ts';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password.ts';
import type { LoginPolicy } from './policy.ts';
import { invalidateAllStaffSessions, invalidateOtherStaffSessions } from './session.ts';
import { InvalidStaffUserError, type StaffUser } from './users.ts';

export type ChangePasswordResult = { kind: 'ok' } | { kind: 'wrongPassword' } | Blocked;

/** A new password; every other session of the user ends (the old password may have leaked), this one goes on. */
export async function changeOwnPassword(
  db: Db,
  a: { user: StaffUser; sessionId: string; current: string; next: string; ip: string | undefined; now?: Date; policy?: LoginPolicy },
): Promise<ChangePasswordResult> {
  if (a.next.length < MIN_PASSWORD_LENGTH) throw new InvalidStaffUserError([`password: at least ${MIN_PASSWORD_LENGTH} characters`]);
  const now = a.now ?? new Date();
  const stop = await blocked(db, a.user.username, a.ip, now);
  if (stop) return stop;
  const [row] = await db.select({ passwordHash: staffUsers.passwordHash }).from(staffUsers).where(eq(staffUsers.id, a.user.id));
  if (!row || !(await verifyPassword(row.passwordHash, a.current))) {
    const r = await fail(db, 'password_change', a.user.username, a.user.id, a, now);
    return r.kind === 'blocked' ? r : { kind: 'wrongPassword' };
  }
  const passwordHash = await hashPassword(a.next);
  await db.transaction(async (tx) => {
    await tx.update(staffUsers).set({ passwordHash }).where(eq(staffUsers.id, a.user.id));
    await invalidateOtherStaffSessions(tx, a.user.id, a.sessionId);
    await audit(tx, { actorType: 'staff', actorId: a.user.id, action: 'staff.password_changed', subjectType: 'staff_user', subjectId: a.user.id, ip: a.ip });
  });
  return { kind: 'ok' };
}

/** Ends every session of the user, this one included. */
export async function logoutEverywhere(db: Db, user: Pick<StaffUser, 'id'>, ip: string | undefined): Promise<void> {
  await db.transaction(async (tx) => {
    await invalidateAllStaffSessions(tx, user.id);
    await audit(tx, { actorType: 'staff', actorId: user.id, action: 'staff.logout_everywhere', subjectType: 'staff_user', subjectId: user.id, ip });
  });
}
