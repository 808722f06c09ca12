import { describe, expect, it } from 'vitest';
import { suppressGroup, suppressOne } from './suppress.ts';

describe('small-number suppression', () => {
  it('shows 1–4 as suppressed and zero and 5 as numbers', () => {
    expect([0, 1, 4, 5].map((n) => suppressOne(n))).toEqual([
      { kind: 'count', value: 0 },
      { kind: 'suppressed' },
      { kind: 'suppressed' },
      { kind: 'count', value: 5 },
    ]);
  });

  it('suppresses a second cell when one alone could be worked out from the total', () => {
    expect(suppressGroup([12, 3, 7, 0])).toEqual([{ kind: 'count', value: 12 }, { kind: 'suppressed' }, { kind: 'suppressed' }, { kind: 'count', value: 0 }]);
    expect(suppressGroup([2, 3, 9])).toEqual([{ kind: 'suppressed' }, { kind: 'suppressed' }, { kind: 'count', value: 9 }]);
  });
});
