/**
 * The follow-up of a period as CSV (/handlaggning/indikatorer/uppfoljning.csv?period=2026 or
 * 2026-H1) for admin and analytiker; anyone else gets 404. Audited (indicator.exported) before it
 * is handed out.
 */
import type { APIRoute } from 'astro';
import { audit } from '../../../server/audit.ts';
import { getDb, isUnavailable } from '../../../server/db.ts';
import { periodKey } from '../../../domain/indicators/followup.ts';
import { loadFollowUp, readPeriod } from '../../../server/indicators/followup.ts';
import { followUpCsv } from '../../../server/indicators/followup-csv.ts';
import { csvResponse } from '../../../server/csv.ts';
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
    const csv = followUpCsv(view, (id) => locals.t(`followup:measures.${id}`, { lng: 'sv', defaultValue: id }));
    await audit(db, { actorType: 'staff', actorId: staff.user.id, action: 'indicator.exported', subjectType: 'indicator', subjectId: `followup:${key}`, ip: clientAddressOf(ctx) });
    return csvResponse(csv, `uppfoljning-${key}.csv`);
  } catch (e) {
    if (!isUnavailable(e)) throw e;
    log('error', 'follow-up csv: database unavailable', { period: key }, e);
    return rewrite('/tillfalligt-fel');
  }
};
