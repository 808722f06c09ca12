/**
 * The server's database handle: opened (and migrated) on first use from the configuration.
 * A failed open is not cached, so the portal recovers by itself when the database comes back.
 */
import { openDatabase, type Db, type DbHandle } from '../../db/client.ts';
import { config } from './config.ts';

export type { Db } from '../../db/client.ts';

let opening: Promise<DbHandle> | undefined;

export async function getDb(): Promise<Db> {
  const cfg = config();
  opening ??= openDatabase({ databaseUrl: cfg.DATABASE_URL, dataDir: cfg.DATA_DIR, migrate: true }).catch((e: unknown) => {
    opening = undefined;
    throw e;
  });
  return (await opening).db;
}

/** Errors that mean "the database is not there right now", as opposed to a bug of ours. */
export function isUnavailable(e: unknown): boolean {
  const seen = new Set<unknown>();
  let cur: unknown = e;
  while (cur && typeof cur === 'object' && !seen.has(cur)) {
    seen.add(cur);
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && (/^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN)$/.test(code) || /^(08|57P)/.test(code))) return true;
    const msg = (cur as { message?: unknown }).message;
    if (typeof msg === 'string' && /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(msg)) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}
