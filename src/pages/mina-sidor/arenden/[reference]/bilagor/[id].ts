/**
 * A file attached to a message of one of the citizen's cases. Checked by personnummer like the
 * case itself: anyone else's file, or an application's own attachment, does not exist (404).
 * Every download is audited.
 */
import type { APIRoute } from 'astro';
import { attachmentResponse } from '../../../../../server/attachment-response.ts';
import { audit } from '../../../../../server/audit.ts';
import { getDb, isUnavailable } from '../../../../../server/db.ts';
import { errorPageRequest } from '../../../../../server/http.ts';
import { clientAddressOf } from '../../../../../server/staff/client-address.ts';
import { citizenActorId } from '../../../../../server/citizen/actor.ts';
import { findMyCase } from '../../../../../server/citizen/my-cases.ts';
import { findMessageFile } from '../../../../../server/citizen/messages.ts';

export const GET: APIRoute = async (ctx) => {
  const me = ctx.locals.citizen?.citizen;
  if (!me) return ctx.redirect('/logga-in?tillbaka=/mina-sidor', 303);
  try {
    const db = await getDb();
    const myCase = await findMyCase(db, me.personnummer, ctx.params.reference ?? '');
    const file = myCase ? await findMessageFile(db, myCase.id, ctx.params.id ?? '') : undefined;
    if (!myCase || !file) return ctx.rewrite(errorPageRequest('/404', ctx.request));
    await audit(db, { actorType: 'citizen', actorId: citizenActorId(me.personnummer), action: 'citizen.attachment.downloaded', subjectType: 'submission', subjectId: myCase.id, details: { uploadId: file.id }, ip: clientAddressOf(ctx) ?? null });
    return attachmentResponse(file);
  } catch (e) {
    if (isUnavailable(e)) return ctx.rewrite(errorPageRequest('/tillfalligt-fel', ctx.request));
    throw e;
  }
};
