/**
 * Values about the logged-in person that a document's fields declare they take (`prefill` on a
 * field): the folkbokföringsadress, and whether the person is folkbokförd in this municipality.
 * They come from the population register (folkbokföringen) or from the e-legitimation, and are
 * offered only in the fields about the person themselves, when they apply for themselves (the
 * caller decides that: src/server/citizen/prefill.ts). A prefilled value is a suggestion in a
 * page's inputs, never an answer until the person sends the page. Pure.
 */
import type { FieldDef, ServiceDefinition } from './definition.ts';
import type { Answers } from './journey.ts';
import type { Address } from './fields/structured.ts';

/** Where a prefilled value came from: the population register, or the e-legitimation's claims. */
export type PrefillSource = 'folkbokforing' | 'eid';

/** What is known about the person, each with where it came from. */
export type PersonFacts = {
  address?: { value: Address; source: PrefillSource } | undefined;
  /** The kommunkod (four digits) of the kommun the person is folkbokförd in. */
  kommunkod?: { value: string; source: PrefillSource } | undefined;
};

/** Values for the inputs of the fields that declare a `prefill`, and where each came from. */
export type Prefilled = { values: Answers; sources: Record<string, PrefillSource> };

export const NOTHING_PREFILLED: Prefilled = { values: {}, sources: {} };

/** Every field (not inside a repeating group: those are never about the person alone) with a `prefill`. */
export function prefillFields(def: Pick<ServiceDefinition, 'pages'>): Extract<FieldDef, { prefill?: unknown }>[] {
  const out: Extract<FieldDef, { prefill?: unknown }>[] = [];
  for (const p of def.pages) if (p.kind === 'question') for (const f of p.fields) if ('prefill' in f && f.prefill) out.push(f);
  return out;
}

/** The values `facts` give the definition's prefill fields; `municipalityCode`: this municipality's kommunkod. */
export function prefilledFrom(def: Pick<ServiceDefinition, 'pages'>, facts: PersonFacts, municipalityCode: string): Prefilled {
  const out: Prefilled = { values: {}, sources: {} };
  for (const f of prefillFields(def)) {
    if (f.prefill === 'address' && facts.address) {
      out.values[f.name] = { ...facts.address.value };
      out.sources[f.name] = facts.address.source;
    }
    if (f.prefill === 'folkbokfordKommun' && facts.kommunkod) {
      out.values[f.name] = facts.kommunkod.value === municipalityCode ? 'ja' : 'nej';
      out.sources[f.name] = facts.kommunkod.source;
    }
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

/** The fields whose answer is the prefilled value, unchanged: what the submission records as coming from there. */
export function keptPrefills(prefilled: Prefilled | undefined, answers: Answers): Record<string, PrefillSource> {
  if (!prefilled) return {};
  return Object.fromEntries(Object.entries(prefilled.sources).filter(([name]) => Object.hasOwn(answers, name) && same(answers[name], prefilled.values[name])));
}
