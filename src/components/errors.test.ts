/**
 * Every error message of every field of every e-tjänst, in every language, as a citizen sees it:
 * each seed document is published and compiled as the runtime does, each question page is posted
 * with values that break every rule a field has (empty, far too long, not a number, out of range,
 * not a date), the errors the field types give are translated with the page's shared values, and no
 * message may keep an interpolation (`{{…}}`) or be an i18n key. Messages about one part of a
 * composite field (an address's street or city) name that part and the field.
 */
import { describe, expect, it } from 'vitest';
import { addTexts, LANGUAGES, translator } from '../i18n/index.ts';
import { sharedTextParams } from '../i18n/text-params.ts';
import { translateErrors } from './errors.ts';
import { defaultForenkladRules } from '../domain/rules/forenklad.ts';
import type { QuestionPage, ServiceDefinition } from '../domain/forms/definition.ts';
import { compile } from '../domain/forms/document/compile.ts';
import { publish } from '../domain/forms/document/publish.ts';
import { fragment, type Fragment } from '../domain/forms/document/fragment.ts';
import { validatePage } from '../domain/forms/answers.ts';
import { fieldType, type FieldError, type FormValues } from '../domain/forms/fields/index.ts';

const documents = import.meta.glob<unknown>('../../db/seed/e-tjanster/*/*.json', { eager: true, import: 'default' });
const fragments = new Map(
  Object.values(import.meta.glob<unknown>('../../db/seed/fragments/*.json', { eager: true, import: 'default' })).map((f): [string, Fragment] => {
    const parsed = fragment.parse(f);
    return [parsed.name, parsed];
  }),
);
const TODAY = new Date('2026-11-23T12:00:00Z');
const CONTACT = { municipality: 'Askersund', phone: '0583-810 00', email: 'socialtjansten@askersund.se', address: 'Torget 1, 696 81 Askersund', socialjour: '0583-810 00' };

const definitions: ServiceDefinition[] = Object.entries(documents).map(([path, doc]) => {
  const r = publish(doc, { fragments: (n) => fragments.get(n), today: TODAY });
  if (!r.ok) throw new Error(`${path}: ${JSON.stringify(r.problems)}`);
  const compiled = compile(r.document);
  addTexts(compiled.namespace, compiled.texts);
  return compiled.definition;
});

/** One value for every input of the page (repeating groups with two items), breaking one kind of rule. */
const BREAKERS: string[] = ['', 'x'.repeat(20_000), 'abc', '-99999999999', '99999999999', '0', '31', '1899', '2999'];

function post(page: QuestionPage, value: string): FormValues {
  const values: FormValues = {};
  for (const f of page.fields) {
    for (const input of fieldType(f).inputs(f, f.name)) values[input.name] = input.multiple ? [value] : value;
    if (f.type === 'repeat') {
      for (const i of [0, 1]) for (const sub of f.fields) for (const input of fieldType(sub).inputs(sub, `${f.name}.${i}.${sub.name}`)) values[input.name] = value;
    }
  }
  return values;
}

/** Every error every question page of every e-tjänst can give for the breaking posts, once per path and code. */
const cases = definitions.flatMap((def) =>
  def.pages.flatMap((page) => {
    if (page.kind !== 'question') return [];
    const seen = new Map<string, FieldError>();
    for (const value of BREAKERS) {
      const r = validatePage(page, post(page, value), { today: TODAY });
      if (!r.ok) for (const e of r.errors) seen.set(`${e.path} ${e.code}`, e);
    }
    return [...seen.values()].map((error) => ({ service: def.id, version: def.version, page: page.id, error }));
  }),
);

describe('every error message of every field', () => {
  it('is reached for every kind of rule, so the check below is not vacuous', () => {
    const codes = new Set(cases.map((c) => c.error.code));
    expect([...codes]).toEqual(expect.arrayContaining(['required', 'tooLong', 'format', 'streetTooLong', 'cityTooLong', 'postcodeFormat', 'tooLarge', 'tooSmall']));
    expect(new Set(cases.map((c) => c.service)).size).toBe(new Set(definitions.map((d) => d.id)).size);
    expect(definitions.length).toBeGreaterThanOrEqual(14);
  });

  for (const lang of LANGUAGES) {
    it(`renders in ${lang} without a missing value or a bare key`, () => {
      const t = translator(lang);
      const params = sharedTextParams(t, lang, CONTACT, defaultForenkladRules);
      const bad: string[] = [];
      for (const c of cases) {
        const [shown] = translateErrors(t, [c.error], params);
        const text = shown?.text ?? '';
        if (text === '' || text.includes('{{') || text.includes('}}') || /^[\w.-]+:[\w.]+$/.test(text)) bad.push(`${c.service} v${c.version} ${c.page} ${c.error.path} ${c.error.code}: ${JSON.stringify(text)}`);
      }
      expect(bad).toEqual([]);
    });
  }

  it('names the field and the part for a street or city that is too long', () => {
    const c = cases.find((x) => x.service === 'tvatt' && x.error.code === 'streetTooLong');
    const city = cases.find((x) => x.service === 'tvatt' && x.error.code === 'cityTooLong');
    expect(c && city).toBeTruthy();
    const t = translator('sv');
    const params = sharedTextParams(t, 'sv', CONTACT, defaultForenkladRules);
    expect(translateErrors(t, [c!.error], params)[0]!.text).toBe('Adress där hjälpen ska ges: gatuadressen får vara högst 200 tecken');
    expect(translateErrors(t, [city!.error], params)[0]!.text).toBe('Adress där hjälpen ska ges: orten får vara högst 100 tecken');
    const en = translator('en');
    expect(translateErrors(en, [c!.error], sharedTextParams(en, 'en', CONTACT, defaultForenkladRules))[0]!.text).toBe(
      'Address where the help is given: the street address must be 200 characters or fewer',
    );
  });
});
