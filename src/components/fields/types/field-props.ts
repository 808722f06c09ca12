/**
 * What every field type's component (./*.astro, chosen by type in ./index.ts) is given, and the
 * texts they all derive from it: the label (the page's heading when the page asks one question),
 * the hint, an input's single value, translated options.
 */
import type { TFunction } from 'i18next';
import type { FieldDef } from '../../../domain/forms/definition.ts';
import type { FormValues } from '../../../domain/forms/fields/index.ts';
import type { RepeatOutcome } from '../../../domain/forms/repeat-items.ts';

export type FieldProps<T extends FieldDef['type'] = FieldDef['type']> = {
  field: Extract<FieldDef, { type: T }>;
  /** The answer's path: the field's name, or `group.0.name` inside a repeating group. */
  path: string;
  values: FormValues;
  errors: Record<string, string>;
  /** The page's heading, when this field's label is it. */
  heading?: string | undefined;
  /** A repeating group's add or remove just done on this page: the item to focus, or the one removed. */
  repeat?: RepeatOutcome | undefined;
  /** Where the value shown was filled in from ("Från folkbokföringen"): a field that takes a `prefill`. */
  source?: string | undefined;
};

type TextParams = Record<string, string | number>;

export function labelAndHint(t: TFunction, textParams: TextParams, field: FieldDef, heading: string | undefined): { label: string; hint: string | undefined } {
  return { label: heading ?? t(field.label, textParams), hint: field.hint ? t(field.hint, textParams) : undefined };
}

/** An input's value as posted or stored (the first, for an input posted more than once). */
export function oneValue(values: FormValues, name: string): string | undefined {
  const v = values[name];
  return Array.isArray(v) ? v[0] : v;
}

export function translatedOptions(t: TFunction, textParams: TextParams, options: { value: string; label: string; hint?: string | undefined }[]): { value: string; label: string; hint: string | undefined }[] {
  return options.map((o) => ({ value: o.value, label: t(o.label, textParams), hint: o.hint ? t(o.hint, textParams) : undefined }));
}
