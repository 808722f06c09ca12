/**
 * The indicators move with what really happens: a submission, its first handling, a decision (and
 * a decision corrected afterwards), an e-tjänst retired and relaunched, a target changed, all
 * through the real repositories, on PGlite and (with DATABASE_URL) PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Db, DbHandle } from '../../../db/client.ts';
import { auditEvents, decisions, serviceLifecycleEvents, staffUsers } from '../../../db/schema.ts';
import { computeIndicators } from '../../domain/indicators/index.ts';
import { monthlyReport } from '../../domain/indicators/monthly.ts';
import { currentServices } from '../etjanster/registry.ts';
import { changeStatus, recordDecision, type Actor } from '../case-actions.ts';
import { setRegisteredBackends } from '../delivery/registry.ts';
import { changeLifecycle, ensureLifecycle, readLifecycle } from '../lifecycle.ts';
import { receiveSubmission } from '../submissions.ts';
import { testDatabases } from '../test-db.ts';
import { fetchIndicatorData } from './repository.ts';
import { saveTargets } from './targets.ts';
import { serviceInfos } from './view.ts';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-06-10T12:00:00Z');

describe.each(testDatabases())('indicators from live data on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  let anna: Actor;
  let services: Awaited<ReturnType<typeof currentServices>>;
  const compute = async () => computeIndicators(await fetchIndicatorData(db, { now: NOW, services: await serviceInfos(db) }));

  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
    services = await currentServices(db);
    setRegisteredBackends([]);
    const [row] = await db.insert(staffUsers).values({ username: 'anna', displayName: 'Anna', passwordHash: 'not-a-login', roles: ['handlaggare'], areas: ['aldreomsorg'] }).returning();
    if (!row) throw new Error('no staff row');
    anna = { id: row.id, roles: row.roles, areas: row.areas };
    // The portal first sees its e-tjänster before anything below happens.
    await readLifecycle(db, at('2026-05-01T08:00:00Z'));
  });
  afterAll(async () => {
    setRegisteredBackends(undefined);
    await handle?.close();
  });

  it('counts every registered e-tjänst as live from the first read, once, even when read concurrently', async () => {
    await Promise.all([ensureLifecycle(db), ensureLifecycle(db), readLifecycle(db)]);
    const events = await db.select().from(serviceLifecycleEvents);
    expect(events).toHaveLength(services.length);
    const ind = await compute();
    expect(ind.launched.now.total).toBe(services.length);
    expect(ind.launched.now.byArea.ifo).toBe(services.filter((s) => s.area === 'ifo').length);
    expect(ind.launched.years.find((y) => y.year === 2026)?.launched.total).toBe(services.length);
  });

  it('sees a submission, its first handling and a decision, corrected afterwards, move the numbers', async () => {
    const before = await compute();
    expect(before.forenklad.years.find((y) => y.year === 2026)?.count).toBe(0);

    // 23.30 UTC on New Year's Eve is 00.30 on nyårsdagen in Sweden: 2026, and outside office hours.
    const sub = await receiveSubmission(
      db,
      { serviceId: 'tvatt', serviceVersion: 1, area: 'aldreomsorg', answers: {}, subjectPersonnummer: '19500118-2046', subjectName: 'Test Testsson', submitterName: 'Anhörig', onBehalf: true, idempotencyKey: 'ind-1' },
      at('2025-12-31T23:30:00Z'),
    );
    let ind = await compute();
    const y2026 = ind.submissions.byYear.find((y) => y.year === 2026)!;
    expect(y2026.total).toMatchObject({ submissions: 1, onBehalf: 1, outsideOfficeHours: 1, handled: 0, medianMinutes: null });
    expect(ind.submissions.byYear.find((y) => y.year === 2025)?.total.submissions ?? 0).toBe(0);
    expect(ind.submissions.byServiceMonth.find((r) => r.serviceId === 'tvatt')?.counts[ind.submissions.months.indexOf('2026-01')]).toBe(1);

    const s1 = await changeStatus(db, anna, { reference: sub.reference, lockVersion: 1, to: 'under_handlaggning', now: at('2026-01-01T01:30:00Z') });
    ind = await compute();
    expect(ind.submissions.byYear.find((y) => y.year === 2026)?.byArea.find((a) => a.area === 'aldreomsorg')?.figures).toMatchObject({ handled: 1, medianMinutes: 120 });

    await recordDecision(db, anna, {
      reference: sub.reference,
      lockVersion: s1.lockVersion,
      now: at('2026-01-02T10:00:00Z'),
      decision: { outcome: 'beviljad', insats: 'tvatt', omfattning: 'Varannan vecka', startDate: null, reasoning: 'Uppfyller villkoren.' },
    });
    ind = await compute();
    let f = ind.forenklad.years.find((y) => y.year === 2026)!;
    expect(f.count).toBe(1);
    expect(f.byInsats.tvatt).toBe(1);
    expect(f.yearToDate).toBe(true);
    expect(f.target).toBe(85);

    // A decision corrected in February: still one decided case, counted in January, with the latest insats and outcome.
    await db.insert(decisions).values({ submissionId: sub.id, outcome: 'avslag', insats: 'stadning', reasoning: 'Rättat.', decidedBy: anna.id, decidedAt: at('2026-02-01T10:00:00Z') });
    const data = await fetchIndicatorData(db, { now: NOW, services: await serviceInfos(db) });
    ind = computeIndicators(data);
    f = ind.forenklad.years.find((y) => y.year === 2026)!;
    expect(f.count).toBe(1);
    expect(f.byInsats).toMatchObject({ tvatt: 0, stadning: 1 });
    expect(f.byOutcome).toEqual({ avslag: 1 });
    const jan = monthlyReport(data, '2026-01').rows.find((r) => r.serviceId === 'tvatt')!;
    expect(jan.decisions.avslag).toEqual({ kvinna: 1, man: 0, okant: 0 });
    expect(monthlyReport(data, '2026-02').rows.find((r) => r.serviceId === 'tvatt')?.decided).toBe(0);
  });

  it('sees an e-tjänst retired and relaunched, each change audited and recorded', async () => {
    const total = services.length;
    await changeLifecycle(db, { serviceId: 'tvatt', to: 'avpublicerad', replacedBy: 'stadning', actorId: anna.id, now: at('2026-06-02T10:00:00Z') });
    let ind = await compute();
    expect(ind.launched.now.total).toBe(total - 1);
    expect(ind.launched.years.find((y) => y.year === 2026)?.retired.total).toBe(1);
    const row = (await readLifecycle(db)).get('tvatt');
    expect(row).toMatchObject({ state: 'avpublicerad', replacedBy: 'stadning' });

    await changeLifecycle(db, { serviceId: 'tvatt', to: 'publicerad', replacedBy: null, actorId: anna.id, now: at('2026-06-03T10:00:00Z') });
    ind = await compute();
    const y = ind.launched.years.find((x) => x.year === 2026)!;
    expect(ind.launched.now.total).toBe(total);
    expect(y.launched.total).toBe(total);
    expect(y.relaunched.total).toBe(1);

    const audits = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectType, 'service'), eq(auditEvents.subjectId, 'tvatt')));
    expect(audits.map((a) => a.action).sort()).toEqual(['service.published', 'service.retired']);
    await expect(changeLifecycle(db, { serviceId: 'tvatt', to: 'utkast', replacedBy: null, actorId: anna.id })).rejects.toThrow(/stateNotAllowed/);
  });

  it('uses a target an admin changed, and audits the change', async () => {
    await saveTargets(db, { indicatorId: 'lanserade-etjanster', cells: [{ year: 2026, kind: 'target', value: '22', note: null }], actorId: anna.id });
    const ind = await compute();
    expect(ind.launched.years.find((y) => y.year === 2026)?.target).toBe(22);
    const audits = await db.select().from(auditEvents).where(eq(auditEvents.action, 'indicator.target_changed'));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.details).toMatchObject({ year: 2026, from: '20', to: '22' });
  });
});
