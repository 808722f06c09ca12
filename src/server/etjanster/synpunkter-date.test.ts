/** Synpunkter och klagomål: when it happened may be a day in the past, never one after today. */
import { expect, it } from 'vitest';
import { findPage } from '../../domain/forms/journey.ts';
import { validatePage } from '../../domain/forms/answers.ts';
import type { QuestionPage } from '../../domain/forms/definition.ts';
import { defaultForenkladRules } from '../../domain/rules/forenklad.ts';
import { seededService } from './seed.ts';

const def = seededService('synpunkter-och-klagomal');
const ctx = { today: new Date('2026-11-23T09:30:00Z'), rules: defaultForenkladRules };

it('accepts a date in the past but not one after today', () => {
  const page = findPage(def, 'var-och-nar') as QuestionPage;
  const at = (day: string) => validatePage(page, { var: '', 'datum.day': day, 'datum.month': '11', 'datum.year': '2026' }, ctx);
  expect(at('17')).toEqual({ ok: true, answers: { var: null, datum: '2026-11-17' } });
  const future = at('24');
  expect(future.ok ? [] : future.errors.map((e) => e.code)).toEqual(['notPast']);
});
