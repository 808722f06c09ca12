/**
 * Named rules on whose personnummer a field may take: a field asking for a child's personnummer
 * (`"person": "child"`) refuses an adult's, wherever a child is asked for (orosanmälan barn, the
 * children in ekonomiskt bistånd, a kontaktperson's child). Documents name a rule; the rule is
 * code, here. Pure: `today` is passed in.
 */
import { ageOn, type Personnummer } from '../personnummer.ts';

/** The age from which a person is not a child (föräldrabalken 9:1, socialtjänstlagen). */
export const CHILD_AGE_LIMIT = 18;

type PersonRule = { /** The error code when the number does not fit. */ code: string; holds: (p: Personnummer, today: Date) => boolean };

export const PERSON_RULES = {
  /** Someone under 18 today. */
  child: { code: 'notChild', holds: (p, today) => ageOn(p, today) < CHILD_AGE_LIMIT },
} as const satisfies Record<string, PersonRule>;

export type PersonRuleName = keyof typeof PERSON_RULES;
export const PERSON_RULE_NAMES = Object.keys(PERSON_RULES) as [PersonRuleName, ...PersonRuleName[]];

/** The error code when `p` breaks the named rule, else undefined. */
export function personRuleError(rule: PersonRuleName | undefined, p: Personnummer, today: Date): string | undefined {
  if (!rule) return undefined;
  const r: PersonRule = PERSON_RULES[rule];
  return r.holds(p, today) ? undefined : r.code;
}
