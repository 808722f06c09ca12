/**
 * What changed between two versions of an e-tjänst: settings, start sections, pages (by id), fields
 * (by name, also when moved to another page), options (by value), the conditions of each page,
 * every text per language (by its site, ./sites.ts), and scenarios (by name). Structured, for the
 * editor to render; the texts of something added or removed are not listed again one by one.
 */
import type { PublishedDocument, DocumentField, DocumentPage } from './schema.ts';
import { canonicalJson } from './hash.ts';
import { forEachText } from './sites.ts';
import { entryOf, type Text, type Words } from './text.ts';

export type Change = {
  change: 'added' | 'removed' | 'changed' | 'moved';
  subject: 'setting' | 'startSection' | 'page' | 'field' | 'option' | 'conditions' | 'text' | 'scenario';
  setting?: string;
  section?: number;
  page?: string;
  field?: string;
  option?: string;
  /** A page's or field's property that changed (its kind, type, optional, limits …). */
  property?: string;
  /** A text's site (`pages.boende.title`) and the language whose wording changed. */
  text?: string;
  lang?: string;
  scenario?: string;
  before?: unknown;
  after?: unknown;
};

type Doc = PublishedDocument;
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
// Texts are compared by site; what else a page or field has is compared here.
const TEXT_PROPS = new Set(['title', 'intro', 'body', 'declaration', 'label', 'hint', 'itemLabel', 'addLabel', 'removeLabel', 'errors', 'options', 'fields', 'next']);
const NOT_SETTINGS = new Set(['format', 'version', 'title', 'summary', 'start', 'pages', 'scenarios']);

function propertyChanges(a: Record<string, unknown>, b: Record<string, unknown>, at: Pick<Change, 'subject' | 'page' | 'field'>): Change[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !TEXT_PROPS.has(k));
  return keys.filter((k) => !same(a[k], b[k])).map((k) => ({ change: 'changed', ...at, property: k, before: a[k], after: b[k] }));
}

type Placed = { page: string; index: number; field: DocumentField };
function fieldsOf(d: Doc): Map<string, Placed> {
  const m = new Map<string, Placed>();
  d.pages.forEach((p) => {
    if (p.kind !== 'question') return;
    p.fields.forEach((f, index) => {
      m.set(f.name, { page: p.id, index, field: f });
      if (f.type === 'repeat') f.fields.forEach((sub, i) => m.set(`${f.name}.${sub.name}`, { page: p.id, index: i, field: sub }));
    });
  });
  return m;
}

/** The ids both lists have that are not in the longest run they keep in the same order: those that moved. */
function moved(a: string[], b: string[]): string[] {
  const x = a.filter((id) => b.includes(id));
  const y = b.filter((id) => a.includes(id));
  // Longest common subsequence, by the usual table.
  const t = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--) t[i]![j] = x[i] === y[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    if (x[i] === y[j]) {
      kept.add(x[i]!);
      i++;
      j++;
    } else if (t[i + 1]![j]! >= t[i]![j + 1]!) i++;
    else j++;
  }
  return x.filter((id) => !kept.has(id));
}

function textsOf(d: Doc): Map<string, Text<Words>> {
  const m = new Map<string, Text<Words>>();
  forEachText(d, (t, site) => m.set(site.key, t as Text<Words>));
  return m;
}

export function diffDocuments(a: Doc, b: Doc): Change[] {
  const changes: Change[] = [];
  for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    const x = (a as Record<string, unknown>)[k];
    const y = (b as Record<string, unknown>)[k];
    if (!NOT_SETTINGS.has(k) && !same(x, y)) changes.push({ change: 'changed', subject: 'setting', setting: k, before: x, after: y });
  }

  for (let i = b.start.length; i < a.start.length; i++) changes.push({ change: 'removed', subject: 'startSection', section: i });
  for (let i = a.start.length; i < b.start.length; i++) changes.push({ change: 'added', subject: 'startSection', section: i });
  for (let i = 0; i < Math.min(a.start.length, b.start.length); i++) {
    if (a.start[i]!.ordinaryApplicationLink !== b.start[i]!.ordinaryApplicationLink)
      changes.push({ change: 'changed', subject: 'startSection', section: i, property: 'ordinaryApplicationLink', before: a.start[i]!.ordinaryApplicationLink, after: b.start[i]!.ordinaryApplicationLink });
  }

  const pagesA = new Map(a.pages.map((p) => [p.id, p]));
  const pagesB = new Map(b.pages.map((p) => [p.id, p]));
  // Sites whose texts are not listed one by one: they came or went with their page, field, option or section.
  const gone = new Set<string>();
  const comeOrGo = (site: string, c: Change) => {
    gone.add(site);
    changes.push(c);
  };
  for (const p of a.pages) if (!pagesB.has(p.id)) comeOrGo(`pages.${p.id}`, { change: 'removed', subject: 'page', page: p.id });
  for (const p of b.pages) if (!pagesA.has(p.id)) comeOrGo(`pages.${p.id}`, { change: 'added', subject: 'page', page: p.id });
  for (const id of moved([...pagesA.keys()], [...pagesB.keys()])) changes.push({ change: 'moved', subject: 'page', page: id });
  for (const [id, pa] of pagesA) {
    const pb = pagesB.get(id);
    if (!pb) continue;
    changes.push(...propertyChanges(pa, pb, { subject: 'page', page: id }));
    const next = (p: DocumentPage) => (p.kind === 'question' ? p.next : []);
    if (!same(next(pa), next(pb))) changes.push({ change: 'changed', subject: 'conditions', page: id, before: next(pa), after: next(pb) });
  }

  const fa = fieldsOf(a);
  const fb = fieldsOf(b);
  for (const [name, x] of fa) if (!fb.has(name)) comeOrGo(`fields.${name.replace('.', '.fields.')}`, { change: 'removed', subject: 'field', page: x.page, field: name });
  for (const [name, y] of fb) if (!fa.has(name)) comeOrGo(`fields.${name.replace('.', '.fields.')}`, { change: 'added', subject: 'field', page: y.page, field: name });
  for (const [name, x] of fa) {
    const y = fb.get(name);
    if (!y) continue;
    if (x.page !== y.page) changes.push({ change: 'moved', subject: 'field', field: name, page: y.page, before: x.page, after: y.page });
    changes.push(...propertyChanges(x.field, y.field, { subject: 'field', page: y.page, field: name }));
    const oa = 'options' in x.field ? x.field.options.map((o) => o.value) : [];
    const ob = 'options' in y.field ? y.field.options.map((o) => o.value) : [];
    const site = `fields.${name.replace('.', '.fields.')}.options`;
    for (const v of oa) if (!ob.includes(v)) comeOrGo(`${site}.${v}`, { change: 'removed', subject: 'option', field: name, option: v });
    for (const v of ob) if (!oa.includes(v)) comeOrGo(`${site}.${v}`, { change: 'added', subject: 'option', field: name, option: v });
    for (const v of moved(oa, ob)) changes.push({ change: 'moved', subject: 'option', field: name, option: v });
  }
  for (let i = Math.min(a.start.length, b.start.length); i < Math.max(a.start.length, b.start.length); i++) gone.add(`start.${i}`);

  const ta = textsOf(a);
  const tb = textsOf(b);
  const belongsToGone = (key: string) => [...gone].some((g) => key.startsWith(`${g}.`));
  for (const key of [...new Set([...ta.keys(), ...tb.keys()])]) {
    if (belongsToGone(key)) continue;
    const x = ta.get(key) ?? {};
    const y = tb.get(key) ?? {};
    for (const lang of [...new Set([...Object.keys(x), ...Object.keys(y)])]) {
      const before = entryOf(x, lang);
      const after = entryOf(y, lang);
      if (same(before, after)) continue;
      changes.push({ change: !before ? 'added' : !after ? 'removed' : 'changed', subject: 'text', text: key, lang, before, after });
    }
  }

  const sa = new Map(a.scenarios.map((s) => [s.name, s]));
  const sb = new Map(b.scenarios.map((s) => [s.name, s]));
  for (const name of sa.keys()) if (!sb.has(name)) changes.push({ change: 'removed', subject: 'scenario', scenario: name });
  for (const [name, s] of sb) {
    const before = sa.get(name);
    if (!before) changes.push({ change: 'added', subject: 'scenario', scenario: name });
    else if (!same(before, s)) changes.push({ change: 'changed', subject: 'scenario', scenario: name, before, after: s });
  }
  return changes;
}
