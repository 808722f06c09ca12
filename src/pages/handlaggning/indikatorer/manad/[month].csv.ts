/** The monthly report as CSV, for admin and analytiker; each download is audited (indicator.exported). */
import { csvResponse } from '../../../../server/csv.ts';
import type { APIRoute } from 'astro';
import { audit } from '../../../../server/audit.ts';
import { getDb, isUnavailable } from '../../../../server/db.ts';
import { monthlyCsv } from '../../../../server/indicators/csv.ts';
import { loadIndicatorData } from '../../../../server/indicators/view.ts';
import { log } from '../../../../server/log.ts';
import { canFollowIndicators } from '../../../../server/staff/authz.ts';
import { clientAddressOf } from '../../../../server/staff/client-address.ts';
import { isMonth } from '../../../../domain/indicators/time.ts';

export const GET: APIRoute = async (ctx) => {
  const { locals, params, rewrite } = ctx;
  const staff = locals.staff;
  if (!staff || !canFollowIndicators(staff.user)) return rewrite('/404');
  const month = params.month;
  if (!isMonth(month)) return rewrite('/404');
  try {
    const db = await getDb();
    const csv = monthlyCsv(await loadIndicatorData(db), month);
    await audit(db, { actorType: 'staff', actorId: staff.user.id, action: 'indicator.exported', subjectType: 'indicator', subjectId: `manad-${month}`, ip: clientAddressOf(ctx) });
    return csvResponse(csv, `manadsrapport-${month}.csv`);
  } catch (e) {
    if (!isUnavailable(e)) throw e;
    log('error', 'monthly csv: database unavailable', {}, e);
    return rewrite('/tillfalligt-fel');
  }
};
