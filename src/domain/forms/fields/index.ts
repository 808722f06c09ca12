/**
 * The field-type registry: one entry per type, plus the repeating group, which is built from the
 * others. A definition naming a type that is not here fails definition validation at start-up.
 */
import type { FieldDef, LeafField, RepeatField } from '../definition.ts';
import { checkboxes, radios, select, yesNo } from './choice.ts';
import { address, date, month, number, personnummer } from './structured.ts';
import { email, phone, text, textarea } from './text.ts';
import { file } from './file.ts';
import { PERSON_RULES, type PersonRuleName } from '../person-rules.ts';
import { isBlank, type DisplayLine, type FieldError, type FieldType, type FormValues } from './types.ts';

export type { DisplayLine, FieldError, FieldType, FormValues, FieldContext } from './types.ts';

const leaves: { [K in LeafField['type']]: FieldType<Extract<LeafField, { type: K }>> } = {
  text,
  textarea,
  personnummer,
  phone,
  email,
  date,
  month,
  number,
  radios,
  checkboxes,
  select,
  yesNo,
  address,
  file,
};

/** The names of every field type a definition or document may use. */
export const FIELD_TYPES: readonly string[] = [...Object.keys(leaves), 'repeat'];

export function isFieldType(name: string): boolean {
  return FIELD_TYPES.includes(name);
}

export function leafType(field: LeafField): FieldType<LeafField> {
  return leaves[field.type] as FieldType<LeafField>;
}

const itemPath = (path: string, i: number, sub: string) => `${path}.${i}.${sub}`;

/** The input a repeating group posts with how many items the page showed. */
export const countInput = (path: string): string => `${path}.antal`;

/**
 * A repeating group: numbered items, as many as the citizen adds (up to `max`, ../repeat-items.ts);
 * the first `min` must be filled, a later one left empty is no item. Besides its items' inputs it
 * posts how many items the page showed (`<group>.antal`), which is no answer.
 */
const repeat: FieldType<RepeatField> = {
  // A group reports its questions' errors, under their names.
  errorCodes: [],
  inputs: (f, path) => [
    ...Array.from({ length: f.max }, (_, i) => f.fields.flatMap((sub) => leafType(sub).inputs(sub, itemPath(path, i, sub.name)))).flat(),
    { name: countInput(path), multiple: false },
  ],
  parse(f, values, path, ctx) {
    const items: Record<string, unknown>[] = [];
    // The numbered slot each item was posted in: an error's path names that slot's inputs.
    const slots: number[] = [];
    const errors: FieldError[] = [];
    for (let i = 0; i < f.max; i++) {
      const names = f.fields.flatMap((sub) => leafType(sub).inputs(sub, itemPath(path, i, sub.name)).map((x) => x.name));
      if (i >= f.min && isBlank(values, names)) continue;
      const item: Record<string, unknown> = {};
      for (const sub of f.fields) {
        const r = leafType(sub).parse(sub, values, itemPath(path, i, sub.name), ctx);
        if (r.ok) item[sub.name] = r.value;
        else errors.push(...r.errors.map((e) => ({ ...e, params: { ...e.params, n: i + 1 } })));
      }
      items.push(item);
      slots.push(i);
    }
    // The same answer in two items (the same child twice): the later one is refused, naming the first.
    for (const name of f.unique ?? []) {
      const sub = f.fields.find((x) => x.name === name);
      if (!sub) continue;
      const seen = new Map<string, number>();
      items.forEach((item, i) => {
        const v = item[name];
        if (v === undefined || v === null || v === '') return;
        const key = JSON.stringify(v);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, i);
        else errors.push({ path: itemPath(path, slots[i]!, name), code: 'duplicate', params: { n: slots[i]! + 1, first: slots[first]! + 1 }, field: sub });
      });
    }
    return errors.length > 0 ? { ok: false, errors } : { ok: true, value: items };
  },
  toForm(f, v, path) {
    if (!Array.isArray(v)) return {};
    const out: FormValues = {};
    v.forEach((item: Record<string, unknown>, i) => {
      for (const sub of f.fields) Object.assign(out, leafType(sub).toForm(sub, item[sub.name], itemPath(path, i, sub.name)));
    });
    return out;
  },
  display(f, v) {
    if (!Array.isArray(v)) return [];
    // Each item's heading, then each answered field's lines, the first one carrying the field's label.
    return v.flatMap((item: Record<string, unknown>, i): DisplayLine[] => [
      { key: f.itemLabel, params: { n: i + 1 } },
      ...f.fields.flatMap((sub) => leafType(sub).display(sub, item[sub.name]).map((line, k) => (k === 0 ? { ...line, label: sub.label } : line))),
    ]);
  },
};

/**
 * Every error code a field can be refused with: its type's, its personnummer rule's, and for a
 * question of a repeating group that must differ between items, "duplicate".
 */
export function errorCodesFor(field: { type: string; person?: string | undefined }, { unique = false } = {}): string[] {
  const type = field.type === 'repeat' ? repeat : (leaves as Record<string, FieldType<never>>)[field.type];
  const person = field.person ? PERSON_RULES[field.person as PersonRuleName]?.code : undefined;
  return [...(type?.errorCodes ?? []), ...(person ? [person] : []), ...(unique ? ['duplicate'] : [])];
}

export function fieldType(field: FieldDef): FieldType {
  return (field.type === 'repeat' ? repeat : leafType(field)) as FieldType;
}
