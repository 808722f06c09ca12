import { describe, expect, it } from 'vitest';
import { classify, percent, tally } from './scoring.ts';
import type { ScoredQuestion } from './definition.ts';

const scale: ScoredQuestion = { kind: 'scale', id: 'hansyn', scale: 'frekvens' };
const yes: ScoredQuestion = { kind: 'yesNo', id: 'fattHjalp', positive: 'ja', dontKnow: true };

describe('andel positiva', () => {
  it('counts the two most positive options of a scale as positive', () => {
    expect(classify(scale, 'alltid')).toBe('positive');
    expect(classify(scale, 'oftast')).toBe('positive');
    expect(classify(scale, 'ibland')).toBe('other');
    expect(classify(scale, 'aldrig')).toBe('other');
  });

  it('leaves out "vet ej / ej aktuellt", unanswered questions and unknown values', () => {
    const answers = [{ hansyn: 'alltid' }, { hansyn: 'vet-ej' }, {}, { hansyn: 'nonsens' }, { hansyn: 'sallan' }];
    expect(tally(scale, answers)).toEqual({ n: 2, positive: 1 });
    expect(percent(tally(scale, answers))).toBe(50);
  });

  it('scores a yes/no question as the share of the positive answer', () => {
    expect(tally(yes, [{ fattHjalp: 'ja' }, { fattHjalp: 'ja' }, { fattHjalp: 'nej' }, { fattHjalp: 'vet-ej' }])).toEqual({ n: 3, positive: 2 });
  });

  it('has no share without answers', () => {
    expect(percent({ n: 0, positive: 0 })).toBeUndefined();
  });

  it('rounds to whole percent', () => {
    expect(percent({ n: 3, positive: 2 })).toBe(67);
    expect(percent({ n: 8, positive: 7 })).toBe(88);
  });
});
