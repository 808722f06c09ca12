/**
 * Staff sessions, on the portal's one session module (../session.ts: token `id.secret`, only the
 * SHA-256 of the secret stored, constant-time compare, sliding idle expiry). A session ends after
 * STAFF_SESSION_IDLE_MINUTES without use, after STAFF_SESSION_ABSOLUTE_HOURS in any case, when
 * its user is deactivated, or at logout. Sessions live in PostgreSQL, so any instance can serve.
 *
 * The password alone makes a session that is not yet verified: it opens nothing but the second
 * factor step (the middleware sees to that) and lasts PENDING_MINUTES at most. Giving the second
 * factor replaces it with a new, verified session under a new token, so a token seen before the
 * second factor is worth nothing after it.
 */
import type { AstroCookies } from 'astro';
import { and, eq, ne } from 'drizzle-orm';
import { staffSessions, staffUsers } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { config } from '../config.ts';
import { createSession, invalidateSession, sessionCookie, validateSession, type Session } from '../session.ts';
import { toStaffUser, type StaffUser } from './users.ts';

export type { StaffUser } from './users.ts';

export const STAFF_COOKIE = 'st_staff';

export type StaffSession = Session;
export type StaffContext = { user: StaffUser; session: StaffSession };
/** A session as the database has it: verified or still waiting for the second factor. */
export type StaffSessionState = StaffContext & { twoFactorVerified: boolean; secondFactorEnrolled: boolean };

export type SessionPolicy = { idleMinutes: number; absoluteHours: number; pendingMinutes?: number };

/** A session waiting for the second factor ends this long after the password was given. */
export const PENDING_MINUTES = 15;

export function sessionPolicy(): SessionPolicy {
  const cfg = config();
  return { idleMinutes: cfg.STAFF_SESSION_IDLE_MINUTES, absoluteHours: cfg.STAFF_SESSION_ABSOLUTE_HOURS, pendingMinutes: PENDING_MINUTES };
}

type Inserter = Pick<Db, 'insert'>;

function insertSession(db: Inserter, userId: string, now: Date, twoFactorVerified: boolean): Promise<{ token: string; session: StaffSession }> {
  return createSession(db, staffSessions, { userId, twoFactorVerified }, now);
}

/**
 * A new session for the user after the password step: not verified until the second factor is
 * given. The token is returned once and never stored.
 */
export async function createStaffSession(db: Db, userId: string, now = new Date(), opts: { twoFactorVerified?: boolean } = {}): Promise<{ token: string; session: StaffSession }> {
  return insertSession(db, userId, now, opts.twoFactorVerified ?? false);
}

/**
 * The second factor was given: the waiting session is replaced by a verified one with a new id
 * and secret (no session fixation). Undefined when the waiting session no longer exists.
 */
export async function completeSecondFactor(db: Db, pendingSessionId: string, userId: string, now = new Date()): Promise<{ token: string; session: StaffSession } | undefined> {
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(staffSessions)
      .where(and(eq(staffSessions.id, pendingSessionId), eq(staffSessions.userId, userId)))
      .returning({ id: staffSessions.id });
    if (gone.length === 0) return undefined;
    return insertSession(tx, userId, now, true);
  });
}

/** The user and session for a token, or undefined when it is malformed, unknown, wrong or expired. */
export async function validateSessionToken(db: Db, token: string, now = new Date(), policy = sessionPolicy()): Promise<StaffSessionState | undefined> {
  const found = await validateSession(
    db,
    staffSessions,
    token,
    now,
    async (id) => {
      const [row] = await db
        .select({
          createdAt: staffSessions.createdAt,
          lastSeenAt: staffSessions.lastSeenAt,
          secretHash: staffSessions.secretHash,
          twoFactorVerified: staffSessions.twoFactorVerified,
          totpEnabledAt: staffUsers.totpEnabledAt,
          user: { id: staffUsers.id, username: staffUsers.username, displayName: staffUsers.displayName, roles: staffUsers.roles, areas: staffUsers.areas, active: staffUsers.active },
        })
        .from(staffSessions)
        .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
        .where(eq(staffSessions.id, id));
      return row;
    },
    // A deactivated user's sessions end at once; a session waiting for the second factor lives PENDING_MINUTES.
    (row) =>
      !row.user.active
        ? null
        : { idleMs: policy.idleMinutes * 60_000, absoluteMs: row.twoFactorVerified ? policy.absoluteHours * 3_600_000 : (policy.pendingMinutes ?? PENDING_MINUTES) * 60_000 },
  );
  if (!found) return undefined;
  const { row, session } = found;
  return { user: toStaffUser(row.user), session, twoFactorVerified: row.twoFactorVerified, secondFactorEnrolled: row.totpEnabledAt !== null };
}

/** The session behind the request's cookie; a cookie that no longer works is removed. */
export async function readStaffSession(cookies: AstroCookies, db: Db, now = new Date()): Promise<StaffSessionState | undefined> {
  const token = cookie.get(cookies);
  if (!token) return undefined;
  const ctx = await validateSessionToken(db, token, now);
  if (!ctx) clearStaffCookie(cookies);
  return ctx;
}

/** The browser keeps the cookie no longer than the session can live at most. */
const cookie = sessionCookie(STAFF_COOKIE, () => sessionPolicy().absoluteHours * 3600);

export function setStaffCookie(cookies: AstroCookies, token: string): void {
  cookie.set(cookies, token);
}

export function clearStaffCookie(cookies: AstroCookies): void {
  cookie.clear(cookies);
}

export async function invalidateStaffSession(db: Db, sessionId: string): Promise<void> {
  await invalidateSession(db, staffSessions, sessionId);
}

export async function invalidateAllStaffSessions(db: Pick<Db, 'delete'>, userId: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.userId, userId));
}

/** Every session of the user but the one in use (after the user changed their own password). */
export async function invalidateOtherStaffSessions(db: Pick<Db, 'delete'>, userId: string, keepSessionId: string): Promise<void> {
  await db.delete(staffSessions).where(and(eq(staffSessions.userId, userId), ne(staffSessions.id, keepSessionId)));
}
