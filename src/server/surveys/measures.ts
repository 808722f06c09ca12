/**
 * The survey-based indicators for a year, for the indicators page: per indicator id (seed 001),
 * the andel positiva of its question over every period of the year, or suppressed when fewer
 * than five answered it. The same suppression as the results pages (the year is the root of
 * the tree), so nothing shown here can be combined with them to reveal a small group.
 */
import type { Db } from '../../../db/client.ts';
import { scoredQuestions } from '../../domain/surveys/definition.ts';
import { INDICATOR_IDS, type IndicatorId } from '../../domain/surveys/indicators.ts';
import { scopeKey } from '../../domain/surveys/results.ts';
import { shown } from '../../domain/surveys/suppression.ts';
import { SURVEYS } from '../../surveys/index.ts';
import { loadSurveyResults } from './results.ts';

export type SurveyMeasure =
  | { indicatorId: IndicatorId; surveyId: string; questionId: string; year: number; suppressed: true; percent?: undefined; respondents?: undefined }
  | { indicatorId: IndicatorId; surveyId: string; questionId: string; year: number; suppressed: false; percent: number; respondents: number };

export async function surveyMeasures(db: Db, { year }: { year: number }): Promise<Map<IndicatorId, SurveyMeasure>> {
  const out = new Map<IndicatorId, SurveyMeasure>();
  for (const def of SURVEYS) {
    const fed = scoredQuestions(def).filter((q) => q.indicator);
    if (fed.length === 0) continue;
    const results = await loadSurveyResults(db, def, year);
    for (const q of fed) {
      const cells = results.questions.find((r) => r.question.id === q.id)?.cells;
      const cell = shown(cells?.get(scopeKey({ kind: 'year' })));
      const base = { indicatorId: q.indicator!, surveyId: def.id, questionId: q.id, year };
      out.set(q.indicator!, cell.suppressed ? { ...base, suppressed: true } : { ...base, suppressed: false, percent: cell.percent, respondents: cell.n });
    }
  }
  for (const id of INDICATOR_IDS) if (!out.has(id)) throw new Error(`No survey question feeds the indicator ${id}`);
  return out;
}
