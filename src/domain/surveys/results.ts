/**
 * Results of one survey for one year, from the stored answers: per question a tree
 * year → period → area → unit of tallies, suppressed as a whole (suppression.ts), so that every view
 * (a period, an area, a unit, the year's indicator, the CSV) shows the same cells hidden.
 */
import { scoredQuestions, type ScoredQuestion, type SurveyDefinition } from './definition.ts';
import { suppressTree, type Cell, type TreeNode } from './suppression.ts';
import { addTallies, EMPTY_TALLY, tally, type Tally } from './scoring.ts';

export type ResultPeriod = { id: string; name: string };
export type ResultUnit = { id: string; name: string; area: string };
export type ResultResponse = { periodId: string; unitId: string | null; answers: Record<string, unknown> };

/** Where a cell sits: the year, a period, an area within a period, or a unit within a period. */
export type Scope = { kind: 'year' } | { kind: 'period'; periodId: string } | { kind: 'area'; periodId: string; area: string } | { kind: 'unit'; periodId: string; unitId: string };

export const NO_UNIT = 'ingen';

export function scopeKey(s: Scope): string {
  switch (s.kind) {
    case 'year':
      return 'year';
    case 'period':
      return `p:${s.periodId}`;
    case 'area':
      return `a:${s.periodId}:${s.area}`;
    case 'unit':
      return `u:${s.periodId}:${s.unitId}`;
  }
}

export type SurveyResults = {
  /** The places results exist for, in display order. */
  periods: { period: ResultPeriod; areas: { area: string; units: ResultUnit[] }[] }[];
  /** How many answered at all, per scope key. */
  responses: Map<string, Cell>;
  questions: { question: ScoredQuestion; cells: Map<string, Cell> }[];
};

type Grouped = Map<string, Map<string, Map<string, Record<string, unknown>[]>>>;

export function surveyResults(def: SurveyDefinition, input: { periods: ResultPeriod[]; units: ResultUnit[]; responses: ResultResponse[] }): SurveyResults {
  const unitById = new Map(input.units.map((u) => [u.id, u]));
  const unitOf = (id: string | null): ResultUnit => (id && unitById.get(id)) || { id: id ?? NO_UNIT, name: '', area: 'okand' };

  // period → area → unit → answers
  const grouped: Grouped = new Map();
  for (const p of input.periods) grouped.set(p.id, new Map());
  const unitsSeen = new Map<string, ResultUnit>();
  for (const r of input.responses) {
    const byArea = grouped.get(r.periodId);
    if (!byArea) continue;
    const u = unitOf(r.unitId);
    unitsSeen.set(u.id, u);
    const byUnit = byArea.get(u.area) ?? new Map<string, Record<string, unknown>[]>();
    byArea.set(u.area, byUnit);
    const list = byUnit.get(u.id) ?? [];
    byUnit.set(u.id, list);
    list.push(r.answers);
  }

  const build = (count: (answers: Record<string, unknown>[]) => Tally): TreeNode => {
    const periods: TreeNode[] = [];
    for (const [periodId, byArea] of grouped) {
      const areas: TreeNode[] = [];
      for (const [area, byUnit] of byArea) {
        const units: TreeNode[] = [...byUnit].map(([unitId, answers]) => ({ key: scopeKey({ kind: 'unit', periodId, unitId }), tally: count(answers), children: [] }));
        areas.push({ key: scopeKey({ kind: 'area', periodId, area }), tally: sum(units), children: units });
      }
      periods.push({ key: scopeKey({ kind: 'period', periodId }), tally: sum(areas), children: areas });
    }
    return { key: scopeKey({ kind: 'year' }), tally: sum(periods), children: periods };
  };

  const responses = suppressTree(build((a) => ({ n: a.length, positive: 0 })));
  const questions = scoredQuestions(def).map((q) => ({ question: q, cells: suppressTree(build((a) => tally(q, a))) }));

  const periods = input.periods.map((period) => ({
    period,
    areas: [...(grouped.get(period.id) ?? new Map<string, Map<string, unknown>>())].map(([area, byUnit]) => ({
      area,
      units: [...byUnit.keys()].map((id) => unitsSeen.get(id)!).sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    })),
  }));
  return { periods, responses, questions };
}

function sum(nodes: TreeNode[]): Tally {
  return nodes.reduce((t, n) => addTallies(t, n.tally), EMPTY_TALLY);
}
