/**
 * How complete a document is in each language: per language, which texts (and which of the
 * Swedish's variants) it lacks, and how many of those it has a translator has reviewed. What the
 * editor lists as missing per language, and what the language switch can say of a language.
 */
import { forEachText } from './sites.ts';
import { entryOf, SOURCE_LANG, type Text, type Words } from './text.ts';

export type Coverage = {
  lang: string;
  /** Texts in the document. */
  texts: number;
  /** Texts this language has (its own words, not the Swedish shown instead). */
  present: number;
  /** Of those, reviewed by a translator. */
  reviewed: number;
  /** Texts, or variants of a text, the language lacks. */
  missing: { text: string; variant?: string }[];
  /** Texts the language has that no translator has reviewed. */
  unreviewed: string[];
};

export function textCoverage(doc: object, langs: readonly string[]): Coverage[] {
  const all: Coverage[] = langs.map((lang) => ({ lang, texts: 0, present: 0, reviewed: 0, missing: [], unreviewed: [] }));
  forEachText(doc, (text, site) => {
    const t = text as Text<Words>;
    const sv = entryOf(t, SOURCE_LANG);
    for (const c of all) {
      c.texts++;
      const e = entryOf(t, c.lang);
      if (!e) {
        c.missing.push({ text: site.key });
        continue;
      }
      c.present++;
      if (e.reviewed) c.reviewed++;
      else c.unreviewed.push(site.key);
      for (const variant of Object.keys(sv?.variants ?? {})) if (!Object.hasOwn(e.variants, variant)) c.missing.push({ text: site.key, variant });
    }
  });
  return all;
}
