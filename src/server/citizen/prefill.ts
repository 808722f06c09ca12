/**
 * Prefilled values for a logged-in person applying for themselves: the fields a document marks
 * with `prefill` (their own address, whether they are folkbokförd here) take what the population
 * register gives (src/server/population-register/) or, for the address, what the e-legitimation
 * gave. Never for someone else: not when applying on another's behalf, not in an e-tjänst that does
 * not fix the applicant's personnummer from the e-legitimation (requiresEid), and never a field
 * inside a repeating group. A person with sekretessmarkering or skyddad folkbokföring gets nothing
 * at all. Looked up once per journey; the result (values and where each came from) is kept in the
 * journey, and shown in the inputs until the person answers the page.
 */
import type { ServiceDefinition } from '../../domain/forms/definition.ts';
import type { Answers } from '../../domain/forms/journey.ts';
import { NOTHING_PREFILLED, prefillFields, prefilledFrom, type PersonFacts, type Prefilled } from '../../domain/forms/prefill.ts';
import { lookUpOwn, type LookupContext, type PopulationRegister } from '../population-register/register.ts';
import { appliesForSelf } from './applicant.ts';
import type { Citizen } from './session.ts';

/** Whether values about the logged-in person may be offered in this journey now. */
export function prefillApplies(def: ServiceDefinition, answers: Answers, citizen: Citizen | undefined): citizen is Citizen {
  return !!citizen && def.requiresEid && appliesForSelf(def, answers) && prefillFields(def).length > 0;
}

/** The person's facts: the register's, else the e-legitimation's address; nothing for a protected person. */
export async function ownFacts(citizen: Citizen, register: PopulationRegister | undefined, ctx: LookupContext): Promise<PersonFacts> {
  const found = await lookUpOwn(register, citizen.personnummer, ctx);
  if (found.protected) return {};
  const fromEid: PersonFacts = citizen.address ? { address: { value: citizen.address, source: 'eid' } } : {};
  return { ...fromEid, ...found.facts };
}

/** The prefilled values for the definition (nothing when the person is protected or nothing is known). */
export async function prefillFor(def: ServiceDefinition, citizen: Citizen, register: PopulationRegister | undefined, municipalityCode: string, ctx: LookupContext): Promise<Prefilled> {
  const facts = await ownFacts(citizen, register, ctx);
  return Object.keys(facts).length === 0 ? NOTHING_PREFILLED : prefilledFrom(def, facts, municipalityCode);
}
