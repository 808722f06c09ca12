/**
 * The board's follow-up on a fresh install and after a value is reported, through the real
 * repositories, on PGlite and (with DATABASE_URL) PostgreSQL: every measure of the plan is there
 * with its targets, the years before the portal are missing or the plan's reported figures (never
 * a computed 0), a reported value changes the report and is audited, and the survey targets are
 * read from the one table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Db, DbHandle } from '../../../db/client.ts';
import { auditEvents, indicatorMeasures, staffUsers } from '../../../db/schema.ts';
import { PLAN_MEASURES } from '../../domain/indicators/plan.ts';
import { parseReportedInput } from '../../domain/indicators/reported.ts';
import { setRegisteredBackends } from '../delivery/registry.ts';
import { readLifecycle } from '../lifecycle.ts';
import { indicatorTargetsFor } from '../surveys/results.ts';
import { testDatabases } from '../test-db.ts';
import { followUpCsv } from './followup-csv.ts';
import { listMeasures, loadFollowUp, saveReported } from './followup.ts';
import { saveTargets } from './targets.ts';

const NOW = new Date('2026-06-10T12:00:00Z');

describe.each(testDatabases())('the follow-up of the plan on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  let analytikerId: string;

  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
    setRegisteredBackends([]);
    const [row] = await db.insert(staffUsers).values({ username: 'ada', displayName: 'Ada', passwordHash: 'not-a-login', roles: ['analytiker'], areas: [] }).returning();
    if (!row) throw new Error('no staff row');
    analytikerId = row.id;
    // A fresh install: the portal first sees its e-tjänster now.
    await readLifecycle(db, new Date('2026-05-01T08:00:00Z'));
  });
  afterAll(async () => {
    setRegisteredBackends(undefined);
    await handle?.close();
  });

  it('seeds every measure of the plan once, and reads them from the table', async () => {
    await Promise.all([listMeasures(db), listMeasures(db)]);
    const rows = await db.select().from(indicatorMeasures);
    expect(rows).toHaveLength(PLAN_MEASURES.length);
    expect((await listMeasures(db)).map((m) => m.id)).toEqual(PLAN_MEASURES.map((m) => m.id));
  });

  it('shows every measure with its targets, and nothing before the portal as a computed 0', async () => {
    const view = await loadFollowUp(db, { year: 2025, half: null }, NOW);
    expect(view.measures).toHaveLength(PLAN_MEASURES.length);
    for (const m of view.measures) {
      expect(m.current.target, m.measure.id).not.toBeNull();
      for (const y of [...m.baselines, m.current]) expect(y.outcome.kind, `${m.measure.id} ${y.period}`).not.toBe('computed');
    }
    const launched = view.measures.find((m) => m.measure.id === 'lanserade-etjanster')!;
    expect(launched.baselines.map((b) => b.outcome)).toEqual([
      { kind: 'missing', note: 'ej redovisat' },
      { kind: 'missing', note: 'ej redovisat' },
      { kind: 'missing', note: null },
    ]);
    expect(launched.current.outcome).toEqual({ kind: 'missing', note: null });
    const forenklad = view.measures.find((m) => m.measure.id === 'forenklad-beslut')!;
    expect(forenklad.baselines[1]?.outcome).toMatchObject({ kind: 'reported', value: 28, plan: true });
    expect(forenklad.baselines[2]?.outcome).toMatchObject({ kind: 'reported', value: 68, note: 't.o.m. november', plan: true });

    // The year the portal runs is computed, marked as so far and as begun in May: not held against the target.
    const now = await loadFollowUp(db, { year: 2026, half: null }, NOW);
    const f2026 = now.measures.find((m) => m.measure.id === 'forenklad-beslut')!;
    expect(f2026.current.outcome).toEqual({ kind: 'computed', value: 0, partial: true, lateStart: true });
    expect(f2026.status).toBe('early');
    expect(f2026.trend).toBeNull();
  });

  it('changes the report when an analytiker reports a value, and audits it', async () => {
    const before = await loadFollowUp(db, { year: 2025, half: 1 }, NOW);
    expect(before.measures.find((m) => m.measure.id === 'genomforandeplan-aktuell')?.current.outcome.kind).toBe('missing');
    const parsed = parseReportedInput({ period: '2025-H1', value: '91', note: '', source: 'Lifecare, uttag 2025-07-03' }, { unit: 'percent', currentYear: 2026 });
    expect(parsed.errors).toEqual([]);
    expect(await saveReported(db, { measureId: 'genomforandeplan-aktuell', input: parsed.input!, actorId: analytikerId, now: NOW })).toBe(true);
    // The same value again changes nothing and is not audited twice.
    expect(await saveReported(db, { measureId: 'genomforandeplan-aktuell', input: parsed.input!, actorId: analytikerId, now: NOW })).toBe(false);

    const after = await loadFollowUp(db, { year: 2025, half: 1 }, NOW);
    const m = after.measures.find((x) => x.measure.id === 'genomforandeplan-aktuell')!;
    expect(m.current.outcome).toEqual({ kind: 'reported', value: 91, note: null, source: 'Lifecare, uttag 2025-07-03', plan: false });
    expect(m.status).toBe('near');
    expect(m.trend).toEqual({ fromYear: 2023, from: 85, to: 91, change: 'better' });
    const csv = followUpCsv(after, (id) => id);
    expect(csv).toContain('1:2;genomforandeplan-aktuell;genomforandeplan-aktuell;procent;2025-H1;utfall;91;;rapporterat;Lifecare, uttag 2025-07-03;;near');

    const audits = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'indicator.reported'), eq(auditEvents.subjectId, 'genomforandeplan-aktuell')));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorType: 'staff', actorId: analytikerId, details: { period: '2025-H1', from: null, to: '91', source: 'Lifecare, uttag 2025-07-03' } });

    // An empty value removes it again, audited too.
    expect(await saveReported(db, { measureId: 'genomforandeplan-aktuell', input: { ...parsed.input!, value: null }, actorId: analytikerId, now: NOW })).toBe(true);
    const removed = await loadFollowUp(db, { year: 2025, half: 1 }, NOW);
    expect(removed.measures.find((x) => x.measure.id === 'genomforandeplan-aktuell')?.current.outcome.kind).toBe('missing');
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, 'indicator.reported'))).toHaveLength(2);
  });

  it('reads the survey targets from the one table, so an edited target is the survey results’ target too', async () => {
    expect((await indicatorTargetsFor(db, 2026)).get('hemtjanst-paverka-tider')).toBe(60);
    await saveTargets(db, { indicatorId: 'hemtjanst-paverka-tider', cells: [{ year: 2026, kind: 'target', value: '62', note: null }], actorId: analytikerId });
    expect((await indicatorTargetsFor(db, 2026)).get('hemtjanst-paverka-tider')).toBe(62);
    const view = await loadFollowUp(db, { year: 2026, half: null }, NOW);
    expect(view.measures.find((m) => m.measure.id === 'hemtjanst-paverka-tider')?.current.target).toBe(62);
  });
});
