import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { compile, namespaceOf } from './compile.ts';
import { publish } from './publish.ts';
import { draft, fragmentSource } from './fixtures.ts';
import { translateErrors } from '../../../components/errors.ts';
import type { FieldDef } from '../definition.ts';

const published = (() => {
  const r = publish(draft(), { fragments: fragmentSource, today: new Date('2026-11-23T12:00:00Z') });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.document;
})();

describe('compiling a published document', () => {
  const { namespace, definition, texts } = compile(published);
  const i18n = i18next.createInstance();
  i18n.init({ lng: 'sv', fallbackLng: 'sv', interpolation: { escapeValue: false }, initAsync: false, resources: {} });
  for (const [lang, bundle] of Object.entries(texts)) i18n.addResourceBundle(lang, namespace, bundle);
  const t = (lang: string) => i18n.getFixedT(lang);
  const question = (id: string) => {
    const p = definition.pages.find((x) => x.id === id);
    if (p?.kind !== 'question') throw new Error(id);
    return p;
  };

  it('names its texts in a namespace of that version alone', () => {
    expect(namespace).toBe('etj.stodsamtal.v1');
    expect(namespaceOf('stodsamtal', 2)).not.toBe(namespace);
    expect(definition.title).toBe('etj.stodsamtal.v1:title');
    expect(question('alder').title).toBe('etj.stodsamtal.v1:pages.alder.title');
    expect(question('for-vem').fields[0]).toMatchObject({ label: 'etj.stodsamtal.v1:fields.forVem.label' });
  });

  it('keeps everything else of the document as the definition has it', () => {
    expect(definition).toMatchObject({ id: 'stodsamtal', version: 1, area: 'ifo', textContext: 'forVem', onBehalf: { field: 'forVem', equals: 'barn' } });
    expect(definition.pages.map((p) => p.id)).toEqual(published.pages.map((p) => p.id));
    expect(question('alder').next).toEqual([{ when: { field: 'over12', equals: 'nej' }, goto: 'for-ung' }]);
  });

  it('renders each text in each language, a variant for its context value, and Swedish where a language lacks the text', () => {
    expect(t('sv')(definition.title)).toBe('Ansök om stödsamtal');
    expect(t('en')(definition.title)).toBe('Apply for support talks');
    expect(t('sv')(question('alder').title, { context: 'barn' })).toBe('Är barnet över 12 år?');
    expect(t('en')(question('alder').title, { context: 'barn' })).toBe('Is the child over 12?');
    expect(t('en')(question('alder').title, { context: 'mig' })).toBe('Are you over 12?');
    expect(t('en')(question('namn').fields[1]!.label)).toBe('Personnummer');
    expect(t('en')(definition.summary, { municipality: 'Askersund' })).toBe('For you or your child in Askersund.');
  });

  it('gives paragraph lists as lists', () => {
    const klart = definition.pages.find((p) => p.id === 'klart');
    expect(klart?.kind === 'confirmation' && t('sv')(klart.body, { returnObjects: true })).toEqual(['Vi hör av oss.', 'Tack.']);
  });

  it('puts a field’s own error messages where the error display looks for them, the common one otherwise', () => {
    const field = question('alder').fields[0] as FieldDef;
    i18n.addResourceBundle('sv', 'common', { errors: { required: 'Fyll i {{labelLower}}', format: 'Fel format' } });
    expect(translateErrors(t('sv'), [{ path: 'over12', code: 'required', field }], { context: 'barn' })[0]!.text).toBe('Svara ja eller nej');
    expect(translateErrors(t('sv'), [{ path: 'over12', code: 'format', field }], {})[0]!.text).toBe('Fel format');
  });

  it('leaves the document’s scenarios, format and error texts out of the definition', () => {
    expect(definition).not.toHaveProperty('scenarios');
    expect(definition).not.toHaveProperty('format');
    expect(question('alder').fields[0]).not.toHaveProperty('errors');
  });
});
