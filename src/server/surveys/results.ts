/**
 * Survey results from the stored answers: one survey, one year (a period belongs to the year it
 * opens), computed and suppressed by the domain (src/domain/surveys/results.ts). Targets are the
 * board's as stored in indicator_targets (seeded once from seed 001).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { indicatorTargets, surveyPeriodUnits, surveyPeriods, surveyResponses, surveyUnits } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import type { SurveyDefinition } from '../../domain/surveys/definition.ts';
import { INDICATOR_IDS, type IndicatorId } from '../../domain/surveys/indicators.ts';
import { surveyResults, type ResultUnit, type SurveyResults } from '../../domain/surveys/results.ts';
import { ensureTargets } from '../indicators/targets.ts';

const yearOf = sql<number>`extract(year from ${surveyPeriods.opensOn})::int`;

/** The years with a period of this survey, newest first. */
export async function surveyYears(db: Db, surveyId: string): Promise<number[]> {
  const rows = await db.selectDistinct({ year: yearOf }).from(surveyPeriods).where(eq(surveyPeriods.surveyId, surveyId));
  return rows.map((r) => Number(r.year)).sort((a, b) => b - a);
}

export async function loadSurveyResults(db: Db, def: SurveyDefinition, year: number): Promise<SurveyResults> {
  const periods = await db
    .select({ id: surveyPeriods.id, name: surveyPeriods.name })
    .from(surveyPeriods)
    .where(and(eq(surveyPeriods.surveyId, def.id), sql`${yearOf} = ${year}`))
    .orderBy(asc(surveyPeriods.opensOn), asc(surveyPeriods.name));
  if (periods.length === 0) return surveyResults(def, { periods: [], units: [], responses: [] });
  const ids = periods.map((p) => p.id);
  const responses = await db
    .select({ periodId: surveyResponses.periodId, unitId: surveyResponses.unitId, answers: surveyResponses.answers })
    .from(surveyResponses)
    .where(and(inArray(surveyResponses.periodId, ids), eq(surveyResponses.surveyId, def.id)));
  const unitIds = [...new Set(responses.map((r) => r.unitId).filter((u): u is string => !!u))];
  const linked = await db.select({ unitId: surveyPeriodUnits.unitId }).from(surveyPeriodUnits).where(inArray(surveyPeriodUnits.periodId, ids));
  const allUnitIds = [...new Set([...unitIds, ...linked.map((l) => l.unitId)])];
  const units: ResultUnit[] = allUnitIds.length
    ? await db.select({ id: surveyUnits.id, name: surveyUnits.name, area: surveyUnits.area }).from(surveyUnits).where(inArray(surveyUnits.id, allUnitIds))
    : [];
  return surveyResults(def, { periods, units, responses });
}

/** The target per indicator for a year, in percent: the indicator_targets cell when it holds a number (the one place targets live). */
export async function indicatorTargetsFor(db: Db, year: number): Promise<Map<IndicatorId, number>> {
  await ensureTargets(db);
  const out = new Map<IndicatorId, number>();
  const rows = await db
    .select({ id: indicatorTargets.indicatorId, value: indicatorTargets.value })
    .from(indicatorTargets)
    .where(and(eq(indicatorTargets.year, year), eq(indicatorTargets.kind, 'target'), inArray(indicatorTargets.indicatorId, [...INDICATOR_IDS])));
  for (const r of rows) {
    const n = r.value === null ? NaN : Number(r.value);
    if (Number.isFinite(n)) out.set(r.id as IndicatorId, n);
  }
  return out;
}
