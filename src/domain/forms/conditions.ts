/**
 * Routing conditions: equality on answers, and named rules from the rule registry
 * (e.g. "the person is under the age limit"). Pure: answers and context in, boolean out.
 */
import type { Condition } from './definition.ts';
import type { ForenkladRules } from '../rules/forenklad.ts';
import { parsePersonnummer } from '../personnummer.ts';
import { meetsAgeLimit } from '../rules/age.ts';

export type Answers = Record<string, unknown>;
export type JourneyContext = { today: Date; rules: ForenkladRules };

type Rule = (answers: Answers, field: string | undefined, ctx: JourneyContext) => boolean;

export class UnknownRuleError extends Error {
  constructor(name: string) {
    super(`Unknown routing rule "${name}"`);
    this.name = 'UnknownRuleError';
  }
}

/** Named rules a definition may route on. Add a rule here, never in a page. */
export const rules: Record<string, Rule> = {
  /** The personnummer in `field` belongs to someone below the configured age limit today. */
  belowAgeLimit(answers, field, ctx) {
    const raw = field ? answers[field] : undefined;
    const p = typeof raw === 'string' ? parsePersonnummer(raw, ctx.today) : null;
    return p !== null && !meetsAgeLimit(p, ctx.rules.ageLimit, ctx.today);
  },
  requireFolkbokford: (_a, _f, ctx) => ctx.rules.requireFolkbokford,
  requireOrdinaryHousing: (_a, _f, ctx) => ctx.rules.requireOrdinaryHousing,
  /** An unconditional route: "from here, always go to …" (e.g. past pages that belong to another branch). */
  always: () => true,
  /** The municipality requires everyone in the household to have reached the age limit. */
  householdMustMeetAgeLimit: (_a, _f, ctx) => ctx.rules.householdMustMeetAgeLimit,
};

export function knownRule(name: string): boolean {
  return Object.hasOwn(rules, name);
}

function is(answer: unknown, value: string): boolean {
  return Array.isArray(answer) ? answer.includes(value) : answer === value;
}

export function evaluate(c: Condition, answers: Answers, ctx: JourneyContext): boolean {
  if ('all' in c) return c.all.every((x) => evaluate(x, answers, ctx));
  if ('any' in c) return c.any.some((x) => evaluate(x, answers, ctx));
  // A choice of several (checkboxes) "equals" a value when the value is among those chosen.
  if ('equals' in c) return is(answers[c.field], c.equals);
  if ('notEquals' in c) return !is(answers[c.field], c.notEquals);
  // Own properties only: "constructor" or "toString" must not resolve to Object.prototype's.
  const rule = knownRule(c.rule) ? rules[c.rule] : undefined;
  if (!rule) throw new UnknownRuleError(c.rule);
  const v = rule(answers, c.field, ctx);
  return c.negate ? !v : v;
}
