/**
 * The rules for a value an analytiker reports for a measure of the plan: a period (a year "2025"
 * or a first half "2025-H1", from 2022 to next year), a number (at most one decimal; a percentage
 * at most 100), a source of 3–200 characters ("Lifecare, uttag 2026-01-15") and an optional note
 * of at most 200 characters ("t.o.m. november"). An empty value removes the reported value.
 */
import { parsePeriod, periodKey } from './followup.ts';
import type { MeasureUnit } from './plan.ts';

export const SOURCE_MAX = 200;
export const REPORTED_NOTE_MAX = 200;
const NUMBER = /^\d{1,7}([.,]\d)?$/;

export type ReportedField = 'period' | 'value' | 'source' | 'note';
export type ReportedError = {
  field: ReportedField;
  code: 'periodInvalid' | 'periodOutOfRange' | 'valueInvalid' | 'valueTooLarge' | 'percentTooLarge' | 'sourceMissing' | 'sourceTooLong' | 'noteTooLong';
};

export type ReportedInput = { period: string; value: string | null; note: string | null; source: string };

export function parseReportedInput(
  raw: { period: string; value: string; note: string; source: string },
  opts: { unit: MeasureUnit; currentYear: number },
): { input: ReportedInput | null; errors: ReportedError[] } {
  const errors: ReportedError[] = [];
  const period = parsePeriod(raw.period.trim());
  if (!period) errors.push({ field: 'period', code: 'periodInvalid' });
  else if (period.year < 2022 || period.year > opts.currentYear + 1) errors.push({ field: 'period', code: 'periodOutOfRange' });
  const v = raw.value.trim().replace(/\s/g, '');
  let value: string | null = null;
  if (v !== '') {
    if (!NUMBER.test(v)) errors.push({ field: 'value', code: 'valueInvalid' });
    else {
      const n = Number(v.replace(',', '.'));
      if (opts.unit === 'percent' && n > 100) errors.push({ field: 'value', code: 'percentTooLarge' });
      else if (n > 1_000_000) errors.push({ field: 'value', code: 'valueTooLarge' });
      else value = String(n);
    }
  }
  const source = raw.source.trim();
  if (v !== '' && source.length < 3) errors.push({ field: 'source', code: 'sourceMissing' });
  else if (source.length > SOURCE_MAX) errors.push({ field: 'source', code: 'sourceTooLong' });
  const note = raw.note.trim();
  if (note.length > REPORTED_NOTE_MAX) errors.push({ field: 'note', code: 'noteTooLong' });
  if (errors.length > 0 || !period) return { input: null, errors };
  return { input: { period: periodKey(period), value, note: note === '' ? null : note, source }, errors };
}
