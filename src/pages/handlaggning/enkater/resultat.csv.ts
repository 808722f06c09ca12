/**
 * The results of one survey and year as CSV, for administrators and analytiker (anyone else: 404):
 * every scope × every question, with the same cells suppressed as on screen. Audited as an export.
 */
import { csvResponse } from '../../../server/csv.ts';
import type { APIRoute } from 'astro';
import { getSurvey } from '../../../surveys/index.ts';
import { audit } from '../../../server/audit.ts';
import { getDb, isUnavailable } from '../../../server/db.ts';
import { log } from '../../../server/log.ts';
import { canFollowIndicators } from '../../../server/staff/authz.ts';
import { clientAddressOf } from '../../../server/staff/client-address.ts';
import { resultsCsv } from '../../../server/surveys/csv.ts';
import { indicatorTargetsFor, loadSurveyResults, surveyYears } from '../../../server/surveys/results.ts';
import { translator } from '../../../i18n/index.ts';

export const GET: APIRoute = async (ctx) => {
  const staff = ctx.locals.staff;
  if (!staff || !canFollowIndicators(staff.user)) return ctx.rewrite('/404');
  const def = getSurvey(ctx.url.searchParams.get('enkat')) ?? getSurvey('hemtjanst')!;
  // The file is in Swedish, as every hand-over file of the portal.
  const t = translator('sv');
  try {
    const db = await getDb();
    const years = await surveyYears(db, def.id);
    const asked = Number(ctx.url.searchParams.get('ar'));
    const year = years.includes(asked) ? asked : years[0] ?? new Date().getFullYear();
    const results = await loadSurveyResults(db, def, year);
    const targets = await indicatorTargetsFor(db, year);
    const body = resultsCsv(def, year, results, {
      question: (id) => t(`survey-${def.id}:questions.${id}`),
      area: (a) => t(`staff-surveys:areas.${a}`, { defaultValue: a }),
      tooFew: t('staff-surveys:results.tooFew'),
    }, targets);
    await audit(db, { actorType: 'staff', actorId: staff.user.id, action: 'survey.results.exported', subjectType: 'survey', subjectId: def.id, details: { year }, ip: clientAddressOf(ctx) });
    return csvResponse(body, `enkatresultat-${def.id}-${year}.csv`);
  } catch (e) {
    if (!isUnavailable(e)) throw e;
    log('error', 'survey results csv: database unavailable', {}, e);
    return ctx.rewrite('/tillfalligt-fel');
  }
};
