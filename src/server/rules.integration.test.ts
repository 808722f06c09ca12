import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.ts';
import { auditEvents, rulePeriods, submissionRulePeriods } from '../../db/schema.ts';
import { defaultForenkladRules, type ForenkladRules } from '../domain/rules/forenklad.ts';
import { testDatabases } from './test-db.ts';
import { addRulePeriod, readRulePeriods, removeRulePeriod, RulePeriodError, rulesForSubmission, rulesInForce, seedRulePeriods, SEED_FROM } from './rules.ts';
import { receiveSubmission } from './submissions.ts';

vi.stubEnv('COOKIE_SECRET', 'test-only-cookie-secret-0123456789abcdef');
vi.stubEnv('FEE_MAXTAXA_MONTHLY', '2576');

const ADMIN = { id: '00000000-0000-4000-8000-000000000001', ip: '192.0.2.1' };
/** 10:00 Swedish time, 1 March 2026. */
const NOW = new Date('2026-03-01T09:00:00Z');
const withMaxtaxa = (n: number): ForenkladRules => ({ ...defaultForenkladRules, fees: { ...defaultForenkladRules.fees, maxtaxaMonthly: n } });

for (const target of testDatabases()) {
  describe(`the rule set as dated periods (${target.name})`, () => {
    let h: DbHandle;
    beforeAll(async () => {
      h = await target.open();
    });
    afterAll(async () => h.close());

    it('seeds the first period from the environment once, however many instances start together', async () => {
      await Promise.all([seedRulePeriods(h.db), seedRulePeriods(h.db), rulesInForce(h.db, NOW), readRulePeriods(h.db)]);
      const rows = await h.db.select().from(rulePeriods);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.validFrom).toBe(SEED_FROM);
      const p = await rulesInForce(h.db, NOW);
      expect(p.rules.fees.maxtaxaMonthly).toBe(2576);
      expect(p.validTo).toBeNull();
    });

    it('adds a period from a day: the one before ends the day before, the new one is in force from its first Swedish day, audited with what changed', async () => {
      const added = await addRulePeriod(h.db, ADMIN, '2026-03-02', withMaxtaxa(2600), NOW);
      const periods = await readRulePeriods(h.db);
      expect(periods.map((p) => [p.validFrom, p.validTo])).toEqual([[SEED_FROM, '2026-03-01'], ['2026-03-02', null]]);
      // 23:59 Swedish time on 1 March is still the old period; 00:00 on 2 March (23:00 UTC) the new one.
      expect((await rulesInForce(h.db, new Date('2026-03-01T22:59:59Z'))).rules.fees.maxtaxaMonthly).toBe(2576);
      expect((await rulesInForce(h.db, new Date('2026-03-01T23:00:00Z'))).id).toBe(added.id);
      const [event] = await h.db.select().from(auditEvents).where(eq(auditEvents.subjectId, added.id));
      expect(event!.action).toBe('rules.period_added');
      expect(event!.actorId).toBe(ADMIN.id);
      expect(event!.details).toEqual({ validFrom: '2026-03-02', follows: periods[0]!.id, 'fees.maxtaxaMonthly': 2600 });
    });

    it('refuses a period in the past or on a day another already starts, and writes nothing', async () => {
      const before = (await h.db.select().from(rulePeriods)).length;
      await expect(addRulePeriod(h.db, ADMIN, '2026-02-28', withMaxtaxa(1), NOW)).rejects.toMatchObject({ code: 'inPast' });
      await expect(addRulePeriod(h.db, ADMIN, '2026-03-02', withMaxtaxa(1), NOW)).rejects.toMatchObject({ code: 'taken' });
      // Two administrators adding the same day at the same moment: one wins, the other is refused.
      const both = await Promise.allSettled([addRulePeriod(h.db, ADMIN, '2026-07-01', withMaxtaxa(2700), NOW), addRulePeriod(h.db, ADMIN, '2026-07-01', withMaxtaxa(2800), NOW)]);
      expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = both.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(RulePeriodError);
      expect((await h.db.select().from(rulePeriods)).length).toBe(before + 1);
    });

    it('refuses a rule set outside its limits', async () => {
      await expect(addRulePeriod(h.db, ADMIN, '2026-08-01', { ...defaultForenkladRules, ageLimit: -1 }, NOW)).rejects.toThrow();
      expect((await readRulePeriods(h.db)).some((p) => p.validFrom === '2026-08-01')).toBe(false);
    });

    it('a period is never changed once written (the database refuses it)', async () => {
      await expect(h.db.update(rulePeriods).set({ rules: withMaxtaxa(1) }).where(eq(rulePeriods.validFrom, SEED_FROM))).rejects.toThrow();
    });

    it('removes only a period not yet in force, never the first; the one before then runs on', async () => {
      const periods = await readRulePeriods(h.db);
      const current = periods.find((p) => p.validFrom === '2026-03-02')!;
      const future = periods.find((p) => p.validFrom === '2026-07-01')!;
      const later = new Date('2026-03-05T09:00:00Z');
      await expect(removeRulePeriod(h.db, ADMIN, current.id, later)).rejects.toMatchObject({ code: 'notFuture' });
      await expect(removeRulePeriod(h.db, ADMIN, periods[0]!.id, later)).rejects.toMatchObject({ code: 'notFuture' });
      await removeRulePeriod(h.db, ADMIN, future.id, later);
      const after = await readRulePeriods(h.db);
      expect(after.map((p) => [p.validFrom, p.validTo])).toEqual([[SEED_FROM, '2026-03-01'], ['2026-03-02', null]]);
      const events = await h.db.select().from(auditEvents).where(eq(auditEvents.action, 'rules.period_removed'));
      expect(events.map((e) => e.subjectId)).toEqual([future.id]);
    });

    it('a submission keeps the period it was judged under (or in force when received), whatever is added later; one from before periods were recorded gets the period of its day', async () => {
      const at = new Date('2026-03-10T09:00:00Z');
      const judged = await rulesInForce(h.db, at);
      const sub = { serviceId: 'trygghetslarm', serviceVersion: 1, area: 'aldreomsorg', answers: {}, subjectPersonnummer: null, subjectName: null, submitterName: null, onBehalf: false };
      const recorded = await receiveSubmission(h.db, { ...sub, idempotencyKey: 'rules-1', rulePeriodId: judged.id }, at, { backends: [] });
      const unnamed = await receiveSubmission(h.db, { ...sub, idempotencyKey: 'rules-2' }, at, { backends: [] });
      const older = await receiveSubmission(h.db, { ...sub, idempotencyKey: 'rules-3' }, at, { backends: [] });
      await h.db.delete(submissionRulePeriods).where(eq(submissionRulePeriods.submissionId, older.id));
      // A new maxtaxa from the same day (an administrator's correction after the submission).
      await addRulePeriod(h.db, ADMIN, '2026-03-10', withMaxtaxa(2999), at);
      expect((await rulesForSubmission(h.db, recorded)).rules.fees.maxtaxaMonthly).toBe(2600);
      expect((await rulesForSubmission(h.db, unnamed)).rules.fees.maxtaxaMonthly).toBe(2600);
      expect((await rulesForSubmission(h.db, older)).rules.fees.maxtaxaMonthly).toBe(2999);
      expect((await rulesInForce(h.db, at)).rules.fees.maxtaxaMonthly).toBe(2999);
      // The period a submission names can never be removed, even by a statement around the application.
      await expect(h.db.execute(sql`delete from rule_periods where id = ${judged.id}`)).rejects.toThrow();
    });

    it('a period from today can be taken back the same day until something is sent under it', async () => {
      const day = new Date('2026-03-12T09:00:00Z');
      const wrong = await addRulePeriod(h.db, ADMIN, '2026-03-12', withMaxtaxa(25_760), day);
      await removeRulePeriod(h.db, ADMIN, wrong.id, day);
      expect((await rulesInForce(h.db, day)).rules.fees.maxtaxaMonthly).toBe(2999);
      const used = await addRulePeriod(h.db, ADMIN, '2026-03-12', withMaxtaxa(3100), day);
      await receiveSubmission(h.db, { serviceId: 'tvatt', serviceVersion: 1, area: 'aldreomsorg', answers: {}, subjectPersonnummer: null, subjectName: null, submitterName: null, onBehalf: false, idempotencyKey: 'rules-4' }, day, { backends: [] });
      await expect(removeRulePeriod(h.db, ADMIN, used.id, day)).rejects.toMatchObject({ code: 'inUse' });
      expect((await rulesInForce(h.db, day)).id).toBe(used.id);
    });
  });
}
