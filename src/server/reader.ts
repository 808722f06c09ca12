/**
 * What a page is shown in: the language, its translator and the shared text values (municipality,
 * contact details, configured rules) for that language, built once per language (the configuration
 * is fixed per process).
 */
import { translator, type Lang } from '../i18n/index.ts';
import { memoisedTranslator } from '../i18n/memo.ts';
import { sharedTextParams } from '../i18n/text-params.ts';
import { config } from './config.ts';
import { forenkladRules } from './rules.ts';

type ReaderLocals = { t: App.Locals['t']; textParams: App.Locals['textParams'] };

const perLang = new Map<string, ReaderLocals>();

export function readerLocals(lang: Lang): ReaderLocals {
  let l = perLang.get(lang);
  if (!l) {
    const cfg = config();
    const plainT = translator(lang);
    const textParams = Object.freeze(
      sharedTextParams(
        plainT,
        lang,
        { municipality: cfg.MUNICIPALITY_NAME, phone: cfg.CONTACT_PHONE, email: cfg.CONTACT_EMAIL, address: cfg.CONTACT_ADDRESS, socialjour: cfg.SOCIALJOUR_PHONE },
        forenkladRules(),
      ),
    );
    l = { t: memoisedTranslator(plainT, textParams), textParams };
    perLang.set(lang, l);
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
  Object.assign(locals, readerLocals(lang));
}
