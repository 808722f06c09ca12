/**
 * A text of an e-tjänst document: the words themselves, per language. Swedish (the source) is
 * required when a version is published; every other language is optional per text, and a reader
 * of a language a text lacks sees the Swedish. Each language's entry is either just the words or
 * `{ text, variants, reviewed }`: `variants` are other wordings chosen by the answer the document
 * names as its text context (e.g. `annan`: someone applies on behalf of another person), and
 * `reviewed` says a translator has reviewed this language's wording. A text that may be several
 * paragraphs (a start section, an exit page's body, the confirmation) holds a list of strings.
 */
import { z } from 'zod';
import { slug } from '../definition.ts';

/** The language every text must have, and the one shown where a language lacks a text. */
export const SOURCE_LANG = 'sv';

/** A BCP 47 language tag as the portal uses them: `sv`, `en`, `fi`, `ar`, `sv-x-lattlast` … */
export const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
export const languageTag = z.string().regex(LANGUAGE_TAG, 'must be a language tag such as "sv" or "en"');

export type Words = string | string[];
export type LangEntry<W extends Words = Words> = W | { text: W; variants?: Record<string, W> | undefined; reviewed?: boolean | undefined };
export type Text<W extends Words = string> = Record<string, LangEntry<W>>;
export type Paragraphs = Text<Words>;

const line = z.string().min(1);
const lines = z.union([line, z.array(line).min(1)]);

function entry<W extends z.ZodType<Words>>(words: W) {
  return z.union([
    words,
    z.strictObject({
      text: words,
      /** Other wordings by the value of the document's text context answer. */
      variants: z.record(slug, words).optional(),
      /** A translator has reviewed this language's wording (absent: not reviewed). */
      reviewed: z.boolean().optional(),
    }),
  ]);
}

const checkTags = (t: Record<string, unknown>, ctx: z.core.$RefinementCtx) => {
  for (const tag of Object.keys(t)) if (!LANGUAGE_TAG.test(tag)) ctx.addIssue({ code: 'custom', path: [tag], message: 'must be a language tag such as "sv" or "en"' });
};

/**
 * `strict`: as published (Swedish required). Otherwise as a draft may hold it while it is written:
 * any language may be missing, which the publish checks report as named problems.
 */
export function textSchemas(strict: boolean) {
  const of = <W extends z.ZodType<Words>>(words: W) =>
    strict
      ? z.object({ [SOURCE_LANG]: entry(words) }).catchall(entry(words)).superRefine(checkTags)
      : z.record(languageTag, entry(words));
  return { text: of(line), paragraphs: of(lines) };
}

export type Entry = { text: Words; variants: Record<string, Words>; reviewed: boolean };

/** One language's entry as `{ text, variants, reviewed }`, whichever way it is written. */
export function entryOf(t: Text<Words>, lang: string): Entry | undefined {
  const e = t[lang];
  if (e === undefined) return undefined;
  if (typeof e === 'string' || Array.isArray(e)) return { text: e, variants: {}, reviewed: false };
  return { text: e.text, variants: e.variants ?? {}, reviewed: e.reviewed ?? false };
}

/** Every string of a text in one language: the words and each variant's, paragraph by paragraph. */
export function stringsOf(t: Text<Words>, lang: string): string[] {
  const e = entryOf(t, lang);
  if (!e) return [];
  return [e.text, ...Object.values(e.variants)].flatMap((w) => (Array.isArray(w) ? w : [w]));
}
