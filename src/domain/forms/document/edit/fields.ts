/**
 * A question of a draft: its type, name, texts, whether it is optional, its options and its type's
 * limits; a new one, a changed one, and their order on the page. Pure.
 */
import type { FormInput } from '../../answers.ts';
import type { DraftDocument } from '../schema.ts';
import { renameField } from './rename.ts';
import { readRepeat } from './repeat.ts';
import { errorCodesFor } from '../../fields/index.ts';
import { clone, EDITABLE_FIELD_TYPES, EDITOR_LANGS, FIELD_NAME, fieldNames, LENGTH_TYPES, number, OPTION_TYPES, pageIndex, parse, positiveInt, PREFILL_KINDS, RANGE_TYPES, readText, readTextFrom, reorder, SLUG, str, yes, type Edit, type Errors, type Obj, type Texts } from './common.ts';

/**
 * A field as its form gives it: type, name, texts, optional, options and the type's limits (a
 * repeating group's own: ./repeat.ts). `siblings`: the names its name must differ from (a group's
 * questions), when not every question of the draft.
 */
export function readField(doc: DraftDocument, form: FormInput, before: Obj | undefined, siblings?: string[]): { ok: true; field: Obj } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  const type = before ? String(before.type) : str(form, 'field.type');
  if (!EDITABLE_FIELD_TYPES.includes(type)) errors['field.type'] = 'choose';
  const name = str(form, 'field.name');
  if (name === '') errors['field.name'] = 'required';
  else if (!FIELD_NAME.test(name)) errors['field.name'] = 'fieldName';
  else if (name !== before?.name && (siblings ?? fieldNames(doc)).includes(name)) errors['field.name'] = 'fieldExists';
  const label = readText(form, 'field.label', before?.label);
  if (!label.sv) errors['field.label.sv'] = 'required';
  const field: Obj = { ...(before ?? {}), type, name, label, optional: yes(form, 'field.optional') };
  const hint = readText(form, 'field.hint', before?.hint);
  if (Object.keys(hint).length > 0) field.hint = hint;
  else delete field.hint;
  // Its own message for each error it can be refused with (the engine's codes for its type).
  const ownErrors = { ...((before?.errors as Obj | undefined) ?? {}) };
  for (const code of new Set([...errorCodesFor({ type, person: before?.person as string | undefined }, { unique: siblings !== undefined }), ...Object.keys(ownErrors)])) {
    const message = readText(form, `field.errors.${code}`, ownErrors[code]);
    if (Object.keys(message).length > 0) ownErrors[code] = message;
    else delete ownErrors[code];
  }
  if (Object.keys(ownErrors).length > 0) field.errors = ownErrors;
  else delete field.errors;
  if (OPTION_TYPES.has(type)) {
    const values = str(form, 'field.options.values').split(/\r?\n/).map((v) => v.trim()).filter(Boolean);
    const min = type === 'checkboxes' ? 1 : 2;
    if (values.length < min) errors['field.options.values'] = type === 'checkboxes' ? 'oneOption' : 'twoOptions';
    else if (values.some((v) => !SLUG.test(v))) errors['field.options.values'] = 'optionSlug';
    else if (new Set(values).size !== values.length) errors['field.options.values'] = 'optionTwice';
    const labels: Record<string, string[]> = {};
    const hints: Record<string, string[]> = {};
    for (const lang of EDITOR_LANGS) labels[lang] = str(form, `field.options.labels.${lang}`).split(/\r?\n/).map((v) => v.trim());
    // An option's hint, one line per option in the same order; an empty line: no hint.
    for (const lang of EDITOR_LANGS) hints[lang] = (form.get(`field.options.hints.${lang}`) ?? '').replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n').map((v) => v.trim());
    if (values.length > 0 && labels.sv!.filter(Boolean).length !== values.length) errors['field.options.labels.sv'] = 'optionLabels';
    const previous = (before?.options as Obj[] | undefined) ?? [];
    field.options = values.map((value, i) => {
      const label: Texts = {};
      for (const lang of EDITOR_LANGS) if (labels[lang]![i]) label[lang] = labels[lang]![i];
      const old = previous.find((o) => o.value === value);
      const hint: Texts = {};
      for (const lang of EDITOR_LANGS) if (hints[lang]![i]) hint[lang] = hints[lang]![i];
      const option: Obj = { ...(old ?? {}), value, label };
      if (Object.keys(hint).length > 0) option.hint = readTextFrom(hint, old?.hint);
      else delete option.hint;
      return option;
    });
  }
  if (LENGTH_TYPES.has(type)) {
    const max = positiveInt(form, 'field.maxLength', errors, { optional: true });
    if (max === undefined) delete field.maxLength;
    else field.maxLength = max;
  }
  if (RANGE_TYPES.has(type)) {
    const min = number(form, 'field.min', errors);
    const max = number(form, 'field.max', errors);
    if (min === undefined) delete field.min;
    else field.min = min;
    if (max === undefined) delete field.max;
    else field.max = max;
    if (min !== undefined && max !== undefined && min > max) errors['field.max'] = 'maxBelowMin';
  }
  if (Object.hasOwn(PREFILL_KINDS, type)) {
    const prefill = str(form, 'field.prefill');
    if (prefill === '') delete field.prefill;
    else if (PREFILL_KINDS[type]!.includes(prefill)) field.prefill = prefill;
    else errors['field.prefill'] = 'prefillType';
  }
  if (type === 'date') {
    const when = str(form, 'field.when');
    field.past = when === 'past';
    field.future = when === 'future';
  }
  if (type === 'repeat') readRepeat(form, field, before, errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, field };
}

/** A new question on a question page, at its end. */
export function addField(doc: DraftDocument, pageId: string, form: FormInput): Edit {
  const at = pageIndex(doc, pageId);
  const d = clone(doc) as unknown as Obj;
  const page = (d.pages as Obj[])[at];
  if (!page || page.kind !== 'question') return { ok: false, errors: { document: 'gone' } };
  const r = readField(doc, form, undefined);
  if (!r.ok) return r;
  (page.fields as Obj[]).push(r.field);
  return parse(d);
}

/**
 * A question's name, texts, options and limits (its type stays; a new type is a new question). A
 * new name is a rename: every route, condition, setting and scenario that names it follows (./rename.ts).
 */
export function editField(doc: DraftDocument, pageId: string, name: string, form: FormInput): Edit {
  const at = pageIndex(doc, pageId);
  const before = ((doc.pages as unknown as Obj[])[at]?.fields as Obj[] | undefined)?.find((f) => f.name === name);
  if (!before) return { ok: false, errors: { document: 'gone' } };
  const r = readField(doc, form, before);
  if (!r.ok) return r;
  const renamed = r.field.name === name ? { ok: true as const, doc } : renameField(doc, name, String(r.field.name));
  if (!renamed.ok) return renamed;
  const d = clone(renamed.doc) as unknown as Obj;
  const fields = (d.pages as Obj[])[at]!.fields as Obj[];
  fields[fields.findIndex((f) => f.name === r.field.name)] = r.field;
  return parse(d);
}

export function moveField(doc: DraftDocument, pageId: string, index: number, action: string): Edit {
  const at = pageIndex(doc, pageId);
  const d = clone(doc) as unknown as Obj;
  const page = (d.pages as Obj[])[at];
  if (!page || page.kind !== 'question') return { ok: false, errors: { document: 'gone' } };
  const next = reorder(page.fields as Obj[], index, action);
  if (!next) return { ok: false, errors: { document: 'gone' } };
  if (next.length === 0) return { ok: false, errors: { document: 'lastField' } };
  page.fields = next;
  return parse(d);
}
