/**
 * Writes today's e-tjänster (the TypeScript definitions and their text files) as e-tjänst documents
 * (db/seed/e-tjanster/<id>/v<version>.json) and today's shared parts as fragments
 * (db/seed/fragments/<name>.json). A run of pages or start sections that a shared part makes becomes
 * a reference to its fragment, with the parameters the part was called with; everything else is
 * written out with its texts inlined. Every set of answers today's journey tests judge becomes a
 * scenario. Each document is then published (expanded, checked, compiled, its scenarios run) and its
 * compiled definition compared with today's before anything is written.
 *
 *   npx node scripts/e-tjanst-documents/convert.ts
 *
 * It goes when the runtime reads the documents and the TypeScript definitions are deleted.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceDefinition } from '../../src/domain/forms/definition.ts';
import { fragment as fragmentSchema, type Fragment } from '../../src/domain/forms/document/fragment.ts';
import { DOCUMENT_FORMAT, publishedDocument } from '../../src/domain/forms/document/schema.ts';
import { mapTexts } from '../../src/domain/forms/document/sites.ts';
import { publish } from '../../src/domain/forms/document/publish.ts';
import { inlineErrors, inlineText, ROOT } from './texts.ts';
import { instances, SPECS, type Spec } from './fragments.ts';
import { isObj, markerParam, mergeCases, minimalPage, minimalSection, same, unify, type Obj } from './templates.ts';
import { readRecordings, scenariosFrom, trygghetslarmV1Scenarios } from './scenarios.ts';
import { readableJson } from './json.ts';

const pageParams = (spec: Spec) => Object.entries(spec.params).filter(([, d]) => d.type === 'pageId').map(([n]) => n);
const paramOf = (spec: Spec) => (v: unknown) => markerParam(v, spec.ns ?? {}, pageParams(spec));
/** A parameter that is a field's label brings the field's own error messages as a parameter of its own. */
const errorsParam = (labelParam: string) => (labelParam.endsWith('Label') ? `${labelParam.slice(0, -'Label'.length)}Errors` : undefined);

/** The values the definition's text context answer can take: the variants its texts may have. */
function contextsOf(def: ServiceDefinition): string[] {
  if (!def.textContext) return [];
  const f = def.pages.flatMap((p) => (p.kind === 'question' ? p.fields : [])).find((x) => x.name === def.textContext);
  if (f?.type === 'yesNo') return ['ja', 'nej'];
  return f && 'options' in f ? f.options.map((o) => o.value) : [];
}

/**
 * The inlined page's fields with their own error messages, found beside each label key of the
 * page as today's definition has it (for a label that is a parameter: the parameter that brings them).
 */
function withErrors(inlined: Obj, keyed: Obj, contexts: string[], param: (v: unknown) => string | undefined): Obj {
  const field = (f: Obj, k: Obj): Obj => {
    const out: Obj = { ...f };
    if (Array.isArray(f.fields)) out.fields = f.fields.map((s: Obj, i) => field(s, (k.fields as Obj[])[i]!));
    const p = param(k.label);
    const errors = p !== undefined ? (errorsParam(p) ? { $param: errorsParam(p) } : undefined) : inlineErrors(String(k.label), contexts);
    if (errors) out.errors = errors;
    return out;
  };
  return Array.isArray(inlined.fields) ? { ...inlined, fields: inlined.fields.map((f: Obj, i) => field(f, (keyed.fields as Obj[])[i]!)) } : inlined;
}

/** Pages or start sections with their texts inlined; markers become `$param`. */
function inline(items: Obj[], provides: 'start' | 'pages', contexts: string[], param: (v: unknown) => string | undefined = () => undefined): Obj[] {
  const texts = mapTexts(provides === 'pages' ? { pages: items } : { start: items }, (v, site) => {
    if (typeof v !== 'string') return v;
    const p = param(v);
    return p !== undefined ? { $param: p } : inlineText(v, site.kind, contexts);
  });
  const inlined = provides === 'pages' ? (texts.pages ?? []).map((p, i) => withErrors(p, items[i]!, contexts, param)) : texts.start;
  const markers = (v: unknown): unknown => {
    const p = param(v);
    if (p !== undefined) return { $param: p };
    if (Array.isArray(v)) return v.map(markers);
    return isObj(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, markers(x)])) : v;
  };
  return markers(inlined) as Obj[];
}

type Use = { spec: Spec; args: Obj; bindings: Obj };
const isUse = (x: Obj | Use): x is Use => 'spec' in x && 'bindings' in x;

/** The items with each run a fragment makes replaced by the use of the fragment. */
function detect(items: Obj[], provides: 'start' | 'pages'): (Obj | Use)[] {
  const out: (Obj | Use)[] = [];
  for (let i = 0; i < items.length; ) {
    const found = SPECS.filter((s) => s.provides === provides)
      .flatMap((spec) => instances(spec).map((inst) => ({ spec, inst })))
      .map(({ spec, inst }) => {
        const bindings: Obj = {};
        const run = items.slice(i, i + inst.items.length);
        return run.length === inst.items.length && unify(inst.items, run, bindings, paramOf(spec)) ? { spec, args: inst.args, bindings, length: run.length } : undefined;
      })
      .find((x) => x !== undefined);
    if (found) {
      out.push({ spec: found.spec, args: found.args, bindings: found.bindings });
      i += found.length;
    } else out.push(items[i++]!);
  }
  return out;
}

/** The values a use passes to its fragment, texts inlined in the using document's variants. */
function paramsOf(use: Use, contexts: string[]): Obj {
  const params: Obj = {};
  for (const [name, d] of Object.entries(use.spec.params)) {
    if (d.type === 'boolean' || d.type === 'choice') params[name] = use.args[name];
    else if (!Object.hasOwn(use.bindings, name)) continue;
    else if (d.type === 'pageId') params[name] = use.bindings[name];
    else if (d.type === 'text' || d.type === 'paragraphs') {
      params[name] = inlineText(String(use.bindings[name]), d.type, contexts);
      const e = errorsParam(name);
      const errors = e ? inlineErrors(String(use.bindings[name]), contexts) : undefined;
      if (e && errors) params[e] = errors;
    } else if (d.type === 'options') {
      params[name] = (use.bindings[name] as Obj[]).map((o) => ({
        value: o.value,
        label: inlineText(String(o.label), 'text', contexts),
        ...(o.hint !== undefined ? { hint: inlineText(String(o.hint), 'text', contexts) } : {}),
      }));
    }
  }
  return params;
}

/** The fragment document: its parameters (with the error-message parameters of label parameters) and its content. */
function fragmentOf(spec: Spec, contexts: string[]): Fragment {
  const params: Record<string, Obj> = {};
  for (const [name, d] of Object.entries(spec.params)) {
    const { optional, ...rest } = d;
    params[name] = optional ? d : rest;
    const e = d.type === 'text' ? errorsParam(name) : undefined;
    if (e) params[e] = { type: 'errors', optional: true, description: `Egna felmeddelanden för frågan i ${name}.` };
  }
  const finite = Object.entries(spec.params).filter(([, d]) => d.type === 'boolean' || d.type === 'choice');
  if (finite.length > 1) throw new Error(`${spec.name}: one choice or boolean parameter at most`);
  // The content has every optional text present: an absent one leaves its property out when expanded.
  const full = instances(spec).filter((inst) => Object.entries(spec.params).every(([n, d]) => !d.optional || Object.hasOwn(inst.args, n)));
  const contents = full.map((inst) => ({ args: inst.args, items: inline(inst.items, spec.provides, contexts, paramOf(spec)) }));
  const content = finite.length === 0 ? contents[0]!.items : (mergeCases(finite[0]![0], Object.fromEntries(contents.map((c) => [String(c.args[finite[0]![0]]), c.items]))) as Obj[]);
  const written = { format: DOCUMENT_FORMAT, name: spec.name, description: spec.description, provides: spec.provides, params, content };
  fragmentSchema.parse(written);
  return written as Fragment;
}

/** The document of one definition: its settings, start sections and pages (fragments where a shared part made them), scenarios. */
function documentOf(def: ServiceDefinition, scenarios: unknown[], uses: { start: (Obj | Use)[]; pages: (Obj | Use)[] }): Obj {
  const contexts = contextsOf(def);
  const list = (items: (Obj | Use)[], provides: 'start' | 'pages') =>
    items.map((x) => (isUse(x) ? { fragment: x.spec.name, params: paramsOf(x, contexts) } : inline([x], provides, contexts)[0]));
  const values: Obj = {
    ...def,
    format: DOCUMENT_FORMAT,
    title: inlineText(def.title, 'text', contexts),
    summary: inlineText(def.summary, 'text', contexts),
    start: list(uses.start, 'start'),
    pages: list(uses.pages, 'pages'),
    scenarios,
  };
  // In the order of the published document's schema; nothing undefined.
  return Object.fromEntries(Object.keys(publishedDocument.shape).flatMap((k) => (values[k] === undefined ? [] : [[k, values[k]]])));
}

async function definitions(): Promise<ServiceDefinition[]> {
  const dir = join(ROOT, 'src/services');
  const files = readdirSync(dir).flatMap((d) => [
    ...(existsSync(join(dir, d, 'definition.ts')) ? [join(dir, d, 'definition.ts')] : []),
    ...(existsSync(join(dir, d, 'versions')) ? readdirSync(join(dir, d, 'versions')).map((f) => join(dir, d, 'versions', f)) : []),
  ]);
  const defs = await Promise.all(files.map(async (f) => ((await import(f)) as { default: ServiceDefinition }).default));
  return defs.sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
}

const skeleton = (d: object) => JSON.stringify(mapTexts(d, () => '·'));

async function main(): Promise<void> {
  const recordDir = mkdtempSync(join(tmpdir(), 'e-tjanst-scenarios-'));
  execFileSync('npx', ['vitest', 'run', '--config', 'scripts/e-tjanst-documents/record.config.ts'], { cwd: ROOT, env: { ...process.env, RECORD_DIR: recordDir }, stdio: ['ignore', 'ignore', 'inherit'] });
  const defs = await definitions();
  const scenarios = scenariosFrom(readRecordings(recordDir), defs);
  rmSync(recordDir, { recursive: true });

  const detected = defs.map((def) => ({ def, start: detect(def.start.map((s) => minimalSection(s)), 'start'), pages: detect(def.pages.map(minimalPage), 'pages') }));
  // A fragment's texts carry the variants of every e-tjänst using it.
  const contextsBy = new Map<string, Set<string>>();
  for (const d of detected) for (const u of [...d.start, ...d.pages].filter(isUse)) for (const c of contextsOf(d.def)) (contextsBy.get(u.spec.name) ?? contextsBy.set(u.spec.name, new Set()).get(u.spec.name)!).add(c);
  const used = new Set(detected.flatMap((d) => [...d.start, ...d.pages].filter(isUse).map((u) => u.spec.name)));
  const fragments = new Map(SPECS.filter((s) => used.has(s.name)).map((s) => [s.name, fragmentOf(s, [...(contextsBy.get(s.name) ?? [])])]));

  const documents = detected.map(({ def, start, pages }) => {
    const key = `${def.id}@${def.version}`;
    const own = def.id === 'trygghetslarm' && def.version === 1 ? trygghetslarmV1Scenarios(def) : (scenarios.get(key) ?? []);
    const doc = documentOf(def, own, { start, pages });
    const result = publish(doc, { fragments: (n) => fragments.get(n), today: new Date() });
    if (!result.ok) throw new Error(`${key} does not publish:\n${result.problems.map((p) => `  ${p.code} ${JSON.stringify(p.params)} at ${p.path?.join('.')}`).join('\n')}`);
    if (skeleton(result.compiled.definition) !== skeleton(def) || !same(mapTexts(result.compiled.definition, () => 0), mapTexts(def, () => 0))) throw new Error(`${key}: the compiled definition differs from today's`);
    console.log(`${key}: ${pages.filter(isUse).length} page fragments, ${start.filter(isUse).length} start fragments, ${own.length} scenarios`);
    return { def, doc };
  });

  const out = join(ROOT, 'db/seed');
  rmSync(join(out, 'e-tjanster'), { recursive: true, force: true });
  rmSync(join(out, 'fragments'), { recursive: true, force: true });
  for (const { def, doc } of documents) {
    mkdirSync(join(out, 'e-tjanster', def.id), { recursive: true });
    writeFileSync(join(out, 'e-tjanster', def.id, `v${def.version}.json`), `${readableJson(doc)}\n`);
  }
  mkdirSync(join(out, 'fragments'), { recursive: true });
  for (const f of fragments.values()) writeFileSync(join(out, 'fragments', `${f.name}.json`), `${readableJson(f)}\n`);
  console.log(`${documents.length} documents and ${fragments.size} fragments written to db/seed`);
}

await main();
