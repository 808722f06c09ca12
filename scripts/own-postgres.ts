/**
 * A PostgreSQL server of a test script's own: initdb into `<work>/pg`, its own port and socket
 * folder, never the machine's cluster. Its binaries are found under /usr/lib/postgresql/<newest>/bin
 * (or PG_BIN). initdb refuses to run as root, so as root every PostgreSQL command runs as the
 * `postgres` system user through `runuser -u postgres --`, and the work folder is handed to that user.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';

function pgBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  if (!versions[0]) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql (set PG_BIN)');
  return path.join(root, versions[0], 'bin');
}

export type OwnPostgres = {
  /** The folder holding the data directory, the socket and the log. */
  dir: string;
  /** initdb (trust authentication, user postgres, UTF8). */
  init(): void;
  /** Starts the server and waits until it accepts connections. */
  start(): void;
  /** Stops the server: `fast` rolls back open sessions, `immediate` is a crash. */
  stop(mode: 'fast' | 'immediate'): void;
};

export function ownPostgres(work: string, port: number): OwnPostgres {
  const asRoot = userInfo().uid === 0;
  const dir = path.join(work, 'pg');
  const data = path.join(dir, 'data');
  const ctl = (args: string[], bin = 'pg_ctl'): void => {
    const cmd = path.join(pgBin(), bin);
    const r = asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${bin} ${args[0]} failed: ${r.stderr || r.stdout}`);
  };
  return {
    dir,
    init() {
      mkdirSync(dir, { recursive: true });
      if (asRoot) spawnSync('chown', ['-R', 'postgres:postgres', work]);
      ctl(['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8'], 'initdb');
    },
    start() {
      ctl(['-D', data, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`, '-l', path.join(dir, 'log'), '-w', 'start']);
    },
    stop(mode) {
      ctl(['-D', data, '-m', mode, '-w', 'stop']);
    },
  };
}
