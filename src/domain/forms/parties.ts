/**
 * What a set of answers makes of a matter: whom it concerns and who sent it when that is someone
 * else ("X för Y"), whether the sender stays anonymous, and the case's deadline and urgency. Pure:
 * the submission, the receipt and an e-tjänst document's scenarios all read them from here.
 */
import type { ServiceDefinition } from './definition.ts';
import { evaluate, type Answers, type JourneyContext } from './conditions.ts';

export type Parties = { personnummer: string | null; name: string | null; onBehalf: boolean; submitterName: string | null };

const joinNames = (answers: Answers, fields: string[]): string | null => {
  const name = fields.map((n) => answers[n]).filter((v): v is string => typeof v === 'string' && v !== '').join(' ');
  return name === '' ? null : name;
};

/** Whom the matter concerns, and who submitted it when that is someone else ("X för Y"). */
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

export function isAnonymous(def: Pick<ServiceDefinition, 'anonymous'>, answers: Answers): boolean {
  return def.anonymous !== undefined && answers[def.anonymous.field] === def.anonymous.equals;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The case's deadline from receipt (e.g. förhandsbedömning within 14 days) and whether it is urgent. */
export function handlingOf(def: Pick<ServiceDefinition, 'handling'>, answers: Answers, ctx: JourneyContext): { dueAt: Date | null; urgent: boolean } {
  const { dueDays, urgentWhen } = def.handling;
  return {
    dueAt: dueDays ? new Date(ctx.today.getTime() + dueDays * DAY_MS) : null,
    urgent: urgentWhen ? evaluate(urgentWhen, answers, ctx) : false,
  };
}
