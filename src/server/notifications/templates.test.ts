/**
 * The notices a citizen gets, in every language the portal offers: an e-mail and an SMS for each
 * template written to a citizen, in the matter's language (not Swedish where the language has its
 * own words), with the link and the municipality, nothing left as a placeholder, and an SMS short
 * enough for two messages (GSM 7-bit: 2 × 153 characters; any other letter: 2 × 67).
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../i18n/index.ts';
import { CITIZEN_TEMPLATES } from './outbox.ts';
import { renderMail, renderSms } from './templates.ts';

const ORIGIN = 'https://e-tjanster.askersund.se';
const MUNICIPALITY = 'Askersunds kommun';
const SMS_TEMPLATES = [...CITIZEN_TEMPLATES, 'confirmation_requested'] as const;
const GSM7 = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà]*$/;

describe('citizen notices', () => {
  for (const lang of LANGUAGES) {
    it(`are written in ${lang}, with the link and no placeholder`, () => {
      for (const template of SMS_TEMPLATES) {
        const sms = renderSms(template, lang, ORIGIN, MUNICIPALITY);
        const mail = renderMail(template, lang, ORIGIN, MUNICIPALITY);
        for (const text of [sms, mail.subject, mail.text]) expect(text, `${lang} ${template}`).not.toMatch(/\{\{|\}\}|^(?:sms|citizen):/);
        expect(sms, `${lang} ${template}`).toContain(`${ORIGIN}/mina-sidor`);
        expect(sms).toContain(MUNICIPALITY);
        const limit = GSM7.test(sms) ? 2 * 153 : 2 * 67;
        expect(sms.length, `${lang} ${template}: ${sms}`).toBeLessThanOrEqual(limit);
        // A language with its own words is not sent the Swedish (lättläst may share Swedish words).
        if (lang !== 'sv' && lang !== 'sv-x-ll') {
          expect(sms, `${lang} ${template}`).not.toBe(renderSms(template, 'sv', ORIGIN, MUNICIPALITY));
          expect(mail.text, `${lang} ${template}`).not.toBe(renderMail(template, 'sv', ORIGIN, MUNICIPALITY).text);
        }
      }
    });
  }
});
