/**
 * Citizens' sessions after e-legitimation, on the portal's one session module (../session.ts: token
 * `id.secret`, only the SHA-256 of the secret stored, constant-time compare, sliding idle expiry).
 * Separate from staff sessions: their own table, their own cookie, a shorter idle timeout
 * (CITIZEN_SESSION_IDLE_MINUTES) and an absolute expiry (CITIZEN_SESSION_ABSOLUTE_HOURS). The
 * personnummer is stored as `YYYYMMDD-NNNN`.
 */
import type { AstroCookies } from 'astro';
import { eq } from 'drizzle-orm';
import { citizenSessions } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { config } from '../config.ts';
import type { Address } from '../../domain/forms/fields/structured.ts';
import { createSession, deleteExpiredSessions, invalidateSession, lifetime, sessionCookie, validateSession, type Session } from '../session.ts';

export const CITIZEN_COOKIE = 'st_citizen';

/** The person the e-legitimation identified; `assurance` is its assurance level (the ID token's acr) when it gave one. */
export type Citizen = {
  personnummer: string;
  name: string;
  assurance?: string | null | undefined;
  /** The postal address the e-legitimation gave, if it gave one (the OIDC `address` claim). */
  address?: Address | null | undefined;
};
export type CitizenSession = Session;
export type CitizenContext = { citizen: Citizen; session: CitizenSession };
export type CitizenSessionPolicy = { idleMinutes: number; absoluteHours: number };

export function citizenSessionPolicy(): CitizenSessionPolicy {
  const cfg = config();
  return { idleMinutes: cfg.CITIZEN_SESSION_IDLE_MINUTES, absoluteHours: cfg.CITIZEN_SESSION_ABSOLUTE_HOURS };
}

/** A new session for the person the e-legitimation identified. The token is returned once, never stored. */
export function createCitizenSession(db: Db, citizen: Citizen, now = new Date()): Promise<{ token: string; session: CitizenSession }> {
  return createSession(db, citizenSessions, { personnummer: citizen.personnummer, name: citizen.name, assurance: citizen.assurance ?? null, address: citizen.address ?? null }, now);
}

/** The person and session for a token, or undefined when it is malformed, unknown, wrong or expired. */
export async function validateCitizenToken(db: Db, token: string, now = new Date(), policy = citizenSessionPolicy()): Promise<CitizenContext | undefined> {
  const found = await validateSession(
    db,
    citizenSessions,
    token,
    now,
    async (id) => (await db.select().from(citizenSessions).where(eq(citizenSessions.id, id)))[0],
    () => lifetime(policy.idleMinutes, policy.absoluteHours),
  );
  return found && { citizen: { personnummer: found.row.personnummer, name: found.row.name, assurance: found.row.assurance, address: found.row.address }, session: found.session };
}

/** The session behind the request's cookie; a cookie that no longer works is removed. */
export async function readCitizenSession(cookies: AstroCookies, db: () => Promise<Db>, now = new Date()): Promise<CitizenContext | undefined> {
  const token = cookie.get(cookies);
  if (!token) return undefined;
  const ctx = await validateCitizenToken(await db(), token, now);
  if (!ctx) clearCitizenCookie(cookies);
  return ctx;
}

const cookie = sessionCookie(CITIZEN_COOKIE, () => citizenSessionPolicy().absoluteHours * 3600);

export function setCitizenCookie(cookies: AstroCookies, token: string): void {
  cookie.set(cookies, token);
}

export function clearCitizenCookie(cookies: AstroCookies): void {
  cookie.clear(cookies);
}

export async function invalidateCitizenSession(db: Db, sessionId: string): Promise<void> {
  await invalidateSession(db, citizenSessions, sessionId);
}

/** Removes sessions that can no longer be used (run by the cleanup timer). */
export function deleteExpiredCitizenSessions(db: Db, now = new Date(), policy = citizenSessionPolicy()): Promise<number> {
  return deleteExpiredSessions(db, citizenSessions, now, lifetime(policy.idleMinutes, policy.absoluteHours));
}
