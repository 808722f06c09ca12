import { describe, expect, it } from 'vitest';
import { draftDocument, type DraftDocument } from './schema.ts';
import { expand, fragmentProblems, type Fragment } from './fragment.ts';
import { draft, FRAGMENTS, fragmentSource, pagesOf } from './fixtures.ts';

const parsed = (d: Record<string, unknown>): DraftDocument => draftDocument.parse(d);
const expanded = (d: Record<string, unknown>) => {
  const r = expand(parsed(d), fragmentSource);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.document;
};
const problemsOf = (d: Record<string, unknown>, source = fragmentSource) => {
  const r = expand(parsed(d), source);
  return r.ok ? [] : r.problems;
};

describe('expanding a draft', () => {
  it('puts each fragment’s content where it is referenced, with its parameters’ values', () => {
    const doc = expanded(draft());
    expect(doc.pages.map((p) => p.id)).toEqual(['for-vem', 'alder', 'namn', 'for-ung', 'kontrollera', 'klart']);
    const namn = doc.pages[2]!;
    expect(namn.kind === 'question' && namn.next).toEqual([{ when: { rule: 'always' }, goto: 'kontrollera' }]);
    expect(doc.start[1]!.paragraphs).toEqual({ sv: ['Det du skriver om barnet stannar hos oss.'] });
  });

  it('includes what an $if holds only when its boolean parameter is true', () => {
    const withPnr = expanded(draft());
    const d = draft();
    pagesOf(d)[2] = { fragment: 'fixture-namn', params: { then: 'kontrollera', personnummer: false } };
    const without = expanded(d);
    const names = (doc: typeof withPnr) => doc.pages.flatMap((p) => (p.kind === 'question' ? p.fields.map((f) => f.name) : []));
    expect(names(withPnr)).toContain('personnummer');
    expect(names(without)).not.toContain('personnummer');
  });

  it('leaves out the property an absent optional parameter would have filled', () => {
    const doc = expanded(draft());
    expect(doc.pages[2]).not.toHaveProperty('intro');
    const d = draft();
    pagesOf(d)[2] = { fragment: 'fixture-namn', params: { then: 'kontrollera', intro: { sv: 'Vi behöver ditt namn.' } } };
    expect(expanded(d).pages[2]).toHaveProperty('intro', { sv: 'Vi behöver ditt namn.' });
  });

  it('gives the same document when expanded twice, and leaves a document without references as it is', () => {
    const once = expanded(draft());
    const twice = expand(draftDocument.parse(once), fragmentSource);
    expect(twice.ok && twice.document).toEqual(once);
  });

  it('does not change the fragment it expands', () => {
    const before = structuredClone(FRAGMENTS['fixture-namn']);
    expanded(draft());
    expect(FRAGMENTS['fixture-namn']).toEqual(before);
  });

  it.each([
    { problem: 'unknownFragment', ref: { fragment: 'finns-inte' } },
    { problem: 'unknownParam', ref: { fragment: 'fixture-namn', params: { then: 'kontrollera', pnr: true } } },
    { problem: 'missingParam', ref: { fragment: 'fixture-namn', params: {} } },
    { problem: 'invalidParam', ref: { fragment: 'fixture-namn', params: { then: 'Inte En Sida' } } },
    { problem: 'fragmentInWrongPlace', ref: { fragment: 'fixture-sekretess', params: { about: 'mig' } } },
  ])('names a reference it cannot expand: $problem', ({ problem, ref }) => {
    const d = draft();
    pagesOf(d)[2] = ref;
    expect(problemsOf(d)).toContainEqual(expect.objectContaining({ code: problem, params: expect.objectContaining({ fragment: ref.fragment }), path: ['pages', 2] }));
  });

  it('checks the expanded document against the schema, pointing at the reference whose content fails', () => {
    const d = draft();
    pagesOf(d)[2] = { fragment: 'fixture-namn', params: { then: 'kontrollera', intro: { sv: 'Hej' } } };
    const broken: Fragment = { ...FRAGMENTS['fixture-namn']!, content: [{ kind: 'question', id: 'namn', title: { sv: 'Namn' }, fields: [] }] };
    expect(problemsOf(d, (n) => (n === 'fixture-namn' ? broken : fragmentSource(n)))).toContainEqual(expect.objectContaining({ code: 'invalid', path: ['pages', 2], fragment: 'fixture-namn' }));
  });
});

describe('a fragment’s own mistakes', () => {
  it('names a construct that uses an undeclared parameter, a choice without a case, and $if on a non-boolean', () => {
    const f: Fragment = {
      format: 1,
      name: 'trasig',
      description: 'Trasig.',
      provides: 'start',
      params: { about: { type: 'choice', values: ['a', 'b'], optional: false }, t: { type: 'text', optional: false } },
      content: [{ heading: { $param: 'rubrik' }, paragraphs: { $choose: 'about', cases: { a: { sv: 'A' } } } }, { $if: 't', then: {} }],
    };
    expect(fragmentProblems(f).map((p) => p.code)).toEqual(['fragmentUndeclaredParam', 'fragmentMissingCase', 'fragmentWrongParamType']);
  });

  it('finds none in a sound fragment', () => {
    for (const f of Object.values(FRAGMENTS)) expect(fragmentProblems(f)).toEqual([]);
  });
});
