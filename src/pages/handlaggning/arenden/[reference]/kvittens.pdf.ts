/**
 * The citizen's receipt of a case, as a copy made now (src/server/receipts.ts): the answers as sent,
 * and each confirmation by a medsökande or the other vårdnadshavare as recorded now (who, when, the
 * e-legitimation's assurance level, or declined), in a section dated so. For staff who may handle
 * the case's area; anyone else gets 404. The read of the case and the download are audited.
 */
import type { APIRoute } from 'astro';
import { audit } from '../../../../server/audit.ts';
import { openCase } from '../../../../server/cases.ts';
import { getDb, isUnavailable } from '../../../../server/db.ts';
import { pdfResponse } from '../../../../server/decision-letter.ts';
import { log } from '../../../../server/log.ts';
import { receiptCopyPdf } from '../../../../server/receipts.ts';
import { clientAddressOf } from '../../../../server/staff/client-address.ts';

export const GET: APIRoute = async (ctx) => {
  const staff = ctx.locals.staff;
  if (!staff) return ctx.rewrite('/404');
  try {
    const db = await getDb();
    const ip = clientAddressOf(ctx) ?? null;
    const sub = await openCase(db, staff.user, ctx.params.reference ?? '', ip);
    if (!sub) return ctx.rewrite('/404');
    const copy = await receiptCopyPdf(db, sub, { lang: ctx.locals.lang, t: ctx.locals.t, textParams: ctx.locals.textParams }, new Date());
    await audit(db, { actorType: 'staff', actorId: staff.user.id, action: 'case.receipt.downloaded', subjectType: 'submission', subjectId: sub.id, details: {}, ip });
    return pdfResponse(copy);
  } catch (e) {
    if (!isUnavailable(e)) throw e;
    log('error', 'receipt copy: database unavailable', {}, e);
    return ctx.rewrite('/tillfalligt-fel');
  }
};
