import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formSchemas } from '../definition.ts';
import { errorCodesFor, fieldType, FIELD_TYPES } from './index.ts';
import type { FieldDef } from '../definition.ts';

const { leafField, repeatField } = formSchemas(z.string(), z.string(), {});
const base = { name: 'f', label: 'f.label' };
const leaf = (extra: Record<string, unknown>) => leafField.parse({ ...base, ...extra }) as FieldDef;
const fields: FieldDef[] = [
  leaf({ type: 'text', maxLength: 5 }),
  leaf({ type: 'textarea', maxLength: 5 }),
  leaf({ type: 'personnummer', person: 'child' }),
  leaf({ type: 'phone' }),
  leaf({ type: 'email' }),
  leaf({ type: 'date', past: true }),
  leaf({ type: 'date', future: true }),
  leaf({ type: 'month' }),
  leaf({ type: 'number', min: 1, max: 10 }),
  leaf({ type: 'radios', options: [{ value: 'a', label: 'a' }, { value: 'b', label: 'b' }] }),
  leaf({ type: 'checkboxes', options: [{ value: 'a', label: 'a' }] }),
  leaf({ type: 'select', options: [{ value: 'a', label: 'a' }, { value: 'b', label: 'b' }] }),
  leaf({ type: 'yesNo' }),
  leaf({ type: 'address' }),
  leaf({ type: 'file' }),
];
/** Answers a citizen might post that are wrong in every way we could think of. */
const BAD = ['', ' ', 'x', 'nej!', '0', '-5', '11', '1,5', 'a'.repeat(300), '19121212-1212', '201212121212', '12345', '+46 70', 'a@', '2099-13-40', '1800-01', 'error:fileType', 'error:fileTooLarge', 'error:uploadQuota', '{"id":1}'];

describe('the error codes a field type says it can report', () => {
  it('every type declares its codes, and every code its parse reports for bad input is among them', () => {
    const seen = new Set<string>();
    for (const f of fields) {
      const declared = errorCodesFor(f as never);
      expect(declared.length, f.type).toBeGreaterThan(0);
      const type = fieldType(f);
      for (const bad of BAD) {
        const values = Object.fromEntries(type.inputs(f, 'f').map((i) => [i.name, bad]));
        // Structured inputs also with only the first part wrong.
        const partial = Object.fromEntries(type.inputs(f, 'f').map((i, k) => [i.name, k === 0 ? bad : i.name.endsWith('postcode') ? '69630' : i.name.endsWith('year') ? '2020' : i.name.endsWith('month') ? '1' : 'Ort']));
        for (const v of [values, partial]) {
          const r = type.parse(f, v, 'f', { today: new Date('2026-11-23') });
          if (!r.ok) for (const e of r.errors) {
            seen.add(e.code);
            expect(declared, `${f.type} reported ${e.code} for ${JSON.stringify(v)}`).toContain(e.code);
          }
        }
      }
    }
    expect(seen.size).toBeGreaterThan(10);
  });

  it('adds a personnummer rule’s code and a group question’s duplicate', () => {
    expect(errorCodesFor({ type: 'personnummer', person: 'child' })).toContain('notChild');
    expect(errorCodesFor({ type: 'text' }, { unique: true })).toContain('duplicate');
    expect(errorCodesFor({ type: 'repeat' })).toEqual([]);
    expect(FIELD_TYPES.every((t) => Array.isArray(errorCodesFor({ type: t })))).toBe(true);
    void repeatField;
  });
});
