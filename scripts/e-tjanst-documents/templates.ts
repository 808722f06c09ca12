/**
 * Pages and start sections as today's TypeScript makes them, in the form documents are written in:
 * without the values the schema would fill in anyway, so both a document's own pages and a
 * fragment's content read as someone would write them. Fragment templates carry markers where a
 * parameter goes; `unify` finds the parameters' values where a template matches a definition's pages.
 */
import { fieldDef, pageDef, serviceDefinition, type PageDef } from '../../src/domain/forms/definition.ts';
import { canonicalJson } from '../../src/domain/forms/document/hash.ts';
import { LANGUAGE_TAG } from '../../src/domain/forms/document/text.ts';
import type { z } from 'zod';

export type Json = unknown;
export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** The value without each property whose absence the schema would fill in with the same value. */
function stripDefaults(schema: z.ZodType, value: Obj): Obj {
  const full = schema.parse(value);
  const out: Obj = { ...value };
  for (const k of Object.keys(value)) {
    const { [k]: _dropped, ...trial } = out;
    const r = schema.safeParse(trial);
    if (r.success && same(r.data, full)) delete out[k];
  }
  return out;
}

// A field reads best with what it is first and what it holds last.
const FIRST = ['type', 'name', 'label', 'hint', 'optional'];
const LAST = ['options', 'itemLabel', 'min', 'max', 'fields'];
const rank = (k: string) => (FIRST.includes(k) ? FIRST.indexOf(k) - FIRST.length : LAST.includes(k) ? LAST.indexOf(k) + 1 : 0);

function minimalField(f: Obj): Obj {
  const withSubs = Array.isArray(f.fields) ? { ...f, fields: f.fields.map((s: Obj) => minimalField(s)) } : f;
  const out = stripDefaults(fieldDef, withSubs);
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined).sort(([a], [b]) => rank(a) - rank(b)));
}

export function minimalPage(p: PageDef | Obj): Obj {
  const parsed = pageDef.parse(p) as Obj;
  const withFields = Array.isArray(parsed.fields) ? { ...parsed, fields: parsed.fields.map((f: Obj) => minimalField(f)) } : parsed;
  const out = stripDefaults(pageDef, withFields);
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

const startSection = serviceDefinition.shape.start.element;
export function minimalSection(s: Obj): Obj {
  return stripDefaults(startSection, startSection.parse(s) as Obj);
}

// Markers stand where a fragment's parameter goes, written so that the page still parses.
export const pageMarker = (param: string) => `zz-param-${param.toLowerCase()}`;
export const textMarker = (param: string) => `zzparam:${param}`;
export const optionsMarker = (param: string) => `zzoptions:${param}`;
/** The namespace of texts a fragment takes as parameters (the e-tjänst's own, where it is used). */
export const NS = 'zzns';

/** The parameter a marker stands for, given the fragment's table of its own-namespace texts. */
export function markerParam(v: unknown, nsParams: Record<string, string>, pageParams: string[]): string | undefined {
  if (typeof v !== 'string') return undefined;
  const page = pageParams.find((p) => v === pageMarker(p));
  if (page) return page;
  const m = /^(?:zzparam|zzoptions):(.+)$/.exec(v);
  if (m) return m[1];
  if (v.startsWith(`${NS}:`)) {
    const p = nsParams[v.slice(NS.length + 1)];
    if (!p) throw new Error(`No parameter for the e-tjänst's own text ${v}`);
    return p;
  }
  return undefined;
}

/** Whether `template` matches `value` when each marker takes a value (the same one wherever it recurs). */
export function unify(template: Json, value: Json, bindings: Obj, param: (v: unknown) => string | undefined): boolean {
  const p = param(template);
  if (p !== undefined) {
    if (Object.hasOwn(bindings, p)) return same(bindings[p], value);
    bindings[p] = value;
    return true;
  }
  if (Array.isArray(template)) return Array.isArray(value) && template.length === value.length && template.every((t, i) => unify(t, value[i], bindings, param));
  if (isObj(template)) {
    if (!isObj(value)) return false;
    const keys = Object.keys(template);
    return keys.length === Object.keys(value).length && keys.every((k) => Object.hasOwn(value, k) && unify(template[k], value[k], bindings, param));
  }
  return template === value;
}

const isText = (v: unknown) => isObj(v) && Object.hasOwn(v, 'sv') && Object.keys(v).every((k) => LANGUAGE_TAG.test(k));

/**
 * One content for every value of a choice or boolean parameter: where the contents differ, a
 * `$choose` (a text is chosen whole), or for a boolean an `$if` around what only `true` has.
 */
export function mergeCases(param: string, cases: Record<string, Json>): Json {
  const values = Object.values(cases);
  if (values.every((v) => same(v, values[0]))) return values[0];
  if (values.every(Array.isArray)) {
    const t = cases.true as Json[] | undefined;
    const f = cases.false as Json[] | undefined;
    if (t && f && values.length === 2 && t.length > f.length) {
      // The false list is the true list less some items: those become $if.
      const out: Json[] = [];
      let j = 0;
      for (const item of t) {
        if (j < f.length && same(item, f[j])) (out.push(item), j++);
        else out.push({ $if: param, then: item });
      }
      if (j === f.length) return out;
    }
    const arrays = values as Json[][];
    if (arrays.every((a) => a.length === arrays[0]!.length)) return arrays[0]!.map((_, i) => mergeCases(param, Object.fromEntries(Object.entries(cases).map(([k, a]) => [k, (a as Json[])[i]]))));
  }
  if (values.every(isObj) && !values.some(isText)) {
    const keys = Object.keys(values[0] as Obj);
    if (values.every((v) => same(Object.keys(v as Obj), keys))) return Object.fromEntries(keys.map((k) => [k, mergeCases(param, Object.fromEntries(Object.entries(cases).map(([c, v]) => [c, (v as Obj)[k]])))]));
  }
  return { $choose: param, cases };
}
