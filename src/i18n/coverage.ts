/**
 * How far each language has come: which texts exist in it, and which a translator has reviewed.
 *
 * Swedish is the original. English is written together with it by the portal's authors. Every other
 * language is translated, text by text, and a text counts as reviewed only when its key is listed in
 * `src/i18n/review/<lang>.json` (a translator's sign-off; an unreviewed text is still shown, and the
 * language switch and the accessibility statement say that the language is not yet reviewed).
 *
 * A page is shown in the reader's language only when every text it needs exists in that language;
 * otherwise its content is shown in Swedish, marked `lang="sv"`, with a note in the reader's language
 * (never a page that mixes two languages without saying so).
 */
import { bundleOf, DEFAULT_LANG, LANGUAGES, type Lang } from './index.ts';
import { eagerGlob } from '../eager-glob.ts';

/** The texts every citizen page is built from: the language switch offers no language lacking one. */
export const CITIZEN_NAMESPACES = ['common', 'catalog', 'citizen', 'mina-sidor', 'receipt', 'limits', 'surveys', 'akut', 'values'] as const;

/** Where a language's texts come from. */
export const TEXT_SOURCE: Record<Lang, 'original' | 'written' | 'translated'> = { sv: 'original', 'sv-x-ll': 'translated', en: 'written', fi: 'translated', ar: 'translated', fa: 'translated', uk: 'translated', so: 'translated' };

const reviewFiles = await eagerGlob(() => import.meta.glob<string[]>('./review/*.json', { eager: true, import: 'default' }), import.meta.url, './review/*.json');
const REVIEWED = new Map<string, Set<string>>(
  Object.entries(reviewFiles).flatMap(([file, keys]) => {
    const m = /\/review\/([^/]+)\.json$/.exec(file);
    return m?.[1] ? [[m[1], new Set(keys)] as const] : [];
  }),
);

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every text of a namespace as `ns:key.path` (a list of paragraphs is one text; plural forms are one). */
export function textKeys(bundle: unknown, ns: string): string[] {
  const out = new Set<string>();
  const walk = (node: unknown, path: string) => {
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k);
    } else out.add(`${ns}:${path.replace(PLURAL, '')}`);
  };
  walk(bundle, '');
  return [...out];
}

/** The texts of a namespace that Swedish has and the language lacks. */
export function missingTexts(lang: Lang, ns: string): string[] {
  const have = new Set(textKeys(bundleOf(lang, ns) ?? {}, ns));
  return textKeys(bundleOf(DEFAULT_LANG, ns) ?? {}, ns).filter((k) => !have.has(k));
}

/** Whether every text of the namespaces exists in the language. */
export function hasAllTexts(lang: Lang, namespaces: readonly string[]): boolean {
  return lang === DEFAULT_LANG || namespaces.every((ns) => missingTexts(lang, ns).length === 0);
}

/** The language a page's content is shown in: the reader's when it has every text, else Swedish. */
export function contentLang(lang: Lang, namespaces: readonly string[]): Lang {
  return hasAllTexts(lang, namespaces) ? lang : DEFAULT_LANG;
}

export type LanguageStatus = {
  lang: Lang;
  source: 'original' | 'written' | 'translated';
  /** Citizen texts in the language, of those Swedish has. */
  translated: number;
  total: number;
  /** Of the translated texts, how many a translator has reviewed (all, for the original and written ones). */
  reviewed: number;
  complete: boolean;
  fullyReviewed: boolean;
};

export function languageStatus(lang: Lang): LanguageStatus {
  const all = CITIZEN_NAMESPACES.flatMap((ns) => textKeys(bundleOf(DEFAULT_LANG, ns) ?? {}, ns));
  const missing = new Set(CITIZEN_NAMESPACES.flatMap((ns) => missingTexts(lang, ns)));
  const present = all.filter((k) => !missing.has(k));
  const source = TEXT_SOURCE[lang];
  const marks = REVIEWED.get(lang) ?? new Set<string>();
  const reviewed = source === 'translated' ? present.filter((k) => marks.has(k)).length : present.length;
  return { lang, source, translated: present.length, total: all.length, reviewed, complete: missing.size === 0, fullyReviewed: reviewed === present.length && missing.size === 0 };
}

export const languageStatuses = (): LanguageStatus[] => LANGUAGES.map(languageStatus);

/** The namespace of a text key (`trygghetslarm:title` → `trygghetslarm`); the default one if none is named. */
export function namespaceOf(key: string): string {
  const at = key.indexOf(':');
  return at > 0 ? key.slice(0, at) : 'common';
}

/**
 * The language a text is shown in: the reader's when it exists in it, else Swedish (the fallback).
 * For marking a single text taken from elsewhere (an e-tjänst's title in a list) with its `lang`.
 */
export function langOfText(lang: Lang, key: string): Lang {
  if (lang === DEFAULT_LANG) return lang;
  const ns = namespaceOf(key);
  const path = key.includes(':') ? key.slice(key.indexOf(':') + 1) : key;
  let node: unknown = bundleOf(lang, ns);
  for (const part of path.split('.')) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return node === undefined ? DEFAULT_LANG : lang;
}

/** The `lang` attribute a text taken from elsewhere needs on a page in `lang`: its own language when that differs, else none. */
export function langAttr(lang: Lang, key: string): Lang | undefined {
  const own = langOfText(lang, key);
  return own === lang ? undefined : own;
}
