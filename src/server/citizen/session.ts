/**
 * Citizens' sessions after e-legitimation, the way Lucia's session guide does them (as the staff
 * sessions): the cookie holds a token `id.secret`, the database holds the id and only the SHA-256
 * of the secret, compared in constant time. Separate from staff sessions: their own table, their
 * own cookie, a shorter idle timeout (CITIZEN_SESSION_IDLE_MINUTES) and an absolute expiry
 * (CITIZEN_SESSION_ABSOLUTE_HOURS). The personnummer is stored as `YYYYMMDD-NNNN`.
 */
import type { AstroCookies } from 'astro';
import { eq, lt, or } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { citizenSessions } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { config } from '../config.ts';

export const CITIZEN_COOKIE = 'st_citizen';

export type Citizen = { personnummer: string; name: string };
export type CitizenSession = { id: string; createdAt: Date; lastSeenAt: Date };
export type CitizenContext = { citizen: Citizen; session: CitizenSession };
export type CitizenSessionPolicy = { idleMinutes: number; absoluteHours: number };

export function citizenSessionPolicy(): CitizenSessionPolicy {
  const cfg = config();
  return { idleMinutes: cfg.CITIZEN_SESSION_IDLE_MINUTES, absoluteHours: cfg.CITIZEN_SESSION_ABSOLUTE_HOURS };
}

/** last_seen_at is written at most this often. */
const TOUCH_INTERVAL_MS = 60_000;
const TOKEN = /^([a-z2-7]{32})\.([a-z2-7]{32})$/;

function randomPart(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

/** A new session for the person the e-legitimation identified. The token is returned once, never stored. */
export async function createCitizenSession(db: Db, citizen: Citizen, now = new Date()): Promise<{ token: string; session: CitizenSession }> {
  const id = randomPart();
  const secret = randomPart();
  await db.insert(citizenSessions).values({ id, secretHash: hashSecret(secret), personnummer: citizen.personnummer, name: citizen.name, createdAt: now, lastSeenAt: now });
  return { token: `${id}.${secret}`, session: { id, createdAt: now, lastSeenAt: now } };
}

/** The person and session for a token, or undefined when it is malformed, unknown, wrong or expired. */
export async function validateCitizenToken(db: Db, token: string, now = new Date(), policy = citizenSessionPolicy()): Promise<CitizenContext | undefined> {
  const m = TOKEN.exec(token);
  const id = m?.[1];
  const secret = m?.[2];
  if (!id || !secret) return undefined;
  const [row] = await db.select().from(citizenSessions).where(eq(citizenSessions.id, id));
  if (!row) return undefined;
  // A wrong secret does not end the session: only the holder of the real token may do that.
  if (!constantTimeEqual(hashSecret(secret), row.secretHash)) return undefined;
  const idleEnd = row.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
  const absoluteEnd = row.createdAt.getTime() + policy.absoluteHours * 3_600_000;
  if (now.getTime() >= idleEnd || now.getTime() >= absoluteEnd) {
    await invalidateCitizenSession(db, id);
    return undefined;
  }
  let lastSeenAt = row.lastSeenAt;
  if (now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db.update(citizenSessions).set({ lastSeenAt: now }).where(eq(citizenSessions.id, id));
    lastSeenAt = now;
  }
  return { citizen: { personnummer: row.personnummer, name: row.name }, session: { id, createdAt: row.createdAt, lastSeenAt } };
}

/** The session behind the request's cookie; a cookie that no longer works is removed. */
export async function readCitizenSession(cookies: AstroCookies, db: () => Promise<Db>, now = new Date()): Promise<CitizenContext | undefined> {
  const token = cookies.get(CITIZEN_COOKIE)?.value;
  if (!token) return undefined;
  const ctx = await validateCitizenToken(await db(), token, now);
  if (!ctx) clearCitizenCookie(cookies);
  return ctx;
}

function cookieOptions() {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config().secureCookies };
}

export function setCitizenCookie(cookies: AstroCookies, token: string): void {
  cookies.set(CITIZEN_COOKIE, token, { ...cookieOptions(), maxAge: citizenSessionPolicy().absoluteHours * 3600 });
}

export function clearCitizenCookie(cookies: AstroCookies): void {
  cookies.delete(CITIZEN_COOKIE, cookieOptions());
}

export async function invalidateCitizenSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(citizenSessions).where(eq(citizenSessions.id, sessionId));
}

/** Removes sessions that can no longer be used (run by the cleanup timer). */
export async function deleteExpiredCitizenSessions(db: Db, now = new Date(), policy = citizenSessionPolicy()): Promise<number> {
  const gone = await db
    .delete(citizenSessions)
    .where(or(lt(citizenSessions.lastSeenAt, new Date(now.getTime() - policy.idleMinutes * 60_000)), lt(citizenSessions.createdAt, new Date(now.getTime() - policy.absoluteHours * 3_600_000))))
    .returning({ id: citizenSessions.id });
  return gone.length;
}
