import { describe, expect, it } from 'vitest';
import { MIN_RESPONDENTS, shown, suppressTree, type TreeNode } from './suppression.ts';
import type { Tally } from './scoring.ts';

const leaf = (key: string, n: number, positive = Math.floor(n / 2)): TreeNode => ({ key, tally: { n, positive }, children: [] });
const node = (key: string, children: TreeNode[]): TreeNode => ({
  key,
  tally: children.reduce<Tally>((t, c) => ({ n: t.n + c.tally.n, positive: t.positive + c.tally.positive }), { n: 0, positive: 0 }),
  children,
});

/** Every node of the tree. */
function all(root: TreeNode): TreeNode[] {
  return [root, ...root.children.flatMap(all)];
}

/**
 * The differencing attack at full strength: every "parent = sum of children" is an equation, every
 * shown cell a known number. Gaussian elimination over the unknowns tells which suppressed cells
 * the equations pin down exactly. Returns those keys (with at least one answer).
 */
function derivable(root: TreeNode, hidden: Set<string>, field: 'n' | 'positive'): string[] {
  const nodes = all(root);
  const unknown = nodes.filter((n) => hidden.has(n.key));
  const col = new Map(unknown.map((n, i) => [n.key, i]));
  const rows: number[][] = [];
  for (const p of nodes) {
    if (p.children.length === 0) continue;
    // p − Σ children = 0; known terms move to the right-hand side.
    const row = new Array<number>(unknown.length + 1).fill(0);
    const term = (n: TreeNode, sign: number) => {
      const c = col.get(n.key);
      if (c === undefined) row[unknown.length]! -= sign * n.tally[field];
      else row[c]! += sign;
    };
    term(p, 1);
    p.children.forEach((c) => term(c, -1));
    rows.push(row);
  }
  // Reduced row echelon form.
  let r = 0;
  for (let c = 0; c < unknown.length && r < rows.length; c++) {
    const pivot = rows.findIndex((row, i) => i >= r && Math.abs(row[c]!) > 1e-9);
    if (pivot < 0) continue;
    [rows[r], rows[pivot]] = [rows[pivot]!, rows[r]!];
    const pr = rows[r]!;
    const f = pr[c]!;
    for (let k = 0; k <= unknown.length; k++) pr[k]! /= f;
    rows.forEach((row, i) => {
      if (i === r || Math.abs(row[c]!) < 1e-9) return;
      const g = row[c]!;
      for (let k = 0; k <= unknown.length; k++) row[k]! -= g * pr[k]!;
    });
    r++;
  }
  // An unknown is pinned down when some row has it as its only non-zero coefficient.
  return unknown
    .filter((_n, i) => rows.some((row) => Math.abs(row[i]!) > 1e-9 && row.every((v, k) => k === i || k === unknown.length || Math.abs(v) < 1e-9)))
    .filter((n) => n.tally.n > 0)
    .map((n) => n.key);
}

function hiddenKeys(root: TreeNode): Set<string> {
  const cells = suppressTree(root);
  return new Set([...cells].filter(([, c]) => c.suppressed).map(([k]) => k));
}

describe('suppression of small groups', () => {
  it('shows a group of five or more and hides a group of fewer than five', () => {
    const root = node('total', [leaf('a', 5), leaf('b', 6), leaf('c', 7), leaf('d', 4), leaf('e', 12)]);
    const cells = suppressTree(root);
    expect(cells.get('b')?.suppressed).toBe(false);
    expect(cells.get('d')).toMatchObject({ suppressed: true, reason: 'few' });
    // The smallest shown group becomes the complement of the lone small one.
    expect(cells.get('a')).toMatchObject({ suppressed: true, reason: 'complement' });
    expect(shown(cells.get('d'))).toEqual({ suppressed: true });
    expect(shown(cells.get('e'))).toEqual({ suppressed: false, n: 12, percent: 50 });
  });

  it('never shows a number for a group of fewer than five respondents', () => {
    for (let n = 0; n < MIN_RESPONDENTS; n++) {
      const cells = suppressTree(node('total', [leaf('x', n), leaf('y', 40), leaf('z', 40)]));
      expect(shown(cells.get('x'))).toEqual({ suppressed: true });
    }
  });

  it('hides the next smallest group too, so the total minus the shown groups does not give a lone small group back', () => {
    const root = node('total', [leaf('small', 3, 1), leaf('mid', 8, 6), leaf('big', 20, 15)]);
    const cells = suppressTree(root);
    expect(cells.get('small')?.suppressed).toBe(true);
    expect(cells.get('mid')).toMatchObject({ suppressed: true, reason: 'complement' });
    expect(cells.get('big')?.suppressed).toBe(false);
    expect(cells.get('total')?.suppressed).toBe(false);
    // The attack: total − visible groups = small + mid together (11 answers), never small alone.
    const remainder = root.tally.n - [...cells].filter(([k, c]) => k !== 'total' && !c.suppressed).reduce((s, [k]) => s + root.children.find((c) => c.key === k)!.tally.n, 0);
    expect(remainder).toBe(11);
    expect(derivable(root, hiddenKeys(root), 'n')).toEqual([]);
    expect(derivable(root, hiddenKeys(root), 'positive')).toEqual([]);
  });

  it('hides more when two hidden groups together still have fewer than five answers', () => {
    const root = node('total', [leaf('a', 1), leaf('b', 2), leaf('c', 9), leaf('d', 30)]);
    const cells = suppressTree(root);
    expect(cells.get('c')?.suppressed).toBe(true);
    expect(cells.get('d')?.suppressed).toBe(false);
  });

  it('hides the total when the only group beside a small one is itself the complement', () => {
    const root = node('total', [leaf('only', 3)]);
    const cells = suppressTree(root);
    expect(cells.get('total')?.suppressed).toBe(true);
    expect(cells.get('only')?.suppressed).toBe(true);
  });

  it('hides a unit of an area that was hidden as a complement, so the units do not add up to it', () => {
    // Areas: A (3 answers) is too small; B (12) is its complement; B's units must not add up to B.
    const root = node('period', [node('A', [leaf('a1', 3)]), node('B', [leaf('b1', 6), leaf('b2', 6)]), node('C', [leaf('c1', 10), leaf('c2', 10)])]);
    const hidden = hiddenKeys(root);
    expect(hidden.has('A')).toBe(true);
    expect(hidden.has('B')).toBe(true);
    expect(hidden.has('b1') || hidden.has('b2')).toBe(true);
    expect(derivable(root, hidden, 'n')).toEqual([]);
  });

  it('ignores groups with no answers: they reveal nothing and protect nothing', () => {
    const root = node('total', [leaf('none', 0), leaf('small', 2), leaf('x', 10), leaf('y', 11)]);
    const hidden = hiddenKeys(root);
    expect(hidden.has('x')).toBe(true);
    expect(hidden.has('y')).toBe(false);
  });

  it('withstands the differencing attack on every tree of a thousand random ones (year → period → area → unit)', () => {
    let seed = 12345;
    const rand = (k: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % k;
    };
    for (let t = 0; t < 1000; t++) {
      const periods = Array.from({ length: 1 + rand(3) }, (_, p) =>
        node(`p${p}`, Array.from({ length: 1 + rand(3) }, (_, a) =>
          node(`p${p}a${a}`, Array.from({ length: 1 + rand(4) }, (_, u) => {
            const n = rand(4) === 0 ? rand(5) : rand(30);
            return leaf(`p${p}a${a}u${u}`, n, rand(n + 1));
          })),
        )),
      );
      const root = node('year', periods);
      const cells = suppressTree(root);
      const hidden = hiddenKeys(root);
      for (const n of all(root)) if (n.tally.n < MIN_RESPONDENTS) expect(cells.get(n.key)?.suppressed, n.key).toBe(true);
      expect(derivable(root, hidden, 'n'), `tree ${t}`).toEqual([]);
      expect(derivable(root, hidden, 'positive'), `tree ${t}`).toEqual([]);
    }
  });
});
