/**
 * What the benchmarks share: the command line (--keep, --rows=N), a database of their own on the
 * PostgreSQL server (DATABASE_URL or the local one), timing, and Skatteverket's test personnummer.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export type BenchSetup = { keep: boolean; rows: number; serverUrl: string; benchUrl: string };

/**
 * BENCH_DB_SUFFIX (letters, digits, _): appended to the benchmark databases' names, so that
 * benchmarks run at the same time on one PostgreSQL server do not drop each other's database.
 */
export function benchDbSuffix(): string {
  const s = process.env.BENCH_DB_SUFFIX ?? '';
  if (!/^[a-z0-9_]*$/.test(s)) throw new Error('BENCH_DB_SUFFIX: lower-case letters, digits and _ only');
  return s;
}

/** Reads --keep and --rows=N (default 1,000,000, at least 1,000) and names the bench database. */
export function benchSetup(benchDb: string): BenchSetup {
  const args = process.argv.slice(2);
  const rowsArg = args.find((a) => a.startsWith('--rows='));
  const rows = rowsArg ? Number(rowsArg.slice('--rows='.length)) : 1_000_000;
  if (!Number.isInteger(rows) || rows < 1000) {
    console.error('--rows must be a whole number of at least 1000');
    process.exit(2);
  }
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const u = new URL(serverUrl);
  u.pathname = `/${benchDb}`;
  return { keep: args.includes('--keep'), rows, serverUrl, benchUrl: u.toString() };
}

/** Runs one statement on the server's own database (CREATE/DROP DATABASE). */
export async function onServer(serverUrl: string, statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await fn();
  console.log(`  ${label.padEnd(44)} ${seconds(performance.now() - t0)}`);
  return r;
}

/** Skatteverket's test personnummer in the stored form YYYYMMDD-NNNC. */
export function testPersonnummer(): string[] {
  const file = path.resolve(process.cwd(), 'testdata/skatteverket-testpersonnummer.txt');
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^\d{12}$/.test(l))
    .map((l) => `${l.slice(0, 8)}-${l.slice(8)}`);
}
