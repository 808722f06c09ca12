/**
 * Where the texts of an e-tjänst are. A document and the definition compiled from it have the same
 * skeleton; only their texts differ (inlined per language in the one, i18n keys in the other). Each
 * text has a site: a key that names it by what it belongs to (`pages.boende.title`,
 * `fields.boende.options.ordinart.label`, `fields.boende.errors.required`), stable across versions as
 * long as the page id or field name is, which the compiled texts, the publish checks, the diff and
 * the list of missing translations all use.
 */
import { ERROR_PLACEHOLDERS, ITEM_PLACEHOLDERS, SHARED_PLACEHOLDERS } from './placeholders.ts';

export type TextKind = 'text' | 'paragraphs';
export type TextSite = {
  key: string;
  kind: TextKind;
  /** The placeholders this text may use. */
  placeholders: readonly string[];
  /** Where the text is in the document (for pointing at it). */
  path: (string | number)[];
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A reference to a fragment in a draft: its texts are the fragment's, not yet the document's. */
export const isFragmentRef = (v: unknown): boolean => isObj(v) && typeof v.fragment === 'string';

const SHARED: readonly string[] = SHARED_PLACEHOLDERS;
const ITEM: readonly string[] = [...SHARED_PLACEHOLDERS, ...ITEM_PLACEHOLDERS];
const ERROR: readonly string[] = [...SHARED_PLACEHOLDERS, ...ERROR_PLACEHOLDERS];

type Fn = (text: unknown, site: TextSite) => unknown;

function mapField(f: Obj, key: string, path: (string | number)[], fn: Fn): Obj {
  const out: Obj = { ...f };
  const at = (prop: string, kind: TextKind = 'text', placeholders = SHARED) => {
    if (f[prop] !== undefined) out[prop] = fn(f[prop], { key: `${key}.${prop}`, kind, placeholders, path: [...path, prop] });
  };
  at('label');
  at('hint');
  at('itemLabel', 'text', ITEM);
  at('addLabel');
  at('removeLabel', 'text', ITEM);
  if (Array.isArray(f.options)) {
    out.options = f.options.map((o: Obj, i) => {
      const base = `${key}.options.${String(o.value)}`;
      const opt: Obj = { ...o, label: fn(o.label, { key: `${base}.label`, kind: 'text', placeholders: SHARED, path: [...path, 'options', i, 'label'] }) };
      if (o.hint !== undefined) opt.hint = fn(o.hint, { key: `${base}.hint`, kind: 'text', placeholders: SHARED, path: [...path, 'options', i, 'hint'] });
      return opt;
    });
  }
  if (isObj(f.errors)) {
    out.errors = Object.fromEntries(
      Object.entries(f.errors).map(([code, t]) => [code, fn(t, { key: `${key}.errors.${code}`, kind: 'text', placeholders: ERROR, path: [...path, 'errors', code] })]),
    );
  }
  if (Array.isArray(f.fields)) out.fields = f.fields.map((sub: Obj, i) => mapField(sub, `${key}.fields.${String(sub.name)}`, [...path, 'fields', i], fn));
  return out;
}

function mapPage(p: Obj, i: number, fn: Fn): Obj {
  const key = `pages.${String(p.id)}`;
  const path = ['pages', i];
  const out: Obj = { ...p };
  const at = (prop: string, kind: TextKind) => {
    if (p[prop] !== undefined) out[prop] = fn(p[prop], { key: `${key}.${prop}`, kind, placeholders: SHARED, path: [...path, prop] });
  };
  at('title', 'text');
  at('intro', 'text');
  at('body', 'paragraphs');
  at('declaration', 'text');
  if (Array.isArray(p.fields)) out.fields = p.fields.map((f: Obj, j) => mapField(f, `fields.${String(f.name)}`, [...path, 'fields', j], fn));
  return out;
}

/**
 * A copy of `doc` (a document, a draft or a definition) with each of its texts replaced by what `fn`
 * returns for it. A draft's fragment references are left as they are.
 */
export function mapTexts<T extends object>(doc: T, fn: Fn): T {
  const d = doc as Obj;
  const out: Obj = { ...d };
  for (const prop of ['title', 'summary']) {
    if (d[prop] !== undefined) out[prop] = fn(d[prop], { key: prop, kind: 'text', placeholders: SHARED, path: [prop] });
  }
  if (Array.isArray(d.start)) {
    out.start = d.start.map((s: Obj, i) =>
      isFragmentRef(s)
        ? s
        : {
            ...s,
            heading: fn(s.heading, { key: `start.${i}.heading`, kind: 'text', placeholders: SHARED, path: ['start', i, 'heading'] }),
            paragraphs: fn(s.paragraphs, { key: `start.${i}.paragraphs`, kind: 'paragraphs', placeholders: SHARED, path: ['start', i, 'paragraphs'] }),
          },
    );
  }
  if (Array.isArray(d.pages)) out.pages = d.pages.map((p: Obj, i) => (isFragmentRef(p) ? p : mapPage(p, i, fn)));
  return out as T;
}

/** Calls `fn` for every text of a document or definition, in document order. */
export function forEachText(doc: object, fn: (text: unknown, site: TextSite) => void): void {
  mapTexts(doc, (t, site) => {
    fn(t, site);
    return t;
  });
}
