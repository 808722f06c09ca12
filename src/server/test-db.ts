/**
 * Databases for integration tests: embedded PGlite always, and PostgreSQL too when DATABASE_URL
 * is set. Every open() gives a fresh, migrated, empty database of its own (a temporary directory,
 * or a uniquely named database on the server), dropped again on close, so tests never share state.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDatabase, type DbHandle } from '../../db/client.ts';

/** `url` (PostgreSQL only): the fresh database's address, for a second pool on it. */
export type TestDatabase = { name: string; open(): Promise<DbHandle & { url?: string }> };

async function openPglite(): Promise<DbHandle> {
  const dir = mkdtempSync(path.join(tmpdir(), 'st-test-'));
  const handle = await openDatabase({ dataDir: dir, migrate: true });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(serverUrl: string): Promise<DbHandle & { url: string }> {
  const { default: pg } = await import('pg');
  const name = `st_test_${randomBytes(8).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: tmpdir(), migrate: true });
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

export function testDatabases(): TestDatabase[] {
  const dbs: TestDatabase[] = [{ name: 'PGlite', open: openPglite }];
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) dbs.push({ name: 'PostgreSQL', open: () => openPostgres(serverUrl) });
  return dbs;
}
