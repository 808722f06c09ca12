/** How the decision-texts pages name a text, where it is read, and the order of the languages shown. */
import type { TFunction } from 'i18next';
import type { DecisionTextDef } from '../../../../domain/cases/decision-texts.ts';
import { LANGUAGES_STAFF_ORDER, type Lang } from '../../../../i18n/index.ts';

/** Swedish first, then English, then the other languages citizens are offered. */
export const SHOWN_LANGS: readonly Lang[] = LANGUAGES_STAFF_ORDER;

/** Which förhandsbedömning each återkoppling e-mail answers. */
const MAIL_OUTCOME: Record<string, string> = { 'mail.aterkoppling_inleds': 'utredning', 'mail.aterkoppling_inleds_inte': 'ingenUtredning', 'mail.aterkoppling_pagar': 'pagaende' };

export function textLabel(t: TFunction, def: DecisionTextDef): string {
  if (def.key.startsWith('outcome.')) return `${t('staff-decision-texts:labels.outcome')}: ${t(`staff-case:decision.outcomes.${def.key.slice('outcome.'.length)}`)}`;
  if (def.key.startsWith('mail.')) return `${t('staff-decision-texts:labels.mail')}: ${t(`staff-case:decision.outcomes.${MAIL_OUTCOME[def.key] ?? ''}`)}`;
  return t(`staff-decision-texts:labels.${def.key}`);
}

/** The page that changes one text in one language. */
export function editHref(key: string, lang: string): string {
  return `/handlaggning/admin/beslutstexter/andra?text=${encodeURIComponent(key)}&sprak=${encodeURIComponent(lang)}`;
}

/** The anchor of one text and language on the list. */
export function anchorOf(key: string, lang: string): string {
  return `text-${key.replace(/[^A-Za-z0-9]/g, '-')}-${lang}`;
}
