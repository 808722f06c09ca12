/**
 * Scenarios: a document's own tests, as data. Each gives answers (as the journey stores them), and
 * optionally the day and rule-set values it is judged on, and says what must follow: the path
 * through the pages, where the walk stops (a question, an exit page or check-answers), whether the
 * journey is complete, which answers are kept or dropped, and where it matters whom the submission
 * concerns, whether it is anonymous, its deadline and urgency. The runner judges a scenario with the
 * journey engine on the definition the document compiles to, and returns each difference.
 */
import { z } from 'zod';
import { fieldName, slug, type ServiceDefinition } from '../definition.ts';
import { answersOnPath, isComplete, walk, type Answers, type JourneyContext } from '../journey.ts';
import { deadlineOf, isAnonymous, isUrgent, partiesOf, type Parties } from '../parties.ts';
import { defaultForenkladRules, FORENKLAD_INSATSER, type ForenkladRules } from '../../rules/forenklad.ts';

const count = z.number().int().positive();
const ruleOverrides = z
  .strictObject({
    ageLimit: count,
    requireFolkbokford: z.boolean(),
    requireOrdinaryHousing: z.boolean(),
    householdMustMeetAgeLimit: z.boolean(),
    offered: z.array(z.enum(FORENKLAD_INSATSER)),
    limits: z.strictObject({ stadningIntervalWeeks: count, stadningHours: z.number().positive(), tvattIntervalWeeks: count, inkopIntervalWeeks: count }).partial(),
    fees: z.strictObject({ trygghetslarmMonthly: z.number().min(0), trygghetslarmInstallation: z.number().min(0), homeCareHourly: z.number().min(0), maxtaxaMonthly: z.number().min(0) }).partial(),
  })
  .partial();
export type RuleOverrides = z.infer<typeof ruleOverrides>;

const expectation = z.strictObject({
  /** Every page from the first to where the walk stops, in order. */
  path: z.array(slug).min(1).optional(),
  /** Where the walk stops: the first unanswered question, an exit page, or check-answers. */
  end: slug.optional(),
  /** Ready to send (the walk reaches check-answers). */
  complete: z.boolean().optional(),
  /** Pages on the path, and pages not on it. */
  visits: z.array(slug).optional(),
  skips: z.array(slug).optional(),
  /** Answers that count (on the path taken), and answers given that do not. */
  kept: z.array(fieldName).optional(),
  dropped: z.array(fieldName).optional(),
  /** Whom the submission concerns, and who sent it for them. */
  parties: z
    .strictObject({ personnummer: z.string().nullable(), name: z.string().nullable(), onBehalf: z.boolean(), submitterName: z.string().nullable() })
    .optional(),
  anonymous: z.boolean().optional(),
  /** Days from receipt to the case's deadline (null: none). */
  deadlineDays: z.number().int().positive().nullable().optional(),
  urgent: z.boolean().optional(),
});
export type Expectation = z.infer<typeof expectation>;

/** An answer as the journey stores it: a string, a list, an address, null for an optional field left empty … */
export const answerValue = z.json();

export const scenario = z.strictObject({
  name: z.string().min(1),
  /** The day it is judged on (a date, or a date and time); otherwise the day the scenarios are run. */
  today: z.union([z.iso.date(), z.iso.datetime()]).optional(),
  /** Rule-set values that differ from the default rule set (the age limit, whether folkbokföring is required …). */
  rules: ruleOverrides.optional(),
  answers: z.record(fieldName, answerValue),
  expect: expectation,
});
export type Scenario = z.infer<typeof scenario>;

export type Outcome = {
  path: string[];
  end: string;
  complete: boolean;
  kept: string[];
  dropped: string[];
  parties: Parties;
  anonymous: boolean;
  deadlineDays: number | null;
  urgent: boolean;
};

export type Difference = { expectation: keyof Expectation | 'walk'; expected: unknown; actual: unknown };
export type ScenarioResult = { name: string; passed: boolean; differences: Difference[] };
export type RunOptions = { today: Date; rules?: ForenkladRules | undefined };

const DAY_MS = 24 * 60 * 60 * 1000;

/** A date alone is taken at noon UTC, which is the same calendar day in Sweden. */
function dayOf(today: string | undefined, fallback: Date): Date {
  if (today === undefined) return fallback;
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(today) ? `${today}T12:00:00Z` : today);
}

export function withOverrides(base: ForenkladRules, o: RuleOverrides = {}): ForenkladRules {
  return { ...base, ...o, limits: { ...base.limits, ...o.limits }, fees: { ...base.fees, ...o.fees } };
}

export function contextOf(s: Pick<Scenario, 'today' | 'rules'>, opts: RunOptions): JourneyContext {
  return { today: dayOf(s.today, opts.today), rules: withOverrides(opts.rules ?? defaultForenkladRules, s.rules) };
}

/** What the journey engine makes of a scenario's answers. */
export function observe(def: ServiceDefinition, s: Pick<Scenario, 'today' | 'rules' | 'answers'>, opts: RunOptions): Outcome {
  const ctx = contextOf(s, opts);
  const answers = s.answers as Answers;
  const w = walk(def, answers, ctx);
  const kept = answersOnPath(def, answers, ctx);
  const due = deadlineOf(def, ctx.today);
  return {
    path: w.path,
    end: w.current.id,
    complete: isComplete(def, answers, ctx),
    kept: Object.keys(kept),
    dropped: Object.keys(answers).filter((k) => !Object.hasOwn(kept, k)),
    parties: partiesOf(def, kept),
    anonymous: isAnonymous(def, kept),
    deadlineDays: due ? Math.round((due.getTime() - ctx.today.getTime()) / DAY_MS) : null,
    urgent: isUrgent(def, kept, ctx),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function runScenario(def: ServiceDefinition, s: Scenario, opts: RunOptions): ScenarioResult {
  let o: Outcome;
  try {
    o = observe(def, s, opts);
  } catch (e) {
    return { name: s.name, passed: false, differences: [{ expectation: 'walk', expected: 'a walk through the pages', actual: e instanceof Error ? e.message : String(e) }] };
  }
  const differences: Difference[] = [];
  const x = s.expect;
  const differ = (expectation: Difference['expectation'], expected: unknown, actual: unknown) => differences.push({ expectation, expected, actual });
  for (const k of ['path', 'end', 'complete', 'parties', 'anonymous', 'deadlineDays', 'urgent'] as const) {
    if (x[k] !== undefined && !same(x[k], o[k])) differ(k, x[k], o[k]);
  }
  const missing = (listed: string[] | undefined, among: string[], want: boolean) => (listed ?? []).filter((p) => among.includes(p) !== want);
  if (missing(x.visits, o.path, true).length) differ('visits', missing(x.visits, o.path, true), o.path);
  if (missing(x.skips, o.path, false).length) differ('skips', missing(x.skips, o.path, false), o.path);
  if (missing(x.kept, o.kept, true).length) differ('kept', missing(x.kept, o.kept, true), o.kept);
  if (missing(x.dropped, o.kept, false).length) differ('dropped', missing(x.dropped, o.kept, false), o.kept);
  return { name: s.name, passed: differences.length === 0, differences };
}

export function runScenarios(def: ServiceDefinition, scenarios: readonly Scenario[], opts: RunOptions): ScenarioResult[] {
  return scenarios.map((s) => runScenario(def, s, opts));
}

const show = (v: unknown): string => (Array.isArray(v) ? v.map(String).join(' → ') : JSON.stringify(v));

/** A difference as a line for a developer or a log; the editor words them itself from the parts. */
export function describeDifference(d: Difference): string {
  switch (d.expectation) {
    case 'path': {
      const e = d.expected as string[];
      const a = d.actual as string[];
      const i = e.findIndex((p, k) => a[k] !== p);
      const at = i === -1 ? e.length : i;
      return `path differs at step ${at + 1}: expected ${e[at] ?? '(end)'}, got ${a[at] ?? '(end)'} (expected ${show(e)}; got ${show(a)})`;
    }
    case 'visits':
      return `path does not visit ${show(d.expected)} (got ${show(d.actual)})`;
    case 'skips':
      return `path visits ${show(d.expected)}, which it should skip (got ${show(d.actual)})`;
    case 'kept':
      return `answers not kept: ${show(d.expected)}`;
    case 'dropped':
      return `answers kept that should be dropped: ${show(d.expected)}`;
    default:
      return `${d.expectation}: expected ${show(d.expected)}, got ${show(d.actual)}`;
  }
}
