/**
 * A question page's post becomes answers, or errors; stored answers become inputs again and
 * display rows. Used by the journey pages, check-answers, the receipt and the case view.
 */
import type { FieldDef, QuestionPage, ServiceDefinition } from './definition.ts';
import { fieldType, type DisplayLine, type FieldContext, type FieldError, type FormValues } from './fields/index.ts';
import { findPage, walk, type Answers, type JourneyContext } from './journey.ts';
import { uploadRef, type UploadRef } from './files.ts';

export type FormInput = { get(name: string): string | null; getAll(name: string): string[] };

/** Reads exactly the inputs the page's fields declare; anything else posted is ignored. */
export function readPage(page: QuestionPage, form: FormInput): FormValues {
  const values: FormValues = {};
  for (const f of page.fields) {
    for (const input of fieldType(f).inputs(f, f.name)) {
      values[input.name] = input.multiple ? form.getAll(input.name) : (form.get(input.name) ?? '');
    }
  }
  return values;
}

export type PageResult = { ok: true; answers: Answers } | { ok: false; errors: FieldError[] };

/** Validates a page; an optional field left empty is stored as null so the page counts as answered. */
export function validatePage(page: QuestionPage, values: FormValues, ctx: FieldContext): PageResult {
  const answers: Answers = {};
  const errors: FieldError[] = [];
  for (const f of page.fields) {
    const r = fieldType(f).parse(f, values, f.name, ctx);
    if (r.ok) answers[f.name] = r.value ?? null;
    else errors.push(...r.errors);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers };
}

/** Stored answers back into input values, to pre-fill a page the citizen returns to. */
export function pageValues(page: QuestionPage, answers: Answers): FormValues {
  const values: FormValues = {};
  for (const f of page.fields) {
    if (answers[f.name] != null) Object.assign(values, fieldType(f).toForm(f, answers[f.name], f.name));
  }
  return values;
}

export type AnswerRow = { pageId: string; field: FieldDef; lines: DisplayLine[] };

/** Rows for every answered field on the path, in journey order (check-answers, receipt, case page). */
export function answerRows(def: ServiceDefinition, answers: Answers, ctx: JourneyContext): AnswerRow[] {
  return answerRowsOn(def, answers, walk(def, answers, ctx).path);
}

/** The same for a path already walked. */
export function answerRowsOn(def: ServiceDefinition, answers: Answers, path: readonly string[]): AnswerRow[] {
  const rows: AnswerRow[] = [];
  for (const id of path) {
    const p = findPage(def, id);
    if (p?.kind !== 'question') continue;
    for (const f of p.fields) {
      if (!Object.hasOwn(answers, f.name)) continue;
      const v = answers[f.name];
      rows.push({ pageId: p.id, field: f, lines: v == null ? [] : fieldType(f).display(f, v) });
    }
  }
  return rows;
}

/** The uploads the answers on a path refer to: these become the submission's attachments. */
export function uploadsOn(def: ServiceDefinition, answers: Answers, path: readonly string[]): UploadRef[] {
  const refs: UploadRef[] = [];
  for (const id of path) {
    const p = findPage(def, id);
    if (p?.kind !== 'question') continue;
    for (const f of p.fields) {
      const r = f.type === 'file' ? uploadRef.safeParse(answers[f.name]) : undefined;
      if (r?.success) refs.push(r.data);
    }
  }
  return refs;
}
