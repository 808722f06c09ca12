/**
 * Survey files for staff: a batch of invitation codes (shown once), and results as CSV with the
 * same cells suppressed as on screen, written by the portal's one CSV writer (../csv.ts).
 */
import { csvFile, type CsvValue } from '../csv.ts';
import { formatCode } from '../../domain/surveys/codes.ts';
import { scopeKey, type SurveyResults } from '../../domain/surveys/results.ts';
import { shown } from '../../domain/surveys/suppression.ts';
import type { SurveyDefinition } from '../../domain/surveys/definition.ts';

export function codesCsv(input: { survey: string; period: string; unit: string; codes: string[] }): string {
  return csvFile(['enkat', 'period', 'enhet', 'kod'], input.codes.map((c) => [input.survey, input.period, input.unit, formatCode(c)]));
}

export const RESULT_COLUMNS = ['enkat', 'ar', 'period', 'omrade', 'enhet', 'fraga', 'indikator', 'antal_svar', 'andel_positiva', 'mal', 'anmarkning'] as const;

/** Every scope of the year (year, periods, areas, units) × every scored question. */
export function resultsCsv(
  def: SurveyDefinition,
  year: number,
  results: SurveyResults,
  names: { question: (id: string) => string; area: (area: string) => string; tooFew: string },
  targets: Map<string, number>,
): string {
  const rows: CsvValue[][] = [];
  const scopes: { key: string; period: string; area: string; unit: string }[] = [{ key: scopeKey({ kind: 'year' }), period: '', area: '', unit: '' }];
  for (const p of results.periods) {
    scopes.push({ key: scopeKey({ kind: 'period', periodId: p.period.id }), period: p.period.name, area: '', unit: '' });
    for (const a of p.areas) {
      scopes.push({ key: scopeKey({ kind: 'area', periodId: p.period.id, area: a.area }), period: p.period.name, area: names.area(a.area), unit: '' });
      for (const u of a.units) scopes.push({ key: scopeKey({ kind: 'unit', periodId: p.period.id, unitId: u.id }), period: p.period.name, area: names.area(a.area), unit: u.name });
    }
  }
  for (const s of scopes) {
    for (const q of results.questions) {
      const c = shown(q.cells.get(s.key));
      const target = q.question.indicator ? targets.get(q.question.indicator) : undefined;
      rows.push([
        def.id,
        year,
        s.period,
        s.area,
        s.unit,
        names.question(q.question.id),
        q.question.indicator ?? '',
        c.suppressed ? null : c.n,
        c.suppressed ? null : c.percent,
        target ?? null,
        c.suppressed ? names.tooFew : '',
      ]);
    }
  }
  return csvFile(RESULT_COLUMNS, rows);
}
