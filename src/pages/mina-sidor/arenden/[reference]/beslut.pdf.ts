/**
 * The beslutsbrev of one of the citizen's cases (src/server/decision-letter.ts). Checked by
 * personnummer like the case itself: anyone else's case, a case without a decision, or a decision
 * of a kind the citizen does not read (a förhandsbedömning) does not exist (404). Audited.
 */
import type { APIRoute } from 'astro';
import { audit } from '../../../../server/audit.ts';
import { getDb, isUnavailable } from '../../../../server/db.ts';
import { errorPageRequest } from '../../../../server/http.ts';
import { clientAddressOf } from '../../../../server/staff/client-address.ts';
import { citizenActorId } from '../../../../server/citizen/actor.ts';
import { findMyCase } from '../../../../server/citizen/my-cases.ts';
import { decisionLetter, pdfResponse } from '../../../../server/decision-letter.ts';

export const GET: APIRoute = async (ctx) => {
  const me = ctx.locals.citizen?.citizen;
  if (!me) return ctx.redirect('/logga-in?tillbaka=/mina-sidor', 303);
  try {
    const db = await getDb();
    const myCase = await findMyCase(db, me.personnummer, ctx.params.reference ?? '');
    const letter = myCase ? await decisionLetter(db, myCase.id, { lang: ctx.locals.lang, textParams: ctx.locals.textParams }) : undefined;
    if (!myCase || !letter) return ctx.rewrite(errorPageRequest('/404', ctx.request));
    await audit(db, { actorType: 'citizen', actorId: citizenActorId(me.personnummer), action: 'citizen.decision_letter.downloaded', subjectType: 'submission', subjectId: myCase.id, details: { decisionId: letter.decisionId }, ip: clientAddressOf(ctx) ?? null });
    return pdfResponse(letter);
  } catch (e) {
    if (isUnavailable(e)) return ctx.rewrite(errorPageRequest('/tillfalligt-fel', ctx.request));
    throw e;
  }
};
