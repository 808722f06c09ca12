/**
 * What the editor's changes share: reading a posted form's texts (one input per language, named
 * `<prefix>.<lang>`), numbers and choices, and finding pages and fields in a draft. Pure.
 */
import { FIELD_TYPES } from '../../fields/index.ts';
import type { FormInput } from '../../answers.ts';
import { draftDocument, type DraftDocument } from '../schema.ts';
import { isFragmentRef } from '../sites.ts';
import { LANGUAGES_STAFF_ORDER, type Lang } from '../../../../i18n/index.ts';

/** The languages a text is written in, Swedish first: every language the portal offers citizens (src/i18n LANGUAGES). */
export const EDITOR_LANGS: readonly Lang[] = LANGUAGES_STAFF_ORDER;

export type Errors = Record<string, string>;
export type Edit = { ok: true; doc: DraftDocument } | { ok: false; errors: Errors };

export type Obj = Record<string, unknown>;
export type Texts = Record<string, unknown>;

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const FIELD_NAME = /^[a-zA-Z][a-zA-Z0-9]*$/;
export const PAGE_KINDS = ['question', 'exit', 'checkAnswers', 'confirmation'] as const;
export const MATTERS = ['ansokan', 'anmalan', 'fraga', 'synpunkt'] as const;
export const AREAS = ['ifo', 'aldreomsorg'] as const;
export const CATEGORIES = ['ifo', 'forenklad', 'synpunkter'] as const;
export const SUBMITTERS = ['self', 'onBehalf', 'anonymous'] as const;
/** Field types with options, and which limits each type has. */
export const OPTION_TYPES = new Set(['radios', 'checkboxes', 'select']);
export const LENGTH_TYPES = new Set(['text', 'textarea']);
export const RANGE_TYPES = new Set(['number']);
export const EDITABLE_FIELD_TYPES = FIELD_TYPES;
/** Which of the logged-in person's own values a field of each type may take (its `prefill`, ../../prefill.ts). */
export const PREFILL_KINDS: Readonly<Record<string, readonly string[]>> = { address: ['address'], yesNo: ['folkbokfordKommun'] };

export const clone = <T>(v: T): T => structuredClone(v);
export const str = (form: FormInput, name: string) => (form.get(name) ?? '').trim();

/**
 * A single-line text from `<prefix>.<lang>` inputs; languages left empty are left out. When the form
 * offers variants (`<prefix>.variants`: the text context's values, comma-separated, ../checks.ts),
 * each language's variant is read from `<prefix>.<lang>.variant.<value>` (e.g. the on-behalf wording
 * for `annan`); a language whose words and variants are unchanged keeps its review mark.
 */
export function readText(form: FormInput, prefix: string, before?: unknown): Texts {
  const out: Texts = {};
  const old = (before ?? {}) as Texts;
  const offered = form.get(`${prefix}.variants`) === null ? undefined : str(form, `${prefix}.variants`).split(',').map((v) => v.trim()).filter((v) => SLUG.test(v));
  for (const lang of EDITOR_LANGS) {
    const v = str(form, `${prefix}.${lang}`);
    const was = old[lang];
    const wasEntry = was && typeof was === 'object' && !Array.isArray(was) ? (was as Obj) : undefined;
    if (v === '') continue;
    if (offered === undefined) {
      // A form without variant inputs: a text written with variants or a review mark keeps them when its words are unchanged.
      out[lang] = wasEntry && wasEntry.text === v ? was : v;
      continue;
    }
    const variants: Record<string, string> = {};
    for (const value of offered) {
      const w = str(form, `${prefix}.${lang}.variant.${value}`);
      if (w !== '') variants[value] = w;
    }
    const entry = Object.keys(variants).length > 0 ? { text: v, variants } : v;
    const same = wasEntry ? wasEntry.text === v && JSON.stringify(wasEntry.variants ?? {}) === JSON.stringify(variants) : was === v;
    out[lang] = same && wasEntry ? was : entry;
  }
  return out;
}

/** The values a text may have variants for: the text context answer's (yes/no, or a choice's options), from the draft's own questions. */
export function variantValues(doc: DraftDocument): string[] {
  const context = (doc as unknown as Obj).textContext;
  if (typeof context !== 'string') return [];
  const field = ownPages(doc).flatMap((p) => (Array.isArray(p.fields) ? (p.fields as Obj[]) : [])).find((f) => f.name === context);
  if (!field) return [];
  if (field.type === 'yesNo') return ['ja', 'nej'];
  return Array.isArray(field.options) ? (field.options as Obj[]).map((o) => String(o.value)) : [];
}

/** A text from words per language, keeping a language's variants or review mark when its words are unchanged. */
export function readTextFrom(words: Texts, before?: unknown): Texts {
  const out: Texts = {};
  const old = (before ?? {}) as Texts;
  for (const [lang, v] of Object.entries(words)) {
    const was = old[lang];
    out[lang] = was && typeof was === 'object' && !Array.isArray(was) && (was as Obj).text === v ? was : v;
  }
  return out;
}

/** Paragraphs from `<prefix>.<lang>` textareas: a blank line between paragraphs. */
export function readParagraphs(form: FormInput, prefix: string): Texts {
  const out: Texts = {};
  for (const lang of EDITOR_LANGS) {
    const parts = str(form, `${prefix}.${lang}`)
      .replace(/\r\n/g, '\n')
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
      .filter((p) => p !== '');
    if (parts.length > 0) out[lang] = parts;
  }
  return out;
}

/** A text's words in one language as an input shows them (paragraphs with a blank line between). */
export function wordsIn(text: unknown, lang: string): string {
  if (!text || typeof text !== 'object') return '';
  const e = (text as Texts)[lang];
  const words = e && typeof e === 'object' && !Array.isArray(e) ? (e as Obj).text : e;
  if (Array.isArray(words)) return words.join('\n\n');
  return typeof words === 'string' ? words : '';
}

export function positiveInt(form: FormInput, name: string, errors: Errors, { optional = false } = {}): number | undefined {
  const raw = str(form, name);
  if (raw === '') {
    if (!optional) errors[name] = 'required';
    return undefined;
  }
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 100_000) {
    errors[name] = 'positiveNumber';
    return undefined;
  }
  return Number(raw);
}

export function number(form: FormInput, name: string, errors: Errors): number | undefined {
  const raw = str(form, name).replace(',', '.');
  if (raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n)) {
    errors[name] = 'number';
    return undefined;
  }
  return n;
}

export const yes = (form: FormInput, name: string) => form.get(name) === 'ja';

export function checked<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}

/** The pages that are pages (not fragment references). */
export function ownPages(doc: DraftDocument): Obj[] {
  return (doc.pages as unknown[]).filter((p) => !isFragmentRef(p)) as Obj[];
}

/** Every field name in the draft's own pages (a fragment's fields are known once it is expanded). */
export function fieldNames(doc: DraftDocument): string[] {
  return ownPages(doc).flatMap((p) => (Array.isArray(p.fields) ? (p.fields as Obj[]).map((f) => String(f.name)) : []));
}

export const parse = (raw: unknown): Edit => {
  const r = draftDocument.safeParse(raw);
  if (r.success) return { ok: true, doc: raw as DraftDocument };
  return { ok: false, errors: { document: 'invalid' } };
};

/** Moves (up/down) or removes an item of a list of the document (start sections, pages, a page's fields, scenarios). */
export function reorder<T>(list: T[], index: number, action: string): T[] | undefined {
  if (!Number.isInteger(index) || index < 0 || index >= list.length) return undefined;
  const out = [...list];
  if (action === 'remove') out.splice(index, 1);
  else if (action === 'up' && index > 0) [out[index - 1], out[index]] = [out[index]!, out[index - 1]!];
  else if (action === 'down' && index < out.length - 1) [out[index + 1], out[index]] = [out[index]!, out[index + 1]!];
  else if (action !== 'up' && action !== 'down') return undefined;
  return out;
}

export function pageIndex(doc: DraftDocument, id: string): number {
  return (doc.pages as unknown[]).findIndex((p) => !isFragmentRef(p) && (p as Obj).id === id);
}

export function allPageIds(doc: DraftDocument): string[] {
  return ownPages(doc).map((p) => String(p.id));
}
