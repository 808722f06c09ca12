/**
 * Small-number suppression for public figures: a count from 1 to 4 could point at a person (in a
 * small municipality, "2 orosanmälningar in March" is close to a name), so it is shown as "färre
 * än 5", never as a number. Zero is shown: it identifies no one. When a group's total is shown and
 * only one cell in it is suppressed, that cell could be worked out by subtraction, so the next
 * smallest non-zero cell is suppressed as well (secondary suppression).
 */
export const MIN_COUNT = 5;

export type Shown = { kind: 'count'; value: number } | { kind: 'suppressed' };

export function suppressGroup(values: readonly number[], min = MIN_COUNT): Shown[] {
  const out: Shown[] = values.map((v) => (v > 0 && v < min ? { kind: 'suppressed' } : { kind: 'count', value: v }));
  const hidden = out.filter((s) => s.kind === 'suppressed').length;
  if (hidden === 1) {
    let pick = -1;
    values.forEach((v, i) => {
      if (out[i]?.kind === 'count' && v > 0 && (pick < 0 || v < (values[pick] ?? Infinity))) pick = i;
    });
    if (pick >= 0) out[pick] = { kind: 'suppressed' };
  }
  return out;
}

/** A single count with no total beside it. */
export function suppressOne(value: number, min = MIN_COUNT): Shown {
  return value > 0 && value < min ? { kind: 'suppressed' } : { kind: 'count', value };
}

/** A share is shown only when its base is at least `min` (a share of 2 is a person). */
export function shareOrNull(part: number, whole: number, min = MIN_COUNT): number | null {
  return whole >= min ? part / whole : null;
}
