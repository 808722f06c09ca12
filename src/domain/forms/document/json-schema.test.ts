import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { documentJsonSchemas } from './json-schema.ts';
import { publish } from './publish.ts';
import { fragment, type Fragment } from './fragment.ts';
import { draft, FRAGMENTS, fragmentSource } from './fixtures.ts';

const documents = import.meta.glob<unknown>('../../../../db/seed/e-tjanster/*/*.json', { eager: true, import: 'default' });
const fragmentFiles = import.meta.glob<unknown>('../../../../db/seed/fragments/*.json', { eager: true, import: 'default' });
const fragments = new Map(Object.values(fragmentFiles).map((f): [string, Fragment] => [fragment.parse(f).name, fragment.parse(f)]));
const generated = documentJsonSchemas();
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
const validator = (name: keyof typeof generated) => ajv.compile(generated[name]);
const errorsOf = (name: keyof typeof generated, value: unknown) => {
  const v = validator(name);
  return v(value) ? [] : v.errors;
};

describe('the JSON Schemas in docs/', () => {
  it.each(Object.keys(generated))('e-tjanst-%s.schema.json is the one the zod schemas make', (name) => {
    const committed: unknown = JSON.parse(readFileSync(`docs/e-tjanst-${name}.schema.json`, 'utf8'));
    expect(committed, 'run: npx node scripts/e-tjanst-json-schema.ts').toEqual(generated[name as keyof typeof generated]);
  });

  it('accept every seeded document as a draft, and its published form as a document', () => {
    for (const [file, doc] of Object.entries(documents)) {
      expect(errorsOf('draft', doc), file).toEqual([]);
      const r = publish(doc, { fragments: (n) => fragments.get(n), today: new Date('2026-11-23T12:00:00Z') });
      expect(r.ok && errorsOf('document', r.document), file).toEqual([]);
    }
  });

  it('accept every seeded fragment', () => {
    for (const [file, f] of [...Object.entries(fragmentFiles), ...Object.entries(FRAGMENTS)]) expect(errorsOf('fragment', f), file).toEqual([]);
  });

  it('reject what the format does not allow: a published text without Swedish, an unknown field type, a fragment reference in a published document', () => {
    const r = publish(draft(), { fragments: fragmentSource, today: new Date('2026-11-23T12:00:00Z') });
    if (!r.ok) throw new Error('not published');
    const doc = structuredClone(r.document) as unknown as { title: Record<string, unknown>; pages: Record<string, unknown>[] };
    expect(errorsOf('document', { ...doc, title: { en: 'Apply' } })).not.toEqual([]);
    expect(errorsOf('document', { ...doc, title: { sv: 'Ansök', Engelska: 'Apply' } })).not.toEqual([]);
    const slider = structuredClone(doc);
    (slider.pages[0]!.fields as Record<string, unknown>[])[0]!.type = 'slider';
    expect(errorsOf('document', slider)).not.toEqual([]);
    expect(errorsOf('document', { ...doc, pages: [{ fragment: 'fixture-namn', params: {} }, ...doc.pages] })).not.toEqual([]);
    expect(errorsOf('draft', { ...doc, pages: [{ fragment: 'fixture-namn', params: {} }, ...doc.pages], title: { en: 'Apply' } })).toEqual([]);
  });
});

it('publishes the example in docs/e-tjanst-document.md, which the draft schema accepts', () => {
  const example: unknown = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(readFileSync('docs/e-tjanst-document.md', 'utf8'))![1]!);
  expect(errorsOf('draft', example)).toEqual([]);
  const r = publish(example, { fragments: (n) => fragments.get(n), today: new Date('2026-11-23T12:00:00Z') });
  expect(r.ok ? [] : r.problems).toEqual([]);
});
