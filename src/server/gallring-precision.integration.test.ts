import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, resultRows, type Db, type DbHandle } from '../../db/client.ts';
import { adminNotices } from '../../db/schema.ts';
import { testDatabases } from './test-db.ts';
import { planGallring, runGallring, type RetentionRule } from './gallring.ts';
import { gallringRound } from './gallring-in-process.ts';
import { captureLog } from './log.ts';

const RULES: RetentionRule[] = [{ id: 'synpunkter-och-klagomal', version: 1, retention: { yearsAfterClosed: 2 } }];
const NOW = new Date('2031-06-15T10:00:00Z');

let n = 0;
/** A case closed long ago, its closed_at written by SQL with microseconds (as a migration or a person would). */
async function closedBySql(db: Db): Promise<string> {
  n += 1;
  const rows = resultRows<{ id: string }>(
    await db.execute(sql`insert into submissions (reference, service_id, service_version, area, answers, idempotency_key, status, closed_at)
      values (${`2020-9${String(n).padStart(5, '0')}`}, 'synpunkter-och-klagomal', 1, 'ifo', '{}'::jsonb, ${`precision-${n}-${Date.now()}`}, 'avslutad', '2020-03-01 12:00:00.123456+00')
      returning id`),
  );
  return rows[0]!.id;
}

/** Something in the database keeps every row (a trigger), so a delete removes nothing and says so only by its count. */
async function keepRows(db: Db): Promise<void> {
  await db.execute(sql.raw('create function keep_row() returns trigger language plpgsql as $$ begin return null; end $$'));
  await db.execute(sql.raw('create trigger keep_row before delete on submissions for each row execute function keep_row()'));
}

const remaining = async (db: Db, id: string) => resultRows<{ c: number }>(await db.execute(sql`select count(*)::int as c from submissions where id = ${id}`))[0]!.c;

describe.each(testDatabases())('gallring compares planned with done on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  beforeEach(async () => {
    handle = await tdb.open();
    db = handle.db;
  });
  afterEach(async () => handle.close());

  it('removes a case whose closed_at has microsecond precision', async () => {
    const id = await closedBySql(db);
    const plan = await planGallring(db, { rules: RULES, now: NOW });
    expect(plan.items.map((i) => (i.kind === 'case' ? i.id : i.kind))).toEqual([id]);
    const done = await runGallring(db, { rules: RULES, now: NOW });
    expect(done.items.map((i) => (i.kind === 'case' ? i.id : i.kind))).toEqual([id]);
    expect(done.missed).toEqual([]);
    expect(await remaining(db, id)).toBe(0);
  });

  it('reports a planned removal that did not happen, logs it and tells the administrators', async () => {
    const id = await closedBySql(db);
    await keepRows(db);
    const report = await runGallring(db, { rules: RULES, now: NOW });
    expect(report.items).toEqual([]);
    expect(report.missed.map((i) => (i.kind === 'case' ? i.id : i.kind))).toEqual([id]);

    const lines: string[] = [];
    const stop = captureLog((l) => lines.push(l));
    try {
      await gallringRound(db, RULES, NOW);
    } finally {
      stop();
    }
    const line = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'gallring: planned and done differ');
    expect(line).toMatchObject({ level: 'error', planned: 1, done: 0, missed: 1 });
    const notices = await db.select().from(adminNotices);
    expect(notices).toEqual([expect.objectContaining({ kind: 'gallring_incomplete', details: { planned: 1, missed: 1 } })]);
  });
});

describe('npm run gallring', () => {
  it('exits with code 2 and names what was planned but not removed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'st-gallring-'));
    try {
      const handle: DbHandle = await openDatabase({ dataDir: dir, migrate: true });
      await closedBySql(handle.db);
      await keepRows(handle.db);
      await handle.close();
      const r = spawnSync(process.execPath, ['scripts/gallring.ts'], { env: { ...process.env, DATABASE_URL: '', DATA_DIR: dir }, encoding: 'utf8' });
      expect(r.stderr).toMatch(/1 av 1 planerade borttagningar blev inte gjorda/);
      expect(r.status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // A fresh database is migrated and seeded with the e-tjänster (each published, its scenarios
    // run), then a second process opens it: on a busy machine that takes longer than a query.
  }, 120_000);
});
