/**
 * Staff sessions, the way Lucia's session guide does them. The cookie holds a token `id.secret`
 * (two random 160-bit strings); the database holds the id and only the SHA-256 of the secret, so
 * a leaked table cannot be replayed. The secret is compared in constant time. A session ends after
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
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { staffSessions, staffUsers } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { config } from '../config.ts';
import { toStaffUser, type StaffUser } from './users.ts';

export type { StaffUser } from './users.ts';

export const STAFF_COOKIE = 'st_staff';

export type StaffSession = { id: string; createdAt: Date; lastSeenAt: Date };
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

/** last_seen_at is written at most this often: one write per minute, not one per request. */
const TOUCH_INTERVAL_MS = 60_000;

/** Both halves: 20 random bytes as 32 characters of lower-case base32. */
const TOKEN = /^([a-z2-7]{32})\.([a-z2-7]{32})$/;

function randomPart(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

type Inserter = Pick<Db, 'insert'>;

async function insertSession(db: Inserter, userId: string, now: Date, twoFactorVerified: boolean): Promise<{ token: string; session: StaffSession }> {
  const id = randomPart();
  const secret = randomPart();
  await db.insert(staffSessions).values({ id, userId, secretHash: hashSecret(secret), createdAt: now, lastSeenAt: now, twoFactorVerified });
  return { token: `${id}.${secret}`, session: { id, createdAt: now, lastSeenAt: now } };
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
  const m = TOKEN.exec(token);
  const id = m?.[1];
  const secret = m?.[2];
  if (!id || !secret) return undefined;
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
  if (!row) return undefined;
  // A wrong secret does not end the session: only the holder of the real token may do that.
  if (!constantTimeEqual(hashSecret(secret), row.secretHash)) return undefined;
  const idleEnd = row.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
  const absoluteEnd = row.twoFactorVerified
    ? row.createdAt.getTime() + policy.absoluteHours * 3_600_000
    : row.createdAt.getTime() + (policy.pendingMinutes ?? PENDING_MINUTES) * 60_000;
  if (now.getTime() >= idleEnd || now.getTime() >= absoluteEnd || !row.user.active) {
    await invalidateStaffSession(db, id);
    return undefined;
  }
  let lastSeenAt = row.lastSeenAt;
  if (now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db.update(staffSessions).set({ lastSeenAt: now }).where(eq(staffSessions.id, id));
    lastSeenAt = now;
  }
  return {
    user: toStaffUser(row.user),
    session: { id, createdAt: row.createdAt, lastSeenAt },
    twoFactorVerified: row.twoFactorVerified,
    secondFactorEnrolled: row.totpEnabledAt !== null,
  };
}

/** The session behind the request's cookie; a cookie that no longer works is removed. */
export async function readStaffSession(cookies: AstroCookies, db: Db, now = new Date()): Promise<StaffSessionState | undefined> {
  const token = cookies.get(STAFF_COOKIE)?.value;
  if (!token) return undefined;
  const ctx = await validateSessionToken(db, token, now);
  if (!ctx) clearStaffCookie(cookies);
  return ctx;
}

function cookieOptions() {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config().secureCookies };
}

/** The browser keeps the cookie no longer than the session can live at most. */
export function setStaffCookie(cookies: AstroCookies, token: string): void {
  cookies.set(STAFF_COOKIE, token, { ...cookieOptions(), maxAge: sessionPolicy().absoluteHours * 3600 });
}

export function clearStaffCookie(cookies: AstroCookies): void {
  cookies.delete(STAFF_COOKIE, cookieOptions());
}

export async function invalidateStaffSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.id, sessionId));
}

export async function invalidateAllStaffSessions(db: Pick<Db, 'delete'>, userId: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.userId, userId));
}

/** Every session of the user but the one in use (after the user changed their own password). */
export async function invalidateOtherStaffSessions(db: Pick<Db, 'delete'>, userId: string, keepSessionId: string): Promise<void> {
  await db.delete(staffSessions).where(and(eq(staffSessions.userId, userId), ne(staffSessions.id, keepSessionId)));
}
