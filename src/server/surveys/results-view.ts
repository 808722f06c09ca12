/** The places a results page can show: the year, a period, an area of a period, a unit of a period. */
import { scopeKey, type Scope, type SurveyResults } from '../../domain/surveys/results.ts';

export type ScopeOption = { value: string; label: string; scope: Scope };

export function scopeOptions(results: SurveyResults, names: { year: number; area: (a: string) => string; all: string }): ScopeOption[] {
  const out: ScopeOption[] = [{ value: scopeKey({ kind: 'year' }), label: names.all, scope: { kind: 'year' } }];
  for (const p of results.periods) {
    const period: Scope = { kind: 'period', periodId: p.period.id };
    out.push({ value: scopeKey(period), label: p.period.name, scope: period });
    for (const a of p.areas) {
      const area: Scope = { kind: 'area', periodId: p.period.id, area: a.area };
      out.push({ value: scopeKey(area), label: `${p.period.name} – ${names.area(a.area)}`, scope: area });
      for (const u of a.units) {
        const unit: Scope = { kind: 'unit', periodId: p.period.id, unitId: u.id };
        out.push({ value: scopeKey(unit), label: `${p.period.name} – ${names.area(a.area)} – ${u.name || '–'}`, scope: unit });
      }
    }
  }
  return out;
}

/** The chosen scope if it is one of the options, else the first (the year). */
export function parseScope(raw: string, options: ScopeOption[]): Scope {
  return (options.find((o) => o.value === raw) ?? options[0])?.scope ?? { kind: 'year' };
}
