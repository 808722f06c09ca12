import { describe, expect, it } from 'vitest';
import { defaultForenkladRules } from '../rules/forenklad.ts';
import { defineService, type QuestionPage, type ServiceDefinition } from './definition.ts';
import { eligibility, endPages, fixtureInput, linear, routed } from './fixtures.ts';
import {
  answersOnPath,
  canVisit,
  findPage,
  isComplete,
  JourneyLoopError,
  nextPageId,
  walk,
  type Answers,
  type JourneyContext,
} from './journey.ts';

// Fixed "now": nothing here may depend on the real clock.
const ctx: JourneyContext = { today: new Date('2026-01-15T12:00:00Z'), rules: defaultForenkladRules };

// Skatteverket test personnummer, stored in the normalised form the personnummer field produces.
const OVER_75 = '19450110-3297'; // 81 on ctx.today
const UNDER_75 = '19900101-2385'; // 36 on ctx.today

function question(def: ServiceDefinition, id: string): QuestionPage {
  const p = findPage(def, id);
  if (p?.kind !== 'question') throw new Error(`fixture "${def.id}" has no question page "${id}"`);
  return p;
}

const linearDone = { namn: 'Anna Andersson', telefon: '070-123 45 67', epost: null };
const routedDone = { boende: 'ordinart', harHusdjur: 'ja', husdjur: 'En katt', larmtyp: 'fast' };
const eligibleDone = { personnummer: OVER_75, folkbokford: 'ja', boende: 'ordinart', insatser: ['tvatt'] };

type WalkCase = { name: string; def: ServiceDefinition; answers: Answers; ctx?: JourneyContext; path: string[] };

const walks: WalkCase[] = [
  { name: 'starts on the first page when nothing is answered', def: linear, answers: {}, path: ['namn'] },
  { name: 'moves to the next page in order once a page is answered', def: linear, answers: { namn: 'Anna' }, path: ['namn', 'kontakt'] },
  {
    name: 'stays on a page until every one of its fields has an answer',
    def: linear,
    answers: { namn: 'Anna', telefon: '070-123 45 67' },
    path: ['namn', 'kontakt'],
  },
  {
    name: 'counts an optional field left empty (null) as answered',
    def: linear,
    answers: linearDone,
    path: ['namn', 'kontakt', 'kontrollera'],
  },
  {
    name: 'does not let answers to later pages skip an unanswered earlier page',
    def: linear,
    answers: { telefon: '070-123 45 67', epost: null },
    path: ['namn'],
  },
  { name: 'routes to the exit page when the equals condition holds', def: routed, answers: { boende: 'sarskilt' }, path: ['boende', 'sarskilt-boende'] },
  {
    name: 'ends on the exit page even when later pages have stale answers',
    def: routed,
    answers: { ...routedDone, boende: 'sarskilt' },
    path: ['boende', 'sarskilt-boende'],
  },
  { name: 'passes over the exit page when the condition does not hold', def: routed, answers: { boende: 'ordinart' }, path: ['boende', 'husdjur'] },
  {
    name: 'asks the follow-up page when the answer calls for it',
    def: routed,
    answers: { boende: 'ordinart', harHusdjur: 'ja' },
    path: ['boende', 'husdjur', 'husdjur-info'],
  },
  {
    name: 'skips the follow-up page when a route jumps past it',
    def: routed,
    answers: { boende: 'ordinart', harHusdjur: 'nej' },
    path: ['boende', 'husdjur', 'larm'],
  },
  {
    name: 'reaches check-answers along the longer branch',
    def: routed,
    answers: routedDone,
    path: ['boende', 'husdjur', 'husdjur-info', 'larm', 'kontrollera'],
  },
  {
    name: 'reaches check-answers along the shorter branch without the skipped answer',
    def: routed,
    answers: { boende: 'ordinart', harHusdjur: 'nej', larmtyp: 'mobilt' },
    path: ['boende', 'husdjur', 'larm', 'kontrollera'],
  },
  { name: 'sends someone below the age limit to the age exit', def: eligibility, answers: { personnummer: UNDER_75 }, path: ['personnummer', 'for-ung'] },
  { name: 'lets someone over the age limit continue', def: eligibility, answers: { personnummer: OVER_75 }, path: ['personnummer', 'villkor'] },
  {
    name: 'uses the configured age limit, not a fixed 75',
    def: eligibility,
    answers: { personnummer: OVER_75 },
    ctx: { ...ctx, rules: { ...defaultForenkladRules, ageLimit: 85 } },
    path: ['personnummer', 'for-ung'],
  },
  {
    name: 'sends someone not folkbokförd to its exit when the rule set requires it (all)',
    def: eligibility,
    answers: { personnummer: OVER_75, folkbokford: 'nej', boende: 'ordinart' },
    path: ['personnummer', 'villkor', 'ej-folkbokford'],
  },
  {
    name: 'lets someone not folkbokförd continue when the rule set does not require it (all)',
    def: eligibility,
    answers: { personnummer: OVER_75, folkbokford: 'nej', boende: 'ordinart' },
    ctx: { ...ctx, rules: { ...defaultForenkladRules, requireFolkbokford: false } },
    path: ['personnummer', 'villkor', 'insatser'],
  },
  {
    name: 'sends someone in särskilt boende to the housing exit (any, first alternative)',
    def: eligibility,
    answers: { personnummer: OVER_75, folkbokford: 'ja', boende: 'sarskilt' },
    path: ['personnummer', 'villkor', 'ej-ordinart-boende'],
  },
  {
    name: 'sends someone in korttidsboende to the housing exit (any, second alternative)',
    def: eligibility,
    answers: { personnummer: OVER_75, folkbokford: 'ja', boende: 'korttid' },
    path: ['personnummer', 'villkor', 'ej-ordinart-boende'],
  },
  {
    name: 'follows the first matching route when two exits apply',
    def: eligibility,
    answers: { personnummer: OVER_75, folkbokford: 'nej', boende: 'sarskilt' },
    path: ['personnummer', 'villkor', 'ej-folkbokford'],
  },
  {
    name: 'passes over every exit page to check-answers when eligible',
    def: eligibility,
    answers: eligibleDone,
    path: ['personnummer', 'villkor', 'insatser', 'kontrollera'],
  },
];

describe('walk', () => {
  for (const { name, def, answers, ctx: c = ctx, path } of walks) {
    it(name, () => {
      const w = walk(def, answers, c);
      expect(w.path).toEqual(path);
      expect(w.current.id).toBe(path.at(-1));
    });
  }

  it('ends on a page of the kind its id belongs to', () => {
    expect(walk(routed, { boende: 'sarskilt' }, ctx).current.kind).toBe('exit');
    expect(walk(routed, routedDone, ctx).current.kind).toBe('checkAnswers');
    expect(walk(linear, {}, ctx).current.kind).toBe('question');
  });
});

describe('canVisit', () => {
  it.each([
    { page: 'namn', answers: {}, visitable: true },
    { page: 'kontakt', answers: {}, visitable: false },
    { page: 'kontrollera', answers: {}, visitable: false },
    { page: 'kontakt', answers: { namn: 'Anna' }, visitable: true },
    { page: 'kontrollera', answers: { namn: 'Anna' }, visitable: false },
    { page: 'kontrollera', answers: linearDone, visitable: true },
    { page: 'namn', answers: linearDone, visitable: true },
  ])('lets the citizen visit $page only when it is on the path: $visitable with $answers', ({ page, answers, visitable }) => {
    expect(canVisit(linear, page, answers, ctx)).toBe(visitable);
  });

  it('refuses the confirmation page, which is reached by submitting, not by walking', () => {
    expect(canVisit(linear, 'klart', linearDone, ctx)).toBe(false);
  });

  it('refuses a page skipped by a route, even though it exists', () => {
    expect(canVisit(routed, 'husdjur-info', { boende: 'ordinart', harHusdjur: 'nej' }, ctx)).toBe(false);
    expect(canVisit(routed, 'husdjur-info', { boende: 'ordinart', harHusdjur: 'ja' }, ctx)).toBe(true);
  });

  it('refuses pages after an exit page', () => {
    expect(canVisit(routed, 'husdjur', { ...routedDone, boende: 'sarskilt' }, ctx)).toBe(false);
    expect(canVisit(routed, 'kontrollera', { ...routedDone, boende: 'sarskilt' }, ctx)).toBe(false);
  });

  it('refuses a page id the definition does not have', () => {
    expect(canVisit(linear, 'finns-inte', linearDone, ctx)).toBe(false);
  });
});

describe('nextPageId', () => {
  [
    { name: 'the next page in order when the page has no routes', def: linear, page: 'namn', answers: { namn: 'Anna' }, next: 'kontakt' },
    { name: 'the route target when its condition holds', def: routed, page: 'boende', answers: { boende: 'sarskilt' }, next: 'sarskilt-boende' },
    { name: 'the next non-exit page when no route matches', def: routed, page: 'boende', answers: { boende: 'ordinart' }, next: 'husdjur' },
    { name: 'a later page when a route jumps forward', def: routed, page: 'husdjur', answers: { harHusdjur: 'nej' }, next: 'larm' },
    {
      name: 'the first matching route when several match',
      def: eligibility,
      page: 'villkor',
      answers: { folkbokford: 'nej', boende: 'korttid' },
      next: 'ej-folkbokford',
    },
    {
      name: 'the second route when only it matches',
      def: eligibility,
      page: 'villkor',
      answers: { folkbokford: 'ja', boende: 'korttid' },
      next: 'ej-ordinart-boende',
    },
    {
      name: 'check-answers after the last question, past every exit page in between',
      def: eligibility,
      page: 'insatser',
      answers: eligibleDone,
      next: 'kontrollera',
    },
  ].forEach(({ name, def, page, answers, next }) => {
    it(`is ${name}`, () => {
      expect(nextPageId(def, question(def, page), answers, ctx)).toBe(next);
    });
  });
});

describe('answersOnPath', () => {
  it('keeps every answer when all pages answered are on the path', () => {
    expect(answersOnPath(routed, routedDone, ctx)).toEqual(routedDone);
  });

  it('drops the answer of a follow-up page once a changed answer skips it', () => {
    expect(answersOnPath(routed, { ...routedDone, harHusdjur: 'nej' }, ctx)).toEqual({
      boende: 'ordinart',
      harHusdjur: 'nej',
      larmtyp: 'fast',
    });
  });

  it('drops every later answer once a changed answer leads to an exit page', () => {
    expect(answersOnPath(routed, { ...routedDone, boende: 'sarskilt' }, ctx)).toEqual({ boende: 'sarskilt' });
  });

  it('drops answers of pages after the first unanswered page', () => {
    expect(answersOnPath(linear, { telefon: '070-123 45 67', epost: null }, ctx)).toEqual({});
  });

  it('keeps an optional field left empty as null', () => {
    expect(answersOnPath(linear, linearDone, ctx)).toEqual(linearDone);
    expect(answersOnPath(linear, linearDone, ctx)).toHaveProperty('epost', null);
  });

  it('drops values that are not answers to any field of the definition', () => {
    expect(answersOnPath(linear, { ...linearDone, isAdmin: true }, ctx)).not.toHaveProperty('isAdmin');
  });

  it('drops later answers when a changed rule set (a higher age limit) sends the applicant to an exit', () => {
    const strict = { ...ctx, rules: { ...defaultForenkladRules, ageLimit: 85 } };
    expect(answersOnPath(eligibility, eligibleDone, strict)).toEqual({ personnummer: OVER_75 });
  });
});

describe('isComplete', () => {
  [
    { name: 'a linear journey with every page answered', def: linear, answers: linearDone, complete: true },
    { name: 'a linear journey with a required answer missing', def: linear, answers: { namn: 'Anna', epost: null }, complete: false },
    { name: 'nothing answered', def: linear, answers: {}, complete: false },
    { name: 'a routed journey along the shorter branch', def: routed, answers: { boende: 'ordinart', harHusdjur: 'nej', larmtyp: 'fast' }, complete: true },
    { name: 'a routed journey missing the follow-up answer its branch asks for', def: routed, answers: { boende: 'ordinart', harHusdjur: 'ja', larmtyp: 'fast' }, complete: false },
    { name: 'a journey ending on an exit page, whatever else is answered', def: routed, answers: { ...routedDone, boende: 'sarskilt' }, complete: false },
    { name: 'an eligible applicant with every page answered', def: eligibility, answers: eligibleDone, complete: true },
    { name: 'an applicant below the age limit with every page answered', def: eligibility, answers: { ...eligibleDone, personnummer: UNDER_75 }, complete: false },
  ].forEach(({ name, def, answers, complete }) => {
    it(`is ${complete} for ${name}`, () => {
      expect(isComplete(def, answers, ctx)).toBe(complete);
    });
  });
});

describe('exit pages', () => {
  const exits = (def: ServiceDefinition) => def.pages.filter((p) => p.kind === 'exit').map((p) => p.id);

  it('are never on the path of a journey whose answers trigger no route to them', () => {
    for (const [def, answers] of [
      [linear, linearDone],
      [routed, routedDone],
      [routed, { boende: 'ordinart', harHusdjur: 'nej', larmtyp: 'fast' }],
      [eligibility, eligibleDone],
    ] as const) {
      const { path } = walk(def, answers, ctx);
      for (const exit of exits(def)) expect(path).not.toContain(exit);
    }
  });

  it('cannot be visited by URL unless a route leads there', () => {
    expect(exits(eligibility)).toHaveLength(3);
    for (const exit of exits(eligibility)) expect(canVisit(eligibility, exit, eligibleDone, ctx)).toBe(false);
  });

  it('can be visited once a route leads there', () => {
    expect(canVisit(eligibility, 'for-ung', { personnummer: UNDER_75 }, ctx)).toBe(true);
    expect(canVisit(eligibility, 'ej-folkbokford', { personnummer: UNDER_75 }, ctx)).toBe(false);
  });
});

describe('a definition whose routes form a loop', () => {
  // Valid as data (every route target exists), so it passes defineService; the loop only shows
  // when a citizen's answers take the backward route.
  const looping = defineService(
    fixtureInput('slinga', [
      { kind: 'question', id: 'fraga-a', title: 'slinga:a.title', fields: [{ type: 'yesNo', name: 'a', label: 'slinga:a.label' }] },
      {
        kind: 'question',
        id: 'fraga-b',
        title: 'slinga:b.title',
        fields: [{ type: 'yesNo', name: 'b', label: 'slinga:b.label' }],
        next: [{ when: { field: 'b', equals: 'ja' }, goto: 'fraga-a' }],
      },
      ...endPages('slinga'),
    ]),
  );

  it('walks normally while the answers do not take the backward route', () => {
    expect(walk(looping, { a: 'ja' }, ctx).path).toEqual(['fraga-a', 'fraga-b']);
    expect(isComplete(looping, { a: 'ja', b: 'nej' }, ctx)).toBe(true);
  });

  it('throws JourneyLoopError naming the service and the page looped back to', () => {
    const answers = { a: 'ja', b: 'ja' };
    expect(() => walk(looping, answers, ctx)).toThrow(JourneyLoopError);
    expect(() => walk(looping, answers, ctx)).toThrow('Journey of "slinga" loops back to page "fraga-a"');
  });

  it('throws from every function that walks the journey, never returning a partial answer', () => {
    const answers = { a: 'ja', b: 'ja' };
    expect(() => canVisit(looping, 'fraga-b', answers, ctx)).toThrow(JourneyLoopError);
    expect(() => answersOnPath(looping, answers, ctx)).toThrow(JourneyLoopError);
    expect(() => isComplete(looping, answers, ctx)).toThrow(JourneyLoopError);
  });
});
