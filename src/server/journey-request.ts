/**
 * One request to a page of an e-tjänst, decided: the journey's use case. It takes the request's
 * answers (the journey in the browser's sealed cookie, and what was posted) and returns an
 * outcome that the page (src/pages/e-tjanster/[service]/[page].astro) only renders: moved on (a
 * 303 to the next page, the page the answers lead to, a login or the confirmation), a page to show
 * (with its errors, 422; past the address's limit, 429; our database unavailable, 503), or not
 * here at all (404, or the retired page). The journey's path is walked once for the answers as
 * they were and once for the answers as they now are. Framework-free: the cookies are any jar
 * with get/has/set/delete, the form a parsed form.
 */
import type { Lang } from '../i18n/index.ts';
import type { TFunction } from 'i18next';
import type { PageDef, QuestionPage } from '../domain/forms/definition.ts';
import { answersOn, findPage, nextPageId, walk, type Answers } from '../domain/forms/journey.ts';
import { answerRowsOn, pageValues, readPage, validatePage, type AnswerRow, type FormInput } from '../domain/forms/answers.ts';
import type { FieldError, FormValues } from '../domain/forms/fields/index.ts';
import type { Db } from '../../db/client.ts';
import { getService, getServiceVersion, type Service } from './etjanster/registry.ts';
import { isLive } from './catalog.ts';
import { readLifecycle } from './lifecycle.ts';
import { rulesInForce, type RulePeriod } from './rules.ts';
import { isUnavailable } from './db.ts';
import { log } from './log.ts';
import { clearJourney, loadJourney, saveJourney, type JourneyState, type Receipt } from './journey-state.ts';
import type { CookieJar } from './sealed-cookie.ts';
import { idempotencyKey, journeyContext, postedToken, sentJourney, submissionOf, submitJourney } from './apply.ts';
import { submissionLimit } from './submission-rate-limit.ts';
import { MissingUploadError, SubmissionLimitedError } from './submissions.ts';
import { takeUploads } from './uploads.ts';
import { lockedAnswers, namePrefill, withIdentity } from './citizen/applicant.ts';
import { carriedOver, continuedFrom } from '../domain/forms/carry-over.ts';
import { auditContinued, previousApplication } from './citizen/previous-application.ts';
import type { Citizen } from './citizen/session.ts';
import { deleteDraftFor, saveDraft } from './citizen/drafts.ts';
import { receiptPdf } from './receipts.ts';
import { ACTION_INPUT, applyRepeatAction, repeatAction, type RepeatOutcome } from '../domain/forms/repeat-items.ts';
import { config } from './config.ts';
import { keptPrefills, NOTHING_PREFILLED, prefillFields, type PrefillSource, type Prefilled } from '../domain/forms/prefill.ts';
import { prefillApplies, prefillFor } from './citizen/prefill.ts';
import { populationRegister } from './population-register/index.ts';
import type { PopulationRegister } from './population-register/register.ts';
import { ratingGrant } from './surveys/rating-grant.ts';

export type JourneyRequest = {
  serviceId: string | undefined;
  pageId: string | undefined;
  method: string;
  /** The posted form, read on a POST; undefined when its body could not be read as a form. */
  form?: (FormInput & { raw: FormData }) | undefined;
  /** `?andra=1`: changing an answer from check-answers, which is where the citizen returns. */
  changing: boolean;
  /**
   * `?fran=<e-tjänst>`: come from that e-tjänst's exit page (a förenklad one's age rule, say): its
   * answers in this browser are carried over (src/domain/forms/carry-over.ts) into a journey not begun.
   */
  from?: string | undefined;
  /** `?fortsatt=1`: fortsatt ansökan, a journey not begun starts from the applicant's previous application. */
  continuing?: boolean | undefined;
  cookies: CookieJar;
  citizen: Citizen | undefined;
  /** The logged-in person's session (its id, not its token): recorded with a population register lookup. */
  citizenSessionId?: string | undefined;
  clientAddress: string | undefined;
  /** The reader's language and texts: the notification of receipt and the receipt PDF are in it. */
  reader: { lang: Lang; t: TFunction; textParams: Record<string, string | number> };
};

/**
 * Where the logged-in person's own values are looked up (src/server/population-register/): the
 * register (undefined: none), this municipality's kommunkod and how long a lookup may take.
 */
export type OwnValuesSource = { register: PopulationRegister | undefined; municipalityCode: string; timeoutMs: number };

/**
 * `rules`: the rule-set period in force now, when the caller has read it already (else read here).
 * `own`: the population register and settings (else the configured ones).
 */
export type JourneyDeps = { db: () => Promise<Db>; submissionsPerHour: number; now: Date; rules?: RulePeriod | undefined; own?: OwnValuesSource | undefined };

function configuredOwnValues(): OwnValuesSource {
  const cfg = config();
  return { register: populationRegister(), municipalityCode: cfg.MUNICIPALITY_CODE, timeoutMs: cfg.POPULATION_REGISTER_TIMEOUT_MS };
}

/** The confirmation's receipt, offered once: the PDF (absent when the database could not be read now) and the right to rate. */
export type Offered = { receipt: Receipt; pdf: Uint8Array | undefined; ratingGrant: string };

export type JourneyView = {
  def: Service;
  page: PageDef;
  /** The answers as they now are. */
  answers: Answers;
  token: string;
  /** The pages the answers lead along (the back link); empty on the confirmation. */
  path: string[];
  /** A question page's inputs (as posted, or from the answers) and the fields fixed by the e-legitimation. */
  values: FormValues;
  locked: Record<string, string>;
  errors: FieldError[];
  rows: AnswerRow[];
  offered?: Offered | undefined;
  limitedUntil?: Date | undefined;
  /** Fortsatt ansökan: the previous application's reference, while the answers come from it. */
  startedFrom?: string | undefined;
  /** A repeating group's item just added (to focus) or removed (to say so). */
  repeat?: RepeatOutcome | undefined;
  /** The fields of a question page showing a value prefilled about the person, and where it came from. */
  prefilledFrom?: Record<string, PrefillSource> | undefined;
};

export type JourneyOutcome =
  | { kind: 'notFound'; path: string }
  | { kind: 'badForm' }
  | { kind: 'moved'; location: string }
  | { kind: 'sent'; location: string }
  | { kind: 'show'; view: JourneyView }
  | { kind: 'invalid'; view: JourneyView }
  | { kind: 'limited'; view: JourneyView; until: Date }
  | { kind: 'unavailable'; view: JourneyView };

/** The e-tjänst and page asked for, or where the request is answered instead (404, or the retired page). */
async function resolve(req: JourneyRequest, deps: JourneyDeps): Promise<{ def: Service; page: PageDef; period?: RulePeriod } | { elsewhere: string }> {
  // Which version is current is the database's to say (a publish shows at once on every instance).
  const def = await getService(await deps.db(), req.serviceId);
  if (!def) return { elsewhere: '/404' };
  const page = req.pageId ? findPage(def, req.pageId) : undefined;
  // The confirmation shows what this browser just sent: it needs no live e-tjänst.
  if (page?.kind === 'confirmation') return { def, page };
  const db = await deps.db();
  const lifecycle = await readLifecycle(db);
  const period = deps.rules ?? (await rulesInForce(db, deps.now));
  if (!isLive(def, lifecycle, period.rules)) return { elsewhere: lifecycle.get(def.id)?.state === 'avpublicerad' ? `/avpublicerad/${def.id}` : '/404' };
  return page ? { def, page, period } : { elsewhere: '/404' };
}

export async function handleJourneyRequest(req: JourneyRequest, given: JourneyDeps): Promise<JourneyOutcome> {
  const found = await resolve(req, given);
  if ('elsewhere' in found) return { kind: 'notFound', path: found.elsewhere };
  const { def, page } = found;
  // The whole request is judged under the one rule set read for it (and recorded if it sends).
  const deps = { ...given, rules: found.period };
  const now = deps.now;
  const base = `/e-tjanster/${def.id}`;
  // E-legitimation required by the definition: the citizen logs in first and comes back here.
  const from = req.from && req.method === 'GET' && page.kind !== 'confirmation' ? req.from : undefined;
  if (def.requiresEid && !req.citizen && page.kind !== 'confirmation') {
    const back = `${base}/${page.id}${from ? `?fran=${encodeURIComponent(from)}` : ''}`;
    return { kind: 'moved', location: `/logga-in?tillbaka=${encodeURIComponent(back)}` };
  }

  const state = await loadJourney(req.cookies, def, now.getTime());
  if (page.kind === 'confirmation') return confirm(req, deps, def, page, state);
  if (from) return startFrom(req, deps, def, state, from);
  if (req.continuing && req.method === 'GET') return continueFrom(req, deps, def, state);

  // When applying for oneself, the personnummer is the e-legitimation's, whatever was posted or stored.
  const answers = withIdentity(def, state.answers, req.citizen);
  const ctx = journeyContext(now, rulesOf(deps));
  const { path, current } = walk(def, answers, ctx);
  // No skipping ahead by URL: only pages on the path the answers lead along may be visited.
  if (!path.includes(page.id)) return { kind: 'moved', location: `${base}/${current.id}` };
  const view: JourneyView = { def, page, answers, token: state.token, path, values: {}, locked: {}, errors: [], rows: [], startedFrom: state.startedFrom };
  if (page.kind === 'question') {
    view.locked = onPage(page, lockedAnswers(def, answers, req.citizen));
    // The person's own values (folkbokföringen, the e-legitimation), then answers carried over
    // from another e-tjänst, fill a page's inputs until it is answered.
    const own = await ownValues(req, deps, def, page, state, answers);
    const shown = { ...own?.values, ...state.prefill, ...answers };
    view.values = { ...pageValues(page, shown), ...onPage(page, namePrefill(def, shown, req.citizen)), ...view.locked };
    view.prefilledFrom = Object.fromEntries(Object.entries(keptPrefills(own, shown)).filter(([k]) => page.fields.some((f) => f.name === k) && !view.locked[k]));
  }
  if (page.kind === 'checkAnswers') view.rows = answerRowsOn(def, answers, path);
  if (req.method !== 'POST' || (page.kind !== 'question' && page.kind !== 'checkAnswers')) return { kind: 'show', view };
  if (!req.form) return { kind: 'badForm' };
  return page.kind === 'question' ? answer(req, deps, def, page, { ...state, answers }, view, req.form) : send(req, deps, def, { ...state, answers }, view, req.form);
}

/**
 * The logged-in person's own values for this journey (src/server/citizen/prefill.ts), when they
 * may be offered now: looked up once, when a page first shows a field that takes one, and kept in
 * the journey (for that person only). A lookup that fails in any way gives nothing.
 */
async function ownValues(req: JourneyRequest, deps: JourneyDeps, def: Service, page: QuestionPage, state: JourneyState, answers: Answers): Promise<Prefilled | undefined> {
  const citizen = req.citizen;
  if (!prefillApplies(def, answers, citizen)) return undefined;
  if (state.own?.for === citizen.personnummer) return state.own;
  if (req.method !== 'GET' || !prefillFields({ pages: [page] }).some((f) => !Object.hasOwn(answers, f.name))) return undefined;
  const source = deps.own ?? configuredOwnValues();
  let found: Prefilled = NOTHING_PREFILLED;
  try {
    const ctx = { db: await deps.db(), sessionId: req.citizenSessionId, ip: req.clientAddress, timeoutMs: source.timeoutMs };
    found = await prefillFor(def, citizen, source.register, source.municipalityCode, ctx);
  } catch (e) {
    log('warn', 'own values not looked up', { serviceId: def.id }, e);
  }
  state.own = { ...found, for: citizen.personnummer };
  await saveJourney(req.cookies, def, state, deps.now.getTime());
  return found;
}

/**
 * Coming from another e-tjänst's page with its answers in this browser: a journey not yet begun
 * shows what they carry over in its pages' inputs, to be confirmed page by page; one already begun
 * is left as it is. Either way the citizen is
 * sent to where the answers lead, without the parameter (a reload carries nothing again).
 */
async function startFrom(req: JourneyRequest, deps: JourneyDeps, def: Service, state: JourneyState, fromId: string): Promise<JourneyOutcome> {
  const base = `/e-tjanster/${def.id}`;
  const source = fromId !== def.id && Object.keys(state.answers).length === 0 ? await getService(await deps.db(), fromId) : undefined;
  if (source) {
    const before = await loadJourney(req.cookies, source, deps.now.getTime());
    const prefill = withIdentity(def, carriedOver(source, before.answers, def), req.citizen);
    if (Object.keys(prefill).length > 0) await saveJourney(req.cookies, def, { ...state, prefill }, deps.now.getTime());
  }
  // The first page, to see (and change) the first answers carried over.
  return { kind: 'moved', location: `${base}/${def.pages[0]!.id}` };
}

/**
 * Fortsatt ansökan: a journey not yet begun starts from the logged-in applicant's previous
 * application (the definition's `continuation.keep`), remembering which one it was so the pages can
 * say so. Without one (or a journey already begun) nothing changes. Then to the first page.
 */
async function continueFrom(req: JourneyRequest, deps: JourneyDeps, def: Service, state: JourneyState): Promise<JourneyOutcome> {
  const first = `/e-tjanster/${def.id}/${def.pages[0]!.id}`;
  if (!req.citizen || !def.continuation || Object.keys(state.answers).length > 0) return { kind: 'moved', location: first };
  try {
    const db = await deps.db();
    const previous = await previousApplication(db, req.citizen.personnummer, def.id);
    const sentUnder = previous ? await getServiceVersion(db, def.id, previous.serviceVersion) : undefined;
    if (previous && sentUnder) {
      const answers = withIdentity(def, continuedFrom(sentUnder, previous.answers, def), req.citizen);
      await auditContinued(db, req.citizen.personnummer, previous, def.id, req.clientAddress);
      await saveJourney(req.cookies, def, { ...state, answers, startedFrom: previous.reference }, deps.now.getTime());
    }
  } catch (e) {
    // The application is begun afresh rather than not at all.
    log('error', 'previous application not read', { serviceId: def.id }, e);
  }
  return { kind: 'moved', location: first };
}

/** The period read for this request (every page but the confirmation has one). */
function periodOf(deps: JourneyDeps): RulePeriod {
  if (!deps.rules) throw new Error('No rule-set period read for this request');
  return deps.rules;
}

const rulesOf = (deps: JourneyDeps) => periodOf(deps).rules;

/** Only the entries for fields of this page. */
function onPage(page: QuestionPage, o: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => page.fields.some((f) => f.name === k)));
}

/** A question page posted: saved as a draft, refused with its errors, or answered and moved on. */
async function answer(req: JourneyRequest, deps: JourneyDeps, def: Service, page: QuestionPage, state: JourneyState, view: JourneyView, form: FormInput & { raw: FormData }): Promise<JourneyOutcome> {
  const base = `/e-tjanster/${def.id}`;
  const ctx = journeyContext(deps.now, rulesOf(deps));
  view.values = { ...readPage(page, form), ...view.locked };
  // What is shown now is what was posted, whatever was prefilled.
  view.prefilledFrom = {};
  try {
    const uploader = { personnummer: req.citizen?.personnummer, address: req.clientAddress };
    Object.assign(view.values, await takeUploads(page, form.raw, { db: deps.db, journeyKey: idempotencyKey(def, state.token), serviceId: def.id, uploader }, state.answers));
  } catch (e) {
    log('error', 'upload failed', { serviceId: def.id }, e);
    return { kind: 'unavailable', view };
  }
  // "Lägg till" or "Ta bort" in a repeating group: the page again, as typed, one item more or fewer; nothing validated or stored.
  const action = repeatAction(page, form.get(ACTION_INPUT));
  if (action) {
    const changed = applyRepeatAction(page, view.values, action);
    return { kind: 'show', view: { ...view, values: changed.values, repeat: changed.outcome } };
  }
  const result = validatePage(page, view.values, ctx);
  if (req.citizen && form.get('spara') === '1') {
    // Saved as a draft on Mina sidor: the answers so far, with this page's if they are complete.
    const merged = result.ok ? { ...state.answers, ...result.answers } : state.answers;
    try {
      await saveDraft(await deps.db(), req.citizen.personnummer, { serviceId: def.id, serviceVersion: def.version, serviceHash: def.hash, answers: answersOn(def, merged, walk(def, merged, ctx).path), pageId: page.id }, deps.now);
    } catch (e) {
      log('error', 'draft not saved', { serviceId: def.id }, e);
      return { kind: 'unavailable', view };
    }
    clearJourney(req.cookies, def.id);
    return { kind: 'moved', location: `/mina-sidor?utkast=${result.ok ? 'sparat' : 'sparat-utan-sidan'}` };
  }
  if (!result.ok) return { kind: 'invalid', view: { ...view, errors: result.errors } };
  const merged = { ...state.answers, ...result.answers };
  const after = walk(def, merged, ctx);
  await saveJourney(req.cookies, def, { ...state, answers: answersOn(def, merged, after.path), receipt: undefined }, deps.now.getTime());
  if (req.changing && after.current.kind === 'checkAnswers') return { kind: 'moved', location: `${base}/${after.current.id}` };
  return { kind: 'moved', location: `${base}/${nextPageId(def, page, merged, ctx)}${req.changing ? '?andra=1' : ''}` };
}

/** Check-answers posted: the journey sent (the same form again is the same submission), or why not. */
async function send(req: JourneyRequest, deps: JourneyDeps, def: Service, state: JourneyState, view: JourneyView, form: FormInput): Promise<JourneyOutcome> {
  const base = `/e-tjanster/${def.id}`;
  // The token comes from the form, so a resubmit of the same page is the same submission.
  const token = postedToken(form.get('token'), state.token);
  const kept = answersOn(def, state.answers, view.path);
  try {
    const db = await deps.db();
    // Which answers are sent as they were prefilled about the person (and from where).
    const own = prefillApplies(def, kept, req.citizen) && state.own?.for === req.citizen.personnummer ? keptPrefills(state.own, kept) : {};
    const received = await submitJourney(db, def, { ...submissionOf(def, kept, view.path, token, deps.now, periodOf(deps), req.citizen), prefilled: own }, deps.now, {
      limit: submissionLimit(req.clientAddress, deps.submissionsPerHour, deps.now),
      lang: req.reader.lang,
    });
    if (req.citizen) await deleteDraftFor(db, req.citizen.personnummer, def.id).catch((e: unknown) => log('warn', 'draft not removed after sending', { serviceId: def.id }, e));
    const sent = sentJourney(def, state, received, token);
    await saveJourney(req.cookies, def, sent.state, deps.now.getTime());
    return { kind: 'sent', location: sent.confirmation };
  } catch (e) {
    // Nothing was written (one transaction); the answers stay in the citizen's journey.
    if (e instanceof SubmissionLimitedError) return { kind: 'limited', view: { ...view, limitedUntil: e.until }, until: e.until };
    if (e instanceof MissingUploadError) {
      // An attachment is gone (removed after too long): ask for it again rather than lose it.
      const answers = Object.fromEntries(Object.entries(state.answers).filter(([, v]) => !(v && typeof v === 'object' && 'id' in v && e.uploadIds.includes(String(v.id)))));
      await saveJourney(req.cookies, def, { ...state, answers }, deps.now.getTime());
      return { kind: 'moved', location: `${base}/${walk(def, answers, journeyContext(deps.now, rulesOf(deps))).current.id}` };
    }
    log('error', 'submission failed', { serviceId: def.id }, e);
    return { kind: 'unavailable', view };
  }
}

/**
 * The confirmation, shown once: the receipt leaves the browser's journey as the page is shown (a
 * reload, or the next person at the same computer, finds nothing), with its PDF offered in the
 * page itself rather than at an address that could be fetched again.
 */
async function confirm(req: JourneyRequest, deps: JourneyDeps, def: Service, page: PageDef, state: JourneyState): Promise<JourneyOutcome> {
  const { receipt } = state;
  if (!receipt) return { kind: 'moved', location: `/e-tjanster/${def.id}` };
  let pdf: Uint8Array | undefined;
  try {
    pdf = (await receiptPdf(await deps.db(), receipt, req.reader))?.pdf;
  } catch (e) {
    // The submission is received whatever happens to its receipt: the confirmation is shown, and
    // says the receipt cannot be offered now.
    if (isUnavailable(e)) log('warn', 'receipt PDF not made: database unavailable', { serviceId: def.id }, e);
    else log('error', 'receipt PDF not made', { serviceId: def.id }, e);
  }
  if (Object.keys(state.answers).length === 0) clearJourney(req.cookies, def.id);
  else await saveJourney(req.cookies, def, { ...state, receipt: undefined }, deps.now.getTime());
  const offered: Offered = { receipt, pdf, ratingGrant: await ratingGrant({ serviceId: def.id, submissionId: receipt.id }) };
  // The answers are gone; the one the texts vary with is kept, so "personen" stays "personen" here too.
  const answers = def.textContext && receipt.textContext !== undefined ? { [def.textContext]: receipt.textContext } : {};
  return { kind: 'show', view: { def, page, answers, token: state.token, path: [], values: {}, locked: {}, errors: [], rows: [], offered } };
}
