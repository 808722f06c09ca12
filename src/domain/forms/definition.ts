/**
 * What an e-tjänst definition is: typed data, validated with zod when the server starts.
 * Pages form a discriminated union; fields name a type from the field-type registry.
 * Text values are i18n keys in the definition's own namespace (its id).
 */
import { z } from 'zod';
import { knownRule } from './conditions.ts';
import { FILE_KINDS } from './files.ts';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug');
const fieldName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'must be alphanumeric, starting with a letter');

const option = z.object({ value: slug, label: z.string().min(1), hint: z.string().optional() });

const fieldBase = {
  name: fieldName,
  label: z.string().min(1),
  hint: z.string().optional(),
  optional: z.boolean().default(false),
};

const leafField = z.discriminatedUnion('type', [
  z.object({ ...fieldBase, type: z.literal('text'), maxLength: z.number().int().positive().default(200), autocomplete: z.string().optional(), width: z.enum(['full', 'half', 'short']).default('full') }),
  z.object({ ...fieldBase, type: z.literal('textarea'), maxLength: z.number().int().positive().default(2000) }),
  z.object({ ...fieldBase, type: z.literal('personnummer') }),
  z.object({ ...fieldBase, type: z.literal('phone'), autocomplete: z.string().default('tel') }),
  z.object({ ...fieldBase, type: z.literal('email'), autocomplete: z.string().default('email') }),
  z.object({ ...fieldBase, type: z.literal('date'), past: z.boolean().default(false), future: z.boolean().default(false) }),
  z.object({ ...fieldBase, type: z.literal('number'), min: z.number().default(0), max: z.number().default(1_000_000_000) }),
  z.object({ ...fieldBase, type: z.literal('radios'), options: z.array(option).min(2) }),
  z.object({ ...fieldBase, type: z.literal('checkboxes'), options: z.array(option).min(1) }),
  // A drop-down for long lists (e.g. a municipality's districts); radios are better up to about 7 options.
  z.object({ ...fieldBase, type: z.literal('select'), options: z.array(option).min(2) }),
  z.object({ ...fieldBase, type: z.literal('yesNo') }),
  z.object({ ...fieldBase, type: z.literal('address') }),
  z.object({
    ...fieldBase,
    type: z.literal('file'),
    accept: z.array(z.enum(FILE_KINDS)).min(1).default([...FILE_KINDS]),
    maxBytes: z.number().int().positive().max(10 * 1024 * 1024).default(10 * 1024 * 1024),
  }),
]);

export type LeafField = z.infer<typeof leafField>;

const repeatField = z.object({
  ...fieldBase,
  type: z.literal('repeat'),
  /** Label of one item, with {{n}} for its number ("Kontaktperson {{n}}"). */
  itemLabel: z.string().min(1),
  min: z.number().int().min(0),
  max: z.number().int().min(1),
  // Uploads are stored one per question; a group of them has no answer shape yet.
  fields: z.array(leafField).min(1).refine((fs) => fs.every((f) => f.type !== 'file'), 'a repeating group cannot hold file fields'),
});

// A discriminated union (not z.union) so an unknown type is reported at `.type` with the known types,
// rather than as a bare "Invalid input" on the whole field.
export const fieldDef = z.discriminatedUnion('type', [leafField, repeatField]);
export type FieldDef = z.infer<typeof fieldDef>;
export type RepeatField = z.infer<typeof repeatField>;

export type Condition =
  | { field: string; equals: string }
  | { field: string; notEquals: string }
  | { rule: string; field?: string | undefined; negate?: boolean | undefined }
  | { all: Condition[] }
  | { any: Condition[] };

const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ field: fieldName, equals: z.string() }).strict(),
    z.object({ field: fieldName, notEquals: z.string() }).strict(),
    z.object({ rule: z.string().min(1), field: fieldName.optional(), negate: z.boolean().optional() }).strict(),
    z.object({ all: z.array(condition).min(1) }).strict(),
    z.object({ any: z.array(condition).min(1) }).strict(),
  ]),
);

const route = z.object({ when: condition, goto: slug });

const questionPage = z.object({
  kind: z.literal('question'),
  id: slug,
  title: z.string().min(1),
  intro: z.string().optional(),
  fields: z.array(fieldDef).min(1),
  next: z.array(route).default([]),
});
const exitPage = z.object({
  kind: z.literal('exit'),
  id: slug,
  title: z.string().min(1),
  body: z.string().min(1),
});
const checkAnswersPage = z.object({ kind: z.literal('checkAnswers'), id: slug, title: z.string().min(1), declaration: z.string().optional() });
const confirmationPage = z.object({ kind: z.literal('confirmation'), id: slug, title: z.string().min(1), body: z.string().min(1) });

export const pageDef = z.discriminatedUnion('kind', [questionPage, exitPage, checkAnswersPage, confirmationPage]);
export type PageDef = z.infer<typeof pageDef>;
export type QuestionPage = z.infer<typeof questionPage>;
/** A page as a definition (or a shared definition part) writes it, before defaults are applied. */
export type PageInput = z.input<typeof pageDef>;
export type FieldInput = z.input<typeof fieldDef>;

export const serviceDefinition = z
  .object({
    id: slug,
    version: z.number().int().positive(),
    area: z.enum(['aldreomsorg', 'ifo']),
    /** Groups e-tjänster for indicators: förenklad biståndsbedömning, IFO contact, … */
    category: z.enum(['forenklad', 'ifo', 'synpunkter']),
    /** For förenklad e-tjänster: which insats it applies for (the municipality chooses which are offered). */
    forenkladInsats: z.enum(['tvatt', 'stadning', 'trygghetslarm', 'digitalaInkop']).optional(),
    title: z.string().min(1),
    summary: z.string().min(1),
    /** Start page: sections of heading + paragraphs, all i18n keys. */
    start: z
      .array(z.object({ heading: z.string().min(1), paragraphs: z.string().min(1), ordinaryApplicationLink: z.boolean().default(false) }))
      .min(1),
    submitters: z.array(z.enum(['self', 'onBehalf', 'anonymous'])).min(1),
    requiresEid: z.boolean(),
    /** Shows the link to the ordinary biståndsansökan on every page. */
    ordinaryApplicationLink: z.boolean().default(false),
    /** Which answers identify the person the matter concerns. */
    subject: z.object({ personnummer: fieldName.optional(), name: z.array(fieldName).min(1) }).optional(),
    /** When an answer says someone applies for another person, and which answers name the submitter. */
    onBehalf: z.object({ field: fieldName, equals: z.string(), submitterName: z.array(fieldName).min(1) }).optional(),
    /** Texts are looked up with this answer as i18next context: `title_annan` when it is "annan". */
    textContext: fieldName.optional(),
    /**
     * When this answer says the reporter stays anonymous (requires 'anonymous' among the submitters).
     * Such a submission stores no submitter name; the definition's routes must skip every question
     * that would identify the reporter, so those answers are never on the path.
     */
    anonymous: z.object({ field: fieldName, equals: z.string() }).optional(),
    /** What the citizen sends, for the shared wording: "Skicka ansökan", "Skicka anmälan", or just "Skicka". */
    matter: z.enum(['ansokan', 'anmalan', 'fraga', 'synpunkt']).default('ansokan'),
    /** A "Lämna sidan snabbt" button on every page (våld, missbruk, orosanmälan). */
    quickExit: z.boolean().default(false),
    /** A notice on every page: in acute danger call 112, or the socialjour out of hours. */
    emergencyNotice: z.boolean().default(false),
    /** How the case is handled: a deadline from receipt (e.g. förhandsbedömning in 14 days) and when it is urgent. */
    handling: z.object({ dueDays: z.number().int().positive().optional(), urgentWhen: condition.optional() }).default({}),
    retention: z.object({ yearsAfterClosed: z.number().int().positive() }),
    pages: z.array(pageDef).min(3),
  })
  .superRefine((def, ctx) => {
    const ids = new Set<string>();
    for (const p of def.pages) {
      if (ids.has(p.id)) ctx.addIssue({ code: 'custom', message: `duplicate page id "${p.id}"` });
      ids.add(p.id);
    }
    const kinds = def.pages.map((p) => p.kind);
    if (kinds[0] !== 'question') ctx.addIssue({ code: 'custom', message: 'the first page must be a question page' });
    if (kinds.filter((k) => k === 'checkAnswers').length !== 1) ctx.addIssue({ code: 'custom', message: 'exactly one checkAnswers page is required' });
    if (kinds.filter((k) => k === 'confirmation').length !== 1) ctx.addIssue({ code: 'custom', message: 'exactly one confirmation page is required' });
    const names = new Set<string>();
    for (const p of def.pages) {
      if (p.kind !== 'question') continue;
      for (const f of p.fields) {
        if (names.has(f.name)) ctx.addIssue({ code: 'custom', message: `field "${f.name}" is defined twice` });
        names.add(f.name);
      }
      for (const r of p.next) {
        if (!ids.has(r.goto)) ctx.addIssue({ code: 'custom', message: `page "${p.id}" routes to unknown page "${r.goto}"` });
      }
    }
    // A route is evaluated once its page is answered, so it may only use fields asked on that page
    // or an earlier one: a later page's answer could only be stale.
    const asked = new Set<string>();
    const checkRules = (c: Condition, where: string): void => {
      if ('all' in c) c.all.forEach((x) => checkRules(x, where));
      else if ('any' in c) c.any.forEach((x) => checkRules(x, where));
      else if ('rule' in c && !knownRule(c.rule)) ctx.addIssue({ code: 'custom', message: `${where} uses unknown rule "${c.rule}"` });
      else if ('field' in c && c.field !== undefined && !asked.has(c.field)) ctx.addIssue({ code: 'custom', message: `${where} refers to field "${c.field}", not asked before it` });
    };
    for (const p of def.pages) {
      if (p.kind !== 'question') continue;
      for (const f of p.fields) asked.add(f.name);
      p.next.forEach((r) => checkRules(r.when, `page "${p.id}"`));
    }
    const referenced: [string, string][] = [
      ...(def.subject ? [...(def.subject.personnummer ? [def.subject.personnummer] : []), ...def.subject.name].map((n): [string, string] => ['subject', n]) : []),
      ...(def.onBehalf ? [def.onBehalf.field, ...def.onBehalf.submitterName].map((n): [string, string] => ['onBehalf', n]) : []),
      ...(def.textContext ? [['textContext', def.textContext] as [string, string]] : []),
      ...(def.anonymous ? [['anonymous', def.anonymous.field] as [string, string]] : []),
    ];
    if (def.anonymous && !def.submitters.includes('anonymous')) ctx.addIssue({ code: 'custom', message: 'anonymous is set but "anonymous" is not among the submitters' });
    if (def.handling.urgentWhen) checkFields(def.handling.urgentWhen, 'handling.urgentWhen');
    function checkFields(c: Condition, where: string): void {
      if ('all' in c) c.all.forEach((x) => checkFields(x, where));
      else if ('any' in c) c.any.forEach((x) => checkFields(x, where));
      else if ('rule' in c && !knownRule(c.rule)) ctx.addIssue({ code: 'custom', message: `${where} uses unknown rule "${c.rule}"` });
      else if ('field' in c && c.field !== undefined && !names.has(c.field)) ctx.addIssue({ code: 'custom', message: `${where} refers to unknown field "${c.field}"` });
    }
    for (const [where, n] of referenced) {
      if (!names.has(n)) ctx.addIssue({ code: 'custom', message: `${where} refers to unknown field "${n}"` });
    }
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
