/**
 * The one session module against both session tables, on PGlite and (with DATABASE_URL) on
 * PostgreSQL: what is stored, the wrong secret, sliding and absolute expiry, invalidation and the
 * clean-up of ended sessions behave the same for staff and citizens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db, DbHandle } from '../../db/client.ts';
import { citizenSessions, staffSessions, staffUsers } from '../../db/schema.ts';
import { testDatabases } from './test-db.ts';
import { createSession, deleteExpiredSessions, invalidateSession, lifetime, splitToken, TOUCH_INTERVAL_MS, validateSession, type SessionTable, type StoredSession } from './session.ts';

process.env.COOKIE_SECRET ??= 'a-test-secret-that-is-long-enough-for-config';

type Kind = {
  name: string;
  table: SessionTable;
  /** The table's own columns for a new session. */
  values: (db: Db) => Promise<Record<string, unknown>>;
};

const KINDS: Kind[] = [
  {
    name: 'citizen',
    table: citizenSessions,
    // Skatteverket test personnummer.
    values: async () => ({ personnummer: '19450110-3297', name: 'Greta Dottersson' }),
  },
  {
    name: 'staff',
    table: staffSessions,
    values: async (db) => {
      const [u] = await db.insert(staffUsers).values({ username: `s-${crypto.randomUUID()}`, displayName: 'Bo Berg', passwordHash: 'x' }).returning({ id: staffUsers.id });
      return { userId: u!.id, twoFactorVerified: true };
    },
  },
];

const life = lifetime(20, 8);
const T0 = new Date('2026-03-01T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe.each(testDatabases())('sessions on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
  });
  afterAll(async () => {
    await handle?.close();
  });

  describe.each(KINDS)('in the $name table', (kind) => {
    const read = (id: string) => db.select().from(kind.table).where(eq(kind.table.id, id)).then((r) => r[0] as (StoredSession & { id: string }) | undefined);
    const make = async (now = T0) => createSession(db, kind.table as never, (await kind.values(db)) as never, now);
    const check = (token: string, now: Date) => validateSession(db, kind.table, token, now, read, () => life);

    it('stores the id and the SHA-256 of the secret, never the token', async () => {
      const { token, session } = await make();
      const row = await read(session.id);
      expect(row?.id).toBe(splitToken(token)!.id);
      expect(row?.secretHash).toHaveLength(32);
      expect(JSON.stringify(row)).not.toContain(splitToken(token)!.secret);
      expect((await check(token, at(1)))?.session.id).toBe(session.id);
    });

    it('refuses a wrong secret without ending the session', async () => {
      const { token, session } = await make();
      const forged = `${session.id}.${'a'.repeat(32)}`;
      expect(await check(forged, at(1))).toBeUndefined();
      expect(await read(session.id)).toBeDefined();
      expect(await check(token, at(1))).toBeDefined();
    });

    it('slides the idle time with use, writing last_seen_at at most once a minute', async () => {
      const { token, session } = await make();
      expect((await check(token, new Date(T0.getTime() + TOUCH_INTERVAL_MS - 1)))?.session.lastSeenAt).toEqual(T0);
      expect((await read(session.id))?.lastSeenAt).toEqual(T0);
      for (const m of [15, 30, 45, 60]) expect((await check(token, at(m)))?.session.lastSeenAt).toEqual(at(m));
      expect((await read(session.id))?.lastSeenAt).toEqual(at(60));
    });

    it('ends and deletes a session idle too long', async () => {
      const { token, session } = await make();
      expect(await check(token, at(20))).toBeUndefined();
      expect(await read(session.id)).toBeUndefined();
    });

    it('ends at the absolute lifetime however busy', async () => {
      const { token, session } = await make();
      for (let m = 15; m < 8 * 60; m += 15) expect(await check(token, at(m))).toBeDefined();
      expect(await check(token, at(8 * 60))).toBeUndefined();
      expect(await read(session.id)).toBeUndefined();
    });

    it('ends at once when the caller says the session may no longer live', async () => {
      const { token, session } = await make();
      expect(await validateSession(db, kind.table, token, at(1), read, () => null)).toBeUndefined();
      expect(await read(session.id)).toBeUndefined();
    });

    it('is gone after invalidation', async () => {
      const { token, session } = await make();
      await invalidateSession(db, kind.table, session.id);
      expect(await check(token, at(1))).toBeUndefined();
    });

    it('clears out the ended sessions and keeps the live ones', async () => {
      const live = await make(at(10_000));
      const idle = await make(at(10_000 - 30));
      const old = await make(at(10_000 - 9 * 60));
      await db.update(kind.table).set({ lastSeenAt: at(10_000 - 1) } as never).where(eq(kind.table.id, old.session.id));
      const gone = await deleteExpiredSessions(db, kind.table, at(10_000), life);
      expect(gone).toBeGreaterThanOrEqual(2);
      expect(await read(live.session.id)).toBeDefined();
      expect(await read(idle.session.id)).toBeUndefined();
      expect(await read(old.session.id)).toBeUndefined();
    });
  });
});
