import { describe, expect, it } from 'vitest';
import { diffDocuments } from './diff.ts';
import { publish } from './publish.ts';
import { draft, fragmentSource, pagesOf } from './fixtures.ts';
import type { PublishedDocument } from './schema.ts';

type Obj = Record<string, unknown>;
const published = (d: Obj): PublishedDocument => {
  const r = publish(d, { fragments: fragmentSource, today: new Date('2026-11-23T12:00:00Z') });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.document;
};
const page = (d: Obj, id: string) => pagesOf(d).find((p) => p.id === id)! as Obj & { fields: Obj[]; next: Obj[] };
const v1 = published(draft());

describe('the difference between two versions', () => {
  it('is nothing between a version and itself, but for the version number', () => {
    expect(diffDocuments(v1, v1)).toEqual([]);
    expect(diffDocuments(v1, { ...v1, version: 2 })).toEqual([]);
  });

  it('names a changed setting', () => {
    expect(diffDocuments(v1, { ...v1, quickExit: true, retention: { yearsAfterClosed: 5 } })).toEqual([
      { change: 'changed', subject: 'setting', setting: 'quickExit', before: false, after: true },
      { change: 'changed', subject: 'setting', setting: 'retention', before: { yearsAfterClosed: 2 }, after: { yearsAfterClosed: 5 } },
    ]);
  });

  it('names a text changed in one language only, and a translation added', () => {
    const d = draft();
    page(d, 'for-ung').title = { sv: 'Du är för ung', en: 'You are too young to apply here' };
    page(d, 'for-ung').body = { sv: ['Ring oss på {{phone}}.'], en: ['Call us on {{phone}}.'] };
    expect(diffDocuments(v1, published(d))).toEqual([
      { change: 'changed', subject: 'text', text: 'pages.for-ung.title', lang: 'en', before: { text: 'You are too young', variants: {}, reviewed: false }, after: { text: 'You are too young to apply here', variants: {}, reviewed: false } },
      { change: 'added', subject: 'text', text: 'pages.for-ung.body', lang: 'en', before: undefined, after: { text: ['Call us on {{phone}}.'], variants: {}, reviewed: false } },
    ]);
  });

  it('names an added page and its fields without listing their texts, a changed condition and a moved page', () => {
    const d = draft();
    // These changes change every route, so the draft's scenarios (which would fail) are left out here.
    d.scenarios = [];
    const pages = pagesOf(d);
    pages.splice(1, 0, { kind: 'question', id: 'skola', title: { sv: 'Skola' }, fields: [{ type: 'text', name: 'skola', label: { sv: 'Skola' }, optional: true }] });
    page(d, 'alder').next = [{ when: { field: 'over12', equals: 'nej' }, goto: 'for-ung' }, { when: { field: 'forVem', equals: 'mig' }, goto: 'kontrollera' }];
    pages.push(...pages.splice(pages.indexOf(page(d, 'for-ung')), 1));
    const changes = diffDocuments({ ...v1, scenarios: [] }, published(d));
    expect(changes).toEqual([
      { change: 'added', subject: 'page', page: 'skola' },
      { change: 'moved', subject: 'page', page: 'for-ung' },
      { change: 'changed', subject: 'conditions', page: 'alder', before: [{ when: { field: 'over12', equals: 'nej' }, goto: 'for-ung' }], after: (page(d, 'alder').next as unknown[]) },
      { change: 'added', subject: 'field', page: 'skola', field: 'skola' },
    ]);
  });

  it('names a removed page, a field moved to another page, a field’s changed property and an added option', () => {
    const d = draft();
    d.scenarios = [];
    const pages = pagesOf(d);
    const forVem = page(d, 'for-vem');
    forVem.fields[0]!.options = [...(forVem.fields[0]!.options as Obj[]), { value: 'annan', label: { sv: 'Någon annan' } }];
    page(d, 'alder').fields.push({ type: 'textarea', name: 'varfor', label: { sv: 'Varför?' }, maxLength: 500 });
    pages.splice(pages.indexOf(page(d, 'for-ung')), 1);
    page(d, 'alder').next = [];
    const v2 = published(d);
    const v1b = published((() => {
      const e = draft();
      e.scenarios = [];
      page(e, 'for-vem').fields.push({ type: 'textarea', name: 'varfor', label: { sv: 'Varför?' } });
      return e;
    })());
    expect(diffDocuments(v1b, v2)).toEqual(
      expect.arrayContaining([
        { change: 'removed', subject: 'page', page: 'for-ung' },
        { change: 'moved', subject: 'field', field: 'varfor', page: 'alder', before: 'for-vem', after: 'alder' },
        { change: 'changed', subject: 'field', page: 'alder', field: 'varfor', property: 'maxLength', before: 2000, after: 500 },
        { change: 'added', subject: 'option', field: 'forVem', option: 'annan' },
      ]),
    );
    expect(diffDocuments(v1b, v2).filter((c) => c.subject === 'text')).toEqual([]);
  });

  it('names added, removed and changed scenarios', () => {
    const d = draft();
    const scenarios = d.scenarios as Obj[];
    scenarios[0]!.today = '2026-12-01';
    scenarios.splice(1, 1, { name: 'ny', answers: {}, expect: { end: 'for-vem' } });
    expect(diffDocuments(v1, published(d)).map((c) => [c.change, c.scenario])).toEqual([
      ['removed', 'someone under 12 is told so'],
      ['changed', 'a child over 12 reaches check-answers'],
      ['added', 'ny'],
    ]);
  });
});
