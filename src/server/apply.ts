/**
 * Turning a completed journey into a received submission: the answers on the path taken, who the
 * submission concerns and how soon it is due (domain/forms/parties.ts), and the idempotent receipt
 * (submissions.ts). Used by the journey's use case (journey-request.ts).
 */
import type { ServiceDefinition } from '../domain/forms/definition.ts';
import type { Answers, JourneyContext } from '../domain/forms/journey.ts';
import { uploadsOn } from '../domain/forms/answers.ts';
import { confirmationOf, deadlineOf, isAnonymous, isUrgent, partiesOf } from '../domain/forms/parties.ts';
import type { Db } from '../../db/client.ts';
import type { ForenkladRules } from '../domain/rules/forenklad.ts';
import type { RulePeriod } from './rules.ts';
import { receiveSubmission, type NewSubmission, type Received } from './submissions.ts';
import { mailLang, recipientsFor } from './notifications/outbox.ts';
import { alertTargets } from './akut/alerts.ts';
import { config } from './config.ts';
import type { SubmissionLimit } from './submission-rate-limit.ts';
import { newToken, type JourneyState } from './journey-state.ts';

/** What a journey is judged by: the instant, and the rule set in force then (src/server/rules.ts). */
export function journeyContext(now: Date, rules: ForenkladRules): JourneyContext {
  return { today: now, rules };
}

export function idempotencyKey(def: ServiceDefinition, token: string): string {
  return `${def.id}:${token}`;
}

/**
 * The submission of a completed journey. `kept`: the answers on the path taken (`path`, which ends
 * at check-answers); `submitter`: the citizen logged in with e-legitimation, recorded so that the
 * submission shows on their Mina sidor (never for an anonymous report).
 */
export function submissionOf(def: ServiceDefinition & { hash?: string }, kept: Answers, path: readonly string[], token: string, now: Date, period: RulePeriod, submitter?: { personnummer: string }): NewSubmission {
  const parties = partiesOf(def, kept);
  const anonymous = isAnonymous(def, kept);
  return {
    serviceId: def.id,
    serviceVersion: def.version,
    serviceHash: def.hash ?? null,
    area: def.area,
    answers: kept,
    subjectPersonnummer: parties.personnummer,
    subjectName: parties.name,
    submitterName: parties.submitterName,
    submitterPersonnummer: anonymous ? null : (submitter?.personnummer ?? null),
    onBehalf: parties.onBehalf,
    anonymous,
    urgent: isUrgent(def, kept, journeyContext(now, period.rules)),
    dueAt: deadlineOf(def, now),
    idempotencyKey: idempotencyKey(def, token),
    uploadIds: uploadsOn(def, kept, path).map((u) => u.id),
    rulePeriodId: period.id,
    confirmation: confirmationOf(def, kept, journeyContext(now, period.rules)),
  };
}

/**
 * Receives the submission (see submissionOf) under the address's limit (SubmissionLimitedError
 * past it, nothing written), with the notification of receipt queued in the same transaction, in
 * the language the citizen uses the portal in, and for an akut report outside office hours the
 * socialjour's alert (akut/alerts.ts).
 */
export async function submitJourney(
  db: Db,
  def: ServiceDefinition,
  sub: NewSubmission,
  now: Date,
  opts: { limit?: SubmissionLimit | undefined; lang?: string | undefined } = {},
): Promise<Received> {
  const to = recipientsFor(def, sub.answers, { anonymous: sub.anonymous ?? false, submitterPersonnummer: sub.submitterPersonnummer ?? null });
  const alert = alertTargets(config(), sub.urgent ?? false, now);
  // The language the matter is sent in: its beslutsbrev is written in it.
  if (opts.lang && sub.language === undefined) sub = { ...sub, language: opts.lang };
  return receiveSubmission(db, sub, now, { limit: opts.limit, notify: { to, template: 'submission_received', lang: mailLang(opts.lang) }, alert });
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
  const context = def.textContext ? state.answers[def.textContext] : undefined;
  const textContext = typeof context === 'string' ? context : undefined;
  return {
    state: { ...state, answers: {}, prefill: undefined, own: undefined, startedFrom: undefined, token: newToken(), receipt: { reference: received.reference, submittedAt: received.submittedAt.toISOString(), id: received.id, token: idempotencyKey(def, token), onBehalf, textContext } },
    confirmation: `/e-tjanster/${def.id}/${confirmation.id}`,
  };
}
