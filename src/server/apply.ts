/**
 * Turning a completed journey into a received submission: the answers on the path taken, who the
 * matter concerns, and the idempotent insert. The page only calls this and renders the outcome.
 */
import type { ServiceDefinition } from '../domain/forms/definition.ts';
import { answersOnPath, isComplete, type Answers, type JourneyContext } from '../domain/forms/journey.ts';
import { forenkladRules } from './rules.ts';
import { getDb } from './db.ts';
import { receiveSubmission, type Received } from './submissions.ts';

export function journeyContext(now: Date): JourneyContext {
  return { today: now, rules: forenkladRules() };
}

export class IncompleteJourneyError extends Error {
  constructor(serviceId: string) {
    super(`Journey of "${serviceId}" is not complete`);
    this.name = 'IncompleteJourneyError';
  }
}

export function subjectOf(def: ServiceDefinition, answers: Answers): { personnummer: string | null; name: string | null } {
  if (!def.subject) return { personnummer: null, name: null };
  const pnr = answers[def.subject.personnummer];
  const name = def.subject.name.map((n) => answers[n]).filter((v): v is string => typeof v === 'string' && v !== '').join(' ');
  return { personnummer: typeof pnr === 'string' ? pnr : null, name: name === '' ? null : name };
}

export async function submitJourney(def: ServiceDefinition, answers: Answers, token: string, now: Date): Promise<Received> {
  const ctx = journeyContext(now);
  if (!isComplete(def, answers, ctx)) throw new IncompleteJourneyError(def.id);
  const kept = answersOnPath(def, answers, ctx);
  const subject = subjectOf(def, kept);
  return receiveSubmission(await getDb(), {
    serviceId: def.id,
    serviceVersion: def.version,
    area: def.area,
    answers: kept,
    subjectPersonnummer: subject.personnummer,
    subjectName: subject.name,
    submitterName: null,
    onBehalf: false,
    idempotencyKey: `${def.id}:${token}`,
  }, now);
}
