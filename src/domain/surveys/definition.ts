/**
 * What a brukarenkät definition is: typed data, validated with zod when the server starts (like an
 * e-tjänst definition). A survey has pages of questions; a question is a labelled scale with a
 * "vet ej / ej aktuellt" option, a yes/no question or free text. A scored question may feed one of
 * the board's indicators (seed 001). Every survey ends with the question whether someone helped
 * to answer, as the national surveys ask it.
 * Text values are i18n keys: question texts in the survey's own namespace (`survey-<id>`), scale
 * option labels in the shared `surveys` namespace.
 */
import { z } from 'zod';
import { INDICATOR_IDS } from './indicators.ts';

/** Labelled answer scales, most positive option first. "Andel positiva" counts the first two. */
export const SCALES = {
  frekvens: ['alltid', 'oftast', 'ibland', 'sallan', 'aldrig'],
  nojdhet: ['mycket-nojd', 'ganska-nojd', 'varken', 'ganska-missnojd', 'mycket-missnojd'],
  latthet: ['mycket-latt', 'ganska-latt', 'varken', 'ganska-svart', 'mycket-svart'],
  trygghet: ['mycket-trygg', 'ganska-trygg', 'varken', 'ganska-otrygg', 'mycket-otrygg'],
  bra: ['mycket-bra', 'ganska-bra', 'varken', 'ganska-daligt', 'mycket-daligt'],
  // Easy-language scales (LSS): four steps, no middle.
  enkelFrekvens: ['ja-alltid', 'oftast', 'ibland', 'nej-aldrig'],
  enkelBra: ['ja-mycket-bra', 'ja-ganska-bra', 'nej-inte-sa-bra', 'nej-inte-alls'],
} as const satisfies Record<string, readonly string[]>;

export type ScaleId = keyof typeof SCALES;
export const SCALE_IDS = Object.keys(SCALES) as ScaleId[];

/** The option that means "vet ej / ej aktuellt": answered, but not counted. */
export const DONT_KNOW = 'vet-ej';
/** How many of a scale's most positive options count as positive. */
export const POSITIVE_OPTIONS = 2;

/** The areas a survey or unit belongs to (as the staff roles' areas, plus funktionsstöd). */
export const SURVEY_AREAS = ['aldreomsorg', 'funktionsstod', 'ifo'] as const;
export type SurveyArea = (typeof SURVEY_AREAS)[number];

/** What kind of verksamhet a unit is; the kind decides its area and which surveys it can run. */
export const UNIT_KINDS = {
  hemtjanst: 'aldreomsorg',
  'sarskilt-boende': 'aldreomsorg',
  'trygg-hemgang': 'aldreomsorg',
  'daglig-verksamhet': 'funktionsstod',
  gruppboende: 'funktionsstod',
  ifo: 'ifo',
} as const satisfies Record<string, SurveyArea>;
export type UnitKind = keyof typeof UNIT_KINDS;
export const UNIT_KIND_IDS = Object.keys(UNIT_KINDS) as UnitKind[];
export function isUnitKind(v: unknown): v is UnitKind {
  return typeof v === 'string' && Object.hasOwn(UNIT_KINDS, v);
}

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug');
const questionId = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'must be alphanumeric, starting with a lowercase letter');
const indicator = z.enum(INDICATOR_IDS).optional();

const question = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('scale'), id: questionId, scale: z.enum(SCALE_IDS as [ScaleId, ...ScaleId[]]), indicator }),
  /** Scored as the share answering `positive` (when given). */
  z.object({ kind: z.literal('yesNo'), id: questionId, positive: z.enum(['ja', 'nej']).optional(), dontKnow: z.boolean().default(true), indicator }),
  z.object({ kind: z.literal('text'), id: questionId, maxLength: z.number().int().positive().max(4000).default(1000) }),
]);
export type Question = z.infer<typeof question>;
export type ScoredQuestion = Extract<Question, { kind: 'scale' }> | (Extract<Question, { kind: 'yesNo' }> & { positive: 'ja' | 'nej' });

const page = z.object({ id: slug, questions: z.array(question).min(1).max(6) });
export type SurveyPage = z.infer<typeof page>;

export const surveySchema = z
  .object({
    id: slug,
    version: z.number().int().positive(),
    area: z.enum(SURVEY_AREAS),
    /** Which kinds of unit this survey is run for. */
    unitKinds: z.array(z.enum(UNIT_KIND_IDS as [UnitKind, ...UnitKind[]])).min(1),
    /** Written in easy language (lättläst), e.g. for LSS. */
    easyLanguage: z.boolean().default(false),
    pages: z.array(page).min(1),
  })
  .superRefine((d, ctx) => {
    const ids = d.pages.flatMap((p) => p.questions.map((q) => q.id));
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) ctx.addIssue({ code: 'custom', message: `question id "${dup}" is used twice` });
    if (ids.includes(HELP_QUESTION)) ctx.addIssue({ code: 'custom', message: `"${HELP_QUESTION}" is added to every survey by itself` });
    const pageIds = d.pages.map((p) => p.id);
    if (new Set(pageIds).size !== pageIds.length) ctx.addIssue({ code: 'custom', message: 'page ids must be unique' });
    for (const p of d.pages) {
      for (const q of p.questions) {
        if (q.kind === 'yesNo' && q.indicator && !q.positive) ctx.addIssue({ code: 'custom', message: `question "${q.id}" feeds an indicator but says nothing about which answer is positive` });
      }
    }
  });

export type SurveyInput = z.input<typeof surveySchema>;
export type SurveyDefinition = z.infer<typeof surveySchema> & { pages: SurveyPage[] };

/** The last page of every survey: was it answered with someone's help? */
export const HELP_PAGE_ID = 'om-svaren';
export const HELP_QUESTION = 'hjalp';
export const HELP_OPTIONS = ['nej', 'ja-narstaende', 'ja-personal', 'ja-annan', 'nagon-annan-svarade'] as const;
export type HelpOption = (typeof HELP_OPTIONS)[number];
export const answeredWithHelp = (v: unknown): boolean => typeof v === 'string' && v !== 'nej' && (HELP_OPTIONS as readonly string[]).includes(v);

/** Parses a definition; throws with the survey's id and every problem. Unknown kinds fail here, at start-up. */
export function defineSurvey(input: SurveyInput): SurveyDefinition {
  const r = surveySchema.safeParse(input);
  if (!r.success) throw new Error(`Survey definition "${String(input.id)}" is invalid:\n${r.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  return r.data;
}

export function isScored(q: Question): q is ScoredQuestion {
  return q.kind === 'scale' || (q.kind === 'yesNo' && q.positive !== undefined);
}

export function scoredQuestions(def: SurveyDefinition): ScoredQuestion[] {
  return def.pages.flatMap((p) => p.questions).filter(isScored);
}

/** The options a question offers, in order, "vet ej / ej aktuellt" last. */
export function optionsOf(q: Question): string[] {
  if (q.kind === 'scale') return [...SCALES[q.scale], DONT_KNOW];
  if (q.kind === 'yesNo') return q.dontKnow ? ['ja', 'nej', DONT_KNOW] : ['ja', 'nej'];
  return [];
}

/** Page ids in order, the help page last. */
export function pageIds(def: SurveyDefinition): string[] {
  return [...def.pages.map((p) => p.id), HELP_PAGE_ID];
}
