/**
 * The fees a förenklad application was sent under, worded for the reader: shown on the receipt
 * (PDF), the case page and Mina sidor from the rule-set period the submission recorded
 * (src/server/rules.ts rulesForSubmission), so a later maxtaxa never changes them.
 */
import type { TFunction } from 'i18next';
import { formats } from '../domain/format.ts';
import type { ForenkladInsats, ForenkladRules } from '../domain/rules/forenklad.ts';
import type { Lang } from './index.ts';

/** The lines, or none for an e-tjänst outside the förenklad offer. */
export function feeLines(t: TFunction, lang: Lang, def: { forenkladInsats?: ForenkladInsats | undefined }, rules: ForenkladRules): string[] {
  if (!def.forenkladInsats) return [];
  const { number } = formats(lang);
  const kr = (n: number) => number(n, 2);
  const first =
    def.forenkladInsats === 'trygghetslarm'
      ? t('receipt:fees.alarm', { fee: kr(rules.fees.trygghetslarmMonthly), installation: kr(rules.fees.trygghetslarmInstallation) })
      : t('receipt:fees.homeCare', { fee: kr(rules.fees.homeCareHourly) });
  return [first, t('receipt:fees.maxtaxa', { fee: kr(rules.fees.maxtaxaMonthly) })];
}
