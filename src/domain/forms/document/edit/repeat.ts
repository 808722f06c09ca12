/**
 * A repeating group (`repeat`): its own properties — the item's label with {{n}}, the least and
 * most items, the questions no two items may answer alike, and every other text the schema gives a
 * group (read from the schema, so a text added to `repeat` there is edited here without a change) —
 * and its questions: a new one, a changed one (a new name follows into the unique list and the
 * scenarios), their order. A new group comes with its first question (`repeat.first.*`: a type
 * without options, a name and a label), to be written further on its own page. Inputs:
 * `repeat.<text>.<lang>`, `repeat.min`, `repeat.max`, `repeat.unique` (one per chosen question). Pure.
 */
import { z } from 'zod';
import type { FormInput } from '../../answers.ts';
import { lenientSchemas, type DraftDocument } from '../schema.ts';
import { clone, FIELD_NAME, pageIndex, parse, readText, reorder, str, type Edit, type Errors, type Obj } from './common.ts';
import { readField } from './fields.ts';
import { renameField } from './rename.ts';

const text = lenientSchemas.parts.text;
const isText = (s: unknown) => s === text || (s instanceof z.ZodOptional && s.unwrap() === text);
const repeatShape = lenientSchemas.parts.repeatField.shape as Record<string, unknown>;
/** The texts of a group besides its label and hint (asked like any question's): the item label, and whatever else the schema has. */
export const REPEAT_TEXTS: string[] = Object.keys(repeatShape).filter((k) => k !== 'label' && k !== 'hint' && isText(repeatShape[k]));
/** Which of them a group must have. */
export const REQUIRED_REPEAT_TEXTS = new Set(REPEAT_TEXTS.filter((k) => !(repeatShape[k] instanceof z.ZodOptional)));
/** A group's questions may be of every type but a file (and not a group). */
export const INNER_FIELD_TYPES = (lenientSchemas.parts.leafField.options as { shape: { type: { value: string } } }[]).map((o) => o.shape.type.value).filter((t) => t !== 'file');
/** The types a new group's first question may have: those with nothing more to fill in. */
export const FIRST_INNER_TYPES = INNER_FIELD_TYPES.filter((t) => !['radios', 'checkboxes', 'select'].includes(t));

function count(form: FormInput, name: string, least: number, errors: Errors): number | undefined {
  const raw = str(form, name);
  if (raw === '') {
    errors[name] = 'required';
    return undefined;
  }
  if (!/^\d+$/.test(raw) || Number(raw) < least || Number(raw) > 100) {
    errors[name] = least === 0 ? 'countFromZero' : 'positiveNumber';
    return undefined;
  }
  return Number(raw);
}

/** The group's own properties from the form, onto `field` (which has its name, label, hint and optional already). */
export function readRepeat(form: FormInput, field: Obj, before: Obj | undefined, errors: Errors): void {
  for (const prop of REPEAT_TEXTS) {
    const t = readText(form, `repeat.${prop}`, before?.[prop]);
    if (Object.keys(t).length > 0) field[prop] = t;
    else {
      delete field[prop];
      if (REQUIRED_REPEAT_TEXTS.has(prop)) errors[`repeat.${prop}.sv`] = 'required';
    }
  }
  const min = count(form, 'repeat.min', 0, errors);
  const max = count(form, 'repeat.max', 1, errors);
  if (min !== undefined) field.min = min;
  if (max !== undefined) field.max = max;
  if (min !== undefined && max !== undefined && min > max) errors['repeat.max'] = 'maxBelowMin';
  if (before) {
    const inner = ((before.fields as Obj[] | undefined) ?? []).map((f) => String(f.name));
    const unique = form.getAll('repeat.unique').filter((n) => inner.includes(n));
    if (unique.length > 0) field.unique = unique;
    else delete field.unique;
  } else {
    const type = str(form, 'repeat.first.type');
    const name = str(form, 'repeat.first.name');
    const label = readText(form, 'repeat.first.label');
    if (!FIRST_INNER_TYPES.includes(type)) errors['repeat.first.type'] = 'choose';
    if (name === '') errors['repeat.first.name'] = 'required';
    else if (!FIELD_NAME.test(name)) errors['repeat.first.name'] = 'fieldName';
    if (!label.sv) errors['repeat.first.label.sv'] = 'required';
    field.fields = [{ type, name, label }];
  }
}

type Group = { d: Obj; fields: Obj[]; group: Obj };

function groupIn(doc: DraftDocument, pageId: string, groupName: string): Group | undefined {
  const d = clone(doc) as unknown as Obj;
  const page = (d.pages as Obj[])[pageIndex(doc, pageId)];
  const group = ((page?.fields as Obj[] | undefined) ?? []).find((f) => f.name === groupName && f.type === 'repeat');
  return group ? { d, fields: group.fields as Obj[], group } : undefined;
}

/** The group's question as the page shows it, or undefined. */
export function innerField(doc: DraftDocument, pageId: string, groupName: string, name: string): Obj | undefined {
  return groupIn(doc, pageId, groupName)?.fields.find((f) => f.name === name);
}

const innerNames = (g: Group) => g.fields.map((f) => String(f.name));

/** A new question in a group, at its end. */
export function addInnerField(doc: DraftDocument, pageId: string, groupName: string, form: FormInput): Edit {
  const g = groupIn(doc, pageId, groupName);
  if (!g) return { ok: false, errors: { document: 'gone' } };
  const type = str(form, 'field.type');
  if (!INNER_FIELD_TYPES.includes(type)) return { ok: false, errors: { 'field.type': 'choose' } };
  const r = readField(doc, form, undefined, innerNames(g));
  if (!r.ok) return r;
  g.fields.push(r.field);
  return parse(g.d);
}

/** A group's question changed; a new name is a rename within the group. */
export function editInnerField(doc: DraftDocument, pageId: string, groupName: string, name: string, form: FormInput): Edit {
  const g = groupIn(doc, pageId, groupName);
  const before = g?.fields.find((f) => f.name === name);
  if (!g || !before) return { ok: false, errors: { document: 'gone' } };
  const r = readField(doc, form, before, innerNames(g));
  if (!r.ok) return r;
  const renamed = r.field.name === name ? { ok: true as const, doc } : renameField(doc, name, String(r.field.name), groupName);
  if (!renamed.ok) return renamed;
  const again = groupIn(renamed.doc, pageId, groupName)!;
  again.fields[again.fields.findIndex((f) => f.name === r.field.name)] = r.field;
  return parse(again.d);
}

/** A group's question moved up or down, or removed (not the last one; a removed one leaves the unique list). */
export function moveInnerField(doc: DraftDocument, pageId: string, groupName: string, index: number, action: string): Edit {
  const g = groupIn(doc, pageId, groupName);
  if (!g) return { ok: false, errors: { document: 'gone' } };
  const next = reorder(g.fields, index, action);
  if (!next) return { ok: false, errors: { document: 'gone' } };
  if (next.length === 0) return { ok: false, errors: { document: 'lastField' } };
  g.group.fields = next;
  if (Array.isArray(g.group.unique)) {
    const names = next.map((f) => f.name);
    const unique = (g.group.unique as string[]).filter((n) => names.includes(n));
    if (unique.length > 0) g.group.unique = unique;
    else delete g.group.unique;
  }
  return parse(g.d);
}
