/**
 * Today's texts (src/services/<ns>/texts/<lang>.json) looked up by i18n key, and inlined into
 * document texts: each language's words, and the variants i18next would choose for the document's
 * text context values (`title_annan`), exactly as i18next would find them.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TextKind } from '../../src/domain/forms/document/sites.ts';
import type { LangEntry, Text, Words } from '../../src/domain/forms/document/text.ts';

export const ROOT = new URL('../../', import.meta.url).pathname;
const SERVICES = join(ROOT, 'src/services');
export const LANGS = ['sv', 'en'] as const;

type Tree = { [k: string]: unknown };
const resources: Record<string, Record<string, Tree>> = {};
for (const ns of readdirSync(SERVICES)) {
  for (const lang of LANGS) {
    const file = join(SERVICES, ns, 'texts', `${lang}.json`);
    if (existsSync(file)) (resources[lang] ??= {})[ns] = JSON.parse(readFileSync(file, 'utf8')) as Tree;
  }
}

export function lookup(lang: string, key: string): unknown {
  const [ns, path] = key.split(':') as [string, string | undefined];
  if (path === undefined) throw new Error(`Key without namespace: ${key}`);
  let node: unknown = resources[lang]?.[ns];
  for (const part of path.split('.')) node = typeof node === 'object' && node !== null ? (node as Tree)[part] : undefined;
  return node;
}

const isWords = (v: unknown, kind: TextKind): v is Words =>
  (typeof v === 'string' && v !== '') || (kind === 'paragraphs' && Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x !== ''));

/** The text a key names, in every language that has it, with the variants for `contexts`. */
export function inlineText(key: string, kind: TextKind, contexts: readonly string[]): Text<Words> {
  const text: Text<Words> = {};
  for (const lang of LANGS) {
    const words = lookup(lang, key);
    const variants: Record<string, Words> = {};
    for (const c of contexts) {
      const v = lookup(lang, `${key}_${c}`);
      if (v === undefined) continue;
      if (!isWords(v, kind)) throw new Error(`${lang} ${key}_${c} is not a ${kind}: ${JSON.stringify(v)}`);
      variants[c] = v;
    }
    if (words === undefined) {
      if (Object.keys(variants).length > 0) throw new Error(`${lang} has variants of ${key} but not the text itself`);
      continue;
    }
    if (!isWords(words, kind)) throw new Error(`${lang} ${key} is not a ${kind}: ${JSON.stringify(words)}`);
    const entry: LangEntry<Words> = Object.keys(variants).length > 0 ? { text: words, variants } : words;
    text[lang] = entry;
  }
  if (!text.sv) throw new Error(`No Swedish text for ${key}`);
  return text;
}

/**
 * A field's own error messages, which the error display finds beside its label
 * (`<label key without .label>.errors.<code>`): every code any language has, with its variants.
 */
export function inlineErrors(labelKey: string, contexts: readonly string[]): Record<string, Text<Words>> | undefined {
  if (!labelKey.endsWith('.label')) return undefined;
  const base = `${labelKey.slice(0, -'.label'.length)}.errors`;
  const codes = new Set<string>();
  for (const lang of LANGS) {
    const tree = lookup(lang, base);
    if (tree === undefined) continue;
    if (typeof tree !== 'object' || tree === null) throw new Error(`${lang} ${base} is not a set of messages`);
    for (const k of Object.keys(tree)) {
      const variantOf = contexts.find((c) => k.endsWith(`_${c}`));
      codes.add(variantOf ? k.slice(0, -(variantOf.length + 1)) : k);
    }
  }
  if (codes.size === 0) return undefined;
  return Object.fromEntries([...codes].map((code) => [code, inlineText(`${base}.${code}`, 'text', contexts)]));
}
