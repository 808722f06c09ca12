/**
 * The e-tjänst documents in db/seed are today's e-tjänster: for every version, expanding and
 * compiling its document gives a definition equal to today's TypeScript one (pages, fields, options,
 * conditions, settings), and every text, rendered through i18next in Swedish and English with the
 * shared values and with each value of the text context (and without one), is exactly the string
 * today's definition and text files render — titles, intros, labels, hints, options, item labels,
 * paragraphs, and each field's error messages (the common one where a field has none of its own).
 * Goes with the TypeScript definitions when the runtime reads the documents.
 */
import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { allVersions } from './index.ts';
import { addTexts, paragraphs, translator, type Lang } from '../i18n/index.ts';
import { sharedTextParams } from '../i18n/text-params.ts';
import { translateErrors } from '../components/errors.ts';
import { defaultForenkladRules } from '../domain/rules/forenklad.ts';
import type { FieldDef, ServiceDefinition } from '../domain/forms/definition.ts';
import { compile } from '../domain/forms/document/compile.ts';
import { publish } from '../domain/forms/document/publish.ts';
import { fragment, type Fragment } from '../domain/forms/document/fragment.ts';
import { forEachText, mapTexts, type TextSite } from '../domain/forms/document/sites.ts';

const documents = import.meta.glob<unknown>('../../db/seed/e-tjanster/*/*.json', { eager: true, import: 'default' });
const fragments = new Map(
  Object.values(import.meta.glob<unknown>('../../db/seed/fragments/*.json', { eager: true, import: 'default' })).map((f): [string, Fragment] => {
    const parsed = fragment.parse(f);
    return [parsed.name, parsed];
  }),
);
const TODAY = new Date('2026-11-23T12:00:00Z');
const CONTACT = { municipality: 'Askersund', phone: '0583-810 00', email: 'socialtjansten@askersund.se', address: 'Torget 1, 696 81 Askersund', socialjour: '0583-810 00' };
const LANGS: Lang[] = ['sv', 'en'];

function compiledOf(def: ServiceDefinition) {
  const doc = documents[`../../db/seed/e-tjanster/${def.id}/v${def.version}.json`];
  const r = publish(doc, { fragments: (n) => fragments.get(n), today: TODAY });
  if (!r.ok) throw new Error(`${def.id} v${def.version}: ${JSON.stringify(r.problems, null, 1)}`);
  const compiled = compile(r.document);
  addTexts(compiled.namespace, compiled.texts);
  return compiled;
}

const sitesOf = (def: ServiceDefinition) => {
  const out: { key: string; site: TextSite }[] = [];
  forEachText(def, (key, site) => out.push({ key: String(key), site }));
  return out;
};

const fieldsOf = (def: ServiceDefinition): FieldDef[] =>
  def.pages.flatMap((p) => (p.kind === 'question' ? p.fields.flatMap((f): FieldDef[] => (f.type === 'repeat' ? [f, ...f.fields] : [f])) : []));

/** The error codes a field has messages of its own for, in any language and variant, and the common ones. */
function errorCodes(t: TFunction, field: FieldDef, contexts: string[]): string[] {
  const own: unknown = t(`${field.label.replace(/\.label$/, '')}.errors`, { returnObjects: true });
  const codes = typeof own === 'object' && own !== null ? Object.keys(own).map((k) => contexts.reduce((c, v) => c.replace(new RegExp(`_${v}$`), ''), k)) : [];
  return [...new Set([...codes, 'required', 'invalid', 'format', 'tooLong'])];
}

function render(t: TFunction, key: string, site: TextSite, params: Record<string, unknown>): string | string[] {
  if (site.kind === 'paragraphs') return paragraphs(t, key, params);
  return t(key, site.key.endsWith('.itemLabel') ? { ...params, n: 2 } : params);
}

describe.each(allVersions.map((def) => ({ def, name: `${def.id} v${def.version}` })))('$name as a document', ({ def }) => {
  const compiled = compiledOf(def);
  const contexts = (() => {
    const f = fieldsOf(def).find((x) => x.name === def.textContext);
    return f && 'options' in f ? f.options.map((o) => o.value) : [];
  })();

  it('compiles to today’s definition: the same pages, fields, options, conditions and settings', () => {
    expect(mapTexts(compiled.definition, () => '(text)')).toEqual(mapTexts(def, () => '(text)'));
  });

  describe.each(LANGS)('in %s', (lang) => {
    const t = translator(lang);
    const shared = sharedTextParams(t, lang, CONTACT, defaultForenkladRules);
    const today = sitesOf(def);
    const fromDocument = sitesOf(compiled.definition);

    it.each([undefined, ...contexts])('renders every text as today, with the text context %s', (context) => {
      const params = context ? { ...shared, context } : shared;
      expect(fromDocument.map((s) => s.site.key)).toEqual(today.map((s) => s.site.key));
      const rendered = (sites: typeof today) => sites.map(({ key, site }) => [site.key, render(t, key, site, params)]);
      expect(rendered(fromDocument)).toEqual(rendered(today));
    });

    it.each([undefined, ...contexts])('renders every field’s error messages as today, with the text context %s', (context) => {
      const params = context ? { ...shared, context } : shared;
      // The fields of both in the same order (the structure is equal); the codes are those today's field has.
      const todays = fieldsOf(def);
      const messages = (d: ServiceDefinition) =>
        fieldsOf(d).flatMap((field, i) =>
          errorCodes(t, todays[i]!, contexts).map((code) => [
            field.name,
            code,
            translateErrors(t, [{ path: field.name, code, params: { max: 100, min: 1, maxMb: 10, n: 2 }, field }], params)[0]!.text,
          ]),
        );
      expect(messages(compiled.definition)).toEqual(messages(def));
    });
  });
});

it('has a document for every version of every e-tjänst, and no other', () => {
  expect(Object.keys(documents).sort()).toEqual(allVersions.map((d) => `../../db/seed/e-tjanster/${d.id}/v${d.version}.json`).sort());
});
