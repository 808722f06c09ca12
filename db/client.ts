/**
 * Opens the database: a pg pool when a DATABASE_URL is given, otherwise embedded PGlite in DATA_DIR.
 * Same schema, same migrations, same queries on both; callers see one `Db` type.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/**
 * The rows of a raw statement's result (`db.execute`, a prepared query): a result object with
 * `rows` from pg and PGlite, the rows themselves from drivers that return them directly.
 */
export function resultRows<T>(res: unknown): T[] {
  if (Array.isArray(res)) return res as T[];
  return ((res as { rows?: T[] } | null | undefined)?.rows ?? []) as T[];
}

export type DbHandle = {
  db: Db;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
};

export type OpenOptions = {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Apply committed migrations and load the seeded e-tjänster before returning (idempotent). */
  migrate?: boolean;
};

const MIGRATIONS = path.resolve(process.cwd(), 'db/migrations');
/** Arbitrary constant so that concurrently starting instances migrate one at a time. */
const MIGRATION_LOCK = 7_402_611;

/** The seeded e-tjänster and fragments, loaded once (src/server/etjanster/seed.ts). */
async function seed(db: Db): Promise<void> {
  const { seedEtjanster } = await import('../src/server/etjanster/seed.ts');
  await seedEtjanster(db);
}

export async function openDatabase(opts: OpenOptions): Promise<DbHandle> {
  if (opts.databaseUrl) {
    const { default: pg } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: 10,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client losing its connection (e.g. a database restart) must not crash the process.
    pool.on('error', () => {});
    // So must one checked out (e.g. inside a transaction) that loses it between two queries: pg
    // emits that on the client itself, and an 'error' event without a listener ends the process.
    // The query in progress, if any, still fails (and the page says the database is unavailable).
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = drizzle(pool, { schema });
    if (opts.migrate) {
      const { migrate } = await import('drizzle-orm/node-postgres/migrator');
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS });
        await seed(drizzle(client, { schema }) as unknown as Db);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
        client.release();
      }
    }
    return { db: db as unknown as Db, kind: 'postgres', close: () => pool.end() };
  }

  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const dir = path.resolve(opts.dataDir, 'pglite');
  // PGlite does not create its parent directory.
  mkdirSync(path.dirname(dir), { recursive: true });
  const client = await PGlite.create(dir);
  const db = drizzle(client, { schema });
  if (opts.migrate) {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(db, { migrationsFolder: MIGRATIONS });
    await seed(db as unknown as Db);
  }
  return { db: db as unknown as Db, kind: 'pglite', close: () => client.close() };
}

/** A cheap round trip, used by the health check. */
export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
