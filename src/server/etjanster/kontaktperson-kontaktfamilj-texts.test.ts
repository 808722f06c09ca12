/** Ansökan om kontaktperson eller kontaktfamilj: its questions and errors speak about the child when a guardian applies. */
import { expect, it } from 'vitest';
import { findPage } from '../../domain/forms/journey.ts';
import { validatePage } from '../../domain/forms/answers.ts';
import type { QuestionPage } from '../../domain/forms/definition.ts';
import { defaultForenkladRules } from '../../domain/rules/forenklad.ts';
import { translator } from '../../i18n/index.ts';
import { textParamsFor } from '../../i18n/display.ts';
import { translateErrors } from '../../components/errors.ts';
import { seededService } from './seed.ts';

const def = seededService('kontaktperson-kontaktfamilj');
const ctx = { today: new Date('2026-11-23T09:30:00Z'), rules: defaultForenkladRules };
// Skatteverket test personnummer.
const CHILD = '20121231-2399';

it('speaks about the child, in its questions and its errors, when a guardian applies', () => {
  const t = translator('sv');
  const page = findPage(def, 'om-personen') as QuestionPage;
  const forChild = textParamsFor(def, { forVem: 'barn' }, {});
  const forSelf = textParamsFor(def, { forVem: 'mig' }, {});
  expect(t(page.title, forChild)).toBe('Om barnet');
  expect(t(page.title, forSelf)).toBe('Om dig');
  const r = validatePage(page, { fornamn: '', efternamn: 'Testsson', personnummer: CHILD }, ctx);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(translateErrors(t, r.errors, forChild).map((e) => e.text)).toEqual(['Skriv barnets förnamn']);
  expect(translateErrors(t, r.errors, forSelf).map((e) => e.text)).toEqual(['Skriv ditt förnamn']);
});
