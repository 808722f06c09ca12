/**
 * What an e-tjänst definition is: typed data, validated with zod when the server starts.
 * Pages form a discriminated union; fields name a type from the field-type registry.
 * Text values are i18n keys in the definition's own namespace (its id).
 *
 * The schemas are made by factories that take how a text is spelled, so an e-tjänst document
 * (./document), which carries its texts inlined per language, has exactly the same fields, pages
 * and settings as the definition it compiles to.
 */
import { z } from 'zod';
import { FILE_KINDS } from './files.ts';
import { PERSON_RULE_NAMES } from './person-rules.ts';
import { structuralProblems, type Problem } from './structure.ts';

export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug');
export const fieldName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'must be alphanumeric, starting with a letter');

export type Condition =
  | { field: string; equals: string }
  | { field: string; notEquals: string }
  | { rule: string; field?: string | undefined; negate?: boolean | undefined }
  | { all: Condition[] }
  | { any: Condition[] };

export const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ field: fieldName, equals: z.string() }).strict(),
    z.object({ field: fieldName, notEquals: z.string() }).strict(),
    z.object({ rule: z.string().min(1), field: fieldName.optional(), negate: z.boolean().optional() }).strict(),
    z.object({ all: z.array(condition).min(1) }).strict(),
    z.object({ any: z.array(condition).min(1) }).strict(),
  ]),
);

const isFileField = (f: unknown): boolean => typeof f === 'object' && f !== null && 'type' in f && f.type === 'file';

/**
 * The schemas of fields, pages and an e-tjänst's properties for one spelling of texts: `text` for
 * a single text (a title, a label), `paragraphs` for a text that may be several paragraphs (a start
 * section, an exit page's or the confirmation's body), `fieldExtra` for what a field carries besides
 * (a document: its error messages). `strict`: an unknown property is an error rather than dropped, as
 * it must be in a document written by hand or imported (a misspelt "maxLenght" would otherwise leave
 * the default in force without a word).
 */
export function formSchemas<T extends z.ZodType, P extends z.ZodType, X extends z.ZodRawShape>(text: T, paragraphs: P, fieldExtra: X, { strict = false } = {}) {
  const object = strict ? z.strictObject : z.object;
  const option = object({ value: slug, label: text, hint: text.optional() });
  const fieldBase = { name: fieldName, label: text, hint: text.optional(), optional: z.boolean().default(false), ...fieldExtra };

  const leafField = z.discriminatedUnion('type', [
    object({ ...fieldBase, type: z.literal('text'), maxLength: z.number().int().positive().default(200), autocomplete: z.string().optional(), width: z.enum(['full', 'half', 'short']).default('full') }),
    object({ ...fieldBase, type: z.literal('textarea'), maxLength: z.number().int().positive().default(2000) }),
    // `person`: a named rule the number must fit (./person-rules.ts), e.g. "child" wherever a child is asked for.
    object({ ...fieldBase, type: z.literal('personnummer'), person: z.enum(PERSON_RULE_NAMES).optional() }),
    object({ ...fieldBase, type: z.literal('phone'), autocomplete: z.string().default('tel') }),
    object({ ...fieldBase, type: z.literal('email'), autocomplete: z.string().default('email') }),
    object({ ...fieldBase, type: z.literal('date'), past: z.boolean().default(false), future: z.boolean().default(false) }),
    // A month with its year ("2027-01"), chosen among the months from `monthsBefore` before this one to `monthsAfter` after it.
    object({ ...fieldBase, type: z.literal('month'), monthsBefore: z.number().int().min(0).max(12).default(1), monthsAfter: z.number().int().min(0).max(12).default(2) }),
    object({ ...fieldBase, type: z.literal('number'), min: z.number().default(0), max: z.number().default(1_000_000_000) }),
    object({ ...fieldBase, type: z.literal('radios'), options: z.array(option).min(2) }),
    object({ ...fieldBase, type: z.literal('checkboxes'), options: z.array(option).min(1) }),
    // A drop-down for long lists (e.g. a municipality's districts); radios are better up to about 7 options.
    object({ ...fieldBase, type: z.literal('select'), options: z.array(option).min(2) }),
    // `prefill`: the logged-in person's own value, offered when they apply for themselves (./prefill.ts):
    // "folkbokfordKommun" answers "ja" or "nej" from the kommun the person is folkbokförd in.
    object({ ...fieldBase, type: z.literal('yesNo'), prefill: z.enum(['folkbokfordKommun']).optional() }),
    // "off": someone else's address (a child's in an orosanmälan), never filled with the writer's own.
    // `prefill` "address": the person's own folkbokföringsadress (or the e-legitimation's address).
    object({ ...fieldBase, type: z.literal('address'), autocomplete: z.literal('off').optional(), prefill: z.enum(['address']).optional() }),
    object({
      ...fieldBase,
      type: z.literal('file'),
      accept: z.array(z.enum(FILE_KINDS)).min(1).default([...FILE_KINDS]),
      maxBytes: z.number().int().positive().max(10 * 1024 * 1024).default(10 * 1024 * 1024),
    }),
  ]);

  const repeatField = object({
    ...fieldBase,
    type: z.literal('repeat'),
    /** Label of one item, with {{n}} for its number ("Kontaktperson {{n}}"). */
    itemLabel: text,
    /** The button that adds one more item ("Lägg till ett barn"); the portal's own words when absent. */
    addLabel: text.optional(),
    /** The button that removes an item, with {{n}} for its number ("Ta bort barn {{n}}"); the portal's own words when absent. */
    removeLabel: text.optional(),
    min: z.number().int().min(0),
    /** An upper bound the add button stops at (and says so), not a number of boxes shown. */
    max: z.number().int().min(1),
    // Uploads are stored one per question; a group of them has no answer shape yet.
    fields: z.array(leafField).min(1).refine((fs) => !fs.some(isFileField), 'a repeating group cannot hold file fields'),
    /** Fields of an item whose answer no two items may share (the same child twice): error "duplicate". */
    unique: z.array(fieldName).optional(),
  });

  // A discriminated union (not z.union) so an unknown type is reported at `.type` with the known types,
  // rather than as a bare "Invalid input" on the whole field.
  const field = z.discriminatedUnion('type', [leafField, repeatField]);

  const route = object({ when: condition, goto: slug });
  const questionPage = object({
    kind: z.literal('question'),
    id: slug,
    title: text,
    intro: text.optional(),
    fields: z.array(field).min(1),
    next: z.array(route).default([]),
  });
  const exitPage = object({ kind: z.literal('exit'), id: slug, title: text, body: paragraphs });
  const checkAnswersPage = object({ kind: z.literal('checkAnswers'), id: slug, title: text, declaration: text.optional() });
  const confirmationPage = object({ kind: z.literal('confirmation'), id: slug, title: text, body: paragraphs });
  const page = z.discriminatedUnion('kind', [questionPage, exitPage, checkAnswersPage, confirmationPage]);

  /** Start page: sections of heading + paragraphs. */
  const startSection = object({ heading: text, paragraphs, ordinaryApplicationLink: z.boolean().default(false) });

  /** Everything an e-tjänst version is besides its start page and pages. */
  const settings = {
    id: slug,
    version: z.number().int().positive(),
    area: z.enum(['aldreomsorg', 'ifo']),
    /** Groups e-tjänster for indicators: förenklad biståndsbedömning, IFO contact, …; "ordinarie" is the ordinary biståndsansökan of its area, which the förenklad exit pages lead to. */
    category: z.enum(['forenklad', 'ifo', 'synpunkter', 'ordinarie']),
    /** For förenklad e-tjänster: which insats it applies for (the municipality chooses which are offered). */
    forenkladInsats: z.enum(['tvatt', 'stadning', 'trygghetslarm', 'digitalaInkop']).optional(),
    title: text,
    summary: text,
    submitters: z.array(z.enum(['self', 'onBehalf', 'anonymous'])).min(1),
    requiresEid: z.boolean(),
    /**
     * For an ordinary application (category "ordinarie"): answers to begin with when the citizen comes
     * from the exit page of a förenklad e-tjänst for this insats (src/domain/forms/carry-over.ts), e.g.
     * `{ "tvatt": { "hemtjanst": "ja", "hemtjanstHjalp": ["tvatt"] } }`.
     */
    startsFrom: z.partialRecord(z.enum(['tvatt', 'stadning', 'trygghetslarm', 'digitalaInkop']), z.record(fieldName, z.union([z.string(), z.array(z.string())]))).optional(),
    /**
     * Fortsatt ansökan: a logged-in applicant with an earlier application in this e-tjänst may start
     * the next one from it, with these answers filled in and editable (household, housing, regular
     * income and expenses); everything else (the month, this month's receipts) is asked afresh.
     */
    continuation: object({ keep: z.array(fieldName).min(1) }).optional(),
    /** Shows the link to the ordinary biståndsansökan on every page. */
    ordinaryApplicationLink: z.boolean().default(false),
    /** Which answers identify the person the submission concerns. */
    subject: object({ personnummer: fieldName.optional(), name: z.array(fieldName).min(1) }).optional(),
    /** When an answer says someone applies for another person, and which answers name the submitter. */
    onBehalf: object({
      field: fieldName,
      equals: z.string(),
      submitterName: z.array(fieldName).min(1),
      /** The answer that holds the submitter's own personnummer, fixed from their e-legitimation when they are logged in. */
      submitterPersonnummer: fieldName.optional(),
    }).optional(),
    /** Texts are looked up with this answer as i18next context: `title_annan` when it is "annan". */
    textContext: fieldName.optional(),
    /**
     * When this answer says the reporter stays anonymous (requires 'anonymous' among the submitters).
     * Such a submission stores no submitter name; the definition's routes must skip every question
     * that would identify the reporter, so those answers are never on the path.
     */
    anonymous: object({ field: fieldName, equals: z.string() }).optional(),
    /**
     * "Requires confirmation by …": someone named in the answers (a medsökande, the other
     * vårdnadshavare) must confirm the submission with their own e-legitimation before it is
     * complete. `role` names them in the portal's words; `personnummer` and `name` are the answers
     * that identify them, `contact` the e-mail or phone answers where they are told that something
     * waits for them (nothing of the matter is in it), and `when` the answers that call for it
     * (always, when absent). Each confirmation or refusal is recorded with the submission.
     */
    confirmation: object({
      role: z.enum(['medsokande', 'vardnadshavare']),
      personnummer: fieldName,
      name: z.array(fieldName).min(1),
      contact: z.array(fieldName).default([]),
      when: condition.optional(),
    }).optional(),
    /**
     * The kind of submission (ärendetyp: ansökan, anmälan, fråga, synpunkt), for the shared wording:
     * "Skicka ansökan", "Skicka anmälan", or just "Skicka". Named `matter` in published documents.
     */
    matter: z.enum(['ansokan', 'anmalan', 'fraga', 'synpunkt']).default('ansokan'),
    /** A "Lämna sidan snabbt" button on every page (våld, missbruk, orosanmälan). */
    quickExit: z.boolean().default(false),
    /** A notice on every page: in acute danger call 112, or the socialjour out of hours. */
    emergencyNotice: z.boolean().default(false),
    /** How the case is handled: a deadline from receipt (e.g. förhandsbedömning in 14 days) and when it is urgent. */
    handling: object({ dueDays: z.number().int().positive().optional(), urgentWhen: condition.optional() }).default({}),
    retention: object({ yearsAfterClosed: z.number().int().positive() }),
  };

  return { option, leafField, repeatField, field, route, page, startSection, settings };
}

const keyed = formSchemas(z.string().min(1), z.string().min(1), {});

export const fieldDef = keyed.field;
export const pageDef = keyed.page;

export type LeafField = z.infer<typeof keyed.leafField>;
export type FieldDef = z.infer<typeof keyed.field>;
export type RepeatField = z.infer<typeof keyed.repeatField>;
export type PageDef = z.infer<typeof keyed.page>;
export type QuestionPage = Extract<PageDef, { kind: 'question' }>;
/** A page as a definition (or a shared definition part) writes it, before defaults are applied. */
export type PageInput = z.input<typeof keyed.page>;
export type FieldInput = z.input<typeof keyed.field>;

/** The wording of a structural problem for a developer reading a failed start-up. */
export function describeProblem(p: Problem): string {
  const v = p.params;
  const where = v.page !== undefined ? `page "${v.page}"` : String(v.setting);
  switch (p.code) {
    case 'duplicatePageId':
      return `duplicate page id "${v.page}"`;
    case 'firstPageNotQuestion':
      return 'the first page must be a question page';
    case 'checkAnswersCount':
      return 'exactly one checkAnswers page is required';
    case 'confirmationCount':
      return 'exactly one confirmation page is required';
    case 'duplicateField':
      return `field "${v.field}" is defined twice`;
    case 'routeToUnknownPage':
      return `page "${v.page}" routes to unknown page "${v.target}"`;
    case 'unknownRule':
      return `${where} uses unknown rule "${v.rule}"`;
    case 'conditionOnUnknownField':
    case 'conditionOnLaterField':
      return `${where} refers to field "${v.field}", not asked before it`;
    case 'settingOnUnknownField':
      return `${v.setting} refers to unknown field "${v.field}"`;
    case 'uniqueOnUnknownField':
      return `page "${v.page}": a repeating group's unique field "${v.field}" is not one of its fields`;
    case 'anonymousNotAmongSubmitters':
      return 'anonymous is set but "anonymous" is not among the submitters';
    default:
      return `${p.code} ${JSON.stringify(v)}`;
  }
}

export const serviceDefinition = z
  .object({ ...keyed.settings, start: z.array(keyed.startSection).min(1), pages: z.array(keyed.page).min(3) })
  .superRefine((def, ctx) => {
    for (const p of structuralProblems(def)) ctx.addIssue({ code: 'custom', message: describeProblem(p) });
  });

export type ServiceDefinition = z.infer<typeof serviceDefinition>;
export type ServiceDefinitionInput = z.input<typeof serviceDefinition>;

export class InvalidDefinitionError extends Error {
  constructor(id: string, problems: string[]) {
    super(`E-tjänst definition "${id}" is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidDefinitionError';
  }
}

/** Validates a definition; an invalid one throws, naming the definition and each problem. */
export function defineService(input: ServiceDefinitionInput): ServiceDefinition {
  const result = serviceDefinition.safeParse(input);
  if (!result.success) {
    const id = typeof input === 'object' && input && 'id' in input ? String(input.id) : '(unknown)';
    throw new InvalidDefinitionError(id, result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return result.data;
}
