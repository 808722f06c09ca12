/**
 * "Andel positiva" for one question: the share of the two most positive options (or the positive
 * yes/no answer) among those who answered it. "Vet ej / ej aktuellt" and unanswered questions are
 * left out of both counts.
 */
import { DONT_KNOW, POSITIVE_OPTIONS, SCALES, type ScoredQuestion } from './definition.ts';

export type Tally = { /** answered, not counting vet ej */ n: number; positive: number };

export const EMPTY_TALLY: Tally = { n: 0, positive: 0 };

/** Whether one answer counts, and whether it is positive. */
export function classify(q: ScoredQuestion, answer: unknown): 'positive' | 'other' | 'none' {
  if (typeof answer !== 'string' || answer === '' || answer === DONT_KNOW) return 'none';
  if (q.kind === 'scale') {
    const options: readonly string[] = SCALES[q.scale];
    const i = options.indexOf(answer);
    if (i < 0) return 'none';
    return i < POSITIVE_OPTIONS ? 'positive' : 'other';
  }
  if (answer !== 'ja' && answer !== 'nej') return 'none';
  return answer === q.positive ? 'positive' : 'other';
}

export function tally(q: ScoredQuestion, answers: Iterable<Record<string, unknown>>): Tally {
  let n = 0;
  let positive = 0;
  for (const a of answers) {
    const c = classify(q, a[q.id]);
    if (c === 'none') continue;
    n++;
    if (c === 'positive') positive++;
  }
  return { n, positive };
}

export function addTallies(a: Tally, b: Tally): Tally {
  return { n: a.n + b.n, positive: a.positive + b.positive };
}

/** Whole percent, rounded half up; undefined with no answers. */
export function percent(t: Tally): number | undefined {
  if (t.n === 0) return undefined;
  return Math.round((100 * t.positive) / t.n);
}
