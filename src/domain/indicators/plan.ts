/**
 * The measures of the socialförvaltning's verksamhetsplan 2025 (seed 001, Nämndmål 1:1–1:8), one
 * row per measure of the plan's tables. This list seeds the indicator_measures table once (the
 * table is what the pages read); the names, goal texts and methods are translated texts keyed by
 * the id (namespace "followup"). Where a figure comes from:
 *  - computed: the portal computes it from live data (the method is said in a sentence);
 *  - reported: an analytiker enters it per period with its source (indicator_reported).
 * `direction` says which way is better: "increase" (at least the target) or "decrease" (at most).
 */
import { INDICATOR_IDS } from '../surveys/indicators.ts';

export const PLAN_GOALS = ['1:1', '1:2', '1:3', '1:4', '1:5', '1:6', '1:7', '1:8'] as const;
export type PlanGoal = (typeof PLAN_GOALS)[number];
export type MeasureOrigin = 'computed' | 'reported';
export type MeasureUnit = 'count' | 'percent';
export type MeasureDirection = 'increase' | 'decrease';
/** How a computed measure is computed. */
export type MeasureMethod = 'survey' | 'launched' | 'forenklad';

export type PlanMeasure = {
  id: string;
  goal: PlanGoal;
  unit: MeasureUnit;
  direction: MeasureDirection;
  origin: MeasureOrigin;
  method: MeasureMethod | null;
  /** A count that accrues over the year (decisions made), so part of a year is compared with the target pro rata; otherwise a level. */
  accrues: boolean;
  /** Order within the plan (the report follows it). */
  position: number;
};

const survey = (id: (typeof INDICATOR_IDS)[number], goal: PlanGoal): Omit<PlanMeasure, 'position' | 'accrues'> => ({ id, goal, unit: 'percent', direction: 'increase', origin: 'computed', method: 'survey' });

const rows: Omit<PlanMeasure, 'position' | 'accrues'>[] = [
  survey('sarskilt-boende-hansyn-onskemal', '1:1'),
  survey('sarskilt-boende-sociala-aktiviteter', '1:1'),
  survey('hemtjanst-hansyn-asikter', '1:1'),
  survey('hemtjanst-paverka-tider', '1:1'),
  { id: 'hemtjanst-antal-personal', goal: '1:1', unit: 'count', direction: 'decrease', origin: 'reported', method: null },
  survey('lss-daglig-verksamhet-trivs', '1:1'),
  survey('lss-daglig-verksamhet-bestamma', '1:1'),
  survey('lss-gruppboende-trygg-personal', '1:1'),
  { id: 'genomforandeplan-aktuell', goal: '1:2', unit: 'percent', direction: 'increase', origin: 'reported', method: null },
  { id: 'genomforandeplan-delaktighet', goal: '1:2', unit: 'percent', direction: 'increase', origin: 'reported', method: null },
  { id: 'trygg-hemgang-verkstallda', goal: '1:3', unit: 'count', direction: 'increase', origin: 'reported', method: null },
  survey('trygg-hemgang-nojd', '1:3'),
  { id: 'trygg-hemgang-aterinlaggningar', goal: '1:3', unit: 'count', direction: 'decrease', origin: 'reported', method: null },
  { id: 'forsorjningsstod-unga', goal: '1:4', unit: 'count', direction: 'decrease', origin: 'reported', method: null },
  { id: 'valfardsteknik-insatser', goal: '1:5', unit: 'count', direction: 'increase', origin: 'reported', method: null },
  { id: 'forenklad-beslut', goal: '1:6', unit: 'count', direction: 'increase', origin: 'computed', method: 'forenklad' },
  { id: 'lanserade-etjanster', goal: '1:7', unit: 'count', direction: 'increase', origin: 'computed', method: 'launched' },
  { id: 'senior-alert-riskbedomning', goal: '1:8', unit: 'percent', direction: 'increase', origin: 'reported', method: null },
  { id: 'bpsd-registrering', goal: '1:8', unit: 'percent', direction: 'increase', origin: 'reported', method: null },
];

const ACCRUES = new Set(['trygg-hemgang-verkstallda', 'trygg-hemgang-aterinlaggningar', 'forenklad-beslut']);

export const PLAN_MEASURES: readonly PlanMeasure[] = rows.map((r, i) => ({ ...r, accrues: ACCRUES.has(r.id), position: i + 1 }));

export function isPlanMeasureId(v: unknown, measures: readonly PlanMeasure[] = PLAN_MEASURES): v is string {
  return typeof v === 'string' && measures.some((m) => m.id === v);
}

/** The plan's years: 2022–2024 are its baselines (utfall), 2025–2028 its targets. */
export const PLAN_YEARS = [2022, 2023, 2024, 2025, 2026, 2027, 2028] as const;
