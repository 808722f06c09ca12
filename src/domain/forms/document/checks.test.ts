import { describe, expect, it } from 'vitest';
import { publish, type Publication } from './publish.ts';
import { draft, FRAGMENTS, fragmentSource, pagesOf } from './fixtures.ts';
import type { Problem } from './problems.ts';

const TODAY = new Date('2026-11-23T12:00:00Z');
const publishing = (d: unknown): Publication => publish(d, { fragments: fragmentSource, today: TODAY });
const problems = (d: unknown): Problem[] => {
  const r = publishing(d);
  return r.ok ? [] : r.problems;
};
const codes = (d: unknown) => problems(d).map((p) => p.code);
type Obj = Record<string, unknown>;
const page = (d: Obj, id: string) => pagesOf(d).find((p) => p.id === id)! as Obj & { fields: Obj[]; next: Obj[] };

describe('the publish checks', () => {
  it('find nothing wrong with a sound draft', () => {
    expect(problems(draft())).toEqual([]);
  });

  it('name a missing Swedish text, and a variant another language has but Swedish lacks', () => {
    const d = draft();
    page(d, 'for-ung').title = { en: 'You are too young' };
    page(d, 'kontrollera').title = { sv: 'Kontrollera', en: { text: 'Check', variants: { barn: 'Check (child)' } } };
    expect(problems(d)).toEqual(
      expect.arrayContaining([
        { code: 'missingSwedish', params: { text: 'pages.for-ung.title' }, path: ['pages', 3, 'title'] },
        { code: 'missingSwedish', params: { text: 'pages.kontrollera.title', variant: 'barn' }, path: ['pages', 4, 'title'] },
      ]),
    );
  });

  it('name a placeholder that is not a shared value (nor one the text gets where it is shown)', () => {
    const d = draft();
    page(d, 'for-ung').body = { sv: ['Ring {{telefon}}.'] };
    page(d, 'for-vem').fields[0]!.errors = { required: { sv: 'Välj, högst {{max}} och {{n}}' } };
    expect(problems(d)).toEqual([{ code: 'unknownPlaceholder', params: { text: 'pages.for-ung.body', lang: 'sv', name: 'telefon' }, path: ['pages', 3, 'body'] }]);
  });

  it('point at the draft: at a fragment reference for a problem in its content, past it for the draft’s own pages', () => {
    const two = { ...FRAGMENTS['fixture-namn']!, content: [...FRAGMENTS['fixture-namn']!.content, { kind: 'question', id: 'extra', title: { sv: 'Extra {{okand}}' }, fields: [{ type: 'yesNo', name: 'extra', label: { sv: 'Extra?' } }] }] };
    const d = draft();
    d.scenarios = [];
    page(d, 'for-ung').title = { en: 'Too young' };
    const r = publish(d, { fragments: (n) => (n === 'fixture-namn' ? two : fragmentSource(n)), today: TODAY });
    expect(r.ok ? [] : r.problems).toEqual([
      { code: 'unknownPlaceholder', params: { text: 'pages.extra.title', lang: 'sv', name: 'okand' }, path: ['pages', 2], fragment: 'fixture-namn' },
      { code: 'missingSwedish', params: { text: 'pages.for-ung.title' }, path: ['pages', 3, 'title'] },
      // The fragment's first page always goes on to `then`: its second page is never reached.
      { code: 'unreachablePage', params: { page: 'extra' }, path: ['pages', 2], fragment: 'fixture-namn' },
    ]);
  });

  it('name a half-written placeholder and a nested text', () => {
    const d = draft();
    page(d, 'for-ung').title = { sv: 'Du är för ung {{phone}' };
    page(d, 'klart').title = { sv: 'Skickat $t(common:x)' };
    expect(codes(d)).toEqual(['malformedPlaceholder', 'nestedText']);
  });

  it('name variants for a value the text context answer cannot take, or in a document without a text context', () => {
    const d = draft();
    page(d, 'klart').title = { sv: { text: 'Skickat', variants: { annan: 'Skickat för någon' } } };
    expect(problems(d)).toContainEqual(expect.objectContaining({ code: 'unknownVariant', params: { text: 'pages.klart.title', lang: 'sv', variant: 'annan', field: 'forVem' } }));
    delete d.textContext;
    delete d.onBehalf;
    expect(codes(d)).toContain('variantWithoutContext');
  });

  it('name a text context that is not a choice', () => {
    const d = draft();
    d.textContext = 'fornamn';
    expect(codes(d)).toContain('textContextNotChoice');
  });

  it('name a page nobody can reach', () => {
    const d = draft();
    page(d, 'alder').next = [];
    expect(problems(d)).toContainEqual({ code: 'unreachablePage', params: { page: 'for-ung' }, path: ['pages', 3] });
  });

  it('name a condition on a field that does not exist, or is asked on a later page', () => {
    const d = draft();
    page(d, 'alder').next = [
      { when: { field: 'finnsInte', equals: 'ja' }, goto: 'for-ung' },
      { when: { field: 'fornamn', equals: 'Elva' }, goto: 'for-ung' },
    ];
    expect(problems(d)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'conditionOnUnknownField', params: { page: 'alder', field: 'finnsInte' } }),
        expect.objectContaining({ code: 'conditionOnLaterField', params: { page: 'alder', field: 'fornamn' } }),
      ]),
    );
  });

  it('name an unknown rule and an unknown field type', () => {
    const d = draft();
    page(d, 'alder').next = [{ when: { rule: 'arTisdag' }, goto: 'for-ung' }];
    expect(problems(d)).toContainEqual(expect.objectContaining({ code: 'unknownRule', params: { page: 'alder', rule: 'arTisdag' } }));
    const e = draft();
    page(e, 'alder').fields[0]!.type = 'slider';
    expect(problems(e)).toEqual([{ code: 'unknownFieldType', params: { type: 'slider', field: 'over12' }, path: ['pages', 1, 'fields', 0, 'type'] }]);
  });

  it('name duplicate page ids, fields, options and scenario names', () => {
    const d = draft();
    page(d, 'for-ung').id = 'alder';
    expect(codes(d)).toContain('duplicatePageId');
    const e = draft();
    const options = page(e, 'for-vem').fields[0]!.options as Obj[];
    options.push({ ...options[0] });
    page(e, 'alder').fields.push({ type: 'text', name: 'forVem', label: { sv: 'Igen' } });
    (e.scenarios as Obj[]).push({ ...(e.scenarios as Obj[])[0] });
    expect(codes(e)).toEqual(expect.arrayContaining(['duplicateOption', 'duplicateField', 'duplicateScenario']));
  });

  it('name a question page with nothing after it and a route that skips check-answers', () => {
    const d = draft();
    page(d, 'alder').next = [{ when: { field: 'over12', equals: 'ja' }, goto: 'klart' }, { when: { field: 'over12', equals: 'nej' }, goto: 'for-ung' }];
    pagesOf(d).push({ kind: 'question', id: 'sist', title: { sv: 'Sist' }, fields: [{ type: 'yesNo', name: 'sist', label: { sv: 'Sist?' } }] });
    expect(codes(d)).toEqual(expect.arrayContaining(['routeToConfirmation', 'noNextPage', 'unreachablePage']));
  });

  it('name a setting that refers to a field that does not exist', () => {
    const d = draft();
    d.subject = { name: ['efternamn'] };
    expect(problems(d)).toContainEqual({ code: 'settingOnUnknownField', params: { setting: 'subject', field: 'efternamn' }, path: ['subject'] });
  });

  it('refuse a draft whose scenarios fail, saying how', () => {
    const d = draft();
    (d.scenarios as Obj[])[1]!.expect = { end: 'namn' };
    expect(problems(d)).toEqual([
      {
        code: 'scenarioFailed',
        params: { scenario: 'someone under 12 is told so', expectation: 'end', expected: '"namn"', actual: '"for-ung"' },
        path: ['scenarios', 1],
      },
    ]);
  });

  it('refuse a property the format does not have, such as a misspelt limit', () => {
    const d = draft();
    page(d, 'for-vem').fields[0]!.maxLenght = 100;
    expect(problems(d)).toEqual([expect.objectContaining({ code: 'invalid', params: expect.objectContaining({ issue: 'unrecognized_keys' }), path: ['pages', 0, 'fields', 0] })]);
  });

  it('report what the schema rejects with where it is', () => {
    const d = draft();
    delete page(d, 'klart').title;
    expect(problems(d)).toEqual([expect.objectContaining({ code: 'invalid', path: ['pages', 5, 'title'] })]);
  });
});
