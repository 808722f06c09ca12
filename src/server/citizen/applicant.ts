/**
 * The logged-in applicant in an e-tjänst that requires e-legitimation. When the person applies for
 * themselves, the definition's subject personnummer is the one from the e-legitimation: filled in,
 * shown read-only, and whatever a form posts for it is replaced on the server. The name from the
 * e-legitimation is offered for the subject's name fields while they are still empty. When a
 * logged-in person applies for someone else, they are who their e-legitimation says: the
 * definition's submitter name fields are filled from it, shown read-only and replaced on the server
 * (their personnummer is recorded with the submission). Nothing here names a particular e-tjänst:
 * it reads the definition's `subject`, `onBehalf` and `anonymous`.
 */
import type { ServiceDefinition } from '../../domain/forms/definition.ts';
import type { Answers } from '../../domain/forms/journey.ts';
import type { Citizen } from './session.ts';

/** Applying for oneself: no "on behalf" choice in the definition, or it was answered "myself". */
export function appliesForSelf(def: ServiceDefinition, answers: Answers): boolean {
  if (def.anonymous && answers[def.anonymous.field] === def.anonymous.equals) return false;
  if (!def.onBehalf) return true;
  const choice = answers[def.onBehalf.field];
  return choice !== undefined && choice !== def.onBehalf.equals;
}

/** Applying for someone else: the definition's "on behalf" answer says so (and the sender is not anonymous). */
export function appliesOnBehalf(def: ServiceDefinition, answers: Answers): boolean {
  if (def.anonymous && answers[def.anonymous.field] === def.anonymous.equals) return false;
  return def.onBehalf !== undefined && answers[def.onBehalf.field] === def.onBehalf.equals;
}

/** A full name spread over one field (all of it) or two (given names, family name = the last word). */
function spreadName(fields: readonly string[], name: string): Record<string, string> {
  const words = name.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return {};
  if (fields.length === 1) return { [fields[0]!]: words.join(' ') };
  if (fields.length === 2 && words.length >= 2) return { [fields[0]!]: words.slice(0, -1).join(' '), [fields[1]!]: words[words.length - 1]! };
  return {};
}

/** The answers fixed by the e-legitimation: field name → value (empty when none applies). */
export function lockedAnswers(def: ServiceDefinition, answers: Answers, citizen: Citizen | undefined): Record<string, string> {
  if (!citizen) return {};
  // The person applying for someone else is who their e-legitimation says, whether or not the e-tjänst requires it.
  if (def.onBehalf && appliesOnBehalf(def, answers)) {
    const own = def.onBehalf.submitterPersonnummer;
    return { ...spreadName(def.onBehalf.submitterName, citizen.name), ...(own ? { [own]: citizen.personnummer } : {}) };
  }
  const field = def.subject?.personnummer;
  if (!def.requiresEid || !field || !appliesForSelf(def, answers)) return {};
  return { [field]: citizen.personnummer };
}

/** The answers with the e-legitimation's values in place (whatever was posted or stored before). */
export function withIdentity(def: ServiceDefinition, answers: Answers, citizen: Citizen | undefined): Answers {
  const locked = lockedAnswers(def, answers, citizen);
  return Object.keys(locked).length === 0 ? answers : { ...answers, ...locked };
}

/**
 * Suggested values for the subject's still empty name fields when applying for oneself: with two
 * name fields, the last word is the family name and the rest the given names.
 */
export function namePrefill(def: ServiceDefinition, answers: Answers, citizen: Citizen | undefined): Record<string, string> {
  if (!citizen || !def.requiresEid || !def.subject || !appliesForSelf(def, answers)) return {};
  const fields = def.subject.name;
  if (fields.some((f) => typeof answers[f] === 'string' && answers[f] !== '')) return {};
  return spreadName(fields, citizen.name);
}
