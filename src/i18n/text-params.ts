/**
 * The values every text may interpolate, in the reader's language: the municipality's name and
 * contact details, and the configured rule set — amounts formatted ("2 576"), intervals worded
 * ("varannan vecka", ./locales/<lang>/values.json), so a changed configuration changes every page that shows it.
 */
import type { TFunction } from 'i18next';
import { formats } from '../domain/format.ts';
import { ruleTextParams, type ForenkladRules } from '../domain/rules/forenklad.ts';
import type { Lang } from './index.ts';

export type Contact = { municipality: string; phone: string; email: string; address: string; socialjour: string };

export function sharedTextParams(t: TFunction, lang: Lang, contact: Contact, rules: ForenkladRules): Record<string, string | number> {
  return { ...contact, ...ruleParams(t, lang, rules) };
}

/**
 * The same values with another rule set in place of the one they were made with: a submission is
 * shown with the rule set it was judged under (src/server/rules.ts rulesForSubmission), not today's.
 */
export function withRules(shared: Readonly<Record<string, string | number>>, t: TFunction, lang: Lang, rules: ForenkladRules): Record<string, string | number> {
  return { ...shared, ...ruleParams(t, lang, rules) };
}

/** "varje vecka", "varannan vecka", "var 3:e vecka". */
export function everyWeeks(t: TFunction, weeks: number): string {
  return weeks === 1 ? t('values:every.week') : weeks === 2 ? t('values:every.otherWeek') : t('values:every.nWeeks', { n: weeks });
}

function ruleParams(t: TFunction, lang: Lang, rules: ForenkladRules): Record<string, string | number> {
  const { number } = formats(lang);
  const money = (n: number) => number(n, 2);
  const hours = (n: number) => number(n, 1);
  const every = (weeks: number) => everyWeeks(t, weeks);
  return {
    ...ruleTextParams(rules),
    alarmFee: money(rules.fees.trygghetslarmMonthly),
    alarmInstallationFee: money(rules.fees.trygghetslarmInstallation),
    homeCareHourly: money(rules.fees.homeCareHourly),
    maxtaxa: money(rules.fees.maxtaxaMonthly),
    stadningHours: hours(rules.limits.stadningHours),
    stadningEvery: every(rules.limits.stadningIntervalWeeks),
    tvattEvery: every(rules.limits.tvattIntervalWeeks),
    inkopEvery: every(rules.limits.inkopIntervalWeeks),
  };
}
