/**
 * Sessions, the way Lucia's session guide does them, for staff and citizens alike (each with its
 * own table, cookie and lifetimes; src/server/staff/session.ts and src/server/citizen/session.ts
 * say what is particular to each). The cookie holds a token `id.secret`, two random 160-bit
 * strings in lower-case base32; the table holds the id and only the SHA-256 of the secret, so a
 * leaked table cannot be replayed, and the secret is compared in constant time. A session ends
 * after its idle time without use, after its absolute lifetime in any case, or when invalidated.
 * Use slides the idle time: last_seen_at is written at most once a minute, not once per request.
 * Sessions live in PostgreSQL, so any instance can serve any request.
 */
import type { AstroCookies } from 'astro';
import { eq, lt, or } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Db } from '../../db/client.ts';
import { config } from './config.ts';

/** A session table: whatever else it holds, it has these four columns. */
export type SessionTable = PgTable & { id: PgColumn; secretHash: PgColumn; createdAt: PgColumn; lastSeenAt: PgColumn };

/** How long a session lives: since its last use, and since it was made. */
export type Lifetime = { idleMs: number; absoluteMs: number };

export function lifetime(idleMinutes: number, absoluteHours: number): Lifetime {
  return { idleMs: idleMinutes * 60_000, absoluteMs: absoluteHours * 3_600_000 };
}

/** What a table's row must give back for its session to be checked. */
export type StoredSession = { secretHash: Uint8Array; createdAt: Date; lastSeenAt: Date };

export type Session = { id: string; createdAt: Date; lastSeenAt: Date };

/** last_seen_at is written at most this often: one write per minute, not one per request. */
export const TOUCH_INTERVAL_MS = 60_000;

/** Both halves: 20 random bytes as 32 characters of lower-case base32. */
const TOKEN = /^([a-z2-7]{32})\.([a-z2-7]{32})$/;

function randomPart(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

/** A new token, its id and the hash to store. The token itself is handed out once, never stored. */
export function newSessionToken(): { id: string; token: string; secretHash: Uint8Array } {
  const id = randomPart();
  const secret = randomPart();
  return { id, token: `${id}.${secret}`, secretHash: hashSecret(secret) };
}

/** The two halves of a well-formed token; undefined for anything else. */
export function splitToken(token: string): { id: string; secret: string } | undefined {
  const m = TOKEN.exec(token);
  return m?.[1] && m[2] ? { id: m[1], secret: m[2] } : undefined;
}

/** Whether the session has ended at `now`: idle too long, or lived its whole life. */
export function isExpired(s: { createdAt: Date; lastSeenAt: Date }, now: Date, life: Lifetime): boolean {
  return now.getTime() >= s.lastSeenAt.getTime() + life.idleMs || now.getTime() >= s.createdAt.getTime() + life.absoluteMs;
}

type Inserter = Pick<Db, 'insert'>;

/** Stores a new session with the table's own columns (`values`) and gives back its token, once. */
export async function createSession<T extends SessionTable>(
  db: Inserter,
  table: T,
  values: Omit<T['$inferInsert'], 'id' | 'secretHash' | 'createdAt' | 'lastSeenAt'>,
  now: Date,
): Promise<{ token: string; session: Session }> {
  const { id, token, secretHash } = newSessionToken();
  await db.insert(table).values({ ...values, id, secretHash, createdAt: now, lastSeenAt: now } as T['$inferInsert']);
  return { token, session: { id, createdAt: now, lastSeenAt: now } };
}

/**
 * The session for a token, read by `read` (the caller's query: its own columns, joins), or
 * undefined when the token is malformed, unknown, has a wrong secret or has ended. `lifetimeOf`
 * gives the row's lifetime, or null to end it now (e.g. its user was deactivated). An ended
 * session is deleted; a wrong secret deletes nothing (only the real token's holder may end it).
 */
export async function validateSession<R extends StoredSession>(
  db: Db,
  table: SessionTable,
  token: string,
  now: Date,
  read: (id: string) => Promise<R | undefined>,
  lifetimeOf: (row: R) => Lifetime | null,
): Promise<{ row: R; session: Session } | undefined> {
  const parts = splitToken(token);
  if (!parts) return undefined;
  const row = await read(parts.id);
  if (!row) return undefined;
  if (!constantTimeEqual(hashSecret(parts.secret), row.secretHash)) return undefined;
  const life = lifetimeOf(row);
  if (life === null || isExpired(row, now, life)) {
    await invalidateSession(db, table, parts.id);
    return undefined;
  }
  let lastSeenAt = row.lastSeenAt;
  if (now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db.update(table).set({ lastSeenAt: now } as never).where(eq(table.id, parts.id));
    lastSeenAt = now;
  }
  return { row, session: { id: parts.id, createdAt: row.createdAt, lastSeenAt } };
}

export async function invalidateSession(db: Pick<Db, 'delete'>, table: SessionTable, sessionId: string): Promise<void> {
  await db.delete(table).where(eq(table.id, sessionId));
}

/** Removes the sessions that can no longer be used; how many. */
export async function deleteExpiredSessions(db: Db, table: SessionTable, now: Date, life: Lifetime): Promise<number> {
  const gone = await db
    .delete(table)
    .where(or(lt(table.lastSeenAt, new Date(now.getTime() - life.idleMs)), lt(table.createdAt, new Date(now.getTime() - life.absoluteMs))))
    .returning({ id: table.id });
  return gone.length;
}

/** A session cookie: HttpOnly, SameSite=Lax, Secure as configured, kept no longer than `maxAgeSeconds()`. */
export function sessionCookie(name: string, maxAgeSeconds: () => number) {
  const options = () => ({ path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config().secureCookies });
  return {
    name,
    get: (cookies: AstroCookies): string | undefined => cookies.get(name)?.value,
    set: (cookies: AstroCookies, token: string): void => cookies.set(name, token, { ...options(), maxAge: maxAgeSeconds() }),
    clear: (cookies: AstroCookies): void => cookies.delete(name, options()),
  };
}
