/**
 * The beslutsbrev of a case, as the citizen gets it (src/server/decision-letter.ts), for staff who
 * may handle the case's area; anyone else, or a case without a letter, gets 404. The read of the
 * case and the download are audited.
 */
import type { APIRoute } from 'astro';
import { audit } from '../../../../server/audit.ts';
import { openCase } from '../../../../server/cases.ts';
import { getDb, isUnavailable } from '../../../../server/db.ts';
import { decisionLetter, pdfResponse } from '../../../../server/decision-letter.ts';
import { log } from '../../../../server/log.ts';
import { clientAddressOf } from '../../../../server/staff/client-address.ts';

export const GET: APIRoute = async (ctx) => {
  const staff = ctx.locals.staff;
  if (!staff) return ctx.rewrite('/404');
  try {
    const db = await getDb();
    const ip = clientAddressOf(ctx) ?? null;
    const sub = await openCase(db, staff.user, ctx.params.reference ?? '', ip);
    const letter = sub ? await decisionLetter(db, sub.id, { lang: ctx.locals.lang, textParams: ctx.locals.textParams }) : undefined;
    if (!sub || !letter) return ctx.rewrite('/404');
    await audit(db, { actorType: 'staff', actorId: staff.user.id, action: 'case.decision_letter.downloaded', subjectType: 'submission', subjectId: sub.id, details: { decisionId: letter.decisionId }, ip });
    return pdfResponse(letter);
  } catch (e) {
    if (!isUnavailable(e)) throw e;
    log('error', 'decision letter: database unavailable', {}, e);
    return ctx.rewrite('/tillfalligt-fel');
  }
};
