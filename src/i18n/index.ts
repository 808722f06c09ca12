/**
 * The one i18next instance. Common texts live in ./locales/<lang>/<namespace>.json; each e-tjänst
 * version's texts come from its document in the database, added under the version's own namespace
 * (addTexts, below) when the registry compiles it (src/server/etjanster/registry.ts).
 * Swedish is the default and the fallback.
 */
import { formats } from '../domain/format.ts';
import i18next, { type TFunction } from 'i18next';
import { eagerGlob } from '../eager-glob.ts';

/** `sv-x-ll` is lättläst svenska: Swedish (every text it lacks is the ordinary Swedish one), written to be easy to read. */
export const LANGUAGES = ['sv', 'sv-x-ll', 'en', 'fi', 'ar', 'fa', 'uk', 'so'] as const;
export type Lang = (typeof LANGUAGES)[number];
/** The same languages in the order staff pages list them: Swedish, English, then the others. */
export const LANGUAGES_STAFF_ORDER: readonly Lang[] = ['sv', 'en', ...LANGUAGES.filter((l) => l !== 'sv' && l !== 'en')];
export const DEFAULT_LANG: Lang = 'sv';

/** Each language's own name, shown in the language switch in that language. */
export const LANGUAGE_NAMES: Record<Lang, string> = { sv: 'Svenska', 'sv-x-ll': 'Lättläst svenska', en: 'English', fi: 'Suomi', ar: 'العربية', fa: 'فارسی', uk: 'Українська', so: 'Soomaali' };

/** Which way each language is written: the page's `dir`. */
export const DIRECTION: Record<Lang, 'ltr' | 'rtl'> = { sv: 'ltr', 'sv-x-ll': 'ltr', en: 'ltr', fi: 'ltr', ar: 'rtl', fa: 'rtl', uk: 'ltr', so: 'ltr' };

/**
 * The languages the staff back office is written in. A reader who chose another language sees the
 * back office in Swedish (and says so with `lang="sv"`): staff pages are a work tool in the
 * municipality's working language, with English for staff who read it better.
 */
export const STAFF_LANGUAGES: readonly Lang[] = ['sv', 'en'];

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

/** The language asked for (e.g. the language cookie's value) when the portal has it, else the default. */
export function langOrDefault(v: unknown): Lang {
  return isLang(v) ? v : DEFAULT_LANG;
}

/**
 * The language a browser asks for in its Accept-Language header, among the portal's: the highest
 * quality first, then the order given; a regional tag (sv-SE, en-GB) matches its language. A tag the
 * portal does not have, `*`, a quality of 0 or a malformed header leave the default (RFC 9110 §12.5.4,
 * RFC 4647 lookup).
 */
export function langFromAcceptLanguage(header: string | null | undefined): Lang {
  if (!header || header.length > 1000) return DEFAULT_LANG;
  const asked: { tag: string; q: number; at: number }[] = [];
  header.split(',').forEach((part, at) => {
    const [rawTag, ...params] = part.trim().split(';');
    const tag = (rawTag ?? '').trim().toLowerCase();
    if (!/^[a-z]{1,8}(-[a-z0-9]{1,8})*$/.test(tag)) return;
    let q = 1;
    for (const param of params) {
      const m = /^\s*q\s*=\s*(0(\.\d{0,3})?|1(\.0{0,3})?)\s*$/i.exec(param);
      if (m) q = Number(m[1]);
      else return;
    }
    if (q > 0) asked.push({ tag, q, at });
  });
  asked.sort((a, b) => b.q - a.q || a.at - b.at);
  for (const { tag } of asked) {
    const subtags = tag.split('-');
    while (subtags.length > 0) {
      const candidate = subtags.join('-');
      if (isLang(candidate)) return candidate;
      subtags.pop();
    }
  }
  return DEFAULT_LANG;
}

type Resources = Record<string, Record<string, Record<string, unknown>>>;

async function collect(): Promise<Resources> {
  const resources: Resources = {};
  const put = (lang: string, ns: string, data: Record<string, unknown>) => {
    resources[lang] ??= {};
    resources[lang][ns] = data;
  };
  const common = await eagerGlob(() => import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' }), import.meta.url, './locales/*/*.json');
  for (const [file, data] of Object.entries(common)) {
    const m = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
    if (m?.[1] && m[2]) put(m[1], m[2], data);
  }
  // Each brukarenkät's texts: src/surveys/<id>/texts/<lang>.json, namespace "survey-<id>".
  const surveys = await eagerGlob(() => import.meta.glob<Record<string, unknown>>('../surveys/*/texts/*.json', { eager: true, import: 'default' }), import.meta.url, '../surveys/*/texts/*.json');
  for (const [file, data] of Object.entries(surveys)) {
    const m = /\/surveys\/([^/]+)\/texts\/([^/]+)\.json$/.exec(file);
    if (m?.[1] && m[2]) put(m[2], `survey-${m[1]}`, data);
  }
  return resources;
}

export const resources = await collect();

const instance = i18next.createInstance();
await instance.init({
  resources,
  lng: DEFAULT_LANG,
  fallbackLng: DEFAULT_LANG,
  supportedLngs: [...LANGUAGES],
  defaultNS: 'common',
  ns: Object.keys(resources[DEFAULT_LANG] ?? {}),
  // Astro escapes everything it renders; escaping here too would show "&amp;".
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

// "2026-03-12" → "12 mars 2026": dates are stored as ISO calendar dates, shown in the reader's language.
instance.services.formatter?.add('longdate', (value: unknown, lng: string | undefined) => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return String(value);
  return formats(lng).calendarDate(value);
});

// "2027-01" → "januari 2027": a month stored with its year, shown in the reader's language.
instance.services.formatter?.add('month', (value: unknown, lng: string | undefined) => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}$/.test(value)) return String(value);
  return formats(lng).month(value);
});

// "{{max, number}}": i18next's own number formatter would build its own Intl formatter for "sv"/"en";
// numbers in texts are shown like every other number, by the format module.
instance.services.formatter?.add('number', (value: unknown, lng: string | undefined) => (typeof value === 'number' ? formats(lng).number(value) : String(value)));

export type T = TFunction;

export function translator(lang: Lang): TFunction {
  return instance.getFixedT(lang);
}

/** A key that returns a list of paragraphs (an array in the JSON). */
export function paragraphs(t: TFunction, key: string, params: Record<string, unknown> = {}): string[] {
  const v: unknown = t(key, { ...params, returnObjects: true });
  if (Array.isArray(v)) return v.map(String);
  return typeof v === 'string' ? [v] : [];
}

/**
 * Adds one e-tjänst version's texts, as compiled from its document (src/domain/forms/document/
 * compile.ts), under the version's own namespace: bundles by language.
 */
export function addTexts(namespace: string, bundles: Record<string, Record<string, unknown>>): void {
  for (const [lang, bundle] of Object.entries(bundles)) instance.addResourceBundle(lang, namespace, bundle, true, true);
}

/** A language's texts of one namespace as the translator has them (including versions compiled since start). */
export function bundleOf(lang: string, ns: string): Record<string, unknown> | undefined {
  return instance.getResourceBundle(lang, ns) as Record<string, unknown> | undefined;
}

export function hasKey(lang: Lang, key: string): boolean {
  return instance.exists(key, { lng: lang, fallbackLng: false });
}
