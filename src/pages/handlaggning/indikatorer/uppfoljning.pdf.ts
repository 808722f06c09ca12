/**
 * The follow-up of a period as a tagged PDF (/handlaggning/indikatorer/uppfoljning.pdf?period=2026
 * or 2026-H1), in the reader's language, for admin and analytiker; anyone else gets 404. Audited
 * (indicator.exported) before it is handed out.
 */
import type { APIRoute } from 'astro';
import { audit } from '../../../server/audit.ts';
import { config } from '../../../server/config.ts';
import { getDb, isUnavailable } from '../../../server/db.ts';
import { periodKey } from '../../../domain/indicators/followup.ts';
import { loadFollowUp, readPeriod } from '../../../server/indicators/followup.ts';
import { renderFollowUpPdf } from '../../../server/indicators/followup-pdf.ts';
import { log } from '../../../server/log.ts';
import { canFollowIndicators } from '../../../server/staff/authz.ts';
import { clientAddressOf } from '../../../server/staff/client-address.ts';

export const GET: APIRoute = async (ctx) => {
  const { locals, rewrite, url } = ctx;
  const staff = locals.staff;
  if (!staff || !canFollowIndicators(staff.user)) return rewrite('/404');
  const now = new Date();
  const period = readPeriod(url.searchParams.get('period'), now);
  if (!period) return rewrite('/404');
  const key = periodKey(period);
  try {
    const db = await getDb();
    const view = await loadFollowUp(db, period, now);
    const lang = locals.lang === 'en' ? 'en' : 'sv';
    const pdf = await renderFollowUpPdf(view, { t: locals.t, lang, municipality: config().MUNICIPALITY_NAME });
    await audit(db, { actorType: 'staff', actorId: staff.user.id, action: 'indicator.exported', subjectType: 'indicator', subjectId: `followup-pdf:${key}`, ip: clientAddressOf(ctx) });
    return new Response(new Uint8Array(pdf), {
      headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="uppfoljning-${key}.pdf"`, 'Cache-Control': 'no-store' },
    });
  } catch (e) {
    if (!isUnavailable(e)) throw e;
    log('error', 'follow-up pdf: database unavailable', { period: key }, e);
    return rewrite('/tillfalligt-fel');
  }
};
