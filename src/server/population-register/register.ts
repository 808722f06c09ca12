/**
 * The population register (folkbokföringen: SPAR, Navet) behind one interface, so that a
 * municipality with access can switch a lookup on and one without it loses nothing. An adapter
 * answers a lookup by personnummer with what the register holds (name, folkbokföringsadress,
 * folkbokförd kommun) and the protection markings; `lookUpOwn` is the one way the portal asks:
 * bounded by a timeout, audited, and answering only with what may be prefilled. A person with
 * sekretessmarkering or skyddad folkbokföring gets nothing, exactly as a person not found, a
 * register that is slow or down, or no register (`none`). The contract is docs/population-register.md.
 */
import type { Db } from '../../../db/client.ts';
import type { Address } from '../../domain/forms/fields/structured.ts';
import type { PersonFacts } from '../../domain/forms/prefill.ts';
import { audit } from '../audit.ts';
import { citizenActorId } from '../citizen/actor.ts';
import { log } from '../log.ts';

/** What the register holds about one person. */
export type RegisterEntry = {
  name?: { given: string; family: string } | undefined;
  /** The folkbokföringsadress (postal form). */
  address?: Address | undefined;
  /** The kommunkod (four digits) of the kommun the person is folkbokförd in. */
  kommunkod?: string | undefined;
  /** Sekretessmarkering: the person's details may not be given out. */
  sekretessmarkering: boolean;
  /** Skyddad folkbokföring (folkbokförd på annan ort): the registered address is not where they live. */
  skyddadFolkbokforing: boolean;
};

export interface PopulationRegister {
  /** Recorded with each lookup in the audit trail (`demo`, or the adapter's own name). */
  readonly name: string;
  /**
   * The entry for `personnummer` (`YYYYMMDD-NNNN`), or undefined when the register has none. Throws
   * when the register cannot answer; should stop when `signal` aborts (it is not waited for after).
   */
  lookup(personnummer: string, signal: AbortSignal): Promise<RegisterEntry | undefined>;
}

/** How a lookup ended, as the audit trail records it: nothing about the person, never their address. */
export type LookupOutcome = 'given' | 'nothing' | 'timeout' | 'failed';

class TimeoutError extends Error {}

function within<T>(ms: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new TimeoutError(`no answer within ${ms} ms`));
    }, ms);
  });
  return Promise.race([run(controller.signal), timeout]).finally(() => clearTimeout(timer));
}

/** Sekretessmarkering or skyddad folkbokföring: nothing about the person is shown, stored or prefilled. */
export const isProtected = (entry: RegisterEntry | undefined): boolean => !!entry && (entry.sekretessmarkering || entry.skyddadFolkbokforing);

/** The facts that may be prefilled from an entry: none at all for a protected person. */
export function factsOf(entry: RegisterEntry | undefined): PersonFacts {
  if (!entry || isProtected(entry)) return {};
  return {
    ...(entry.address ? { address: { value: entry.address, source: 'folkbokforing' as const } } : {}),
    ...(entry.kommunkod && /^\d{4}$/.test(entry.kommunkod) ? { kommunkod: { value: entry.kommunkod, source: 'folkbokforing' as const } } : {}),
  };
}

export type LookupContext = { db: Db; sessionId: string | undefined; ip: string | undefined; timeoutMs: number };

/**
 * What the register gave: the facts that may be prefilled, and whether the person is protected
 * (then `facts` is empty and nothing else about them, from the e-legitimation either, is offered).
 */
export type OwnLookup = { facts: PersonFacts; protected: boolean };

/**
 * The logged-in person's own facts from the register: looked up within `timeoutMs`, audited (who
 * was looked up, by which session, how it ended). Whatever goes wrong, the answer is "nothing":
 * the person types as they would without a register. An audit that cannot be written gives
 * nothing either, so that no lookup is used unrecorded.
 */
export async function lookUpOwn(register: PopulationRegister | undefined, personnummer: string, ctx: LookupContext): Promise<OwnLookup> {
  if (!register) return { facts: {}, protected: false };
  let facts: PersonFacts = {};
  let marked = false;
  let outcome: LookupOutcome;
  try {
    const entry = await within(ctx.timeoutMs, (signal) => register.lookup(personnummer, signal));
    marked = isProtected(entry);
    facts = factsOf(entry);
    // A protected person's lookup reads as one that found nothing: the trail does not reveal the marking.
    outcome = Object.keys(facts).length > 0 ? 'given' : 'nothing';
  } catch (e) {
    outcome = e instanceof TimeoutError ? 'timeout' : 'failed';
    log('warn', 'population register lookup gave nothing', { register: register.name, outcome }, e instanceof TimeoutError ? undefined : e);
  }
  const who = citizenActorId(personnummer);
  try {
    await audit(ctx.db, { actorType: 'citizen', actorId: who, action: 'citizen.register.lookup', subjectType: 'person', subjectId: who, details: { register: register.name, session: ctx.sessionId ?? null, outcome }, ip: ctx.ip ?? null });
  } catch (e) {
    log('error', 'population register lookup not audited: nothing used', { register: register.name }, e);
    return { facts: {}, protected: marked };
  }
  return { facts, protected: marked };
}
