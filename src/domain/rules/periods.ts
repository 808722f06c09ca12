/**
 * The rule set as dated periods (docs/forenklad-regler.md). A period starts on a Swedish calendar
 * day and runs until the day before the next one starts; the last is open. So periods never
 * overlap and, from the first, there is never a gap: a change that would leave days without a
 * rule set (removing the first period, or one already in force or past) is refused. Pure: days are
 * "YYYY-MM-DD" strings (src/domain/format.ts turns an instant into one).
 */
import { z } from 'zod';
import { FORENKLAD_INSATSER, type ForenkladRules } from './forenklad.ts';

export type RulePeriod = {
  id: string;
  /** First day in force. */
  validFrom: string;
  /** Last day in force; null while open (no later period). */
  validTo: string | null;
  rules: ForenkladRules;
  createdBy: string | null;
  createdAt: Date;
};

export type PeriodState = 'past' | 'current' | 'future';

const kronor = z.number().int().min(0).max(100_000);
const weeks = z.number().int().min(1).max(52);

/** A rule set as stored and as an administrator enters it; the limits are those of the FORENKLAD_* settings. */
export const forenkladRulesSchema = z.object({
  ageLimit: z.number().int().min(0).max(120),
  requireFolkbokford: z.boolean(),
  requireOrdinaryHousing: z.boolean(),
  householdMustMeetAgeLimit: z.boolean(),
  offered: z.array(z.enum(FORENKLAD_INSATSER)).refine((a) => new Set(a).size === a.length),
  limits: z.object({
    stadningIntervalWeeks: weeks,
    stadningHours: z.number().min(0.5).max(24).multipleOf(0.5),
    tvattIntervalWeeks: weeks,
    inkopIntervalWeeks: weeks,
  }),
  fees: z.object({
    trygghetslarmMonthly: kronor,
    trygghetslarmInstallation: kronor,
    homeCareHourly: kronor,
    maxtaxaMonthly: kronor,
  }),
});

export function parseRules(value: unknown): ForenkladRules {
  return forenkladRulesSchema.parse(value) as ForenkladRules;
}

type Dated = { validFrom: string };

/** The periods in order with each one's last day (the day before the next starts). */
export function withEnds<P extends Dated>(periods: readonly P[]): (P & { validTo: string | null })[] {
  const sorted = [...periods].sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
  return sorted.map((p, i) => ({ ...p, validTo: i + 1 < sorted.length ? dayBefore(sorted[i + 1]!.validFrom) : null }));
}

/** The period in force on `day`, or undefined before the first. */
export function inForceOn<P extends Dated>(periods: readonly P[], day: string): P | undefined {
  let found: P | undefined;
  for (const p of periods) if (p.validFrom <= day && (!found || p.validFrom > found.validFrom)) found = p;
  return found;
}

export function stateOf(p: Dated & { validTo: string | null }, today: string): PeriodState {
  if (p.validFrom > today) return 'future';
  if (p.validTo !== null && p.validTo < today) return 'past';
  return 'current';
}

/** Why a new period from `validFrom` cannot be added (a code the page words), or undefined. */
export function addProblem(periods: readonly Dated[], validFrom: string, today: string): 'inPast' | 'taken' | undefined {
  // The past is never rewritten: what was in force then stays what was in force.
  if (validFrom < today) return 'inPast';
  if (periods.some((p) => p.validFrom === validFrom)) return 'taken';
  return undefined;
}

/**
 * Why this period cannot be removed, or undefined: only one that starts today or later (a period
 * some submission was received under is kept by the database), and never the first.
 */
export function removeProblem(periods: readonly Dated[], validFrom: string, today: string): 'notFuture' | 'first' | undefined {
  if (validFrom < today) return 'notFuture';
  const first = [...periods].map((p) => p.validFrom).sort()[0];
  if (first === validFrom) return 'first';
  return undefined;
}

/** "2026-03-01" → "2026-02-28": calendar arithmetic on the date alone (no time zone involved). */
export function dayBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d - 1));
  return t.toISOString().slice(0, 10);
}

/** The values that differ between two rule sets, flattened ("fees.maxtaxaMonthly"), for the audit trail. */
export function changedValues(before: ForenkladRules | undefined, after: ForenkladRules): Record<string, string | number | boolean> {
  const flat = (r: ForenkladRules): Record<string, string | number | boolean> => ({
    ageLimit: r.ageLimit,
    requireFolkbokford: r.requireFolkbokford,
    requireOrdinaryHousing: r.requireOrdinaryHousing,
    householdMustMeetAgeLimit: r.householdMustMeetAgeLimit,
    offered: [...r.offered].sort().join(','),
    ...Object.fromEntries(Object.entries(r.limits).map(([k, v]) => [`limits.${k}`, v])),
    ...Object.fromEntries(Object.entries(r.fees).map(([k, v]) => [`fees.${k}`, v])),
  });
  const a = before ? flat(before) : {};
  const b = flat(after);
  return Object.fromEntries(Object.entries(b).filter(([k, v]) => a[k] !== v));
}
