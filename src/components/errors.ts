/**
 * Field errors (codes from the domain) into the citizen's language. A field may word its own
 * message (`<field key>.errors.<code>`); otherwise the common message for the code is used.
 */
import type { TFunction } from 'i18next';
import type { FieldError } from '../domain/forms/fields/index.ts';
import { inputId } from './ids.ts';

export type ShownError = { path: string; href: string; text: string };

export function translateErrors(t: TFunction, errors: FieldError[], params: Record<string, string | number>): ShownError[] {
  return errors.map((e) => {
    const base = e.field.label.replace(/\.label$/, '');
    const label = t(e.field.label, params);
    const text = t([`${base}.errors.${e.code}`, `common:errors.${e.code}`], { ...params, ...e.params, label, labelLower: label.toLocaleLowerCase() });
    return { path: e.path, href: `#${inputId(e.path)}`, text };
  });
}

export function errorMap(shown: ShownError[]): Record<string, string> {
  const m: Record<string, string> = {};
  for (const s of shown) m[s.path] ??= s.text;
  return m;
}
