/**
 * Small groups are never shown as numbers, and cannot be worked out from what is shown.
 *
 * Results form a tree (year → period → area → unit), each node the sum of its children. A node
 * with fewer than MIN_RESPONDENTS answers is suppressed ("för få svar"). Suppressing it alone is
 * not enough: the parent minus the visible siblings would give it back (the differencing attack).
 * So, until nothing changes, for every node and its children:
 *  - parent shown: the suppressed children (with any answers) must be none, or at least two that
 *    together have at least MIN_RESPONDENTS answers; otherwise the smallest shown child is
 *    suppressed too, or the parent when no child is left to suppress;
 *  - parent suppressed: at least one of its children with answers must be suppressed as well,
 *    or the children would add up to it.
 * A group with no answers at all reveals nothing and protects nothing; it is passed over.
 */
import type { Tally } from './scoring.ts';

export const MIN_RESPONDENTS = 5;

export type TreeNode = { key: string; tally: Tally; children: TreeNode[] };

export type Cell = { tally: Tally; suppressed: false } | { tally: Tally; suppressed: true; reason: 'few' | 'complement' };

/** The suppression decision per node key. The tree is not changed. */
export function suppressTree(root: TreeNode, min = MIN_RESPONDENTS): Map<string, Cell> {
  const nodes: TreeNode[] = [];
  const visit = (n: TreeNode) => {
    nodes.push(n);
    n.children.forEach(visit);
  };
  visit(root);
  const hidden = new Map<string, 'few' | 'complement'>();
  for (const n of nodes) if (n.tally.n < min) hidden.set(n.key, 'few');

  const isHidden = (n: TreeNode) => hidden.has(n.key);
  const smallestShown = (children: TreeNode[]) =>
    children
      .filter((c) => !isHidden(c) && c.tally.n > 0)
      .sort((a, b) => a.tally.n - b.tally.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))[0];

  for (let changed = true; changed; ) {
    changed = false;
    for (const p of nodes) {
      if (p.children.length === 0) continue;
      const hiddenWithAnswers = p.children.filter((c) => isHidden(c) && c.tally.n > 0);
      if (!isHidden(p)) {
        const together = hiddenWithAnswers.reduce((s, c) => s + c.tally.n, 0);
        if (hiddenWithAnswers.length === 1 || (hiddenWithAnswers.length > 1 && together < min)) {
          const next = smallestShown(p.children) ?? p;
          hidden.set(next.key, 'complement');
          changed = true;
        }
      } else if (p.tally.n > 0 && hiddenWithAnswers.length === 0) {
        const next = smallestShown(p.children);
        if (next) {
          hidden.set(next.key, 'complement');
          changed = true;
        }
      }
    }
  }

  const out = new Map<string, Cell>();
  for (const n of nodes) {
    const reason = hidden.get(n.key);
    out.set(n.key, reason ? { tally: n.tally, suppressed: true, reason } : { tally: n.tally, suppressed: false });
  }
  return out;
}

/** What may be shown of a cell: its count and share, or nothing. */
export type ShownCell = { suppressed: true } | { suppressed: false; n: number; percent: number };

export function shown(cell: Cell | undefined): ShownCell {
  if (!cell || cell.suppressed || cell.tally.n === 0) return { suppressed: true };
  return { suppressed: false, n: cell.tally.n, percent: Math.round((100 * cell.tally.positive) / cell.tally.n) };
}
