/**
 * The texts a person reads about a decision, per kind of decision (./decision-kinds.ts), and the
 * municipality's own wording of them. Each text has the portal's default (an i18n key, in every
 * citizen language) and may have the municipality's wording per language, which replaces the
 * default for decisions made from then on: a decision records the wording in force when it was
 * made (decisions.texts), and its letter and Mina sidor page are always shown with that.
 *
 * A municipality's wording must keep the default's placeholders ({{address}}, {{phone}} …) and
 * add none; it may not be empty or hold control characters (line breaks between paragraphs
 * excepted). Pure: the default texts are read through the TFunction given.
 */
import type { TFunction } from 'i18next';
import { OUTCOMES_BY_KIND, remedyOf, aterkopplingOf, type DecisionKind, type DecisionOutcome, type Remedy } from './decision-kinds.ts';

/** Where a text is read: Mina sidor and the letter, the letter only, the reporter's Mina sidor, the återkoppling e-mail. */
export type TextPlace = 'decision' | 'letter' | 'reporter' | 'aterkoppling';

export type DecisionTextDef = {
  /** The key of the text (stored in decision_texts.key and decisions.texts). */
  key: string;
  /** The portal's default: an i18n key, a string or a list of paragraphs. */
  i18nKey: string;
  place: TextPlace;
  /** Whether the municipality may put its own wording here (the återkoppling e-mails are read only, for now). */
  editable: boolean;
};

const OUTCOME_TEXTS: DecisionTextDef[] = (['beviljad', 'delvis', 'avslag', 'hanvisad', 'utredning', 'ingenUtredning', 'pagaende', 'overlamnad', 'besvarad'] as const).map((o) => ({
  key: `outcome.${o}`,
  i18nKey: `mina-sidor:decision.outcomes.${o}`,
  place: 'decision' as const,
  editable: true,
}));
const REMEDIES: readonly Remedy[] = ['appeal', 'applyOrdinary', 'none'];
const REMEDY_TEXTS: DecisionTextDef[] = REMEDIES.flatMap((r) => [
  { key: `remedyHeading.${r}`, i18nKey: `mina-sidor:letter.remedyHeading.${r}`, place: 'letter' as const, editable: true },
  { key: `remedy.${r}`, i18nKey: `mina-sidor:decision.remedy.${r}`, place: 'decision' as const, editable: true },
]);
const REPORTER_TEXTS: DecisionTextDef[] = [
  { key: 'reporter.barn', i18nKey: 'mina-sidor:decision.anmalan', place: 'reporter', editable: true },
  { key: 'reporter.vuxen', i18nKey: 'mina-sidor:decision.anmalanVuxen', place: 'reporter', editable: true },
  { key: 'reporter.short', i18nKey: 'mina-sidor:decision.anmalanShort', place: 'reporter', editable: true },
];
const ATERKOPPLING_TEXTS: DecisionTextDef[] = (['aterkoppling_inleds', 'aterkoppling_inleds_inte', 'aterkoppling_pagar'] as const).map((m) => ({
  key: `mail.${m}`,
  i18nKey: `citizen:mail.${m}.body`,
  place: 'aterkoppling' as const,
  editable: false,
}));

export const DECISION_TEXTS: readonly DecisionTextDef[] = [...OUTCOME_TEXTS, ...REMEDY_TEXTS, ...REPORTER_TEXTS, ...ATERKOPPLING_TEXTS];

export function decisionTextDef(key: string): DecisionTextDef | undefined {
  return DECISION_TEXTS.find((d) => d.key === key);
}

/** The texts a person reads about a decision of the kind, in the order they read them. */
export function textsOfKind(kind: DecisionKind): { outcome: DecisionOutcome; texts: DecisionTextDef[] }[] {
  const remedy = remedyOf(kind);
  return OUTCOMES_BY_KIND[kind].map((outcome) => {
    const keys =
      kind === 'anmalan'
        ? [
            'reporter.short',
            'reporter.barn',
            'reporter.vuxen',
            ...(aterkopplingOf(outcome) ? [`mail.${outcome === 'utredning' ? 'aterkoppling_inleds' : outcome === 'ingenUtredning' ? 'aterkoppling_inleds_inte' : 'aterkoppling_pagar'}`] : []),
          ]
        : [`outcome.${outcome}`, `remedyHeading.${remedy}`, `remedy.${remedy}`];
    return { outcome, texts: keys.map((k) => decisionTextDef(k)!) };
  });
}

/** The municipality's wording: text key → language → text. */
export type OwnTexts = Record<string, Record<string, string>>;

/** The default as written (placeholders not filled in), paragraphs separated by a blank line. */
export function defaultTemplate(t: TFunction, def: DecisionTextDef): string {
  const v: unknown = t(def.i18nKey, { skipInterpolation: true, returnObjects: true });
  return Array.isArray(v) ? v.map(String).join('\n\n') : String(v);
}

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

export function placeholdersOf(s: string): string[] {
  return [...new Set([...s.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Fills in the placeholders the way i18next does for these texts (no formatting, missing ones left as written). */
export function fillIn(template: string, params: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (params[name] === undefined || params[name] === null ? whole : String(params[name])));
}

/** Paragraphs of a text: separated by a blank line. */
export function paragraphsOf(s: string): string[] {
  return s
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** The template a reader of `lang` reads: the municipality's wording in that language where it has one, else the default. */
export function templateOf(t: TFunction, def: DecisionTextDef, lang: string, own: OwnTexts | undefined): string {
  return own?.[def.key]?.[lang] ?? defaultTemplate(t, def);
}

/**
 * The text as read: template filled in, as paragraphs. A key the portal does not have (an outcome
 * recorded before it had a text) reads as its last part, as the outcome itself was shown before.
 */
export function decisionText(t: TFunction, key: string, lang: string, own: OwnTexts | undefined, params: Record<string, unknown> = {}): string[] {
  const def = decisionTextDef(key);
  if (!def) return [key.slice(key.indexOf('.') + 1)];
  return paragraphsOf(fillIn(templateOf(t, def, lang, own), params));
}

/** As decisionText, one line (an outcome's name, a heading). */
export function decisionLine(t: TFunction, key: string, lang: string, own: OwnTexts | undefined, params: Record<string, unknown> = {}): string {
  return decisionText(t, key, lang, own, params).join(' ');
}

export const MAX_TEXT_LENGTH = 4000;

export type TextProblem =
  | { code: 'empty' }
  | { code: 'tooLong'; max: number }
  | { code: 'control' }
  | { code: 'placeholderMissing'; names: string[] }
  | { code: 'placeholderUnknown'; names: string[] }
  | { code: 'oneLine' };

// Control characters other than the line breaks between paragraphs (and the C1 range, and bidi overrides).
const CONTROL = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Why a municipality's wording cannot replace the default, or undefined when it can. */
export function textProblem(def: DecisionTextDef, defaultText: string, wording: string): TextProblem | undefined {
  const text = wording.replace(/\r\n?/g, '\n');
  if (text.trim().length === 0) return { code: 'empty' };
  if (text.length > MAX_TEXT_LENGTH) return { code: 'tooLong', max: MAX_TEXT_LENGTH };
  if (CONTROL.test(text)) return { code: 'control' };
  if (!def.key.startsWith('remedy.') && /\n/.test(text.trim())) return { code: 'oneLine' };
  const wanted = placeholdersOf(defaultText);
  const given = placeholdersOf(text);
  const missing = wanted.filter((p) => !given.includes(p));
  if (missing.length > 0) return { code: 'placeholderMissing', names: missing };
  const unknown = given.filter((p) => !wanted.includes(p));
  if (unknown.length > 0) return { code: 'placeholderUnknown', names: unknown };
  return undefined;
}

/** The wording as stored: line breaks normalised, each paragraph trimmed. */
export function normalised(wording: string): string {
  return paragraphsOf(wording.replace(/\r\n?/g, '\n')).join('\n\n');
}
