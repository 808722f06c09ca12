/**
 * The notification e-mails' words: that something happened, and a link to Mina sidor. No
 * reference number, no e-tjänst, no names, nothing from the matter.
 */
import { langOrDefault, translator } from '../../i18n/index.ts';
import type { Template } from './outbox.ts';

export type Mail = { subject: string; text: string };

export function renderMail(template: Template, lang: string, origin: string, municipality: string): Mail {
  const t = translator(langOrDefault(lang));
  // Administrators are sent to their start page; citizens to Mina sidor.
  const ns = template === 'admin_notice' ? 'staff-admin:mail' : 'citizen:mail';
  const link = new URL(template === 'admin_notice' ? '/handlaggning/admin/anvandare' : '/mina-sidor', origin).toString();
  const params = { link, municipality };
  return {
    subject: t(`${ns}.${template}.subject`, params),
    text: [t(`${ns}.${template}.body`, params), t(`${ns}.link`, params), t(`${ns}.footer`, params)].join('\n\n'),
  };
}
