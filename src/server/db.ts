/**
 * The process's one database handle: opened (and migrated) on first use from the configuration.
 * A failed open is not kept, so the portal recovers by itself when the database comes back.
 *
 * The handle is kept on `globalThis`: the start script (migrations, demo accounts, background
 * workers) and the built app are two module graphs in one process, and embedded PGlite allows one
 * open instance of its data directory, so both must use the same handle.
 */
import { openDatabase, type Db, type DbHandle } from '../../db/client.ts';
import { config } from './config.ts';

export type { Db } from '../../db/client.ts';

const KEY = Symbol.for('socialtjanstportalen.db');
const slot = globalThis as typeof globalThis & { [KEY]?: Promise<DbHandle> | undefined };

export async function getDb(): Promise<Db> {
  const cfg = config();
  slot[KEY] ??= openDatabase({ databaseUrl: cfg.DATABASE_URL, dataDir: cfg.DATA_DIR, migrate: true }).catch((e: unknown) => {
    slot[KEY] = undefined;
    throw e;
  });
  return (await slot[KEY]).db;
}

/** Errors that mean "the database is not there right now", as opposed to a bug of ours. */
export function isUnavailable(e: unknown): boolean {
  const seen = new Set<unknown>();
  let cur: unknown = e;
  while (cur && typeof cur === 'object' && !seen.has(cur)) {
    seen.add(cur);
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && (/^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)$/.test(code) || /^(08|57P|53)/.test(code))) return true;
    const msg = (cur as { message?: unknown }).message;
    if (typeof msg === 'string' && /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|Cannot use a pool after calling end/i.test(msg)) return true;
    // Happy-eyeballs connects fail with every address's error gathered in one AggregateError.
    const errors = (cur as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some((x) => isUnavailable(x))) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}
