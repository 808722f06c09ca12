/**
 * The notifications' words: that something happened, and a link. No reference number, no
 * e-tjänst, no names, nothing from the matter. Citizens are sent to Mina sidor, administrators to
 * their start page; notices to handläggare and the socialjour (akut_alert, citizen_message) lead to
 * the back office page given with the notification (its `linkPath`), which only staff can open.
 * An SMS says the same in one short text (renderSms).
 */
import { langOrDefault, translator } from '../../i18n/index.ts';
import type { Template } from './outbox.ts';
import { ATERKOPPLING_TEMPLATES } from '../../domain/cases/aterkoppling.ts';

export type Mail = { subject: string; text: string };

/** The templates written to staff (namespace staff-akut) rather than to citizens. */
const STAFF_TEMPLATES: readonly string[] = ['akut_alert', 'citizen_message'];

function namespace(template: Template): string {
  if (template === 'admin_notice') return 'staff-admin:mail';
  return STAFF_TEMPLATES.includes(template) ? 'staff-akut:mail' : 'citizen:mail';
}

function linkOf(template: Template, origin: string, linkPath: string | null | undefined): string {
  if (linkPath && linkPath.startsWith('/handlaggning')) return new URL(linkPath, origin).toString();
  if (template === 'admin_notice') return new URL('/handlaggning/admin/anvandare', origin).toString();
  return new URL(STAFF_TEMPLATES.includes(template) ? '/handlaggning' : '/mina-sidor', origin).toString();
}

export function renderMail(template: Template, lang: string, origin: string, municipality: string, linkPath?: string | null): Mail {
  const t = translator(langOrDefault(lang));
  const ns = namespace(template);
  const params = { link: linkOf(template, origin, linkPath), municipality };
  // An återkoppling leads nowhere: the reporter has no Mina sidor for the matter, and it says all there is.
  const aterkoppling = (ATERKOPPLING_TEMPLATES as readonly string[]).includes(template);
  return {
    subject: t(`${ns}.${template}.subject`, params),
    text: (aterkoppling
      ? [t(`${ns}.${template}.body`, params), t(`${ns}.aterkopplingFooter`, params)]
      : [t(`${ns}.${template}.body`, params), t(`${ns}.link`, params), t(`${ns}.footer`, params)]
    ).join('\n\n'),
  };
}

/** One SMS: what happened and the link, short enough for one or two messages. */
export function renderSms(template: Template, lang: string, origin: string, municipality: string, linkPath?: string | null): string {
  const t = translator(langOrDefault(lang));
  return t(`sms:${template}`, { link: linkOf(template, origin, linkPath), municipality });
}
