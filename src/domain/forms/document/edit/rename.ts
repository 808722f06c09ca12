/**
 * Renaming a page or a question: the id or name changes, and so does every place that names it —
 * routes and conditions (in pages, `handling.urgentWhen`, `confirmation.when`), the settings that
 * name answers (subject, on behalf, anonymity, text context, confirmation, carry-over and
 * continuation lists), a repeating group's unique list, fragment parameters that name a page, and
 * the scenarios (their answers, and the pages and answers they expect). A new id that is not an id, or that another page
 * or question already has, is refused. Pure.
 */
import type { Condition } from '../../definition.ts';
import type { DraftDocument } from '../schema.ts';
import type { FragmentSource } from '../fragment.ts';
import { isFragmentRef } from '../sites.ts';
import { allPageIds, clone, FIELD_NAME, fieldNames, ownPages, pageIndex, parse, SLUG, type Edit, type Obj } from './common.ts';

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A condition with every leaf that names `from` naming `to` instead. */
export function renameInCondition(c: Condition, from: string, to: string): Condition {
  if ('all' in c) return { all: c.all.map((x) => renameInCondition(x, from, to)) };
  if ('any' in c) return { any: c.any.map((x) => renameInCondition(x, from, to)) };
  return c.field === from ? ({ ...c, field: to } as Condition) : c;
}

const swap = (list: unknown, from: string, to: string) => (Array.isArray(list) ? list.map((n) => (n === from ? to : n)) : list);

/** Renames a page; `fragments` tells which fragment parameters name a page. */
export function renamePage(doc: DraftDocument, from: string, to: string, fragments: FragmentSource = () => undefined): Edit {
  const at = pageIndex(doc, from);
  if (at < 0) return { ok: false, errors: { document: 'gone' } };
  if (to === '') return { ok: false, errors: { newId: 'required' } };
  if (!SLUG.test(to) || to.length > 60) return { ok: false, errors: { newId: 'slug' } };
  if (to === from) return { ok: false, errors: { newId: 'sameId' } };
  if (allPageIds(doc).includes(to)) return { ok: false, errors: { newId: 'pageExists' } };
  const d = clone(doc) as unknown as Obj;
  for (const item of d.pages as Obj[]) {
    if (isFragmentRef(item)) {
      const decls = fragments(String(item.fragment))?.params ?? {};
      const params = (item.params ?? {}) as Obj;
      for (const [name, decl] of Object.entries(decls)) if (decl.type === 'pageId' && params[name] === from) params[name] = to;
      continue;
    }
    if (item.id === from) item.id = to;
    for (const r of (item.next as Obj[] | undefined) ?? []) if (r.goto === from) r.goto = to;
  }
  for (const s of (d.scenarios as Obj[] | undefined) ?? []) {
    const expect = s.expect as Obj;
    if (expect.end === from) expect.end = to;
    for (const list of ['path', 'visits', 'skips'] as const) if (Array.isArray(expect[list])) expect[list] = swap(expect[list], from, to);
  }
  return parse(d);
}

/**
 * Renames a question. `group`: the name of the repeating group it is in, when it is one of a
 * group's questions (its name need only be unique within the group, and only the group's unique
 * list and its items' answers in scenarios name it).
 */
export function renameField(doc: DraftDocument, from: string, to: string, group?: string): Edit {
  const d = clone(doc) as unknown as Obj;
  const errors = (code: string): Edit => ({ ok: false, errors: { 'field.name': code } });
  if (to === '') return errors('required');
  if (!FIELD_NAME.test(to)) return errors('fieldName');
  if (to === from) return { ok: true, doc };
  const fields = ownPages(d as unknown as DraftDocument).flatMap((p) => (Array.isArray(p.fields) ? (p.fields as Obj[]) : []));
  if (group !== undefined) {
    const g = fields.find((f) => f.name === group && f.type === 'repeat');
    const inner = (g?.fields as Obj[] | undefined) ?? [];
    const f = inner.find((x) => x.name === from);
    if (!g || !f) return { ok: false, errors: { document: 'gone' } };
    if (inner.some((x) => x.name === to)) return errors('fieldExists');
    f.name = to;
    if (Array.isArray(g.unique)) g.unique = swap(g.unique, from, to);
    for (const s of (d.scenarios as Obj[] | undefined) ?? []) {
      const items = (s.answers as Obj)[group];
      if (Array.isArray(items)) for (const item of items) if (isObj(item) && Object.hasOwn(item, from)) renameKey(item, from, to);
    }
    return parse(d);
  }
  const f = fields.find((x) => x.name === from);
  if (!f) return { ok: false, errors: { document: 'gone' } };
  if (fieldNames(doc).includes(to)) return errors('fieldExists');
  f.name = to;
  for (const p of ownPages(d as unknown as DraftDocument)) for (const r of (p.next as Obj[] | undefined) ?? []) r.when = renameInCondition(r.when as Condition, from, to);
  const handling = d.handling as Obj | undefined;
  if (handling?.urgentWhen) handling.urgentWhen = renameInCondition(handling.urgentWhen as Condition, from, to);
  const confirmation = d.confirmation as Obj | undefined;
  if (confirmation) {
    if (confirmation.when) confirmation.when = renameInCondition(confirmation.when as Condition, from, to);
    if (confirmation.personnummer === from) confirmation.personnummer = to;
    confirmation.name = swap(confirmation.name, from, to);
    confirmation.contact = swap(confirmation.contact, from, to);
  }
  const subject = d.subject as Obj | undefined;
  if (subject) {
    if (subject.personnummer === from) subject.personnummer = to;
    subject.name = swap(subject.name, from, to);
  }
  const onBehalf = d.onBehalf as Obj | undefined;
  if (onBehalf) {
    if (onBehalf.field === from) onBehalf.field = to;
    if (onBehalf.submitterPersonnummer === from) onBehalf.submitterPersonnummer = to;
    onBehalf.submitterName = swap(onBehalf.submitterName, from, to);
  }
  const anonymous = d.anonymous as Obj | undefined;
  if (anonymous?.field === from) anonymous.field = to;
  if (d.textContext === from) d.textContext = to;
  const continuation = d.continuation as Obj | undefined;
  if (continuation) continuation.keep = swap(continuation.keep, from, to);
  for (const answers of Object.values((d.startsFrom as Obj | undefined) ?? {})) if (isObj(answers) && Object.hasOwn(answers, from)) renameKey(answers, from, to);
  for (const s of (d.scenarios as Obj[] | undefined) ?? []) {
    if (Object.hasOwn(s.answers as Obj, from)) renameKey(s.answers as Obj, from, to);
    const expect = s.expect as Obj;
    for (const list of ['kept', 'dropped'] as const) if (Array.isArray(expect[list])) expect[list] = swap(expect[list], from, to);
  }
  return parse(d);
}

/** Renames a key in place, keeping the object's order (answers are shown in it). */
function renameKey(o: Obj, from: string, to: string): void {
  const entries = Object.entries(o).map(([k, v]) => [k === from ? to : k, v] as const);
  for (const k of Object.keys(o)) delete o[k];
  for (const [k, v] of entries) o[k] = v;
}
