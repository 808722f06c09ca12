/**
 * The municipality's rule set as dated configuration in the database (docs/forenklad-regler.md):
 * the period in force at an instant, read for every request that needs it (so a change shows on
 * the next request on every instance, with no restart), the period a submission was judged under,
 * and an administrator's changes, each audited. The environment (FORENKLAD_*, FEE_*) seeds the
 * first period on an empty database; after that it is no longer read.
 */
import { and, asc, desc, eq, gt, gte, lte, sql } from 'drizzle-orm';
import { rulePeriods, submissionRulePeriods } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';
import { defaultForenkladRules as d, type ForenkladRules } from '../domain/rules/forenklad.ts';
import { addProblem, changedValues, dayBefore, inForceOn, parseRules, removeProblem, withEnds, type RulePeriod } from '../domain/rules/periods.ts';
import { stockholmDay } from '../domain/format.ts';
import { audit } from './audit.ts';
import { rulesConfig, type RulesConfig } from './config.ts';
import { noticeAdmins } from './staff/notices.ts';
import { notificationsQueued } from './notifications/signal.ts';

export type { RulePeriod } from '../domain/rules/periods.ts';

/** The first period's first day: before any submission, so every submission has a period. */
export const SEED_FROM = '1970-01-01';

export function rulesFromConfig(cfg: RulesConfig): ForenkladRules {
  return {
    ageLimit: cfg.FORENKLAD_AGE_LIMIT ?? d.ageLimit,
    requireFolkbokford: cfg.FORENKLAD_REQUIRE_FOLKBOKFORD ?? d.requireFolkbokford,
    requireOrdinaryHousing: cfg.FORENKLAD_REQUIRE_ORDINARY_HOUSING ?? d.requireOrdinaryHousing,
    householdMustMeetAgeLimit: cfg.FORENKLAD_HOUSEHOLD_AGE_LIMIT ?? d.householdMustMeetAgeLimit,
    offered: cfg.FORENKLAD_OFFERED ?? [...d.offered],
    limits: {
      stadningIntervalWeeks: cfg.FORENKLAD_STADNING_INTERVAL_WEEKS ?? d.limits.stadningIntervalWeeks,
      stadningHours: cfg.FORENKLAD_STADNING_HOURS ?? d.limits.stadningHours,
      tvattIntervalWeeks: cfg.FORENKLAD_TVATT_INTERVAL_WEEKS ?? d.limits.tvattIntervalWeeks,
      inkopIntervalWeeks: cfg.FORENKLAD_INKOP_INTERVAL_WEEKS ?? d.limits.inkopIntervalWeeks,
    },
    fees: {
      trygghetslarmMonthly: cfg.FEE_TRYGGHETSLARM_MONTHLY ?? d.fees.trygghetslarmMonthly,
      trygghetslarmInstallation: cfg.FEE_TRYGGHETSLARM_INSTALLATION ?? d.fees.trygghetslarmInstallation,
      homeCareHourly: cfg.FEE_HOME_CARE_HOURLY ?? d.fees.homeCareHourly,
      maxtaxaMonthly: cfg.FEE_MAXTAXA_MONTHLY ?? d.fees.maxtaxaMonthly,
    },
  };
}

/** The rule set the environment gives (the seed of an empty database). */
export function configuredRules(): ForenkladRules {
  return rulesFromConfig(rulesConfig());
}

type Executor = Pick<Db, 'select' | 'insert' | 'execute'>;

/**
 * Seeds the first period from the environment when there is none. Idempotent and safe when
 * several instances start together: the insert adds a row only to an empty table, and the unique
 * first day makes a concurrent second insert do nothing.
 */
export async function seedRulePeriods(db: Executor, rules: ForenkladRules = configuredRules()): Promise<void> {
  await db.execute(sql`
    insert into rule_periods (valid_from, rules)
    select ${SEED_FROM}, ${JSON.stringify(rules)}::jsonb
    where not exists (select 1 from rule_periods)
    on conflict (valid_from) do nothing`);
}

type Row = typeof rulePeriods.$inferSelect;

function toPeriod(r: Row & { validTo: string | null }): RulePeriod {
  return { id: r.id, validFrom: r.validFrom, validTo: r.validTo, rules: parseRules(r.rules), createdBy: r.createdBy, createdAt: r.createdAt };
}

/** Every period, oldest first, each with its last day (seeding the first on an empty database). */
export async function readRulePeriods(db: Executor): Promise<RulePeriod[]> {
  let rows = await db.select().from(rulePeriods).orderBy(asc(rulePeriods.validFrom));
  if (rows.length === 0) {
    await seedRulePeriods(db);
    rows = await db.select().from(rulePeriods).orderBy(asc(rulePeriods.validFrom));
  }
  return withEnds(rows).map(toPeriod);
}

/**
 * The period in force at `at` (its Swedish calendar day): the latest that has started, and the
 * first day of the one after it for its last day. Two small indexed reads.
 */
export async function rulesInForce(db: Executor, at: Date): Promise<RulePeriod> {
  const day = stockholmDay(at);
  const read = () => db.select().from(rulePeriods).where(lte(rulePeriods.validFrom, day)).orderBy(desc(rulePeriods.validFrom)).limit(1);
  let [row] = await read();
  if (!row) {
    await seedRulePeriods(db);
    [row] = await read();
  }
  if (!row) throw new Error('No rule-set period in force');
  const [next] = await db.select({ validFrom: rulePeriods.validFrom }).from(rulePeriods).where(gt(rulePeriods.validFrom, row.validFrom)).orderBy(asc(rulePeriods.validFrom)).limit(1);
  return toPeriod({ ...row, validTo: next ? dayBefore(next.validFrom) : null });
}

/**
 * The period a submission was judged and shown under: the one recorded when it was received, or
 * for a submission received before periods were recorded, the one in force on its day.
 */
export async function rulesForSubmission(db: Executor, sub: { id: string; submittedAt: Date }): Promise<RulePeriod> {
  const [recorded] = await db
    .select({ validFrom: rulePeriods.validFrom })
    .from(submissionRulePeriods)
    .innerJoin(rulePeriods, eq(rulePeriods.id, submissionRulePeriods.periodId))
    .where(eq(submissionRulePeriods.submissionId, sub.id));
  if (!recorded) return rulesInForce(db, sub.submittedAt);
  const periods = await readRulePeriods(db);
  return periods.find((p) => p.validFrom === recorded.validFrom)!;
}

export class RulePeriodError extends Error {
  readonly code: 'inPast' | 'taken' | 'notFuture' | 'first' | 'notFound' | 'inUse';
  constructor(code: 'inPast' | 'taken' | 'notFuture' | 'first' | 'notFound' | 'inUse') {
    super(`Rule-set period refused: ${code}`);
    this.code = code;
    this.name = 'RulePeriodError';
  }
}

type Actor = { id: string; ip?: string | null | undefined };

/**
 * Adds a period from `validFrom` (today at the earliest; the previous period then ends the day
 * before). Refused with RulePeriodError when it would rewrite the past or a period already starts
 * that day (also when another administrator added one the same moment). Audited with the values
 * that differ from the period it follows.
 */
export async function addRulePeriod(db: Db, actor: Actor, validFrom: string, rules: ForenkladRules, now: Date): Promise<RulePeriod> {
  const checked = parseRules(rules);
  const today = stockholmDay(now);
  try {
    return await db.transaction(async (tx) => {
      const periods = await readRulePeriods(tx);
      const problem = addProblem(periods, validFrom, today);
      if (problem) throw new RulePeriodError(problem);
      const before = inForceOn(periods, validFrom);
      const [row] = await tx.insert(rulePeriods).values({ validFrom, rules: checked, createdBy: actor.id, createdAt: now }).returning();
      await audit(tx, {
        actorType: 'staff',
        actorId: actor.id,
        action: 'rules.period_added',
        subjectType: 'rule_period',
        subjectId: row!.id,
        details: { validFrom, follows: before?.id ?? null, ...changedValues(before?.rules, checked) },
        ip: actor.ip,
      });
      // The other administrators are told, as of every change to what the portal does.
      await noticeAdmins(tx, { kind: 'rules_period_added', actorId: actor.id, details: { validFrom } }, now);
      return (await readRulePeriods(tx)).find((p) => p.id === row!.id)!;
    }).finally(notificationsQueued);
  } catch (e) {
    if (!(e instanceof RulePeriodError) && isUniqueViolation(e)) throw new RulePeriodError('taken');
    throw e;
  }
}

/**
 * Removes a period that starts today or later (never the first) and that no submission was received
 * under (RulePeriodError 'inUse': the foreign key keeps it); the one before it then runs on, so a
 * value entered wrongly today can be taken back until someone has sent something under it. Audited.
 */
export async function removeRulePeriod(db: Db, actor: Actor, id: string, now: Date): Promise<void> {
  const today = stockholmDay(now);
  try {
    await removeIn(db, actor, id, today, now);
  } catch (e) {
    // 23001: ON DELETE RESTRICT; 23503: any other foreign key violation.
    if (!(e instanceof RulePeriodError) && (hasCode(e, '23001') || hasCode(e, '23503'))) throw new RulePeriodError('inUse');
    throw e;
  }
  notificationsQueued();
}

async function removeIn(db: Db, actor: Actor, id: string, today: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const periods = await readRulePeriods(tx);
    const p = periods.find((x) => x.id === id);
    if (!p) throw new RulePeriodError('notFound');
    const problem = removeProblem(periods, p.validFrom, today);
    if (problem) throw new RulePeriodError(problem);
    // Only while not yet past (checked again in the statement); a submission's period never goes (foreign key).
    const gone = await tx.delete(rulePeriods).where(and(eq(rulePeriods.id, id), gte(rulePeriods.validFrom, today))).returning({ id: rulePeriods.id });
    if (gone.length === 0) throw new RulePeriodError('notFuture');
    await audit(tx, { actorType: 'staff', actorId: actor.id, action: 'rules.period_removed', subjectType: 'rule_period', subjectId: id, details: { validFrom: p.validFrom }, ip: actor.ip });
    await noticeAdmins(tx, { kind: 'rules_period_removed', actorId: actor.id, details: { validFrom: p.validFrom } }, now);
  });
}

const isUniqueViolation = (e: unknown) => hasCode(e, '23505');

/** A PostgreSQL error code on the error or its causes (drizzle wraps the driver's error). */
function hasCode(e: unknown, code: string): boolean {
  for (let c: unknown = e; c && typeof c === 'object'; c = (c as { cause?: unknown }).cause) {
    if ((c as { code?: unknown }).code === code) return true;
  }
  return false;
}
