/**
 * Turning a completed journey into a received submission: the answers on the path taken, who the
 * matter concerns, and the idempotent insert. The page only calls this and renders the outcome.
 */
import type { ServiceDefinition } from '../domain/forms/definition.ts';
import { answersOnPath, isComplete, walk, type Answers, type JourneyContext } from '../domain/forms/journey.ts';
import { uploadsOn } from '../domain/forms/answers.ts';
import { deadlineOf, isAnonymous, isUrgent, partiesOf } from '../domain/forms/parties.ts';
import { forenkladRules } from './rules.ts';
import { getDb } from './db.ts';
import { receiveSubmission, type Received } from './submissions.ts';
import { mailLang, recipientsFor } from './notifications/outbox.ts';
import type { SubmissionLimit } from './submission-rate-limit.ts';
import { newToken, type JourneyState } from './journey-state.ts';

export function journeyContext(now: Date): JourneyContext {
  return { today: now, rules: forenkladRules() };
}

export class IncompleteJourneyError extends Error {
  constructor(serviceId: string) {
    super(`Journey of "${serviceId}" is not complete`);
    this.name = 'IncompleteJourneyError';
  }
}

export function idempotencyKey(def: ServiceDefinition, token: string): string {
  return `${def.id}:${token}`;
}

/**
 * `submitter`: the citizen logged in with e-legitimation, recorded as the submitter so that the
 * matter shows on their Mina sidor. `limit`: the per-address limit on new submissions
 * (submission-rate-limit.ts); when it is reached, SubmissionLimitedError and nothing is written.
 * The e-mail notification of receipt is queued with the submission, in the same statement, in the
 * citizen's language; later notifications of the matter follow that language.
 */
export async function submitJourney(
  def: ServiceDefinition,
  answers: Answers,
  token: string,
  now: Date,
  submitter?: { personnummer: string },
  limit?: SubmissionLimit,
  /** The language the citizen uses the portal in: the notification of receipt is written in it. */
  lang?: string,
): Promise<Received> {
  const ctx = journeyContext(now);
  if (!isComplete(def, answers, ctx)) throw new IncompleteJourneyError(def.id);
  const kept = answersOnPath(def, answers, ctx);
  const parties = partiesOf(def, kept);
  const anonymous = isAnonymous(def, kept);
  // An anonymous report stays anonymous, logged in or not.
  const submitterPersonnummer = anonymous ? null : (submitter?.personnummer ?? null);
  const db = await getDb();
  return receiveSubmission(
    db,
    {
      dueAt: deadlineOf(def, now),
      urgent: isUrgent(def, kept, ctx),
      anonymous,
      serviceId: def.id,
      serviceVersion: def.version,
      area: def.area,
      answers: kept,
      subjectPersonnummer: parties.personnummer,
      subjectName: parties.name,
      submitterName: parties.submitterName,
      submitterPersonnummer,
      onBehalf: parties.onBehalf,
      idempotencyKey: idempotencyKey(def, token),
      uploadIds: uploadsOn(def, kept, walk(def, kept, ctx).path).map((u) => u.id),
    },
    now,
    {
      ...(limit ? { limit } : {}),
      notify: { to: recipientsFor(def, kept, { anonymous, submitterPersonnummer }), template: 'submission_received', lang: mailLang(lang) },
    },
  );
}

/**
 * The token of a check-answers form as posted (the same form sent again is the same submission),
 * or the journey's own when the form carries none that is well-formed.
 */
export function postedToken(posted: string | null, journeyToken: string): string {
  return posted !== null && /^[A-Za-z0-9_-]{16,64}$/.test(posted) ? posted : journeyToken;
}

/**
 * The journey once sent: its answers gone, a new token for anything sent next, and the receipt
 * the confirmation shows; with the confirmation page's path.
 */
export function sentJourney(def: ServiceDefinition, state: JourneyState, received: Received, token: string): { state: JourneyState; confirmation: string } {
  const parties = partiesOf(def, state.answers);
  const onBehalf = parties.onBehalf ? { submitter: parties.submitterName ?? '', subject: parties.name ?? '' } : undefined;
  const confirmation = def.pages.find((p) => p.kind === 'confirmation')!;
  return {
    state: { ...state, answers: {}, token: newToken(), receipt: { reference: received.reference, submittedAt: received.submittedAt.toISOString(), id: received.id, token: idempotencyKey(def, token), onBehalf } },
    confirmation: `/e-tjanster/${def.id}/${confirmation.id}`,
  };
}
