/**
 * A draft's two actions from Mina sidor (POST): continue (its answers become the journey in
 * progress and the citizen goes to the first page still to answer) or remove. Anyone else's
 * draft, or one that has expired, does not exist (404).
 */
import type { APIRoute } from 'astro';
import { walk } from '../../../domain/forms/journey.ts';
import { journeyContext } from '../../../server/apply.ts';
import { getLiveService } from '../../../server/catalog.ts';
import { rulesInForce } from '../../../server/rules.ts';
import { getDb, isUnavailable } from '../../../server/db.ts';
import { loadJourney, saveJourney } from '../../../server/journey-state.ts';
import { deleteDraft, findDraft } from '../../../server/citizen/drafts.ts';
import { withIdentity } from '../../../server/citizen/applicant.ts';
import { errorPageRequest, readForm } from '../../../server/http.ts';
import { audit } from '../../../server/audit.ts';
import { citizenActorId } from '../../../server/citizen/actor.ts';

export const POST: APIRoute = async ({ params, request, locals, cookies, redirect, rewrite }) => {
  const me = locals.citizen?.citizen;
  if (!me) return redirect('/logga-in?tillbaka=/mina-sidor', 303);
  const id = params.id ?? '';
  let action: string | null = null;
  try {
    action = (await readForm(request)).get('action');
  } catch {
    return rewrite(errorPageRequest('/400', request));
  }
  try {
    const db = await getDb();
    const draft = await findDraft(db, me.personnummer, id);
    if (!draft) return rewrite(errorPageRequest('/404', request));
    if (action === 'ta-bort') {
      await deleteDraft(db, me.personnummer, id);
      await audit(db, { actorType: 'citizen', actorId: citizenActorId(me.personnummer), action: 'citizen.draft.deleted', subjectType: 'draft', subjectId: id, details: { serviceId: draft.serviceId } });
      return redirect('/mina-sidor?utkast=borttaget', 303);
    }
    if (action !== 'fortsatt') return rewrite(errorPageRequest('/400', request));
    const now = new Date();
    const period = await rulesInForce(db, now);
    const def = await getLiveService(draft.serviceId, period.rules);
    // A draft made with another version of the e-tjänst cannot be continued with this one.
    if (!def || def.version !== draft.serviceVersion) return rewrite(errorPageRequest('/404', request));
    const fresh = await loadJourney(cookies, def, now.getTime());
    const answers = withIdentity(def, draft.answers, me);
    await saveJourney(cookies, def, { ...fresh, answers, receipt: undefined }, now.getTime());
    const at = walk(def, answers, journeyContext(now, period.rules)).current.id;
    return redirect(`/e-tjanster/${def.id}/${at}`, 303);
  } catch (e) {
    if (isUnavailable(e)) return rewrite(errorPageRequest('/tillfalligt-fel', request));
    throw e;
  }
};
