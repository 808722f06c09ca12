/**
 * A copy of the receipt of one of the citizen's cases (src/server/receipts.ts): the answers as sent,
 * and each confirmation by a medsökande or the other vårdnadshavare as recorded now, in a section
 * dated so. Checked by personnummer like the case itself; anyone else's case does not exist (404).
 * Audited.
 */
import type { APIRoute } from 'astro';
import { eq } from 'drizzle-orm';
import { submissions } from '../../../../../db/schema.ts';
import { audit } from '../../../../server/audit.ts';
import { getDb, isUnavailable } from '../../../../server/db.ts';
import { errorPageRequest } from '../../../../server/http.ts';
import { clientAddressOf } from '../../../../server/staff/client-address.ts';
import { citizenActorId } from '../../../../server/citizen/actor.ts';
import { findMyCase } from '../../../../server/citizen/my-cases.ts';
import { pdfResponse } from '../../../../server/decision-letter.ts';
import { receiptCopyPdf } from '../../../../server/receipts.ts';

export const GET: APIRoute = async (ctx) => {
  const me = ctx.locals.citizen?.citizen;
  if (!me) return ctx.redirect('/logga-in?tillbaka=/mina-sidor', 303);
  try {
    const db = await getDb();
    const myCase = await findMyCase(db, me.personnummer, ctx.params.reference ?? '');
    const [row] = myCase ? await db.select().from(submissions).where(eq(submissions.id, myCase.id)) : [];
    if (!myCase || !row) return ctx.rewrite(errorPageRequest('/404', ctx.request));
    const copy = await receiptCopyPdf(db, row, { lang: ctx.locals.lang, t: ctx.locals.t, textParams: ctx.locals.textParams }, new Date());
    await audit(db, { actorType: 'citizen', actorId: citizenActorId(me.personnummer), action: 'citizen.receipt.downloaded', subjectType: 'submission', subjectId: row.id, details: {}, ip: clientAddressOf(ctx) ?? null });
    return pdfResponse(copy);
  } catch (e) {
    if (isUnavailable(e)) return ctx.rewrite(errorPageRequest('/tillfalligt-fel', ctx.request));
    throw e;
  }
};
