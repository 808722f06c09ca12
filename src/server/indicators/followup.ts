/**
 * The plan's measures and the values reported for them (db/schema/catalog.ts: indicator_measures,
 * indicator_reported), and the follow-up of a period for the public page, the board's report, its
 * PDF and CSV. The measures are seeded once from src/domain/indicators/plan.ts; a reported value
 * is saved and audited (indicator.reported) in one transaction.
 */
import { and, asc, eq } from 'drizzle-orm';
import { indicatorMeasures, indicatorReported } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { computedFigures, yearFractionAt, type SurveyByYear } from '../../domain/indicators/computed.ts';
import { followUp, parsePeriod, type MeasureFollowUp, type Period, type ReportedValue } from '../../domain/indicators/followup.ts';
import { PLAN_MEASURES, type MeasureDirection, type MeasureMethod, type MeasureOrigin, type MeasureUnit, type PlanGoal, type PlanMeasure } from '../../domain/indicators/plan.ts';
import type { ReportedInput } from '../../domain/indicators/reported.ts';
import type { IndicatorData } from '../../domain/indicators/data.ts';
import { stockholmYear } from '../../domain/indicators/time.ts';
import { audit } from '../audit.ts';
import { isUnavailable } from '../db.ts';
import { log } from '../log.ts';
import { surveyMeasures } from '../surveys/measures.ts';
import { loadIndicatorData } from './view.ts';

const seeded = new WeakSet<object>();

export async function ensureMeasures(db: Db): Promise<void> {
  if (seeded.has(db)) return;
  await db.insert(indicatorMeasures).values(PLAN_MEASURES.map((m) => ({ ...m }))).onConflictDoNothing();
  seeded.add(db);
}

export async function listMeasures(db: Db): Promise<PlanMeasure[]> {
  await ensureMeasures(db);
  const rows = await db.select().from(indicatorMeasures).orderBy(asc(indicatorMeasures.position));
  return rows.map((r) => ({
    id: r.id,
    goal: r.goal as PlanGoal,
    unit: r.unit as MeasureUnit,
    direction: r.direction as MeasureDirection,
    origin: r.origin as MeasureOrigin,
    method: (r.method as MeasureMethod | null) ?? null,
    accrues: r.accrues,
    position: r.position,
  }));
}

export async function listReported(db: Db): Promise<ReportedValue[]> {
  return db.select({ measureId: indicatorReported.measureId, period: indicatorReported.period, value: indicatorReported.value, note: indicatorReported.note, source: indicatorReported.source }).from(indicatorReported);
}

/** Saves (or, with no value, removes) a reported value; audited with the period, old and new value and source. Returns whether anything changed. */
export async function saveReported(db: Db, req: { measureId: string; input: ReportedInput; actorId: string; ip?: string | null | undefined; now?: Date }): Promise<boolean> {
  const now = req.now ?? new Date();
  const { input } = req;
  return db.transaction(async (tx) => {
    const key = and(eq(indicatorReported.measureId, req.measureId), eq(indicatorReported.period, input.period));
    const [before] = await tx.select().from(indicatorReported).where(key).for('update');
    if (input.value === null) {
      if (!before) return false;
      await tx.delete(indicatorReported).where(key);
    } else {
      if (before && before.value === input.value && before.note === input.note && before.source === input.source) return false;
      await tx
        .insert(indicatorReported)
        .values({ measureId: req.measureId, period: input.period, value: input.value, note: input.note, source: input.source, updatedAt: now, updatedBy: req.actorId })
        .onConflictDoUpdate({ target: [indicatorReported.measureId, indicatorReported.period], set: { value: input.value, note: input.note, source: input.source, updatedAt: now, updatedBy: req.actorId } });
    }
    await audit(tx, {
      actorType: 'staff',
      actorId: req.actorId,
      action: 'indicator.reported',
      subjectType: 'indicator',
      subjectId: req.measureId,
      details: { period: input.period, from: before?.value ?? null, to: input.value, source: input.value === null ? (before?.source ?? null) : input.source },
      ip: req.ip ?? null,
    });
    return true;
  });
}

export type FollowUpView = { period: Period; now: Date; measures: MeasureFollowUp[] };

/** The default period: the current year, as far as it has come. */
export function defaultPeriod(now: Date): Period {
  const year = stockholmYear(now);
  return { year, half: null };
}

export function readPeriod(s: string | null, now: Date): Period | null {
  if (s === null || s === '') return defaultPeriod(now);
  const p = parsePeriod(s);
  if (!p || p.year < 2022 || p.year > stockholmYear(now) + 2) return null;
  return p;
}

/** The portal's own survey result per year and measure, from the year the portal began to the period's. */
async function surveysByYear(db: Db, fromYear: number, toYear: number): Promise<SurveyByYear> {
  const out = new Map<number, Map<string, number | null>>();
  for (let y = fromYear; y <= toYear; y++) {
    try {
      const m = await surveyMeasures(db, { year: y });
      out.set(y, new Map([...m].map(([id, s]) => [id, s.suppressed ? null : s.percent])));
    } catch (e) {
      // The survey module is its own: a fault there leaves its figures missing, not the report.
      if (isUnavailable(e)) throw e;
      log('error', 'follow-up: survey measures failed', { year: y }, e);
    }
  }
  return out;
}

/** `data`: the indicator data a page has already loaded for the same moment (else it is loaded here). */
export async function loadFollowUp(db: Db, period: Period, now = new Date(), opts: { data?: IndicatorData } = {}): Promise<FollowUpView> {
  const [data, measures, reported] = await Promise.all([opts.data ?? loadIndicatorData(db, now), listMeasures(db), listReported(db)]);
  const currentYear = stockholmYear(now);
  const years: number[] = [];
  for (let y = 2022; y <= Math.max(2028, period.year); y++) years.push(y);
  const periods: Period[] = [...years.map((year) => ({ year, half: null })), { year: period.year, half: 1 as const }];
  const firstDataYear = Math.min(currentYear, ...data.lifecycleEvents.map((e) => stockholmYear(e.at)));
  const surveys = await surveysByYear(db, Math.max(2022, firstDataYear), Math.min(currentYear, period.year));
  const computed = computedFigures(data, measures, periods, surveys);
  const rows = followUp({ measures, cells: data.targets, reported, computed, period, yearFraction: yearFractionAt(period, now) });
  return { period, now, measures: rows };
}
