/**
 * A question page's routes (`next`) as form rows: each route goes to a page when its conditions
 * hold — all of them or any of them — and each condition is "the answer to <question> is (not)
 * <value>" or "the rule <name> holds (does not hold)", a rule from the engine's registry
 * (../../conditions.ts), with the question it reads when it reads one. Inputs:
 * `route.<i>.goto`, `route.<i>.combine` (all | any), `route.<i>.<j>.kind` (equals | notEquals |
 * rule | notRule), `.field`, `.value`, `.rule`. A route with no page and no condition is dropped;
 * a route whose condition nests groups in groups, which the rows cannot show, is kept as it is. Pure.
 */
import type { Condition } from '../../definition.ts';
import { knownRule, rules } from '../../conditions.ts';
import type { FormInput } from '../../answers.ts';
import { FIELD_NAME, str, type Errors, type Obj } from './common.ts';

export const CONDITION_KINDS = ['equals', 'notEquals', 'rule', 'notRule'] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];
export const COMBINES = ['all', 'any'] as const;
/** The named rules a condition may use, as the engine has them. */
export const RULE_NAMES = Object.keys(rules);
/** How many routes, and conditions in a route, a posted form is read for. */
export const MAX_ROUTES = 20;
export const MAX_CONDITIONS = 10;

export type ConditionRow = { kind: ConditionKind; field: string; value: string; rule: string };
export type RouteRow = { goto: string; combine: 'all' | 'any'; conditions: ConditionRow[] };

const isLeaf = (c: Condition): boolean => !('all' in c) && !('any' in c);

/** The route as rows, or undefined when its condition nests groups (kept as it is). */
export function routeRow(r: Obj): RouteRow | undefined {
  const when = r.when as Condition | undefined;
  if (!when || typeof r.goto !== 'string') return undefined;
  const group = 'all' in when ? { combine: 'all' as const, leaves: when.all } : 'any' in when ? { combine: 'any' as const, leaves: when.any } : { combine: 'all' as const, leaves: [when] };
  if (!group.leaves.every(isLeaf)) return undefined;
  return { goto: r.goto, combine: group.combine, conditions: group.leaves.map(leafRow) };
}

function leafRow(c: Condition): ConditionRow {
  if ('equals' in c) return { kind: 'equals', field: c.field, value: c.equals, rule: '' };
  if ('notEquals' in c) return { kind: 'notEquals', field: c.field, value: c.notEquals, rule: '' };
  const r = c as { rule: string; field?: string; negate?: boolean };
  return { kind: r.negate ? 'notRule' : 'rule', field: r.field ?? '', value: '', rule: r.rule };
}

/** The rows a posted form holds (to show again when it is refused). */
export function postedRows(posted: Record<string, string>): RouteRow[] {
  const out: RouteRow[] = [];
  for (let i = 0; i < MAX_ROUTES; i++) {
    const conditions: ConditionRow[] = [];
    for (let j = 0; j < MAX_CONDITIONS; j++) {
      const at = (p: string) => posted[`route.${i}.${j}.${p}`] ?? '';
      const row = { kind: (CONDITION_KINDS as readonly string[]).includes(at('kind')) ? (at('kind') as ConditionKind) : 'equals', field: at('field'), value: at('value'), rule: at('rule') };
      if (row.field || row.value || row.rule) conditions.push(row);
    }
    const goto = posted[`route.${i}.goto`] ?? '';
    if (goto || conditions.length > 0) out.push({ goto, combine: posted[`route.${i}.combine`] === 'any' ? 'any' : 'all', conditions });
  }
  return out;
}

/** Reads the routes of a page's form; errors by input name. `pageIds`: the pages a route may go to. */
export function readRoutes(form: FormInput, pageIds: Set<string>, errors: Errors): Obj[] {
  const routes: Obj[] = [];
  for (let i = 0; i < MAX_ROUTES; i++) {
    const goto = str(form, `route.${i}.goto`);
    const leaves: Condition[] = [];
    for (let j = 0; j < MAX_CONDITIONS; j++) {
      const name = (p: string) => `route.${i}.${j}.${p}`;
      const kind = str(form, name('kind')) || 'equals';
      const field = str(form, name('field'));
      const value = str(form, name('value'));
      const rule = str(form, name('rule'));
      if (field === '' && value === '' && rule === '') continue;
      if (!(CONDITION_KINDS as readonly string[]).includes(kind)) {
        errors[name('kind')] = 'choose';
        continue;
      }
      if (field !== '' && !FIELD_NAME.test(field)) errors[name('field')] = 'fieldName';
      if (kind === 'equals' || kind === 'notEquals') {
        if (field === '') errors[name('field')] = 'choose';
        if (value === '') errors[name('value')] = 'required';
        if (rule !== '') errors[name('rule')] = 'ruleWithValue';
        leaves.push(kind === 'equals' ? { field, equals: value } : { field, notEquals: value });
      } else {
        if (rule === '') errors[name('rule')] = 'choose';
        else if (!knownRule(rule)) errors[name('rule')] = 'unknownRule';
        if (value !== '') errors[name('value')] = 'valueWithRule';
        leaves.push({ rule, ...(field ? { field } : {}), ...(kind === 'notRule' ? { negate: true } : {}) });
      }
    }
    if (goto === '' && leaves.length === 0) continue;
    if (goto === '') errors[`route.${i}.goto`] = 'choose';
    else if (!pageIds.has(goto)) errors[`route.${i}.goto`] = 'noSuchPage';
    if (leaves.length === 0) errors[`route.${i}.0.field`] = 'conditionRequired';
    const combine = str(form, `route.${i}.combine`) === 'any' ? 'any' : 'all';
    const when: Condition = leaves.length === 1 ? leaves[0]! : combine === 'any' ? { any: leaves } : { all: leaves };
    routes.push({ when, goto });
  }
  return routes;
}

/**
 * A condition in words, for the overview: `word(key, values)` words one part (routes.equals,
 * routes.rule, routes.and …) in the reader's language; a group within a group is in parentheses.
 */
export function conditionInWords(c: Condition, word: (key: string, values?: Record<string, string>) => string, nested = false): string {
  if ('all' in c || 'any' in c) {
    const [parts, joiner] = 'all' in c ? [c.all, word('and')] : [c.any, word('or')];
    const s = parts.map((p) => conditionInWords(p, word, true)).join(joiner);
    return nested && parts.length > 1 ? `(${s})` : s;
  }
  if ('equals' in c) return word('equals', { field: c.field, value: c.equals });
  if ('notEquals' in c) return word('notEquals', { field: c.field, value: c.notEquals });
  const rule = word(`rule:${c.rule}`);
  return word(`${c.negate ? 'notRule' : 'rule'}${c.field ? 'On' : ''}`, { rule, ...(c.field ? { field: c.field } : {}) });
}
