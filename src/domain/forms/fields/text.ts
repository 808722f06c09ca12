/** Free-text field types: text, textarea, phone and e-mail. Values are trimmed strings. */
import { z } from 'zod';
import type { LeafField } from '../definition.ts';
import { runSchema, str, type FieldType } from './types.ts';

type Of<T extends LeafField['type']> = Extract<LeafField, { type: T }>;

function textLike<F extends Of<'text' | 'textarea' | 'phone' | 'email'>>(errorCodes: readonly string[], build: (f: F) => z.ZodType<string>): FieldType<F> {
  return {
    errorCodes: ['required', ...errorCodes],
    inputs: (_f, path) => [{ name: path, multiple: false }],
    parse(f, values, path) {
      const raw = str(values, path).trim();
      if (raw === '') return f.optional ? { ok: true, value: undefined } : { ok: false, errors: [{ path, code: 'required', field: f }] };
      return runSchema(build(f), raw, f, path, 'maxLength' in f ? { max: f.maxLength } : undefined);
    },
    toForm: (_f, v, path) => (typeof v === 'string' ? { [path]: v } : {}),
    display: (_f, v) => (typeof v === 'string' && v !== '' ? v.split(/\r?\n/).map((text) => ({ text })) : []),
  };
}

// Swedish and international numbers: digits with optional +, spaces, hyphens and parentheses.
const PHONE = /^\+?[0-9][0-9 ()-]{5,23}$/;

export const text = textLike<Of<'text'>>(['tooLong'], (f) => z.string().max(f.maxLength, 'tooLong'));
export const textarea = textLike<Of<'textarea'>>(['tooLong'], (f) => z.string().max(f.maxLength, 'tooLong'));
export const phone = textLike<Of<'phone'>>(['format'], () =>
  z.string().regex(PHONE, 'format').refine((s) => s.replace(/\D/g, '').length >= 7, 'format'),
);
export const email = textLike<Of<'email'>>(['format'], () => z.string().max(254, 'format').pipe(z.email('format')));
