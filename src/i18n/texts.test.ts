import { describe, expect, it } from 'vitest';
import type { FieldDef, ServiceDefinition } from '../domain/forms/definition.ts';
import { seededVersions } from '../server/etjanster/seed.ts';
import { DEFAULT_LANG, hasKey, LANGUAGES, resources } from './index.ts';
import { CITIZEN_NAMESPACES, TEXT_SOURCE } from './coverage.ts';

/** Every leaf key of a namespace, dotted. A list of paragraphs (an array) is one text. */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

const otherLanguages = LANGUAGES.filter((l) => l !== DEFAULT_LANG);

/** The forms a plural takes in a language (CLDR, as i18next asks for them). */
const PLURAL_FORMS: Record<string, string[]> = { sv: ['one', 'other'], en: ['one', 'other'], fi: ['one', 'other'], ar: ['zero', 'one', 'two', 'few', 'many', 'other'] };
const PLURAL = /_(zero|one|two|few|many|other)$/;
const placeholders = (text: unknown): string[] => [...new Set([...JSON.stringify(text ?? '').matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]!))].sort();

function lookup(bundle: unknown, key: string): unknown {
  let node = bundle;
  for (const part of key.split('.')) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

describe('every language', () => {
  it('is checked against Swedish, which has texts', () => {
    expect(otherLanguages.length).toBeGreaterThan(0);
    expect(Object.keys(resources[DEFAULT_LANG] ?? {})).toEqual(expect.arrayContaining(['common', 'catalog']));
  });

  const pairs = otherLanguages.flatMap((lang) => {
    const namespaces = new Set([...Object.keys(resources[DEFAULT_LANG] ?? {}), ...Object.keys(resources[lang] ?? {})]);
    return [...namespaces].sort().map((ns) => ({ lang, ns }));
  });

  // English is written with Swedish and has every text; a translated language has every text of the
  // citizen pages, and elsewhere may lack some (shown in Swedish, marked so: coverage.ts) but never
  // has a text Swedish lacks.
  it.each(pairs)('$lang has the Swedish keys in namespace $ns, and no other', ({ lang, ns }) => {
    const base = (keys: string[]) => new Set(keys.map((k) => k.replace(PLURAL, '')));
    const svKeys = leafKeys(resources[DEFAULT_LANG]?.[ns] ?? {});
    const sv = base(svKeys);
    const otherKeys = leafKeys(resources[lang]?.[ns] ?? {});
    const other = base(otherKeys);
    const extra = [...other].filter((k) => !sv.has(k));
    expect(extra, `${lang}/${ns} has keys Swedish lacks: ${extra.join(', ')}`).toEqual([]);
    const mustBeComplete = TEXT_SOURCE[lang] !== 'translated' || (CITIZEN_NAMESPACES as readonly string[]).includes(ns);
    if (mustBeComplete) {
      const missing = [...sv].filter((k) => !other.has(k));
      expect(missing, `${lang}/${ns} lacks Swedish keys: ${missing.join(', ')}`).toEqual([]);
    }
    // A plural has every form the language needs; a placeholder is never invented (one Swedish has
    // may be left out where the language says it otherwise).
    const plurals = new Set(svKeys.filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
    for (const k of plurals) {
      if (!other.has(k)) continue;
      const forms = PLURAL_FORMS[lang] ?? ['one', 'other'];
      const lacking = forms.filter((f) => lookup(resources[lang]?.[ns], `${k}_${f}`) === undefined);
      expect(lacking, `${lang}/${ns}:${k} lacks plural forms`).toEqual([]);
    }
    for (const k of otherKeys) {
      const svKey = PLURAL.test(k) ? `${k.replace(PLURAL, '')}_other` : k;
      const svText = lookup(resources[DEFAULT_LANG]?.[ns], svKey) ?? lookup(resources[DEFAULT_LANG]?.[ns], k);
      const known = new Set(placeholders(svText));
      const invented = placeholders(lookup(resources[lang]?.[ns], k)).filter((p) => !known.has(p));
      expect(invented, `${lang}/${ns}:${k} uses placeholders the Swedish text does not have`).toEqual([]);
    }
  });
});

/** Every i18n key a definition refers to: its texts, every page's texts and every field's. */
function definitionKeys(def: ServiceDefinition): string[] {
  const fieldKeys = (f: FieldDef): (string | undefined)[] => [
    f.label,
    f.hint,
    ...('options' in f ? f.options.flatMap((o) => [o.label, o.hint]) : []),
    ...(f.type === 'repeat' ? [f.itemLabel, ...f.fields.flatMap(fieldKeys)] : []),
  ];
  const keys = [
    def.title,
    def.summary,
    ...def.start.flatMap((s) => [s.heading, s.paragraphs]),
    ...def.pages.flatMap((p) => {
      switch (p.kind) {
        case 'question':
          return [p.title, p.intro, ...p.fields.flatMap(fieldKeys)];
        case 'exit':
          return [p.title, p.body];
        case 'checkAnswers':
          return [p.title, p.declaration];
        case 'confirmation':
          return [p.title, p.body];
      }
    }),
  ];
  return [...new Set(keys.filter((k): k is string => k !== undefined))];
}

describe('every seeded e-tjänst version, compiled', () => {
  const versions = seededVersions();
  it('is there, so the checks below are not vacuous', () => {
    expect(versions.map((s) => `${s.id}@${s.version}`)).toEqual(expect.arrayContaining(['trygghetslarm@1', 'trygghetslarm@2']));
    expect(hasKey(DEFAULT_LANG, 'etj.trygghetslarm.v2:no.such.key')).toBe(false);
  });

  it('has its keys collected from every page and field, including option hints and repeat items', () => {
    const keys = definitionKeys(versions.find((s) => s.id === 'trygghetslarm' && s.version === 2)!);
    expect(keys).toEqual(expect.arrayContaining(['etj.trygghetslarm.v2:pages.kontrollera.declaration', 'etj.trygghetslarm.v2:fields.kontaktpersoner.fields.relation.hint', 'etj.trygghetslarm.v2:fields.kontaktpersoner.itemLabel']));
    expect(keys.some((k) => k.includes('options.sarskilt'))).toBe(true);
    expect(keys.some((k) => k.startsWith('etj.trygghetslarm.v2:start.'))).toBe(true);
  });

  // Earlier published versions too: their submissions are still shown with their own texts.
  // A translated language may not have an e-tjänst yet: it is then shown in Swedish (coverage.ts).
  const cases = versions.flatMap((def) => LANGUAGES.filter((l) => TEXT_SOURCE[l] !== 'translated').map((lang) => ({ id: `${def.id}@${def.version}`, lang, keys: definitionKeys(def) })));

  it.each(cases)('$id has every text it refers to in $lang', ({ lang, keys }) => {
    const missing = keys.filter((k) => !hasKey(lang, k));
    expect(missing, `missing in ${lang}: ${missing.join(', ')}`).toEqual([]);
  });

  // Kontakta socialtjänsten is the way in for everyone, whatever they read: it is written in every
  // offered language, so no reader meets it in Swedish.
  const kontakta = versions.filter((def) => def.id === 'kontakta-socialtjansten');
  it.each(LANGUAGES.flatMap((lang) => kontakta.map((def) => ({ id: `${def.id}@${def.version}`, lang, keys: definitionKeys(def) }))))('$id has every text it refers to in $lang', ({ lang, keys }) => {
    expect(keys.length).toBeGreaterThan(20);
    const missing = keys.filter((k) => !hasKey(lang, k));
    expect(missing, `missing in ${lang}: ${missing.join(', ')}`).toEqual([]);
  });
});

/** Every error code a field type can produce (see src/domain/forms/fields). */
const ERROR_CODES = [
  'required',
  'invalid',
  'format',
  'tooLong',
  'tooSmall',
  'tooLarge',
  'notPast',
  'notFuture',
  'streetRequired',
  'postcodeRequired',
  'postcodeFormat',
  'cityRequired',
  'streetTooLong',
  'cityTooLong',
];

/** Common texts the field types and their components display. */
const FIELD_TEXTS = [
  'yesNo.ja',
  'yesNo.nej',
  'display.date',
  'display.number',
  'address.street',
  'address.postcode',
  'address.city',
  'date.day',
  'date.month',
  'date.year',
  'optionalSuffix',
  'textareaLimit',
  'errors.summaryTitle',
  'errors.prefix',
];

describe('common texts', () => {
  it.each(LANGUAGES)('%s has a common message for every error code a field can produce', (lang) => {
    const missing = ERROR_CODES.filter((code) => !hasKey(lang, `common:errors.${code}`));
    expect(missing, `missing in ${lang}: ${missing.join(', ')}`).toEqual([]);
  });

  it.each(LANGUAGES)('%s has every common text the field types display', (lang) => {
    const missing = FIELD_TEXTS.filter((key) => !hasKey(lang, `common:${key}`));
    expect(missing, `missing in ${lang}: ${missing.join(', ')}`).toEqual([]);
  });
});
