import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AstroCookies } from 'astro';
import { eq } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { staffSessions } from '../../../db/schema.ts';
import type { Db, DbHandle } from '../../../db/client.ts';
import { testDatabases } from '../test-db.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.ts';
import { createStaffUser, InvalidStaffUserError, setStaffActive, UsernameTakenError, verifyStaffLogin } from './users.ts';
import {
  createStaffSession,
  invalidateAllStaffSessions,
  invalidateStaffSession,
  readStaffSession,
  STAFF_COOKIE,
  validateSessionToken,
} from './session.ts';
import { DEMO_USERNAME, ensureDemoStaff } from './demo.ts';

// Fixed policy for these tests, whatever the developer's environment says.
vi.stubEnv('COOKIE_SECRET', 'test-only-cookie-secret-0123456789abcdef');
vi.stubEnv('STAFF_SESSION_IDLE_MINUTES', '30');
vi.stubEnv('STAFF_SESSION_ABSOLUTE_HOURS', '12');

const PASSWORD = 'korrekt häst batteri';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
/** A session that has had the second factor too (a waiting one ends after 15 minutes). */
const VERIFIED = { twoFactorVerified: true };

let n = 0;
const uniqueName = (prefix: string) => `${prefix}${++n}`;

async function newUser(db: Db, opts: { areas?: string[] } = {}) {
  return createStaffUser(db, { username: uniqueName('user'), displayName: 'Test Testsson', password: PASSWORD, roles: ['handlaggare'], areas: opts.areas ?? ['aldreomsorg'] });
}

/** Just enough of AstroCookies for readStaffSession. */
function cookieJar(token: string) {
  const jar = new Map([[STAFF_COOKIE, token]]);
  const cookies = {
    get: (name: string) => (jar.has(name) ? { value: jar.get(name) } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  };
  return { cookies: cookies as unknown as AstroCookies, has: (name: string) => jar.has(name) };
}

describe('staff passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const h = await hashPassword(PASSWORD);
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, PASSWORD)).toBe(true);
    expect(await verifyPassword(h, `${PASSWORD} `)).toBe(false);
  });

  it('gives each hash its own salt', async () => {
    expect(await hashPassword(PASSWORD)).not.toBe(await hashPassword(PASSWORD));
  });

  it('answers false, not an error, for a malformed stored hash', async () => {
    expect(await verifyPassword('not-a-hash', PASSWORD)).toBe(false);
  });

  it('has a dummy hash with the same cost as real ones, so unknown users take as long', async () => {
    expect(DUMMY_HASH).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(DUMMY_HASH, PASSWORD)).toBe(false);
  });
});

describe.each(testDatabases())('staff accounts and sessions on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
  });
  afterAll(async () => {
    await handle?.close();
  });

  describe('accounts', () => {
    it('stores the username lower-cased and refuses it again in any case', async () => {
      const u = await createStaffUser(db, { username: ' Anna.A ', displayName: 'Anna Andersson', password: PASSWORD, roles: ['handlaggare'], areas: ['ifo'] });
      expect(u).toMatchObject({ username: 'anna.a', displayName: 'Anna Andersson', roles: ['handlaggare'], areas: ['ifo'] });
      await expect(createStaffUser(db, { username: 'ANNA.A', displayName: 'Another', password: PASSWORD, roles: ['admin'], areas: [] })).rejects.toBeInstanceOf(UsernameTakenError);
    });

    it('refuses unknown roles or areas and passwords shorter than 12 characters', async () => {
      const base = { username: uniqueName('bad'), displayName: 'X', password: PASSWORD, roles: ['handlaggare'], areas: ['ifo'] };
      await expect(createStaffUser(db, { ...base, roles: ['kung'] })).rejects.toBeInstanceOf(InvalidStaffUserError);
      await expect(createStaffUser(db, { ...base, areas: ['skola'] })).rejects.toBeInstanceOf(InvalidStaffUserError);
      await expect(createStaffUser(db, { ...base, password: 'kort' })).rejects.toBeInstanceOf(InvalidStaffUserError);
    });
  });

  describe('login', () => {
    it('succeeds with the right password, whatever the case of the username', async () => {
      const u = await newUser(db);
      expect(await verifyStaffLogin(db, u.username.toUpperCase(), PASSWORD)).toEqual(u);
    });

    it('fails with a wrong password', async () => {
      const u = await newUser(db);
      expect(await verifyStaffLogin(db, u.username, 'fel lösenord igen')).toBeNull();
    });

    it('fails for an unknown user', async () => {
      expect(await verifyStaffLogin(db, 'finns-inte', PASSWORD)).toBeNull();
    });

    it('never lets an inactive user in, even with the right password', async () => {
      const u = await newUser(db);
      await setStaffActive(db, u.id, false);
      expect(await verifyStaffLogin(db, u.username, PASSWORD)).toBeNull();
    });
  });

  describe('sessions', () => {
    it('turns a token back into its user and session', async () => {
      const u = await newUser(db, { areas: ['aldreomsorg', 'ifo'] });
      const now = new Date('2026-03-02T08:00:00Z');
      const { token, session } = await createStaffSession(db, u.id, now);
      expect(token).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/);
      const ctx = await validateSessionToken(db, token, at(now, 5 * MINUTE));
      expect(ctx?.user).toEqual(u);
      expect(ctx?.session.id).toBe(session.id);
      expect(ctx?.session.createdAt.getTime()).toBe(now.getTime());
    });

    it('rejects a token whose secret was tampered with, and keeps the real session', async () => {
      const u = await newUser(db);
      const { token } = await createStaffSession(db, u.id);
      const [id = '', secret = ''] = token.split('.');
      const tampered = `${id}.${secret.slice(0, -1)}${secret.endsWith('a') ? 'b' : 'a'}`;
      expect(await validateSessionToken(db, tampered)).toBeUndefined();
      expect(await validateSessionToken(db, token)).toBeDefined();
    });

    it('rejects malformed tokens without touching the database', async () => {
      for (const bad of ['', 'abc', 'a.b', `${'a'.repeat(32)}.`, `${'a'.repeat(32)}.${'a'.repeat(32)}.x`, "' or 1=1 --"]) {
        expect(await validateSessionToken(db, bad)).toBeUndefined();
      }
    });

    it('ends after 30 idle minutes and deletes its row', async () => {
      const u = await newUser(db);
      const now = new Date('2026-03-02T08:00:00Z');
      const { token, session } = await createStaffSession(db, u.id, now, VERIFIED);
      expect(await validateSessionToken(db, token, at(now, 29 * MINUTE))).toBeDefined();
      // Seen at 08:29, so idle until 08:59.
      expect(await validateSessionToken(db, token, at(now, 58 * MINUTE))).toBeDefined();
      expect(await validateSessionToken(db, token, at(now, 88 * MINUTE + 1))).toBeUndefined();
      expect(await db.select().from(staffSessions).where(eq(staffSessions.id, session.id))).toHaveLength(0);
    });

    it('ends after 12 hours even when used all the time', async () => {
      const u = await newUser(db);
      const now = new Date('2026-03-02T06:00:00Z');
      const { token } = await createStaffSession(db, u.id, now, VERIFIED);
      for (let t = 20 * MINUTE; t < 12 * HOUR; t += 20 * MINUTE) {
        expect(await validateSessionToken(db, token, at(now, t))).toBeDefined();
      }
      expect(await validateSessionToken(db, token, at(now, 12 * HOUR))).toBeUndefined();
    });

    it('writes last_seen_at at most once a minute', async () => {
      const u = await newUser(db);
      const now = new Date('2026-03-02T08:00:00Z');
      const { token } = await createStaffSession(db, u.id, now);
      expect((await validateSessionToken(db, token, at(now, 59_000)))?.session.lastSeenAt).toEqual(now);
      expect((await validateSessionToken(db, token, at(now, 61_000)))?.session.lastSeenAt).toEqual(at(now, 61_000));
      expect((await validateSessionToken(db, token, at(now, 90_000)))?.session.lastSeenAt).toEqual(at(now, 61_000));
    });

    it('stops working at logout, and logging out everywhere ends every session of the user', async () => {
      const u = await newUser(db);
      const a = await createStaffSession(db, u.id);
      const b = await createStaffSession(db, u.id);
      const c = await createStaffSession(db, u.id);
      await invalidateStaffSession(db, a.session.id);
      expect(await validateSessionToken(db, a.token)).toBeUndefined();
      expect(await validateSessionToken(db, b.token)).toBeDefined();
      await invalidateAllStaffSessions(db, u.id);
      expect(await validateSessionToken(db, b.token)).toBeUndefined();
      expect(await validateSessionToken(db, c.token)).toBeUndefined();
    });

    it('stops working when the user is deactivated', async () => {
      const u = await newUser(db);
      const { token } = await createStaffSession(db, u.id);
      await setStaffActive(db, u.id, false);
      expect(await validateSessionToken(db, token)).toBeUndefined();
    });

    it('stores only the SHA-256 of the secret: the row holds no part of the token but the id', async () => {
      const u = await newUser(db);
      const { token, session } = await createStaffSession(db, u.id);
      const [, secret = ''] = token.split('.');
      const [row] = await db.select().from(staffSessions).where(eq(staffSessions.id, session.id));
      expect(row?.secretHash).toBeInstanceOf(Uint8Array);
      expect(Array.from(row?.secretHash ?? [])).toEqual(Array.from(sha256(new TextEncoder().encode(secret))));
      const stored = JSON.stringify({ ...row, secretHash: Buffer.from(row?.secretHash ?? []).toString('latin1') });
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(token);
    });

    it('removes the cookie of a session that no longer works, and keeps a working one', async () => {
      const u = await newUser(db);
      const { token, session } = await createStaffSession(db, u.id);
      const good = cookieJar(token);
      expect((await readStaffSession(good.cookies, db))?.user.id).toBe(u.id);
      expect(good.has(STAFF_COOKIE)).toBe(true);
      await invalidateStaffSession(db, session.id);
      const stale = cookieJar(token);
      expect(await readStaffSession(stale.cookies, db)).toBeUndefined();
      expect(stale.has(STAFF_COOKIE)).toBe(false);
    });
  });

  describe('demo handläggare', () => {
    it('is created once with a random password, and every later start prints a password that works', async () => {
      const first = await ensureDemoStaff(db);
      expect(first).toMatchObject({ username: DEMO_USERNAME, created: true });
      expect(first.password.length).toBeGreaterThanOrEqual(16);
      const user = await verifyStaffLogin(db, DEMO_USERNAME, first.password);
      expect(user).toMatchObject({ displayName: 'Demo Handläggare', roles: ['handlaggare'], areas: ['aldreomsorg', 'ifo'] });

      const second = await ensureDemoStaff(db);
      expect(second.created).toBe(false);
      expect(second.password).not.toBe(first.password);
      expect(await verifyStaffLogin(db, DEMO_USERNAME, second.password)).toEqual(user);
      expect(await verifyStaffLogin(db, DEMO_USERNAME, first.password)).toBeNull();
    });

    it('resets to a fixed password, and keeps sessions when that password is unchanged', async () => {
      const fixed = 'demo-lösenord-för-test';
      expect(await ensureDemoStaff(db, fixed)).toMatchObject({ username: DEMO_USERNAME, password: fixed, created: false });
      const user = await verifyStaffLogin(db, DEMO_USERNAME, fixed);
      expect(user).not.toBeNull();
      const { token } = await createStaffSession(db, user?.id ?? '', new Date(), { twoFactorVerified: true });
      await ensureDemoStaff(db, fixed);
      expect(await validateSessionToken(db, token)).toBeDefined();
      await ensureDemoStaff(db);
      expect(await validateSessionToken(db, token)).toBeUndefined();
    });
  });
});
