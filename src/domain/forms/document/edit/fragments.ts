/**
 * A reference to a shared fragment (../fragment.ts) among a draft's start sections or pages: a new
 * one with its parameters, its parameters changed, and (with moveInDocument) moved or removed. The
 * form has one input, or one per language, for each parameter the fragment declares, named
 * `param.<name>`:
 * - pageId, choice: `param.<name>` (a page id; one of the choice's values);
 * - boolean: `param.<name>` = "ja" when true;
 * - text, paragraphs: `param.<name>.<lang>`;
 * - errors: `param.<name>.<code>.<lang>`, for each of ERROR_CODES_OFFERED and the codes it has;
 * - options: `param.<name>.values` (one per line) and `param.<name>.labels.<lang>` (same order).
 * An optional parameter left empty is left out; a required one is refused. Pure.
 */
import type { FormInput } from '../../answers.ts';
import type { Fragment, ParamDecl } from '../fragment.ts';
import type { DraftDocument } from '../schema.ts';
import { isFragmentRef } from '../sites.ts';
import { clone, EDITOR_LANGS, parse, readParagraphs, readText, SLUG, str, yes, type Edit, type Errors, type Obj, type Texts } from './common.ts';

export type Slot = 'start' | 'pages';

/** The error codes a fragment's error-message parameter offers inputs for, besides those it has. */
export const ERROR_CODES_OFFERED = ['required'] as const;

/** The error codes an `errors` parameter's form shows: the offered ones and those the value has. */
export function errorCodesOf(value: unknown): string[] {
  const have = value && typeof value === 'object' ? Object.keys(value) : [];
  return [...new Set([...ERROR_CODES_OFFERED, ...have])];
}

function readParam(form: FormInput, name: string, decl: ParamDecl, before: unknown, pageIds: Set<string>, errors: Errors): unknown {
  const input = `param.${name}`;
  const empty = (v: unknown) => v === undefined || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);
  let value: unknown;
  switch (decl.type) {
    case 'pageId': {
      const v = str(form, input);
      if (v !== '' && (!SLUG.test(v) || !pageIds.has(v))) errors[input] = 'noSuchPage';
      value = v === '' ? undefined : v;
      break;
    }
    case 'choice': {
      const v = str(form, input);
      if (v !== '' && !decl.values.includes(v)) errors[input] = 'choose';
      value = v === '' ? undefined : v;
      break;
    }
    case 'boolean':
      // A checkbox: unchecked is false, which is a value (a required boolean is always given).
      return yes(form, input);
    case 'text':
      value = readText(form, input, before);
      break;
    case 'paragraphs':
      value = readParagraphs(form, input);
      break;
    case 'errors': {
      const out: Obj = {};
      for (const code of errorCodesOf(before)) {
        const t = readText(form, `${input}.${code}`, (before as Obj | undefined)?.[code]);
        if (Object.keys(t).length > 0) out[code] = t;
      }
      value = out;
      break;
    }
    case 'options': {
      const values = str(form, `${input}.values`).split(/\r?\n/).map((v) => v.trim()).filter(Boolean);
      if (values.some((v) => !SLUG.test(v))) errors[`${input}.values`] = 'optionSlug';
      else if (new Set(values).size !== values.length) errors[`${input}.values`] = 'optionTwice';
      const labels = Object.fromEntries(EDITOR_LANGS.map((lang) => [lang, str(form, `${input}.labels.${lang}`).split(/\r?\n/).map((v) => v.trim())]));
      if (values.length > 0 && labels.sv!.filter(Boolean).length !== values.length) errors[`${input}.labels.sv`] = 'optionLabels';
      const previous = Array.isArray(before) ? (before as Obj[]) : [];
      value = values.map((v, i) => {
        const label: Texts = {};
        for (const lang of EDITOR_LANGS) if (labels[lang]![i]) label[lang] = labels[lang]![i];
        return { ...(previous.find((o) => o.value === v) ?? {}), value: v, label };
      });
      if ((value as unknown[]).length === 0) value = undefined;
      break;
    }
  }
  if (empty(value)) {
    if (!decl.optional && !errors[input] && !errors[`${input}.values`]) errors[decl.type === 'text' || decl.type === 'paragraphs' ? `${input}.sv` : decl.type === 'options' ? `${input}.values` : input] = decl.type === 'pageId' || decl.type === 'choice' ? 'choose' : 'required';
    return undefined;
  }
  return value;
}

/** The parameters of a fragment as its form gives them. */
function readParams(doc: DraftDocument, fragment: Fragment, form: FormInput, before: Obj): { ok: true; params: Obj } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  const pageIds = new Set((doc.pages as unknown[]).flatMap((p) => (isFragmentRef(p) ? [] : [String((p as Obj).id)])));
  const params: Obj = {};
  for (const [name, decl] of Object.entries(fragment.params)) {
    const v = readParam(form, name, decl, before[name], pageIds, errors);
    if (v !== undefined) params[name] = v;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, params };
}

/** A reference to `fragment` with its parameters, among the start sections (at the end) or the pages (before check-answers). */
export function addFragment(doc: DraftDocument, fragment: Fragment, form: FormInput): Edit {
  const r = readParams(doc, fragment, form, {});
  if (!r.ok) return r;
  const d = clone(doc) as unknown as Obj;
  const list = d[fragment.provides] as Obj[];
  const ref = { fragment: fragment.name, params: r.params };
  const checkAt = fragment.provides === 'pages' ? list.findIndex((p) => p.kind === 'checkAnswers') : -1;
  list.splice(checkAt >= 0 ? checkAt : list.length, 0, ref);
  return parse(d);
}

/** The fragment reference at `index` of `slot`, if there is one. */
export function fragmentRefAt(doc: DraftDocument, slot: Slot, index: number): { fragment: string; params: Obj } | undefined {
  const item = (doc[slot] as unknown[])[index];
  return isFragmentRef(item) ? (item as { fragment: string; params: Obj }) : undefined;
}

/** The parameters of the reference at `index` of `slot`, changed. */
export function editFragmentParams(doc: DraftDocument, slot: Slot, index: number, fragment: Fragment, form: FormInput): Edit {
  const ref = fragmentRefAt(doc, slot, index);
  if (!ref || ref.fragment !== fragment.name) return { ok: false, errors: { document: 'gone' } };
  const r = readParams(doc, fragment, form, ref.params ?? {});
  if (!r.ok) return r;
  const d = clone(doc) as unknown as Obj;
  (d[slot] as Obj[])[index] = { fragment: fragment.name, params: r.params };
  return parse(d);
}
