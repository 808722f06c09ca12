/**
 * The structural rules every e-tjänst obeys, whether written as a definition (texts as i18n keys)
 * or as a document (texts inlined): unique page ids and field names, one check-answers and one
 * confirmation page, routes to pages that exist, conditions only on fields asked on that page or
 * before it, known rules, and settings that name fields that exist. Problems are named (a code and
 * its values), so that a definition can word them for developers and the e-tjänst editor for staff.
 */
import type { Condition } from './definition.ts';
import { knownRule } from './conditions.ts';

export type Problem = {
  code: string;
  params: Record<string, string | number>;
  path?: (string | number)[] | undefined;
  /** The fragment whose content holds the problem, when `path` is the reference to it. */
  fragment?: string | undefined;
};

/** The parts of a definition or document the structural rules read (texts play no part). */
export type Skeleton = {
  submitters: readonly string[];
  subject?: { personnummer?: string | undefined; name: readonly string[] } | undefined;
  onBehalf?: { field: string; submitterName: readonly string[]; submitterPersonnummer?: string | undefined } | undefined;
  textContext?: string | undefined;
  anonymous?: { field: string } | undefined;
  confirmation?: { personnummer: string; name: readonly string[]; contact?: readonly string[] | undefined; when?: Condition | undefined } | undefined;
  handling?: { urgentWhen?: Condition | undefined } | undefined;
  startsFrom?: Partial<Record<string, Record<string, unknown>>> | undefined;
  continuation?: { keep: readonly string[] } | undefined;
  pages: readonly SkeletonPage[];
};
export type SkeletonPage = {
  kind: string;
  id: string;
  fields?: readonly { name: string; unique?: readonly string[] | undefined; fields?: readonly { name: string }[] }[];
  next?: readonly { when: Condition; goto: string }[];
};

/** Each leaf of a condition with the field it reads, if any, and the rule it names, if any. */
export function conditionLeaves(c: Condition): { field?: string | undefined; rule?: string | undefined }[] {
  if ('all' in c) return c.all.flatMap(conditionLeaves);
  if ('any' in c) return c.any.flatMap(conditionLeaves);
  if ('rule' in c) return [{ rule: c.rule, field: c.field }];
  return [{ field: c.field }];
}

export function structuralProblems(def: Skeleton): Problem[] {
  const problems: Problem[] = [];
  const add = (code: string, params: Problem['params'] = {}, path?: Problem['path']) => problems.push({ code, params, ...(path ? { path } : {}) });
  const ids = new Set<string>();
  def.pages.forEach((p, i) => {
    if (ids.has(p.id)) add('duplicatePageId', { page: p.id }, ['pages', i, 'id']);
    ids.add(p.id);
  });
  const kinds = def.pages.map((p) => p.kind);
  if (kinds[0] !== 'question') add('firstPageNotQuestion', {}, ['pages', 0]);
  const count = (k: string) => kinds.filter((x) => x === k).length;
  if (count('checkAnswers') !== 1) add('checkAnswersCount', { count: count('checkAnswers') });
  if (count('confirmation') !== 1) add('confirmationCount', { count: count('confirmation') });
  const names = new Set<string>();
  def.pages.forEach((p, i) => {
    (p.fields ?? []).forEach((f, j) => {
      if (names.has(f.name)) add('duplicateField', { field: f.name }, ['pages', i, 'fields', j, 'name']);
      names.add(f.name);
      (f.unique ?? []).forEach((u, k) => {
        if (!(f.fields ?? []).some((x) => x.name === u)) add('uniqueOnUnknownField', { page: p.id, field: u }, ['pages', i, 'fields', j, 'unique', k]);
      });
    });
    (p.next ?? []).forEach((r, j) => {
      if (!ids.has(r.goto)) add('routeToUnknownPage', { page: p.id, target: r.goto }, ['pages', i, 'next', j, 'goto']);
    });
  });
  // A route is evaluated once its page is answered, so it may only use fields asked on that page
  // or an earlier one: a later page's answer could only be stale.
  const asked = new Set<string>();
  def.pages.forEach((p, i) => {
    for (const f of p.fields ?? []) asked.add(f.name);
    (p.next ?? []).forEach((r, j) => {
      for (const leaf of conditionLeaves(r.when)) {
        const path = ['pages', i, 'next', j, 'when'];
        if (leaf.rule !== undefined && !knownRule(leaf.rule)) add('unknownRule', { page: p.id, rule: leaf.rule }, path);
        else if (leaf.field !== undefined && !asked.has(leaf.field)) add(names.has(leaf.field) ? 'conditionOnLaterField' : 'conditionOnUnknownField', { page: p.id, field: leaf.field }, path);
      }
    });
  });
  if (def.anonymous && !def.submitters.includes('anonymous')) add('anonymousNotAmongSubmitters', {}, ['anonymous']);
  if (def.handling?.urgentWhen) {
    for (const leaf of conditionLeaves(def.handling.urgentWhen)) {
      if (leaf.rule !== undefined && !knownRule(leaf.rule)) add('unknownRule', { setting: 'handling.urgentWhen', rule: leaf.rule }, ['handling', 'urgentWhen']);
      else if (leaf.field !== undefined && !names.has(leaf.field)) add('settingOnUnknownField', { setting: 'handling.urgentWhen', field: leaf.field }, ['handling', 'urgentWhen']);
    }
  }
  if (def.confirmation?.when) {
    for (const leaf of conditionLeaves(def.confirmation.when)) {
      if (leaf.rule !== undefined && !knownRule(leaf.rule)) add('unknownRule', { setting: 'confirmation.when', rule: leaf.rule }, ['confirmation', 'when']);
      else if (leaf.field !== undefined && !names.has(leaf.field)) add('settingOnUnknownField', { setting: 'confirmation.when', field: leaf.field }, ['confirmation', 'when']);
    }
  }
  const referenced: [string, string][] = [
    ...(def.subject ? [...(def.subject.personnummer ? [def.subject.personnummer] : []), ...def.subject.name].map((n): [string, string] => ['subject', n]) : []),
    ...(def.onBehalf ? [def.onBehalf.field, ...def.onBehalf.submitterName, ...(def.onBehalf.submitterPersonnummer ? [def.onBehalf.submitterPersonnummer] : [])].map((n): [string, string] => ['onBehalf', n]) : []),
    ...(def.textContext ? [['textContext', def.textContext] as [string, string]] : []),
    ...(def.anonymous ? [['anonymous', def.anonymous.field] as [string, string]] : []),
    ...(def.confirmation ? [def.confirmation.personnummer, ...def.confirmation.name, ...(def.confirmation.contact ?? [])].map((n): [string, string] => ['confirmation', n]) : []),
    ...(def.continuation?.keep ?? []).map((n): [string, string] => ['continuation', n]),
    ...Object.values(def.startsFrom ?? {}).flatMap((answers) => Object.keys(answers ?? {}).map((n): [string, string] => ['startsFrom', n])),
  ];
  for (const [setting, field] of referenced) {
    if (!names.has(field)) add('settingOnUnknownField', { setting, field }, [setting]);
  }
  return problems;
}
