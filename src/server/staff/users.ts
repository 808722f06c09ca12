/**
 * Staff accounts: handläggare, administrators, analysts and e-tjänst editors who sign in with a username and
 * password. Usernames are stored lower-cased, so "Anna" and "anna" are the same account.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { staffSessions, staffUsers } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { DUMMY_HASH, MIN_PASSWORD_LENGTH, hashPassword, verifyPassword } from './password.ts';

export const STAFF_ROLES = ['handlaggare', 'admin', 'analytiker', 'redaktor'] as const;
export const STAFF_AREAS = ['aldreomsorg', 'ifo'] as const;

/** A signed-in member of staff as pages see them: never the password hash. */
export type StaffUser = { id: string; username: string; displayName: string; roles: string[]; areas: string[] };

export type StaffRecord = typeof staffUsers.$inferSelect;

export class UsernameTakenError extends Error {
  constructor(username: string) {
    super(`The username "${username}" is already taken`);
    this.name = 'UsernameTakenError';
  }
}

export class InvalidStaffUserError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid staff user: ${problems.join('; ')}`);
    this.name = 'InvalidStaffUserError';
    this.problems = problems;
  }
}

const newStaffUser = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'username: 2–64 characters a–z, 0–9, ".", "_" or "-", starting with a letter or digit'),
  displayName: z.string().trim().min(1, 'displayName: required').max(200),
  email: z.email('email: an e-mail address').max(200).optional(),
  password: z.string().min(MIN_PASSWORD_LENGTH, `password: at least ${MIN_PASSWORD_LENGTH} characters`),
  // No roles yet: an account whose roles wait for a second administrator's approval (docs/adr/0008).
  roles: z.array(z.enum(STAFF_ROLES, `roles: one of ${STAFF_ROLES.join(', ')}`)),
  areas: z.array(z.enum(STAFF_AREAS, `areas: one of ${STAFF_AREAS.join(', ')}`)),
})
  .refine((u) => !u.roles.includes('handlaggare') || u.areas.length > 0, { message: 'areas: a handläggare needs at least one area', path: ['areas'] })
  .refine((u) => !(u.roles.includes('admin') && u.roles.includes('handlaggare')), { message: 'roles: an administrator never holds a case role', path: ['roles'] });

/** Roles that open case data (handlaggare) or the granting of roles (admin): given only with a second administrator's approval. */
export const PRIVILEGED_ROLES = ['handlaggare', 'admin'] as const;
export const isPrivileged = (roles: readonly string[]) => roles.some((r) => (PRIVILEGED_ROLES as readonly string[]).includes(r));

/** A handläggare sees the cases of their areas only, so one without an area could do nothing. */
export function rolesAndAreasProblems(roles: string[], areas: string[]): string[] {
  const problems: string[] = [];
  if (roles.length === 0) problems.push('roles: at least one');
  for (const r of roles) if (!(STAFF_ROLES as readonly string[]).includes(r)) problems.push(`roles: unknown role "${r}"`);
  for (const a of areas) if (!(STAFF_AREAS as readonly string[]).includes(a)) problems.push(`areas: unknown area "${a}"`);
  if (roles.includes('handlaggare') && areas.length === 0) problems.push('areas: a handläggare needs at least one area');
  if (roles.includes('admin') && roles.includes('handlaggare')) problems.push('roles: an administrator never holds a case role');
  return problems;
}

/** Roles and areas are plain strings here, checked against the known ones when the user is created. */
export type NewStaffUser = { username: string; displayName: string; password: string; roles: string[]; areas: string[]; email?: string | undefined };

/**
 * A username as stored (trimmed, lower case). A NUL, which no username can hold and PostgreSQL's
 * text cannot store, becomes U+FFFD, so that a login with one is an unknown user like any other
 * instead of a failed query.
 */
export function normaliseUsername(username: string): string {
  return username.replaceAll('\u0000', '\uFFFD').trim().toLowerCase();
}

export function toStaffUser(r: Pick<StaffRecord, 'id' | 'username' | 'displayName' | 'roles' | 'areas'>): StaffUser {
  return { id: r.id, username: r.username, displayName: r.displayName, roles: [...r.roles], areas: [...r.areas] };
}

export async function createStaffUser(db: Pick<Db, 'insert'>, input: NewStaffUser): Promise<StaffUser> {
  const parsed = newStaffUser.safeParse(input);
  if (!parsed.success) throw new InvalidStaffUserError(parsed.error.issues.map((i) => i.message));
  const u = parsed.data;
  const passwordHash = await hashPassword(u.password);
  // The unique index decides, so two concurrent creations cannot both win.
  const [row] = await db
    .insert(staffUsers)
    .values({ username: u.username, displayName: u.displayName, passwordHash, roles: [...new Set(u.roles)], areas: [...new Set(u.areas)], email: u.email ?? null })
    .onConflictDoNothing({ target: staffUsers.username })
    .returning();
  if (!row) throw new UsernameTakenError(u.username);
  return toStaffUser(row);
}

export async function findStaffByUsername(db: Db, username: string): Promise<StaffRecord | undefined> {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.username, normaliseUsername(username)));
  return row;
}

/**
 * The user for a correct username and password of an active account; otherwise null, in about the
 * same time. The login page goes through login.ts, which adds the rate limits and the audit.
 */
export async function verifyStaffLogin(db: Db, username: string, password: string): Promise<StaffUser | null> {
  const row = await findStaffByUsername(db, username);
  const ok = await verifyPassword(row?.passwordHash ?? DUMMY_HASH, password);
  if (!row || !ok || !row.active) return null;
  return toStaffUser(row);
}

/** Sets a new password; every existing session of the user ends (the old password may have leaked). */
export async function setStaffPassword(db: Db, userId: string, password: string): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH) throw new InvalidStaffUserError([`password: at least ${MIN_PASSWORD_LENGTH} characters`]);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.update(staffUsers).set({ passwordHash }).where(eq(staffUsers.id, userId));
    await tx.delete(staffSessions).where(eq(staffSessions.userId, userId));
  });
}

/** Deactivated accounts keep their history but can no longer sign in; their sessions end now. */
export async function setStaffActive(db: Db, userId: string, active: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(staffUsers).set({ active }).where(eq(staffUsers.id, userId));
    if (!active) await tx.delete(staffSessions).where(eq(staffSessions.userId, userId));
  });
}
