/**
 * The notification e-mails' words: that something happened, and a link to Mina sidor. No
 * reference number, no e-tjänst, no names, nothing from the matter.
 */
import { langOrDefault, translator } from '../../i18n/index.ts';
import type { Template } from './outbox.ts';

export type Mail = { subject: string; text: string };

export function renderMail(template: Template, lang: string, origin: string, municipality: string): Mail {
  const t = translator(langOrDefault(lang));
  const link = new URL('/mina-sidor', origin).toString();
  const params = { link, municipality };
  return {
    subject: t(`citizen:mail.${template}.subject`, params),
    text: [t(`citizen:mail.${template}.body`, params), t('citizen:mail.link', params), t('citizen:mail.footer', params)].join('\n\n'),
  };
}
