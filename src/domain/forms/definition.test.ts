import { describe, expect, it } from 'vitest';
import { seededService } from '../../server/etjanster/seed.ts';
import { defineService, InvalidDefinitionError, type ServiceDefinitionInput } from './definition.ts';
import { endPages, fixtureInput } from './fixtures.ts';

type PageInput = ServiceDefinitionInput['pages'][number];
type QuestionInput = Extract<PageInput, { kind: 'question' }>;
type FieldInput = QuestionInput['fields'][number];
type RouteInput = NonNullable<QuestionInput['next']>[number];

const yesNo = (name: string): FieldInput => ({ type: 'yesNo', name, label: `test:${name}.label` });
const question = (id: string, fields: FieldInput[], next: RouteInput[] = []): PageInput => ({
  kind: 'question',
  id,
  title: `test:${id}.title`,
  fields,
  next,
});
const exit = (id: string): PageInput => ({ kind: 'exit', id, title: `test:${id}.title`, body: `test:${id}.body` });

/** Catches the error defineService throws, failing the test if it does not. */
function rejection(input: ServiceDefinitionInput): InvalidDefinitionError {
  try {
    defineService(input);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidDefinitionError);
    return e as InvalidDefinitionError;
  }
  throw new Error(`expected definition "${input.id}" to be rejected`);
}

type Case = { problem: string; input: ServiceDefinitionInput; message: string | RegExp };

const cases: Case[] = [
  {
    problem: 'two pages with the same id',
    input: fixtureInput('dubbla-sidor', [question('fraga', [yesNo('a')]), question('fraga', [yesNo('b')]), ...endPages('x')]),
    message: 'duplicate page id "fraga"',
  },
  {
    problem: 'the same field name on two pages',
    input: fixtureInput('dubbla-falt', [question('en', [yesNo('svar')]), question('tva', [yesNo('svar')]), ...endPages('x')]),
    message: 'field "svar" is defined twice',
  },
  {
    problem: 'the same field name twice on one page',
    input: fixtureInput('dubbla-falt-sida', [question('en', [yesNo('svar'), yesNo('svar')]), ...endPages('x')]),
    message: 'field "svar" is defined twice',
  },
  {
    problem: 'a route to a page that does not exist',
    input: fixtureInput('okant-mal', [question('en', [yesNo('a')], [{ when: { field: 'a', equals: 'ja' }, goto: 'finns-inte' }]), ...endPages('x')]),
    message: 'page "en" routes to unknown page "finns-inte"',
  },
  {
    problem: 'a route on a rule that is not in the rule registry',
    input: fixtureInput('okand-regel', [question('en', [yesNo('a')], [{ when: { rule: 'overAgeLimit', field: 'a' }, goto: 'ut' }]), exit('ut'), ...endPages('x')]),
    message: 'page "en" uses unknown rule "overAgeLimit"',
  },
  {
    problem: 'an unknown rule nested in all/any',
    input: fixtureInput('okand-regel-djupt', [
      question('en', [yesNo('a')], [{ when: { all: [{ field: 'a', equals: 'ja' }, { any: [{ rule: 'isTuesday' }] }] }, goto: 'ut' }]),
      exit('ut'),
      ...endPages('x'),
    ]),
    message: 'page "en" uses unknown rule "isTuesday"',
  },
  {
    problem: 'a field type that is not in the field-type registry',
    input: fixtureInput('okand-typ', [
      question('en', [{ type: 'signature', name: 'underskrift', label: 'test:underskrift' } as unknown as FieldInput]),
      ...endPages('x'),
    ]),
    message: /pages\.0\.fields\.0\.type: .*expected .*'text'/i,
  },
  {
    problem: 'an unknown field type inside a repeating group',
    input: fixtureInput('okand-typ-grupp', [
      question('en', [
        {
          type: 'repeat',
          name: 'personer',
          label: 'test:personer',
          itemLabel: 'test:person',
          min: 1,
          max: 2,
          fields: [{ type: 'signature', name: 'underskrift', label: 'test:underskrift' } as unknown as FieldInput],
        } as FieldInput,
      ]),
      ...endPages('x'),
    ]),
    message: /pages\.0\.fields\.0\.fields\.0\.type: .*expected .*'text'/i,
  },
  {
    problem: 'a condition on a field that no page defines',
    input: fixtureInput('okant-falt', [question('en', [yesNo('a')], [{ when: { field: 'finnsInte', equals: 'ja' }, goto: 'ut' }]), exit('ut'), ...endPages('x')]),
    message: 'page "en" refers to field "finnsInte"',
  },
  {
    problem: 'a rule condition on a field that no page defines',
    input: fixtureInput('okant-regelfalt', [
      question('en', [yesNo('a')], [{ when: { rule: 'belowAgeLimit', field: 'pnr' }, goto: 'ut' }]),
      exit('ut'),
      ...endPages('x'),
    ]),
    message: 'page "en" refers to field "pnr"',
  },
  {
    // A route is evaluated when its page is answered; a later page's answer could only be stale.
    problem: 'a condition on a field asked only on a later page',
    input: fixtureInput('senare-falt', [
      question('en', [yesNo('a')], [{ when: { field: 'b', equals: 'ja' }, goto: 'ut' }]),
      question('tva', [yesNo('b')]),
      exit('ut'),
      ...endPages('x'),
    ]),
    message: 'page "en" refers to field "b", not asked before it',
  },
  {
    problem: 'no check-answers page',
    input: fixtureInput('utan-kontroll', [question('en', [yesNo('a')]), question('tva', [yesNo('b')]), endPages('x')[1]!]),
    message: 'exactly one checkAnswers page is required',
  },
  {
    problem: 'two check-answers pages',
    input: fixtureInput('tva-kontroll', [question('en', [yesNo('a')]), { kind: 'checkAnswers', id: 'forsta-kontroll', title: 'test:k' }, ...endPages('x')]),
    message: 'exactly one checkAnswers page is required',
  },
  {
    problem: 'no confirmation page',
    input: fixtureInput('utan-kvitto', [question('en', [yesNo('a')]), question('tva', [yesNo('b')]), endPages('x')[0]!]),
    message: 'exactly one confirmation page is required',
  },
  {
    problem: 'a first page that is not a question',
    input: fixtureInput('borjar-med-exit', [exit('ut'), question('en', [yesNo('a')]), ...endPages('x')]),
    message: 'the first page must be a question page',
  },
  {
    problem: 'a page id that is not a lowercase slug',
    input: fixtureInput('dalig-sidslug', [question('Dina_uppgifter', [yesNo('a')]), ...endPages('x')]),
    message: 'pages.0.id: must be a lowercase slug',
  },
  {
    problem: 'a definition id that is not a lowercase slug',
    input: fixtureInput('Trygghets Larm', [question('en', [yesNo('a')]), ...endPages('x')]),
    message: 'id: must be a lowercase slug',
  },
  {
    problem: 'a route target that is not a lowercase slug',
    input: fixtureInput('dalig-goto', [question('en', [yesNo('a')], [{ when: { field: 'a', equals: 'ja' }, goto: 'Ut sidan' }]), ...endPages('x')]),
    message: 'pages.0.next.0.goto: must be a lowercase slug',
  },
  {
    problem: 'an option value that is not a lowercase slug',
    input: fixtureInput('dalig-option', [
      question('en', [
        {
          type: 'radios',
          name: 'boende',
          label: 'test:boende',
          options: [
            { value: 'Ordinärt', label: 'test:ordinart' },
            { value: 'sarskilt', label: 'test:sarskilt' },
          ],
        },
      ]),
      ...endPages('x'),
    ]),
    message: 'pages.0.fields.0.options.0.value: must be a lowercase slug',
  },
  {
    problem: 'a field name that is not alphanumeric',
    input: fixtureInput('dalig-faltnamn', [question('en', [yesNo('mitt-svar')]), ...endPages('x')]),
    message: 'pages.0.fields.0.name: must be alphanumeric',
  },
  {
    problem: 'a subject that refers to an unknown field',
    input: { ...fixtureInput('okant-subjekt', [question('en', [yesNo('a')]), ...endPages('x')]), subject: { personnummer: 'pnr', name: ['a'] } },
    message: 'subject refers to unknown field "pnr"',
  },
  {
    problem: 'anonymous reporting without "anonymous" among the submitters',
    input: { ...fixtureInput('anonym-utan-lov', [question('en', [yesNo('anonym')]), ...endPages('x')]), anonymous: { field: 'anonym', equals: 'ja' } },
    message: 'anonymous is set but "anonymous" is not among the submitters',
  },
  {
    problem: 'anonymous reporting decided by a field that does not exist',
    input: { ...fixtureInput('anonym-okant', [question('en', [yesNo('a')]), ...endPages('x')]), submitters: ['anonymous'], anonymous: { field: 'anonym', equals: 'ja' } },
    message: 'anonymous refers to unknown field "anonym"',
  },
  {
    problem: 'an urgency condition on a field that does not exist',
    input: { ...fixtureInput('akut-okant', [question('en', [yesNo('a')]), ...endPages('x')]), handling: { dueDays: 14, urgentWhen: { field: 'akutFara', equals: 'ja' } } },
    message: 'handling.urgentWhen refers to unknown field "akutFara"',
  },
  {
    problem: 'an urgency condition on an unknown rule',
    input: { ...fixtureInput('akut-regel', [question('en', [yesNo('a')]), ...endPages('x')]), handling: { urgentWhen: { rule: 'isUrgent' } } },
    message: 'handling.urgentWhen uses unknown rule "isUrgent"',
  },
];

describe('defineService', () => {
  for (const { problem, input, message } of cases) {
    it(`rejects ${problem}, naming the definition and the problem`, () => {
      const error = rejection(input);
      expect(error.name).toBe('InvalidDefinitionError');
      expect(error.message).toContain(`E-tjänst definition "${input.id}" is invalid`);
      if (typeof message === 'string') expect(error.message).toContain(message);
      else expect(error.message).toMatch(message);
    });
  }

  it('lists every problem of a definition at once, one per line', () => {
    const error = rejection(
      fixtureInput('manga-fel', [
        exit('ut'),
        question('en', [yesNo('a'), yesNo('a')], [{ when: { rule: 'nope' }, goto: 'saknas' }]),
        { kind: 'checkAnswers', id: 'kontrollera', title: 'test:k' },
      ]),
    );
    for (const problem of [
      'the first page must be a question page',
      'field "a" is defined twice',
      'page "en" routes to unknown page "saknas"',
      'page "en" uses unknown rule "nope"',
      'exactly one confirmation page is required',
    ]) {
      expect(error.message).toContain(`\n  - (root): ${problem}`);
    }
  });

  it('names "(unknown)" when the input has no id at all', () => {
    const { id: _id, ...withoutId } = fixtureInput('utan-id', [question('en', [yesNo('a')]), ...endPages('x')]);
    expect(rejection(withoutId as ServiceDefinitionInput).message).toContain('E-tjänst definition "(unknown)" is invalid');
  });

  it('accepts a condition on a field of the same page or an earlier one', () => {
    const def = defineService(
      fixtureInput('tidigare-falt', [
        question('en', [yesNo('a')], [{ when: { field: 'a', equals: 'nej' }, goto: 'ut' }]),
        question('tva', [yesNo('b')], [{ when: { all: [{ field: 'a', equals: 'ja' }, { field: 'b', equals: 'ja' }] }, goto: 'ut' }]),
        exit('ut'),
        ...endPages('x'),
      ]),
    );
    expect(def.pages.map((p) => p.id)).toEqual(['en', 'tva', 'ut', 'kontrollera', 'klart']);
  });

  it('accepts a route loop, which only the walk can detect', () => {
    const looping = fixtureInput('slinga', [question('en', [yesNo('a')], [{ when: { field: 'a', equals: 'ja' }, goto: 'en' }]), ...endPages('x')]);
    expect(defineService(looping).id).toBe('slinga');
  });

  it('fills in the defaults a definition may leave out', () => {
    const def = defineService(
      fixtureInput('standard', [
        question('en', [
          { type: 'text', name: 'namn', label: 'test:namn' },
          { type: 'number', name: 'antal', label: 'test:antal' },
        ]),
        ...endPages('x'),
      ]),
    );
    const page = def.pages[0];
    expect(page?.kind === 'question' && page.fields).toEqual([
      { type: 'text', name: 'namn', label: 'test:namn', optional: false, maxLength: 200, width: 'full' },
      { type: 'number', name: 'antal', label: 'test:antal', optional: false, min: 0, max: 1_000_000_000 },
    ]);
    expect(page?.kind === 'question' && page.next).toEqual([]);
    expect(def.ordinaryApplicationLink).toBe(false);
    expect(def.quickExit).toBe(false);
    expect(def.emergencyNotice).toBe(false);
    expect(def.handling).toEqual({});
  });
});

describe('the trygghetslarm definition, compiled from its document', () => {
  const trygghetslarm = seededService('trygghetslarm');
  it('is accepted, and accepting it again changes nothing', () => {
    expect(trygghetslarm.id).toBe('trygghetslarm');
    expect(defineService(trygghetslarm)).toEqual(trygghetslarm);
  });

  it('ends with exactly one check-answers page and one confirmation page', () => {
    expect(trygghetslarm.pages.filter((p) => p.kind === 'checkAnswers')).toHaveLength(1);
    expect(trygghetslarm.pages.filter((p) => p.kind === 'confirmation')).toHaveLength(1);
  });
});
