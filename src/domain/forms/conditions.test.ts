import { describe, expect, it } from 'vitest';
import { defaultForenkladRules } from '../rules/forenklad.ts';
import { evaluate } from './conditions.ts';

const ctx = { today: new Date('2026-01-15T12:00:00Z'), rules: defaultForenkladRules };

describe('equality conditions', () => {
  it('compare a single answer with the value', () => {
    expect(evaluate({ field: 'boende', equals: 'sarskilt' }, { boende: 'sarskilt' }, ctx)).toBe(true);
    expect(evaluate({ field: 'boende', equals: 'sarskilt' }, { boende: 'ordinart' }, ctx)).toBe(false);
    expect(evaluate({ field: 'boende', notEquals: 'sarskilt' }, {}, ctx)).toBe(true);
  });

  it('ask of a choice of several whether the value is among those chosen', () => {
    const answers = { insatser: ['trygghetslarm', 'hemtjanst'] };
    expect(evaluate({ field: 'insatser', equals: 'hemtjanst' }, answers, ctx)).toBe(true);
    expect(evaluate({ field: 'insatser', notEquals: 'hemtjanst' }, answers, ctx)).toBe(false);
    expect(evaluate({ field: 'insatser', equals: 'ledsagning' }, answers, ctx)).toBe(false);
    expect(evaluate({ field: 'insatser', notEquals: 'ledsagning' }, answers, ctx)).toBe(true);
  });
});
