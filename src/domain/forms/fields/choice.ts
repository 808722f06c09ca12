/** Choice field types: radios, yes/no (one option) and checkboxes (any number of options). */
import { z } from 'zod';
import type { LeafField } from '../definition.ts';
import { list, runSchema, str, type FieldType } from './types.ts';

type Of<T extends LeafField['type']> = Extract<LeafField, { type: T }>;

export const radios: FieldType<Of<'radios'>> = {
  errorCodes: ['required', 'invalid'],
  inputs: (_f, path) => [{ name: path, multiple: false }],
  parse(f, values, path) {
    const raw = str(values, path);
    if (raw === '') return f.optional ? { ok: true, value: undefined } : { ok: false, errors: [{ path, code: 'required', field: f }] };
    return runSchema(z.enum(f.options.map((o) => o.value) as [string, ...string[]], 'invalid'), raw, f, path);
  },
  toForm: (_f, v, path) => (typeof v === 'string' ? { [path]: v } : {}),
  display: (f, v) => {
    const o = f.options.find((x) => x.value === v);
    return o ? [{ key: o.label }] : [];
  },
};

/** A drop-down: the same answer shape and checks as radios, another markup. */
export const select: FieldType<Of<'select'>> = {
  errorCodes: ['required', 'invalid'],
  inputs: (_f, path) => [{ name: path, multiple: false }],
  parse(f, values, path) {
    const raw = str(values, path);
    if (raw === '') return f.optional ? { ok: true, value: undefined } : { ok: false, errors: [{ path, code: 'required', field: f }] };
    return runSchema(z.enum(f.options.map((o) => o.value) as [string, ...string[]], 'invalid'), raw, f, path);
  },
  toForm: (_f, v, path) => (typeof v === 'string' ? { [path]: v } : {}),
  display: (f, v) => {
    const o = f.options.find((x) => x.value === v);
    return o ? [{ key: o.label }] : [];
  },
};

export const YES_NO = ['ja', 'nej'] as const;

export const yesNo: FieldType<Of<'yesNo'>> = {
  errorCodes: ['required', 'invalid'],
  inputs: (_f, path) => [{ name: path, multiple: false }],
  parse(f, values, path) {
    const raw = str(values, path);
    if (raw === '') return f.optional ? { ok: true, value: undefined } : { ok: false, errors: [{ path, code: 'required', field: f }] };
    return runSchema(z.enum(YES_NO, 'invalid'), raw, f, path);
  },
  toForm: (_f, v, path) => (typeof v === 'string' ? { [path]: v } : {}),
  display: (_f, v) => (v === 'ja' || v === 'nej' ? [{ key: `common:yesNo.${v}` }] : []),
};

export const checkboxes: FieldType<Of<'checkboxes'>> = {
  errorCodes: ['required', 'invalid'],
  inputs: (_f, path) => [{ name: path, multiple: true }],
  parse(f, values, path) {
    const raw = list(values, path).filter((v) => v !== '');
    if (raw.length === 0) return f.optional ? { ok: true, value: [] } : { ok: false, errors: [{ path, code: 'required', field: f }] };
    const allowed = f.options.map((o) => o.value) as [string, ...string[]];
    // Keep the definition's order and drop duplicates, whatever order the browser posted. An unknown
    // value is checked on the whole list, so the error sits on the field's path (where the page shows
    // it and the error summary links), not on `<path>.<index>`.
    return runSchema(
      z
        .array(z.string())
        .refine((vs) => vs.every((v) => allowed.includes(v)), 'invalid')
        .transform((vs) => allowed.filter((a) => vs.includes(a))),
      raw,
      f,
      path,
    );
  },
  toForm: (_f, v, path) => (Array.isArray(v) ? { [path]: v.map(String) } : {}),
  display: (f, v) =>
    Array.isArray(v) ? f.options.filter((o) => v.includes(o.value)).map((o) => ({ key: o.label })) : [],
};
