import type { DraftDocument } from '../schema.ts';
import { describe, expect, it } from 'vitest';
import type { FormInput } from '../../answers.ts';
import { evaluate } from '../../conditions.ts';
import { draft as rawDraft, fragmentSource } from '../fixtures.ts';
import { publish } from '../publish.ts';
import { editPage } from './pages.ts';
import { postedRows, readRoutes, routeRow, RULE_NAMES } from './routes.ts';

const draft = () => rawDraft() as unknown as DraftDocument;

const form = (values: Record<string, string>): FormInput => ({ get: (n) => values[n] ?? null, getAll: (n) => (values[n] === undefined ? [] : [values[n]!]) });
const ids = new Set(['a', 'b', 'slut']);

describe('routes as form rows', () => {
  it('reads an any-route of two conditions, one of them a negated named rule with its question', () => {
    const errors = {};
    const routes = readRoutes(
      form({ 'route.0.goto': 'slut', 'route.0.combine': 'any', 'route.0.0.kind': 'equals', 'route.0.0.field': 'forVem', 'route.0.0.value': 'barn', 'route.0.1.kind': 'notRule', 'route.0.1.rule': 'belowAgeLimit', 'route.0.1.field': 'pnr' }),
      ids,
      errors,
    );
    expect(errors).toEqual({});
    expect(routes).toEqual([{ when: { any: [{ field: 'forVem', equals: 'barn' }, { rule: 'belowAgeLimit', field: 'pnr', negate: true }] }, goto: 'slut' }]);
    const today = new Date('2026-11-23');
    const ctx = { today, rules: { ageLimit: 18 } } as never;
    expect(evaluate(routes[0]!.when as never, { forVem: 'barn' }, ctx)).toBe(true);
    expect(evaluate(routes[0]!.when as never, { forVem: 'mig', pnr: '191212121212' }, ctx)).toBe(true);
  });

  it('reads all-routes, a single condition as a plain condition, and drops empty rows', () => {
    const errors = {};
    const routes = readRoutes(
      form({ 'route.0.goto': 'a', 'route.0.0.kind': 'notEquals', 'route.0.0.field': 'x', 'route.0.0.value': 'ja', 'route.1.goto': 'b', 'route.1.combine': 'all', 'route.1.0.field': 'x', 'route.1.0.value': 'nej', 'route.1.2.kind': 'rule', 'route.1.2.rule': 'requireFolkbokford' }),
      ids,
      errors,
    );
    expect(errors).toEqual({});
    expect(routes).toEqual([
      { when: { field: 'x', notEquals: 'ja' }, goto: 'a' },
      { when: { all: [{ field: 'x', equals: 'nej' }, { rule: 'requireFolkbokford' }] }, goto: 'b' },
    ]);
  });

  it('refuses an unknown rule, a rule with a value, a route without a condition, and names the input', () => {
    const errors = {};
    readRoutes(form({ 'route.0.goto': 'a', 'route.0.0.kind': 'rule', 'route.0.0.rule': 'constructor', 'route.1.goto': 'b', 'route.2.goto': 'a', 'route.2.0.kind': 'rule', 'route.2.0.rule': 'always', 'route.2.0.value': 'ja' }), ids, errors);
    expect(errors).toEqual({ 'route.0.0.rule': 'unknownRule', 'route.1.0.field': 'conditionRequired', 'route.2.0.value': 'valueWithRule' });
  });

  it('shows a route as rows and back, except one with groups within groups', () => {
    const r = { when: { any: [{ field: 'x', equals: 'ja' }, { rule: 'always', negate: true }] }, goto: 'a' };
    expect(routeRow(r)).toEqual({ goto: 'a', combine: 'any', conditions: [{ kind: 'equals', field: 'x', value: 'ja', rule: '' }, { kind: 'notRule', field: '', value: '', rule: 'always' }] });
    expect(routeRow({ when: { all: [{ any: [{ rule: 'always' }] }] }, goto: 'a' })).toBeUndefined();
    expect(postedRows({ 'route.0.goto': 'a', 'route.0.combine': 'any', 'route.0.1.kind': 'rule', 'route.0.1.rule': 'always' })).toEqual([{ goto: 'a', combine: 'any', conditions: [{ kind: 'rule', field: '', value: '', rule: 'always' }] }]);
    expect(RULE_NAMES).toContain('belowAgeLimit');
  });

  it('keeps a nested route a page form cannot show, and the draft still publishes', () => {
    const d = draft() as Record<string, any>;
    const alder = d.pages.find((p: any) => p.id === 'alder');
    alder.next.push({ when: { all: [{ any: [{ field: 'over12', equals: 'nej' }, { rule: 'belowAgeLimit', field: 'over12' }] }] }, goto: 'for-ung' });
    const e = editPage(d as never, 'alder', form({ 'title.sv': 'Ålder', 'route.0.goto': 'for-ung', 'route.0.combine': 'any', 'route.0.0.field': 'over12', 'route.0.0.value': 'nej', 'route.0.1.field': 'forVem', 'route.0.1.kind': 'notEquals', 'route.0.1.value': 'barn' }));
    if (!e.ok) throw new Error(JSON.stringify(e.errors));
    const next = (e.doc.pages as any[]).find((p) => p.id === 'alder').next;
    expect(next).toHaveLength(2);
    expect(next[0].when).toEqual({ any: [{ field: 'over12', equals: 'nej' }, { field: 'forVem', notEquals: 'barn' }] });
    expect(next[1].when.all[0].any).toHaveLength(2);
    const r = publish(e.doc, { fragments: fragmentSource, today: new Date('2026-11-23T12:00:00Z') });
    expect(r.ok ? [] : r.problems.map((p) => p.code)).not.toContain('unreachablePage');
  });
});

describe('a condition in words', () => {
  it('joins groups with the reader’s words, nested groups in parentheses', async () => {
    const { conditionInWords } = await import('./routes.ts');
    const word = (k: string, v: Record<string, string> = {}) => (k.startsWith('rule:') ? k.slice(5) : `${k}${Object.keys(v).length ? `[${Object.values(v).join('|')}]` : ''}`);
    expect(conditionInWords({ field: 'a', equals: 'ja' }, word)).toBe('equals[a|ja]');
    expect(conditionInWords({ any: [{ field: 'a', equals: 'ja' }, { all: [{ rule: 'always', negate: true }, { rule: 'belowAgeLimit', field: 'p' }] }] }, word)).toBe('equals[a|ja]or(notRule[always]andruleOn[belowAgeLimit|p])');
  });
});
