/**
 * Reading and checking one page of a survey. Every question may be skipped (as in the national
 * surveys) except the last one, whether someone helped to answer. Only known options are kept,
 * so nothing but the definition's own values ever reaches the database.
 */
import { HELP_OPTIONS, HELP_PAGE_ID, HELP_QUESTION, optionsOf, pageIds, type Question, type SurveyDefinition } from './definition.ts';

export type HelpQuestion = { kind: 'help'; id: typeof HELP_QUESTION };
export type PageQuestion = Question | HelpQuestion;
export type PageView = { id: string; questions: PageQuestion[] };

export type SurveyAnswers = Record<string, string>;
export type SurveyError = { question: string; code: 'required' | 'invalid' | 'tooLong'; max?: number };

type FormLike = { get(name: string): string | null };

export function findSurveyPage(def: SurveyDefinition, id: string): PageView | undefined {
  if (id === HELP_PAGE_ID) return { id, questions: [{ kind: 'help', id: HELP_QUESTION }] };
  return def.pages.find((p) => p.id === id);
}

export function nextPage(def: SurveyDefinition, id: string): string | undefined {
  const ids = pageIds(def);
  const i = ids.indexOf(id);
  return i >= 0 ? ids[i + 1] : undefined;
}

export function previousPage(def: SurveyDefinition, id: string): string | undefined {
  const ids = pageIds(def);
  const i = ids.indexOf(id);
  return i > 0 ? ids[i - 1] : undefined;
}

export function choicesOf(q: PageQuestion): string[] {
  return q.kind === 'help' ? [...HELP_OPTIONS] : optionsOf(q);
}

/** The page's answers as posted, and what is wrong with them. An empty answer is no answer. */
export function readSurveyPage(page: PageView, form: FormLike): { values: SurveyAnswers; errors: SurveyError[] } {
  const values: SurveyAnswers = {};
  const errors: SurveyError[] = [];
  for (const q of page.questions) {
    const raw = form.get(q.id) ?? '';
    if (q.kind === 'text') {
      const v = raw.replace(/\r\n/g, '\n').trim();
      if (v.length > q.maxLength) errors.push({ question: q.id, code: 'tooLong', max: q.maxLength });
      values[q.id] = v;
      continue;
    }
    if (raw === '') {
      if (q.kind === 'help') errors.push({ question: q.id, code: 'required' });
      continue;
    }
    if (!choicesOf(q).includes(raw)) errors.push({ question: q.id, code: 'invalid' });
    else values[q.id] = raw;
  }
  return { values, errors };
}

/** The answers with this page's replaced: a skipped question loses an earlier answer. */
export function withPage(all: SurveyAnswers, page: PageView, values: SurveyAnswers): SurveyAnswers {
  const out: SurveyAnswers = { ...all };
  for (const q of page.questions) delete out[q.id];
  for (const [k, v] of Object.entries(values)) if (v !== '') out[k] = v;
  return out;
}

/** Only answers to the definition's own questions with allowed values: what is stored. */
export function cleanAnswers(def: SurveyDefinition, answers: SurveyAnswers): SurveyAnswers {
  const out: SurveyAnswers = {};
  for (const id of pageIds(def)) {
    const page = findSurveyPage(def, id)!;
    const { values, errors } = readSurveyPage(page, { get: (name) => answers[name] ?? null });
    for (const q of page.questions) if (values[q.id] !== undefined && values[q.id] !== '' && !errors.some((e) => e.question === q.id)) out[q.id] = values[q.id]!;
  }
  return out;
}
