/**
 * What a set of answers makes of a submission, apart from the answers themselves: whom it concerns and
 * who sent it when that is someone else ("X för Y"), whether the sender stays anonymous, and how
 * soon it must be handled (the deadline from receipt, and whether someone is in immediate danger).
 * Pure: the submission, the receipt and an e-tjänst document's scenarios all read them from here.
 */
import type { ServiceDefinition } from './definition.ts';
import { evaluate, type Answers, type JourneyContext } from './conditions.ts';

export type Parties = { personnummer: string | null; name: string | null; onBehalf: boolean; submitterName: string | null };

const joinNames = (answers: Answers, fields: string[]): string | null => {
  const name = fields.map((n) => answers[n]).filter((v): v is string => typeof v === 'string' && v !== '').join(' ');
  return name === '' ? null : name;
};

/** The sender chose to stay anonymous (the definition names the answer that says so). */
export function isAnonymous(def: Pick<ServiceDefinition, 'anonymous'>, answers: Answers): boolean {
  return def.anonymous !== undefined && answers[def.anonymous.field] === def.anonymous.equals;
}

/** Whom the submission concerns, and who submitted it when that is someone else ("X för Y"). */
export function partiesOf(def: Pick<ServiceDefinition, 'subject' | 'onBehalf' | 'anonymous'>, answers: Answers): Parties {
  const pnr = def.subject?.personnummer ? answers[def.subject.personnummer] : undefined;
  const onBehalf = def.onBehalf !== undefined && answers[def.onBehalf.field] === def.onBehalf.equals;
  // An anonymous reporter is never named, whatever else the answers hold.
  const anonymous = isAnonymous(def, answers);
  return {
    personnummer: typeof pnr === 'string' ? pnr : null,
    name: def.subject ? joinNames(answers, def.subject.name) : null,
    onBehalf: onBehalf && !anonymous,
    submitterName: onBehalf && !anonymous && def.onBehalf ? joinNames(answers, def.onBehalf.submitterName) : null,
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When the case must be handled by, counted from its receipt (e.g. förhandsbedömning within 14 days); null when no deadline applies. */
export function deadlineOf(def: Pick<ServiceDefinition, 'handling'>, receivedAt: Date): Date | null {
  const { dueDays } = def.handling;
  return dueDays ? new Date(receivedAt.getTime() + dueDays * DAY_MS) : null;
}

/** Whether the answers say someone is in immediate danger (the definition's urgency rule). */
export function isUrgent(def: Pick<ServiceDefinition, 'handling'>, answers: Answers, ctx: JourneyContext): boolean {
  const { urgentWhen } = def.handling;
  return urgentWhen ? evaluate(urgentWhen, answers, ctx) : false;
}

/** Someone who must confirm the submission with their own e-legitimation ("requires confirmation by …"). */
export type ConfirmationRequest = { role: 'medsokande' | 'vardnadshavare'; personnummer: string; name: string | null; contacts: string[] };

/**
 * Whom the definition's `confirmation` setting asks to confirm these answers, and where they are
 * told (the e-mail or phone answers named); null when the definition asks no one, its `when` does
 * not hold, or the answers name no personnummer.
 */
export function confirmationOf(def: Pick<ServiceDefinition, 'confirmation'>, answers: Answers, ctx: JourneyContext): ConfirmationRequest | null {
  const c = def.confirmation;
  if (!c) return null;
  if (c.when && !evaluate(c.when, answers, ctx)) return null;
  const pnr = answers[c.personnummer];
  if (typeof pnr !== 'string' || pnr === '') return null;
  const contacts = c.contact.map((f) => answers[f]).filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
  return { role: c.role, personnummer: pnr, name: joinNames(answers, c.name), contacts };
}
