/**
 * The board's follow-up of the verksamhetsplan (seeds 002 and 004): for a period (a year "2026" or
 * its first half "2026-H1"), every measure of the plan with its baselines, its target, its outcome,
 * a trend and a status against the target. Honest about what is missing: a year the portal has no
 * data for is "missing" (with the plan's note when it has one), never a computed 0.
 *
 * Where an outcome comes from, first that applies:
 *  1. a value an analytiker reported for the period (indicator_reported, with its source);
 *  2. for a whole year, the plan's own outcome (indicator_targets, kind outcome; source: the plan);
 *     a plan cell with only a note ("ny indikator", "ej redovisat") makes the year missing with it;
 *  3. the portal's computed figure, when the portal had data in the period;
 *  4. otherwise missing.
 * A computed figure not chosen (the portal's own survey beside the national one) is kept as `portal`.
 *
 * Status against the target: "met" (at least the target, or at most it for a measure that should
 * decrease), "near" (missed by at most 10 % of the target), "missed", "none" (no target or no
 * outcome) or "early" (an accruing count the portal began part-way through the period). For part
 * of a year, an accruing count is compared with the target pro rata; its trend waits for the whole.
 */
import type { PlanMeasure } from './plan.ts';
import { cellNumber, cellOf, type TargetCell } from './targets.ts';

export type Period = { year: number; half: 1 | null };

const PERIOD = /^(\d{4})(-H1)?$/;

export function parsePeriod(s: unknown): Period | null {
  if (typeof s !== 'string') return null;
  const m = PERIOD.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  return { year, half: m[2] ? 1 : null };
}

export function periodKey(p: Period): string {
  return p.half ? `${p.year}-H1` : String(p.year);
}

/** The source the plan's own figures are given with. */
export const PLAN_SOURCE = 'Verksamhetsplan 2025';

/** `lateStart`: the portal began after the period did, so a count over the period misses its start. */
export type Computed = { value: number; partial: boolean; lateStart?: true };
export type ReportedValue = { measureId: string; period: string; value: string; note: string | null; source: string };

export type Outcome =
  | { kind: 'computed'; value: number; partial: boolean; lateStart?: true }
  | { kind: 'reported'; value: number; note: string | null; source: string; plan: boolean }
  | { kind: 'missing'; note: string | null };

/** `early`: a count the portal began part-way through the period cannot be held against its target. */
export type Status = 'met' | 'near' | 'missed' | 'none' | 'early';
export type Trend = { fromYear: number; from: number; to: number; change: 'better' | 'worse' | 'same' };

export type MeasureYear = { period: string; year: number; outcome: Outcome; portal: Computed | null; target: number | null; targetNote: string | null };

export type MeasureFollowUp = {
  measure: PlanMeasure;
  /** The plan's years before the period's year, then the period itself. */
  baselines: MeasureYear[];
  current: MeasureYear;
  /** The targets of the years after the period (the plan's later columns). */
  later: { year: number; target: number | null; targetNote: string | null }[];
  status: Status;
  trend: Trend | null;
};

export type FollowUpInput = {
  measures: readonly PlanMeasure[];
  cells: readonly TargetCell[];
  reported: readonly ReportedValue[];
  /** measure id → period key → the portal's figure; absent where the portal had no data. */
  computed: ReadonlyMap<string, ReadonlyMap<string, Computed>>;
  period: Period;
  /** The share of the period's year that has passed at its end (or now): 0.5 for a first half. */
  yearFraction: number;
  firstYear?: number;
  lastYear?: number;
};

function toNumber(v: string): number | null {
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

export function outcomeOf(input: Pick<FollowUpInput, 'cells' | 'reported' | 'computed'>, measureId: string, period: Period): { outcome: Outcome; portal: Computed | null } {
  const key = periodKey(period);
  const computed = input.computed.get(measureId)?.get(key) ?? null;
  const rep = input.reported.find((r) => r.measureId === measureId && r.period === key);
  const repValue = rep ? toNumber(rep.value) : null;
  if (rep && repValue !== null) return { outcome: { kind: 'reported', value: repValue, note: rep.note, source: rep.source, plan: false }, portal: computed };
  if (!period.half) {
    const cell = cellOf(input.cells, measureId, period.year, 'outcome');
    const n = cellNumber(cell);
    if (n !== null) return { outcome: { kind: 'reported', value: n, note: cell?.note ?? null, source: PLAN_SOURCE, plan: true }, portal: computed };
    if (cell?.note && !computed) return { outcome: { kind: 'missing', note: cell.note }, portal: null };
  }
  if (computed) return { outcome: { kind: 'computed', ...computed }, portal: null };
  return { outcome: { kind: 'missing', note: null }, portal: null };
}

export function valueOf(o: Outcome): number | null {
  return o.kind === 'missing' ? null : o.value;
}

export function statusOf(measure: Pick<PlanMeasure, 'direction' | 'accrues'>, target: number | null, outcome: Outcome, yearFraction: number): Status {
  const value = valueOf(outcome);
  if (target === null || value === null) return 'none';
  if (measure.accrues && outcome.kind === 'computed' && outcome.lateStart) return 'early';
  const partial = (outcome.kind === 'computed' && outcome.partial) || yearFraction < 1;
  const goal = measure.accrues && partial ? target * Math.min(1, Math.max(0, yearFraction)) : target;
  const margin = Math.abs(goal) * 0.1;
  if (measure.direction === 'increase') {
    if (value >= goal) return 'met';
    return value >= goal - margin ? 'near' : 'missed';
  }
  if (value <= goal) return 'met';
  return value <= goal + margin ? 'near' : 'missed';
}

/** The change from the latest earlier outcome with a number to this one. */
export function trendOf(measure: Pick<PlanMeasure, 'direction' | 'accrues'>, earlier: readonly MeasureYear[], current: Outcome): Trend | null {
  const to = valueOf(current);
  if (to === null) return null;
  // A count over part of a period is not comparable with whole years.
  if (measure.accrues && current.kind === 'computed' && (current.partial || current.lateStart)) return null;
  for (let i = earlier.length - 1; i >= 0; i--) {
    const y = earlier[i]!;
    const from = valueOf(y.outcome);
    if (from === null) continue;
    const change = from === to ? 'same' : (to > from) === (measure.direction === 'increase') ? 'better' : 'worse';
    return { fromYear: y.year, from, to, change };
  }
  return null;
}

export function followUp(input: FollowUpInput): MeasureFollowUp[] {
  const first = input.firstYear ?? 2022;
  const last = Math.max(input.lastYear ?? 2028, input.period.year);
  const measures = [...input.measures].sort((a, b) => a.position - b.position);
  return measures.map((measure) => {
    const yearOf = (year: number, half: 1 | null): MeasureYear => {
      const p = { year, half };
      const targetCell = cellOf(input.cells, measure.id, year, 'target');
      return { period: periodKey(p), year, ...outcomeOf(input, measure.id, p), target: cellNumber(targetCell), targetNote: targetCell?.note ?? null };
    };
    const baselines: MeasureYear[] = [];
    for (let y = first; y < input.period.year; y++) baselines.push(yearOf(y, null));
    const current = yearOf(input.period.year, input.period.half);
    const later = [];
    for (let y = input.period.year + 1; y <= last; y++) {
      const c = cellOf(input.cells, measure.id, y, 'target');
      later.push({ year: y, target: cellNumber(c), targetNote: c?.note ?? null });
    }
    return {
      measure,
      baselines,
      current,
      later,
      status: statusOf(measure, current.target, current.outcome, input.yearFraction),
      trend: trendOf(measure, baselines, current.outcome),
    };
  });
}
