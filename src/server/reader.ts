/**
 * What a page is shown in: the language, its translator and the shared text values (municipality,
 * contact details, the rule set in force) for that language, built once per language and rule-set
 * period. A period's values never change (src/server/rules.ts), so what is kept here is keyed by the
 * period; which period is in force is read for every request (middleware.ts), so a new one shows on
 * the next request on every instance.
 */
import { translator, type Lang } from '../i18n/index.ts';
import { memoisedTranslator } from '../i18n/memo.ts';
import { sharedTextParams } from '../i18n/text-params.ts';
import { config } from './config.ts';
import type { RulePeriod } from './rules.ts';

type ReaderLocals = { t: App.Locals['t']; textParams: App.Locals['textParams'] };

const perLang = new Map<string, ReaderLocals>();
/** Periods are few (one or two a year); the bound only keeps a long-running process's map small. */
const PER_LANG_LIMIT = 64;

export function readerLocals(lang: Lang, period: RulePeriod): ReaderLocals {
  const key = `${lang}\u0000${period.id}`;
  let l = perLang.get(key);
  if (!l) {
    const cfg = config();
    const plainT = translator(lang);
    const textParams = Object.freeze(
      sharedTextParams(
        plainT,
        lang,
        { municipality: cfg.MUNICIPALITY_NAME, phone: cfg.CONTACT_PHONE, email: cfg.CONTACT_EMAIL, address: cfg.CONTACT_ADDRESS, socialjour: cfg.SOCIALJOUR_PHONE },
        period.rules,
      ),
    );
    l = { t: memoisedTranslator(plainT, textParams), textParams };
    if (perLang.size >= PER_LANG_LIMIT) perLang.clear();
    perLang.set(key, l);
  }
  return l;
}

/**
 * Shows the page in `lang` instead of the reader's language (an e-tjänst with no texts yet in the
 * reader's): every text of the page is then in that language, `lang` on the page says so, and the
 * layout tells the reader, in the reader's own language, why (`locals.readerLang`).
 */
export function showPageIn(locals: App.Locals, lang: Lang): void {
  if (lang === locals.lang) return;
  locals.readerLang = locals.lang;
  locals.lang = lang;
  Object.assign(locals, readerLocals(lang, locals.rulePeriod));
}
