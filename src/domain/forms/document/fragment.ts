/**
 * Fragments: reusable parts of e-tjänster (who applies, on behalf with consent or fullmakt, the
 * eligibility questions with their exit pages, the fee step, the IFO reporter step, the start page's
 * sections about acute danger or secrecy …) as data documents with named parameters. A draft uses
 * one with `{ "fragment": name, "params": {…} }` among its start sections or pages; publishing
 * expands every reference into the fragment's content, so a published version stands alone and a
 * later change to the fragment reaches only versions published after it.
 *
 * A fragment's content is start sections or pages in which a value may be
 * - `{ "$param": "then" }`: the parameter's value (an absent optional parameter leaves the property,
 *   or the list item, out);
 * - `{ "$choose": "about", "cases": { "barn": …, "vuxen": … } }`: the case for a choice parameter's value;
 * - `{ "$if": "personnummer", "then": … }`: included only when a boolean parameter is true.
 * Expansion is a pure function of the draft and the fragments; expanding a published document (which
 * has no references) gives it back unchanged.
 */
import { z } from 'zod';
import { fieldName, formSchemas, slug } from '../definition.ts';
import { textSchemas } from './text.ts';
import { errorCode, expandedDocument, jsonValue, DOCUMENT_FORMAT, type DraftDocument, type ExpandedDocument } from './schema.ts';
import { schemaProblems, type Problem } from './problems.ts';

const paramCommon = {
  optional: z.boolean().default(false),
  /** What the parameter is for, for whoever uses the fragment. */
  description: z.string().optional(),
};
export const paramDecl = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('pageId'), ...paramCommon }),
  z.strictObject({ type: z.literal('boolean'), ...paramCommon }),
  z.strictObject({ type: z.literal('choice'), values: z.array(slug).min(2), ...paramCommon }),
  z.strictObject({ type: z.literal('text'), ...paramCommon }),
  z.strictObject({ type: z.literal('paragraphs'), ...paramCommon }),
  /** A field's own error messages by code. */
  z.strictObject({ type: z.literal('errors'), ...paramCommon }),
  /** The options of a choice field, with their texts. */
  z.strictObject({ type: z.literal('options'), ...paramCommon }),
]);
export type ParamDecl = z.infer<typeof paramDecl>;

export const fragment = z.strictObject({
  format: z.literal(DOCUMENT_FORMAT),
  name: slug,
  /** What the fragment is, for the redaktör choosing it. */
  description: z.string().min(1),
  /** Where it may be used: among a document's start sections or among its pages. */
  provides: z.enum(['start', 'pages']),
  params: z.record(fieldName, paramDecl).default({}),
  content: z.array(jsonValue).min(1),
});
export type Fragment = z.infer<typeof fragment>;
export type FragmentSource = (name: string) => Fragment | undefined;

const texts = textSchemas(false);
const lenient = formSchemas(texts.text, texts.paragraphs, {}, { strict: true });
const valueOf: Record<ParamDecl['type'], (d: ParamDecl) => z.ZodType> = {
  pageId: () => slug,
  boolean: () => z.boolean(),
  choice: (d) => z.enum((d as Extract<ParamDecl, { type: 'choice' }>).values as [string, ...string[]]),
  text: () => texts.text,
  paragraphs: () => texts.paragraphs,
  errors: () => z.record(errorCode, texts.text),
  options: () => z.array(lenient.option).min(1),
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const ABSENT = Symbol('absent');

/** The content with the parameters' values in place; ABSENT where an absent optional parameter or a false `$if` leaves it out. */
function instantiate(node: unknown, params: Record<string, unknown>): unknown {
  if (Array.isArray(node)) return node.map((n) => instantiate(n, params)).filter((v) => v !== ABSENT);
  if (!isObj(node)) return node;
  if (typeof node.$param === 'string') return Object.hasOwn(params, node.$param) ? structuredClone(params[node.$param]) : ABSENT;
  if (typeof node.$choose === 'string') return instantiate((node.cases as Obj)[String(params[node.$choose])], params);
  if (typeof node.$if === 'string') return params[node.$if] === true ? instantiate(node.then, params) : ABSENT;
  const out: Obj = {};
  for (const [k, v] of Object.entries(node)) {
    const x = instantiate(v, params);
    if (x !== ABSENT) out[k] = x;
  }
  return out;
}

/** Mistakes in a fragment itself: a construct naming an undeclared parameter, or a choice without a case for one of its values. */
export function fragmentProblems(f: Fragment): Problem[] {
  const problems: Problem[] = [];
  const visit = (node: unknown, path: (string | number)[]) => {
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, [...path, i]));
    if (!isObj(node)) return;
    for (const construct of ['$param', '$choose', '$if'] as const) {
      const name = node[construct];
      if (typeof name !== 'string') continue;
      const decl = f.params[name];
      if (!decl) problems.push({ code: 'fragmentUndeclaredParam', params: { fragment: f.name, param: name }, path });
      else if (construct === '$choose') {
        if (decl.type !== 'choice') problems.push({ code: 'fragmentWrongParamType', params: { fragment: f.name, param: name, type: decl.type }, path });
        else for (const v of decl.values) if (!isObj(node.cases) || !Object.hasOwn(node.cases, v)) problems.push({ code: 'fragmentMissingCase', params: { fragment: f.name, param: name, value: v }, path });
      } else if (construct === '$if' && decl.type !== 'boolean') problems.push({ code: 'fragmentWrongParamType', params: { fragment: f.name, param: name, type: decl.type }, path });
    }
    for (const [k, v] of Object.entries(node)) visit(v, [...path, k]);
  };
  visit(f.content, ['content']);
  return problems;
}

/** The content a reference stands for, or the problems with the reference. */
type Use = { ok: true; content: unknown[] } | { ok: false; problems: Problem[] };

function useOf(ref: { fragment: string; params: Record<string, unknown> }, slot: 'start' | 'pages', path: (string | number)[], source: FragmentSource): Use {
  const f = source(ref.fragment);
  const problem = (code: string, params: Problem['params'] = {}): Problem => ({ code, params: { fragment: ref.fragment, ...params }, path });
  if (!f) return { ok: false, problems: [problem('unknownFragment')] };
  if (f.provides !== slot) return { ok: false, problems: [problem('fragmentInWrongPlace', { provides: f.provides, slot })] };
  const problems: Problem[] = [];
  for (const name of Object.keys(ref.params)) if (!f.params[name]) problems.push(problem('unknownParam', { param: name }));
  for (const [name, decl] of Object.entries(f.params)) {
    if (!Object.hasOwn(ref.params, name)) {
      if (!decl.optional) problems.push(problem('missingParam', { param: name }));
    } else if (!valueOf[decl.type](decl).safeParse(ref.params[name]).success) problems.push(problem('invalidParam', { param: name, type: decl.type }));
  }
  problems.push(...fragmentProblems(f).map((p) => ({ ...p, path })));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, content: instantiate(f.content, ref.params) as unknown[] };
}

/** Where each start section and page of the expanded document came from in the draft. */
export type Origins = Record<'start' | 'pages', { index: number; fragment?: string }[]>;

export type Expansion = { ok: true; document: ExpandedDocument; origins: Origins } | { ok: false; problems: Problem[] };

/**
 * A problem found in the expanded document, pointed at the draft: a start section or page the
 * draft has itself keeps its place there, one that came from a fragment points at the reference.
 */
export function inDraft(p: Problem, origins: Origins): Problem {
  const [slot, i, ...rest] = p.path ?? [];
  if ((slot !== 'start' && slot !== 'pages') || typeof i !== 'number') return p;
  const o = origins[slot][i];
  if (!o) return p;
  return o.fragment ? { ...p, path: [slot, o.index], fragment: o.fragment } : { ...p, path: [slot, o.index, ...rest] };
}

/** A draft with every fragment reference replaced by the fragment's content, checked against the document schema. */
export function expand(draft: DraftDocument, source: FragmentSource): Expansion {
  const problems: Problem[] = [];
  const origins: Origins = { start: [], pages: [] };
  const expandList = (items: readonly unknown[], slot: 'start' | 'pages') =>
    items.flatMap((item, index) => {
      if (!isObj(item) || typeof item.fragment !== 'string') {
        origins[slot].push({ index });
        return [item];
      }
      const fragmentName = item.fragment;
      const used = useOf({ fragment: fragmentName, params: isObj(item.params) ? item.params : {} }, slot, [slot, index], source);
      if (!used.ok) {
        problems.push(...used.problems);
        return [];
      }
      origins[slot].push(...used.content.map(() => ({ index, fragment: fragmentName })));
      return used.content;
    });
  const raw = { ...draft, start: expandList(draft.start, 'start'), pages: expandList(draft.pages, 'pages') };
  if (problems.length > 0) return { ok: false, problems };
  const parsed = expandedDocument.safeParse(raw);
  return parsed.success ? { ok: true, document: parsed.data, origins } : { ok: false, problems: schemaProblems(raw, parsed.error).map((p) => inDraft(p, origins)) };
}
