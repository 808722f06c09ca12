/**
 * One request to a case as a handläggare opens or acts on it, decided: the case page
 * (src/pages/handlaggning/arenden/[reference].astro) only renders the outcome. A GET opens the case
 * (every view audited before any data is read: cases.ts openCase). A POST carries a message to the
 * citizen (case-message-post.ts) or one case action with the lock version the form was rendered
 * with (case-perform.ts): done → 303 back; refused → the page with 422 and what was typed kept;
 * someone else changed the case first or the state machine refuses → 409 with the current case;
 * the database down → 503. A case outside the reader's areas does not exist here (404).
 */
import { confirmationsOf, type Confirmation } from './citizen/confirmations.ts';
import type { Db } from '../../db/client.ts';
import { answerRows, type AnswerRow } from '../domain/forms/answers.ts';
import type { ServiceDefinition } from '../domain/forms/definition.ts';
import { isCaseAction, parseLockVersion, type CaseAction, type FormError } from '../domain/cases/forms.ts';
import { canMessageCitizen } from '../domain/cases/policies.ts';
import { CaseRuleError } from '../domain/cases/status.ts';
import { getServiceVersion } from './etjanster/registry.ts';
import { CaseNotFoundError, ConflictError, listAssignableStaff, type Colleague } from './case-actions.ts';
import { staffMessagePost, type MessagePost } from './case-message-post.ts';
import { FORM_FIELDS, performCaseAction } from './case-perform.ts';
import { loadCaseFile, openCase, type CaseFile } from './cases.ts';
import { listMessages, type Message } from './citizen/messages.ts';
import { markMessagesRead } from './akut/unread.ts';
import { isUnavailable } from './db.ts';
import { BadFormError, readForm } from './http.ts';
import { log } from './log.ts';
import { notifyIfStatusChanged } from './notifications/outbox.ts';
import { rulesForSubmission, type RulePeriod } from './rules.ts';
import type { StaffUser } from './staff/users.ts';
import type { SubmissionRecord } from './submissions.ts';

export type CaseRequest = {
  reference: string;
  method: string;
  request: Request;
  user: Pick<StaffUser, 'id' | 'roles' | 'areas'>;
  ip: string | undefined;
};

/** The form that was sent, kept as typed when the page is shown again. */
export type SentForm = { action: CaseAction; lockVersion: number; values: Record<string, string> };

export type CaseView = {
  sub: SubmissionRecord | undefined;
  file: CaseFile | undefined;
  /** The definition version the case was made against; undefined when it is not registered. */
  def: ServiceDefinition | undefined;
  versionMissing: boolean;
  rows: AnswerRow[];
  colleagues: Colleague[];
  messages: Message[];
  sent: SentForm | undefined;
  formErrors: FormError[];
  message: MessagePost | undefined;
  conflict: boolean;
  refused: CaseRuleError | undefined;
  unavailable: boolean;
  canMessage: boolean;
  /** The rule set the case was judged under (its answers and texts are shown with it). */
  rulePeriod?: RulePeriod | undefined;
  /** Who is to confirm the application with their own e-legitimation, and where each stands. */
  confirmations?: Confirmation[] | undefined;
};

export type CaseOutcome = { kind: 'redirect'; location: string } | { kind: 'badRequest' } | { kind: 'page'; status: number; view: CaseView };

export async function handleCaseRequest(req: CaseRequest, db: () => Promise<Db>): Promise<CaseOutcome> {
  const { reference, user } = req;
  const here = `/handlaggning/arenden/${encodeURIComponent(reference)}`;
  const ip = req.ip ?? null;
  const view: CaseView = { sub: undefined, file: undefined, def: undefined, versionMissing: false, rows: [], colleagues: [], messages: [], sent: undefined, formErrors: [], message: undefined, conflict: false, refused: undefined, unavailable: false, canMessage: false };

  if (req.method === 'POST') {
    // A message to the citizen is its own form; anything else is a case action. Each reads a copy,
    // so that a malformed post can still be answered with the 400 page.
    view.message = await staffMessagePost(req.request.clone(), db, user, reference, ip);
    if (view.message?.kind === 'bad') return { kind: 'badRequest' };
    if (view.message?.kind === 'done') return { kind: 'redirect', location: `${here}?meddelande=skickat#meddelanden` };
    if (view.message?.kind === 'unavailable') view.unavailable = true;
    if (!view.message) {
      const acted = await act(req, db, view);
      if (acted) return acted;
    }
  }

  if (!view.unavailable) {
    try {
      const handle = await db();
      view.sub = await openCase(handle, user, reference, ip);
      // Opening the case reads the citizen's unread messages (for the case; the page still says they were new).
      if (view.sub?.unreadMessagesSince) await markMessagesRead(handle, user, view.sub.id, ip);
      if (view.sub) [view.def, view.file, view.colleagues, view.messages, view.rulePeriod, view.confirmations] = await Promise.all([getServiceVersion(handle, view.sub.serviceId, view.sub.serviceVersion), loadCaseFile(handle, view.sub), listAssignableStaff(handle, view.sub.area), listMessages(handle, view.sub.id), rulesForSubmission(handle, view.sub), confirmationsOf(handle, [view.sub.id]).then((m) => m.get(view.sub!.id) ?? [])]);
    } catch (e) {
      if (!isUnavailable(e)) throw e;
      log('error', 'case page: database unavailable', {}, e);
      view.unavailable = true;
    }
  }

  const { sub } = view;
  if (sub) {
    // Shown with the definition version it was made against (published versions are immutable and
    // kept); without it the answers are not shown at all, rather than through the wrong questions.
    view.versionMissing = !view.def;
    if (view.def && view.rulePeriod) view.rows = answerRows(view.def, sub.answers, { today: sub.submittedAt, rules: view.rulePeriod.rules });
    else log('error', 'case page: definition version missing', { serviceId: sub.serviceId, serviceVersion: sub.serviceVersion });
    view.canMessage = canMessageCitizen(sub, view.def);
  }
  const invalid = view.formErrors.length > 0 || view.message?.kind === 'invalid';
  const status = view.unavailable ? 503 : !sub ? 404 : invalid ? 422 : view.conflict || view.refused ? 409 : view.versionMissing ? 500 : 200;
  return { kind: 'page', status, view };
}

/** A case action posted: the redirect when done, otherwise what the page shows (in `view`). */
async function act(req: CaseRequest, db: () => Promise<Db>, view: CaseView): Promise<CaseOutcome | undefined> {
  let form;
  try {
    form = await readForm(req.request.clone());
  } catch (e) {
    if (e instanceof BadFormError) return { kind: 'badRequest' };
    throw e;
  }
  const action = form.get('action');
  const lockVersion = parseLockVersion(form.get('lockVersion'));
  if (!isCaseAction(action) || lockVersion === undefined) return { kind: 'badRequest' };
  view.sent = { action, lockVersion, values: Object.fromEntries(FORM_FIELDS[action].map((f) => [f, (form.get(f) ?? '').slice(0, 20_000)])) };
  try {
    const actedAt = new Date();
    const result = await performCaseAction(await db(), req.user, action, form, { reference: req.reference, lockVersion, ip: req.ip });
    if (result.kind === 'done') {
      // The citizen is told by e-mail that something happened when the status changed.
      await notifyIfStatusChanged(db, req.reference, actedAt);
      return { kind: 'redirect', location: `/handlaggning/arenden/${encodeURIComponent(req.reference)}?klart=${action}` };
    }
    if (result.kind === 'invalid') view.formErrors = result.errors;
    // notFound: no such case for this user; the page answers 404.
  } catch (e) {
    if (e instanceof ConflictError) view.conflict = true;
    else if (e instanceof CaseRuleError) view.refused = e;
    else if (e instanceof CaseNotFoundError) {
      // Answered as the 404 below.
    } else if (isUnavailable(e)) {
      log('error', 'case action: database unavailable', { action }, e);
      view.unavailable = true;
    } else throw e;
  }
  return undefined;
}
