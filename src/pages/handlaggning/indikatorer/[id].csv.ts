/**
 * An indicator as CSV (/handlaggning/indikatorer/<id>.csv) for admin and analytiker; anyone else
 * is told nothing is here (404). Each download is audited (indicator.exported) before it is handed out.
 */
import { csvResponse } from '../../../server/csv.ts';
import type { APIRoute } from 'astro';
import { audit } from '../../../server/audit.ts';
import { getDb, isUnavailable } from '../../../server/db.ts';
import { indicatorCsv, isCsvId } from '../../../server/indicators/csv.ts';
import { loadIndicators } from '../../../server/indicators/view.ts';
import { log } from '../../../server/log.ts';
import { canFollowIndicators } from '../../../server/staff/authz.ts';
import { clientAddressOf } from '../../../server/staff/client-address.ts';

export const GET: APIRoute = async (ctx) => {
  const { locals, params, rewrite } = ctx;
  const staff = locals.staff;
  if (!staff || !canFollowIndicators(staff.user)) return rewrite('/404');
  const id = params.id;
  if (!isCsvId(id)) return rewrite('/404');
  try {
    const db = await getDb();
    const view = await loadIndicators(db);
    const csv = indicatorCsv(id, view.data, view.indicators);
    await audit(db, { actorType: 'staff', actorId: staff.user.id, action: 'indicator.exported', subjectType: 'indicator', subjectId: id, ip: clientAddressOf(ctx) });
    return csvResponse(csv, `${id}.csv`);
  } catch (e) {
    if (!isUnavailable(e)) throw e;
    log('error', 'indicator csv: database unavailable', { id }, e);
    return rewrite('/tillfalligt-fel');
  }
};
