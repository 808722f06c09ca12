import { describe, expect, it } from 'vitest';
import type { Condition } from '../forms/definition.ts';
import { evaluate, knownRule, UnknownRuleError, type JourneyContext } from '../forms/conditions.ts';
import { defaultForenkladRules, ruleTextParams, type ForenkladRules } from './forenklad.ts';

/** Noon UTC is the same calendar date in Stockholm all year. */
const noon = (isoDate: string): Date => new Date(`${isoDate}T12:00:00Z`);
const ctx = (today: Date, rules: Partial<ForenkladRules> = {}): JourneyContext => ({ today, rules: { ...defaultForenkladRules, ...rules } });

// Skatteverket test personnummer 195101151818: born 1951-01-15, turns 75 on 2026-01-15 and 80 on
// 2031-01-15. Stored answers hold the normalised form the personnummer field produces.
const BORN_1951_01_15 = '19510115-1818';
const below: Condition = { rule: 'belowAgeLimit', field: 'personnummer' };

describe('the belowAgeLimit rule', () => {
  [
    { today: noon('2026-01-14'), limit: 75, isBelow: true, when: 'the day before the 75th birthday' },
    { today: noon('2026-01-15'), limit: 75, isBelow: false, when: 'on the 75th birthday' },
    { today: noon('2026-06-01'), limit: 75, isBelow: false, when: 'after the 75th birthday' },
    { today: new Date('2026-01-14T22:30:00Z'), limit: 75, isBelow: true, when: 'at 23:30 Stockholm time the evening before' },
    { today: new Date('2026-01-14T23:30:00Z'), limit: 75, isBelow: false, when: 'from 00:30 Stockholm time on the birthday, still the 14th in UTC' },
    { today: noon('2026-01-15'), limit: 80, isBelow: true, when: 'on the 75th birthday with a configured limit of 80' },
    { today: noon('2031-01-14'), limit: 80, isBelow: true, when: 'the day before the 80th birthday with a limit of 80' },
    { today: noon('2031-01-15'), limit: 80, isBelow: false, when: 'on the 80th birthday with a limit of 80' },
  ].forEach(({ today, limit, isBelow, when }) => {
    it(`is ${isBelow} ${when}`, () => {
      expect(evaluate(below, { personnummer: BORN_1951_01_15 }, ctx(today, { ageLimit: limit }))).toBe(isBelow);
    });
  });

  it('reads the personnummer however it was typed, with or without century', () => {
    for (const pnr of ['195101151818', '510115-1818', '5101151818']) {
      expect(evaluate(below, { personnummer: pnr }, ctx(noon('2026-01-14')))).toBe(true);
      expect(evaluate(below, { personnummer: pnr }, ctx(noon('2026-01-15')))).toBe(false);
    }
  });

  it('is inverted by negate', () => {
    const notBelow: Condition = { ...below, negate: true };
    expect(evaluate(notBelow, { personnummer: BORN_1951_01_15 }, ctx(noon('2026-01-14')))).toBe(false);
    expect(evaluate(notBelow, { personnummer: BORN_1951_01_15 }, ctx(noon('2026-01-15')))).toBe(true);
  });

  // The rule routes only someone proven to be below the limit; the personnummer field itself
  // refuses an empty or invalid number before anything is stored.
  [
    { answers: {}, what: 'no answer' },
    { answers: { personnummer: null }, what: 'an answer left empty' },
    { answers: { personnummer: 'inte ett nummer' }, what: 'text that is no personnummer' },
    { answers: { personnummer: 195101151818 }, what: 'a number instead of a string' },
  ].forEach(({ answers, what }) => {
    it(`is false for ${what}`, () => {
      expect(evaluate(below, answers, ctx(noon('2026-01-14')))).toBe(false);
    });
  });

  it('is false when the condition names no field', () => {
    expect(evaluate({ rule: 'belowAgeLimit' }, { personnummer: BORN_1951_01_15 }, ctx(noon('2026-01-14')))).toBe(false);
  });
});

describe('the requireFolkbokford and requireOrdinaryHousing rules', () => {
  it.each([
    { rule: 'requireFolkbokford', setting: { requireFolkbokford: true }, result: true },
    { rule: 'requireFolkbokford', setting: { requireFolkbokford: false }, result: false },
    { rule: 'requireOrdinaryHousing', setting: { requireOrdinaryHousing: true }, result: true },
    { rule: 'requireOrdinaryHousing', setting: { requireOrdinaryHousing: false }, result: false },
  ])('$rule is $result when the rule set says $setting', ({ rule, setting, result }) => {
    expect(evaluate({ rule }, {}, ctx(noon('2026-01-15'), setting))).toBe(result);
    expect(evaluate({ rule, negate: true }, {}, ctx(noon('2026-01-15'), setting))).toBe(!result);
  });

  it('follow only their own setting, never the other one', () => {
    const c = ctx(noon('2026-01-15'), { requireFolkbokford: true, requireOrdinaryHousing: false });
    expect(evaluate({ rule: 'requireFolkbokford' }, {}, c)).toBe(true);
    expect(evaluate({ rule: 'requireOrdinaryHousing' }, {}, c)).toBe(false);
  });

  const notFolkbokford: Condition = { all: [{ rule: 'requireFolkbokford' }, { field: 'folkbokford', equals: 'nej' }] };

  it.each([
    { required: true, answer: 'nej', exits: true },
    { required: true, answer: 'ja', exits: false },
    { required: false, answer: 'nej', exits: false },
    { required: false, answer: 'ja', exits: false },
  ])('combined with an answer in `all`: required $required, answer $answer → exit $exits', ({ required, answer, exits }) => {
    expect(evaluate(notFolkbokford, { folkbokford: answer }, ctx(noon('2026-01-15'), { requireFolkbokford: required }))).toBe(exits);
  });
});

describe('the rule registry', () => {
  it('knows the förenklad rules and nothing inherited from Object', () => {
    expect(['belowAgeLimit', 'requireFolkbokford', 'requireOrdinaryHousing'].every(knownRule)).toBe(true);
    expect(knownRule('toString')).toBe(false);
    expect(knownRule('overAgeLimit')).toBe(false);
  });

  it('throws UnknownRuleError for a rule it does not have', () => {
    expect(() => evaluate({ rule: 'overAgeLimit' }, {}, ctx(noon('2026-01-15')))).toThrow(UnknownRuleError);
    expect(() => evaluate({ rule: 'constructor' }, {}, ctx(noon('2026-01-15')))).toThrow('Unknown routing rule "constructor"');
  });
});

describe('ruleTextParams', () => {
  it('gives the default rule set\'s values under the names the texts interpolate', () => {
    expect(ruleTextParams(defaultForenkladRules)).toEqual({
      ageLimit: 75,
      alarmFee: 250,
      alarmInstallationFee: 0,
      homeCareHourly: 350,
      maxtaxa: 2576,
      stadningIntervalWeeks: 2,
      stadningHours: 2,
      tvattIntervalWeeks: 2,
      inkopIntervalWeeks: 1,
    });
  });

  it('follows a municipality\'s own configuration', () => {
    const own: ForenkladRules = {
      ageLimit: 80,
      requireFolkbokford: false,
      requireOrdinaryHousing: true,
      householdMustMeetAgeLimit: true,
      offered: ['trygghetslarm'],
      limits: { stadningIntervalWeeks: 3, stadningHours: 1.5, tvattIntervalWeeks: 4, inkopIntervalWeeks: 2 },
      fees: { trygghetslarmMonthly: 310, trygghetslarmInstallation: 500, homeCareHourly: 410, maxtaxaMonthly: 2600 },
    };
    expect(ruleTextParams(own)).toEqual({
      ageLimit: 80,
      alarmFee: 310,
      alarmInstallationFee: 500,
      homeCareHourly: 410,
      maxtaxa: 2600,
      stadningIntervalWeeks: 3,
      stadningHours: 1.5,
      tvattIntervalWeeks: 4,
      inkopIntervalWeeks: 2,
    });
  });
});
