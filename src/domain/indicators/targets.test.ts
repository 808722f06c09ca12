import { describe, expect, it } from 'vitest';
import { parseTargetInput } from './targets.ts';
import { SEED_TARGETS } from './seed-targets.ts';
import { planLifecycleChange, LifecycleRuleError } from './lifecycle.ts';

describe('targets', () => {
  it('holds seed 001’s numbers and leaves unclear cells as text', () => {
    const launched = SEED_TARGETS.filter((c) => c.indicatorId === 'lanserade-etjanster' && c.kind === 'target').map((c) => [c.year, c.value]);
    expect(launched).toEqual([[2024, '7'], [2025, '15'], [2026, '20'], [2027, '30'], [2028, '40']]);
    const nov = SEED_TARGETS.find((c) => c.indicatorId === 'forenklad-beslut' && c.year === 2024);
    expect(nov).toMatchObject({ kind: 'outcome', value: '68', note: 't.o.m. november' });
    expect(SEED_TARGETS.find((c) => c.indicatorId === 'forenklad-beslut' && c.year === 2022)).toMatchObject({ value: null, note: 'ej redovisat' });
  });

  it('parses an edited cell: empty, a decimal comma, or an error', () => {
    expect(parseTargetInput('target-2025', '', ' ej redovisat ')).toEqual({ value: null, note: 'ej redovisat', errors: [] });
    expect(parseTargetInput('target-2025', '12,5', '').value).toBe('12.5');
    expect(parseTargetInput('target-2025', 'tolv', '').errors).toEqual([{ path: 'target-2025-value', code: 'valueInvalid' }]);
    expect(parseTargetInput('target-2025', '2000000', '').errors[0]?.code).toBe('valueTooLarge');
  });
});

describe('the e-tjänst life cycle rules', () => {
  const known = ['a', 'b'];
  it('allows utkast → publicerad → avpublicerad → publicerad, with a replacement only when retiring', () => {
    expect(planLifecycleChange('a', 'utkast', 'publicerad', null, known)).toEqual({ to: 'publicerad', replacedBy: null });
    expect(planLifecycleChange('a', 'publicerad', 'avpublicerad', 'b', known)).toEqual({ to: 'avpublicerad', replacedBy: 'b' });
    expect(planLifecycleChange('a', 'avpublicerad', 'publicerad', null, known).to).toBe('publicerad');
  });

  it('refuses other changes with a reason', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof LifecycleRuleError ? e.code : 'other';
      }
      return 'none';
    };
    expect(code(() => planLifecycleChange('a', 'utkast', 'avpublicerad', null, known))).toBe('stateNotAllowed');
    expect(code(() => planLifecycleChange('a', 'publicerad', 'avpublicerad', 'a', known))).toBe('replacedBySelf');
    expect(code(() => planLifecycleChange('a', 'publicerad', 'avpublicerad', 'x', known))).toBe('replacedByUnknown');
    expect(code(() => planLifecycleChange('a', 'utkast', 'publicerad', 'b', known))).toBe('replacedByOnlyWhenRetired');
  });
});
