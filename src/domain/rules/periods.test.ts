import { describe, expect, it } from 'vitest';
import { defaultForenkladRules } from './forenklad.ts';
import { addProblem, changedValues, dayBefore, inForceOn, parseRules, removeProblem, stateOf, withEnds } from './periods.ts';

const periods = [{ validFrom: '2027-01-01' }, { validFrom: '1970-01-01' }, { validFrom: '2026-01-01' }];

describe('rule-set periods', () => {
  it('each runs until the day before the next starts; the last is open', () => {
    expect(withEnds(periods).map((p) => [p.validFrom, p.validTo])).toEqual([
      ['1970-01-01', '2025-12-31'],
      ['2026-01-01', '2026-12-31'],
      ['2027-01-01', null],
    ]);
  });

  it('the day before counts calendar days, leap days included', () => {
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
    expect(dayBefore('2027-03-01')).toBe('2027-02-28');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
  });

  it('the one in force on a day is the latest that has started', () => {
    expect(inForceOn(periods, '2025-12-31')?.validFrom).toBe('1970-01-01');
    expect(inForceOn(periods, '2026-01-01')?.validFrom).toBe('2026-01-01');
    expect(inForceOn(periods, '2030-06-01')?.validFrom).toBe('2027-01-01');
    expect(inForceOn(periods, '1969-12-31')).toBeUndefined();
  });

  it('is past, current or coming as of today', () => {
    const [a, b, c] = withEnds(periods);
    expect([stateOf(a!, '2026-06-01'), stateOf(b!, '2026-06-01'), stateOf(c!, '2026-06-01')]).toEqual(['past', 'current', 'future']);
    expect(stateOf(b!, '2026-12-31')).toBe('current');
  });

  it('a new one starts today at the earliest, on a day no other starts', () => {
    expect(addProblem(periods, '2026-06-01', '2026-06-02')).toBe('inPast');
    expect(addProblem(periods, '2026-06-02', '2026-06-02')).toBeUndefined();
    expect(addProblem(periods, '2027-01-01', '2026-06-02')).toBe('taken');
  });

  it('only one that starts today or later may go, never the first', () => {
    expect(removeProblem(periods, '2026-01-01', '2026-06-02')).toBe('notFuture');
    expect(removeProblem(periods, '2027-01-01', '2026-06-02')).toBeUndefined();
    expect(removeProblem(periods, '2027-01-01', '2027-01-01')).toBeUndefined();
    expect(removeProblem([{ validFrom: '2030-01-01' }], '2030-01-01', '2026-06-02')).toBe('first');
  });

  it('names the values that differ, for the audit trail', () => {
    const after = { ...defaultForenkladRules, offered: ['stadning' as const], fees: { ...defaultForenkladRules.fees, maxtaxaMonthly: 2600 } };
    expect(changedValues(defaultForenkladRules, after)).toEqual({ offered: 'stadning', 'fees.maxtaxaMonthly': 2600 });
    expect(changedValues(defaultForenkladRules, defaultForenkladRules)).toEqual({});
  });

  it('refuses a stored rule set outside the limits', () => {
    expect(parseRules(defaultForenkladRules)).toEqual(defaultForenkladRules);
    expect(() => parseRules({ ...defaultForenkladRules, limits: { ...defaultForenkladRules.limits, stadningHours: 2.25 } })).toThrow();
    expect(() => parseRules({ ...defaultForenkladRules, offered: ['tvatt', 'tvatt'] })).toThrow();
  });
});
