/**
 * Ansökan om ekonomiskt bistånd, the income page: amounts in whole kronor, empty ones stored as not
 * given, Swedish thousands separators read, and words or mistyped amounts refused in plain words.
 */
import { describe, expect, it } from 'vitest';
import { findPage } from '../../domain/forms/journey.ts';
import { validatePage } from '../../domain/forms/answers.ts';
import type { QuestionPage } from '../../domain/forms/definition.ts';
import { defaultForenkladRules } from '../../domain/rules/forenklad.ts';
import { translator } from '../../i18n/index.ts';
import { translateErrors } from '../../components/errors.ts';
import { seededService } from './seed.ts';

const def = seededService('ekonomiskt-bistand');
/** The amounts the income page asks (the document's fields on it, besides the free-text description). */
const INCOME_FIELDS = ['inkomstLon', 'inkomstPension', 'inkomstSjuk', 'inkomstAkassa', 'inkomstForaldrapenning', 'inkomstBarnbidrag', 'inkomstBostadsbidrag', 'inkomstOvrig'];
const ctx = { today: new Date('2026-11-23T09:30:00Z'), rules: defaultForenkladRules };
const nulls = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, null]));

describe('the income page', () => {
  const page = findPage(def, 'inkomster') as QuestionPage;
  const t = translator('sv');
  const posted = (values: Record<string, string>) => Object.fromEntries(page.fields.map((f) => [f.name, values[f.name] ?? '']));

  it('stores empty amounts as not given and reads Swedish thousands separators', () => {
    const r = validatePage(page, posted({ inkomstLon: '12 500', inkomstBarnbidrag: '1 250' }), ctx);
    expect(r).toEqual({ ok: true, answers: { ...nulls(INCOME_FIELDS), inkomstLon: 12500, inkomstBarnbidrag: 1250, inkomstOvrigBeskrivning: null } });
  });

  it('refuses words and a mistyped amount with their own messages', () => {
    const r = validatePage(page, posted({ inkomstLon: 'tolv tusen', inkomstAkassa: '920000' }), ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // Amounts are formatted for the reader: "200 000" with a (narrow) no-break space in Swedish.
    expect(translateErrors(t, r.errors, {}).map((e) => e.text.replace(/\s/g, ' '))).toEqual([
      'Skriv lönen med siffror, till exempel 4 500',
      'Beloppet för ersättningen från a-kassan kan vara högst 200 000 kronor. Kontrollera att du har skrivit beloppet för en månad',
    ]);
  });

  it('refuses a negative amount', () => {
    const r = validatePage(page, posted({ inkomstPension: '-100' }), ctx);
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['tooSmall']);
  });
});
