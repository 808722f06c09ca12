/**
 * Staff sessions, the way Lucia's session guide does them. The cookie holds a token `id.secret`
 * (two random 160-bit strings); the database holds the id and only the SHA-256 of the secret, so
 * a leaked table cannot be replayed. The secret is compared in constant time. A session ends after
 * STAFF_SESSION_IDLE_MINUTES without use, after STAFF_SESSION_ABSOLUTE_HOURS in any case, when
 * its user is deactivated, or at logout. Sessions live in PostgreSQL, so any instance can serve.
 */
import type { AstroCookies } from 'astro';
import { eq } from 'drizzle-orm';
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

export type SessionPolicy = { idleMinutes: number; absoluteHours: number };

export function sessionPolicy(): SessionPolicy {
  const cfg = config();
  return { idleMinutes: cfg.STAFF_SESSION_IDLE_MINUTES, absoluteHours: cfg.STAFF_SESSION_ABSOLUTE_HOURS };
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

/** A new session for the user; the token is returned once and never stored. */
export async function createStaffSession(db: Db, userId: string, now = new Date()): Promise<{ token: string; session: StaffSession }> {
  const id = randomPart();
  const secret = randomPart();
  await db.insert(staffSessions).values({ id, userId, secretHash: hashSecret(secret), createdAt: now, lastSeenAt: now });
  return { token: `${id}.${secret}`, session: { id, createdAt: now, lastSeenAt: now } };
}

/** The user and session for a token, or undefined when it is malformed, unknown, wrong or expired. */
export async function validateSessionToken(db: Db, token: string, now = new Date(), policy = sessionPolicy()): Promise<StaffContext | undefined> {
  const m = TOKEN.exec(token);
  const id = m?.[1];
  const secret = m?.[2];
  if (!id || !secret) return undefined;
  const [row] = await db
    .select({
      createdAt: staffSessions.createdAt,
      lastSeenAt: staffSessions.lastSeenAt,
      secretHash: staffSessions.secretHash,
      user: { id: staffUsers.id, username: staffUsers.username, displayName: staffUsers.displayName, roles: staffUsers.roles, areas: staffUsers.areas, active: staffUsers.active },
    })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(eq(staffSessions.id, id));
  if (!row) return undefined;
  // A wrong secret does not end the session: only the holder of the real token may do that.
  if (!constantTimeEqual(hashSecret(secret), row.secretHash)) return undefined;
  const idleEnd = row.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
  const absoluteEnd = row.createdAt.getTime() + policy.absoluteHours * 3_600_000;
  if (now.getTime() >= idleEnd || now.getTime() >= absoluteEnd || !row.user.active) {
    await invalidateStaffSession(db, id);
    return undefined;
  }
  let lastSeenAt = row.lastSeenAt;
  if (now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db.update(staffSessions).set({ lastSeenAt: now }).where(eq(staffSessions.id, id));
    lastSeenAt = now;
  }
  return { user: toStaffUser(row.user), session: { id, createdAt: row.createdAt, lastSeenAt } };
}

/** The session behind the request's cookie; a cookie that no longer works is removed. */
export async function readStaffSession(cookies: AstroCookies, db: Db, now = new Date()): Promise<StaffContext | undefined> {
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

export async function invalidateAllStaffSessions(db: Db, userId: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.userId, userId));
}
