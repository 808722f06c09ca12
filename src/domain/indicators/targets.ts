/**
 * The indicators that have targets, and the rules for a target cell an admin edits: empty (no
 * number; the note says why) or a number from 0 to 1 000 000 with at most one decimal, and a note
 * of at most 200 characters.
 */
import { PLAN_MEASURES } from './plan.ts';

export type TargetIndicator = { id: string; unit: 'count' | 'percent'; goal: string };

/** Every measure of the plan (src/domain/indicators/plan.ts). */
export const TARGET_INDICATORS: readonly TargetIndicator[] = PLAN_MEASURES.map((m) => ({ id: m.id, unit: m.unit, goal: m.goal }));

export const TARGET_YEARS = [2022, 2023, 2024, 2025, 2026, 2027, 2028] as const;
export const TARGET_KINDS = ['target', 'outcome'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export type TargetCell = { indicatorId: string; year: number; kind: TargetKind | string; value: string | null; note: string | null };

export function isTargetIndicator(v: unknown): v is string {
  return typeof v === 'string' && TARGET_INDICATORS.some((i) => i.id === v);
}

/** The cell of an indicator, year and kind; undefined when there is none. */
export function cellOf(cells: readonly TargetCell[], indicatorId: string, year: number, kind: TargetKind): TargetCell | undefined {
  return cells.find((c) => c.indicatorId === indicatorId && c.year === year && c.kind === kind);
}

/** A cell's number, or null when it holds none (then its note says what it is). */
export function cellNumber(cell: TargetCell | undefined): number | null {
  if (!cell || cell.value === null || cell.value === '') return null;
  const n = Number(cell.value);
  return Number.isFinite(n) ? n : null;
}

export const NOTE_MAX = 200;
const NUMBER = /^\d{1,7}([.,]\d)?$/;

export type TargetInputError = { path: string; code: 'valueInvalid' | 'valueTooLarge' | 'noteTooLong' };

/** Parses one posted cell: value "" → null; "12,5" → "12.5". */
export function parseTargetInput(path: string, rawValue: string, rawNote: string): { value: string | null; note: string | null; errors: TargetInputError[] } {
  const errors: TargetInputError[] = [];
  const v = rawValue.trim().replace(/\s/g, '');
  let value: string | null = null;
  if (v !== '') {
    if (!NUMBER.test(v)) errors.push({ path: `${path}-value`, code: 'valueInvalid' });
    else {
      const n = Number(v.replace(',', '.'));
      if (n > 1_000_000) errors.push({ path: `${path}-value`, code: 'valueTooLarge' });
      else value = String(n);
    }
  }
  const noteTrimmed = rawNote.trim();
  if (noteTrimmed.length > NOTE_MAX) errors.push({ path: `${path}-note`, code: 'noteTooLong' });
  return { value, note: noteTrimmed === '' ? null : noteTrimmed, errors };
}
