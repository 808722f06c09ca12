/**
 * Problems with a document, named so the editor can word them in the reader's language: a code,
 * its values and where in the document it is. Schema failures become `invalid` problems; a field of a
 * type the registry does not have becomes `unknownFieldType` rather than a union mismatch.
 */
import type { z } from 'zod';
import { isFieldType } from '../fields/index.ts';
import type { Problem } from '../structure.ts';

export type { Problem } from '../structure.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Fields (and a repeating group's fields) whose `type` the field-type registry does not know. */
export function unknownFieldTypes(raw: unknown): Problem[] {
  const problems: Problem[] = [];
  const visit = (fields: unknown, path: (string | number)[]) => {
    if (!Array.isArray(fields)) return;
    fields.forEach((f, i) => {
      if (!isObj(f)) return;
      if (typeof f.type === 'string' && !isFieldType(f.type)) problems.push({ code: 'unknownFieldType', params: { type: f.type, field: String(f.name ?? '') }, path: [...path, i, 'type'] });
      visit(f.fields, [...path, i, 'fields']);
    });
  };
  if (isObj(raw) && Array.isArray(raw.pages)) raw.pages.forEach((p, i) => isObj(p) && visit(p.fields, ['pages', i, 'fields']));
  return problems;
}

/** C0 control characters but tab, line feed and carriage return, and DEL: nothing a text or a name holds. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Every string (key or value) in a document that holds a control character. A NUL cannot be stored
 * at all (PostgreSQL refuses it in jsonb), and the others are invisible in the editor and meaningless
 * to a reader, so a document carrying one is refused where it is, whatever the field.
 */
export function controlCharacters(raw: unknown): Problem[] {
  const problems: Problem[] = [];
  const visit = (v: unknown, path: (string | number)[]) => {
    if (typeof v === 'string') {
      if (CONTROL.test(v)) problems.push({ code: 'controlCharacter', params: {}, path });
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => visit(x, [...path, i]));
    } else if (isObj(v)) {
      for (const [k, x] of Object.entries(v)) {
        if (CONTROL.test(k)) problems.push({ code: 'controlCharacter', params: {}, path: [...path, k] });
        visit(x, [...path, k]);
      }
    }
  };
  visit(raw, []);
  return problems;
}

const within = (path: readonly PropertyKey[], prefix: readonly PropertyKey[]) => prefix.every((k, i) => path[i] === k);

type Issue = { code: string; path: PropertyKey[]; message: string; errors?: Issue[][] };

/**
 * A union's failure (a draft's page is a fragment reference or a page) as the issues of the branch
 * the value came closest to, so that a page without a title reports the missing title.
 */
function flatten(issue: Issue, at: PropertyKey[] = []): Issue[] {
  const path = [...at, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0) {
    const closest = issue.errors.reduce((a, b) => (b.length < a.length ? b : a));
    return closest.flatMap((i) => flatten(i, path));
  }
  return [{ ...issue, path }];
}

/** A failed parse as problems, the unknown field types named as such. */
export function schemaProblems(raw: unknown, error: z.ZodError): Problem[] {
  const types = unknownFieldTypes(raw);
  // The union's own complaint about a field of an unknown type says nothing the named problem does not.
  const fieldPaths = types.map((p) => (p.path ?? []).slice(0, -1));
  const rest = (error.issues as Issue[])
    .flatMap((i) => flatten(i))
    .filter((i) => !fieldPaths.some((fp) => within(i.path, fp)))
    .map((i): Problem => ({ code: 'invalid', params: { issue: i.code, message: i.message }, path: i.path.map((k) => (typeof k === 'symbol' ? String(k) : k)) }));
  return [...types, ...rest];
}
