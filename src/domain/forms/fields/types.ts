/**
 * The contract every field type fulfils: which inputs it posts, how a post becomes a typed answer
 * (validated with zod, errors as message codes), how an answer goes back into inputs for
 * re-rendering, and how it is displayed on check-answers, receipts and the case page.
 */
import { z } from 'zod';
import type { FieldDef } from '../definition.ts';

/** Raw posted values by input name: what the citizen typed, kept verbatim for re-rendering. */
export type FormValues = Record<string, string | string[]>;

export type FieldContext = { today: Date };

/** An error as a code; pages translate it (`<field>.errors.<code>`, then `errors.<code>`). */
export type FieldError = { path: string; code: string; params?: Record<string, string | number> | undefined; field: FieldDef };

/**
 * One displayed line: literal text the citizen entered, or an i18n key (a chosen option). `label`
 * (an i18n key): the question the line answers, where the row's own label does not say it (the
 * fields of a repeating group's item).
 */
export type DisplayLine =
  | { text: string; file?: { id: string; name: string }; label?: string | undefined }
  | { key: string; params?: Record<string, string | number>; label?: string | undefined };

export type ParseResult = { ok: true; value: unknown } | { ok: false; errors: FieldError[] };

export interface FieldType<F extends FieldDef = FieldDef> {
  /**
   * Every error code `parse` can report for a field of this type (besides the codes of a
   * personnummer's named rule and a repeating group's "duplicate"): the messages a field may word
   * itself, which the editor offers.
   */
  errorCodes: readonly string[];
  /** Input names this field posts under the given path; `multiple` ones post several values. */
  inputs(field: F, path: string): { name: string; multiple: boolean }[];
  parse(field: F, values: FormValues, path: string, ctx: FieldContext): ParseResult;
  toForm(field: F, value: unknown, path: string): FormValues;
  display(field: F, value: unknown): DisplayLine[];
}

export function str(values: FormValues, name: string): string {
  const v = values[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? '') : '';
}

export function list(values: FormValues, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : [];
}

/** Any zod issue we did not word ourselves becomes a plain "invalid". */
const fallback = () => 'invalid';

/** Runs a zod schema whose messages are error codes, mapping issues to FieldErrors at `path`. */
export function runSchema<T>(schema: z.ZodType<T>, input: unknown, field: FieldDef, path: string, params?: Record<string, string | number>): ParseResult {
  const r = schema.safeParse(input, { error: fallback });
  if (r.success) return { ok: true, value: r.data };
  // One error per input, all at once: an address with two wrong parts shows both.
  const errors: FieldError[] = [];
  for (const issue of r.error.issues) {
    const sub = issue.path.length > 0 ? `${path}.${issue.path.join('.')}` : path;
    if (!errors.some((e) => e.path === sub)) errors.push({ path: sub, code: issue.message || 'invalid', params: { ...limitsOf(issue), ...params }, field });
  }
  return { ok: false, errors };
}

/** A length or size limit a zod issue carries, as the `max`/`min` its message interpolates. */
function limitsOf(issue: z.core.$ZodIssue): Record<string, number> {
  const limits: Record<string, number> = {};
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') limits.max = issue.maximum;
  if (issue.code === 'too_small' && typeof issue.minimum === 'number') limits.min = issue.minimum;
  return limits;
}

export function isBlank(values: FormValues, names: string[]): boolean {
  return names.every((n) => list(values, n).every((v) => v.trim() === ''));
}
