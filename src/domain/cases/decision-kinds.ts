/**
 * What kind of decision a case ends in, and everything that follows from the kind: which outcomes
 * may be recorded, which extra details each outcome asks for, and what the person may do about the
 * decision (appeal by förvaltningsbesvär, apply the ordinary way instead, or nothing). Pure: the
 * kind is derived from the e-tjänst version the case was sent under (its matter and category).
 *
 * - ansökan under förenklad biståndsbedömning: beviljad, delvis beviljad, avslag, hänvisad till
 *   ordinarie ansökan. Not appealable by förvaltningsbesvär (no individual needs assessment was
 *   made); the person can apply the ordinary way and get a decision that can be appealed.
 * - ordinary ansökan: beviljad, delvis beviljad, avslag, with a besvärshänvisning.
 * - anmälan (orosanmälan): the förhandsbedömning — utredning inleds, inleds inte, utredning pågår
 *   redan, överlämnad till annan kommun — with whether a skyddsbedömning was made the same day.
 * - fråga/kontakt: besvarad, and how (phone, message, meeting).
 * - synpunkt/klagomål: besvarad, and whether it was handed on as an avvikelse.
 */
import type { ServiceDefinition } from '../forms/definition.ts';

export const DECISION_KINDS = ['ansokanForenklad', 'ansokan', 'anmalan', 'fraga', 'synpunkt'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const ALL_OUTCOMES = ['beviljad', 'delvis', 'avslag', 'hanvisad', 'utredning', 'ingenUtredning', 'pagaende', 'overlamnad', 'besvarad'] as const;
export type DecisionOutcome = (typeof ALL_OUTCOMES)[number];

export const OUTCOMES_BY_KIND: Readonly<Record<DecisionKind, readonly DecisionOutcome[]>> = {
  ansokanForenklad: ['beviljad', 'delvis', 'avslag', 'hanvisad'],
  ansokan: ['beviljad', 'delvis', 'avslag'],
  anmalan: ['utredning', 'ingenUtredning', 'pagaende', 'overlamnad'],
  fraga: ['besvarad'],
  synpunkt: ['besvarad'],
};

/** How a question was answered. */
export const ANSWERED_BY = ['telefon', 'meddelande', 'mote'] as const;
export type AnsweredBy = (typeof ANSWERED_BY)[number];

/** The extra details an outcome records, besides the reasoning (stored as decisions.details). */
export type DecisionDetails =
  | { answeredBy: AnsweredBy }
  | { avvikelse: boolean }
  | { skyddsbedomningSammaDag: boolean; mottagandeKommun?: string }
  | Record<string, never>;

/** What the person can do about a decision of the kind. */
export type Remedy = 'appeal' | 'applyOrdinary' | 'none';

type KindSource = Pick<ServiceDefinition, 'category' | 'matter'>;

export function decisionKindOf(def: KindSource | undefined): DecisionKind {
  if (!def) return 'ansokan';
  switch (def.matter) {
    case 'anmalan':
      return 'anmalan';
    case 'fraga':
      return 'fraga';
    case 'synpunkt':
      return 'synpunkt';
    default:
      return def.category === 'forenklad' ? 'ansokanForenklad' : 'ansokan';
  }
}

export function isDecisionKind(v: unknown): v is DecisionKind {
  return typeof v === 'string' && (DECISION_KINDS as readonly string[]).includes(v);
}

export function outcomeAllowed(kind: DecisionKind, outcome: string | null): outcome is DecisionOutcome {
  return outcome !== null && (OUTCOMES_BY_KIND[kind] as readonly string[]).includes(outcome);
}

/**
 * Förvaltningsbesvär lies against an ordinary ansökan's decision only. A förenklad decision is
 * not appealable; what the person can do is apply the ordinary way. An anmälan, a question or a
 * synpunkt is not decided on as an application of the person's own, so there is nothing to appeal.
 */
export function remedyOf(kind: DecisionKind): Remedy {
  if (kind === 'ansokan') return 'appeal';
  if (kind === 'ansokanForenklad') return 'applyOrdinary';
  return 'none';
}

/** Kinds whose decision is about an insats (and so records insats, omfattning and start). */
export function decidesInsats(kind: DecisionKind): boolean {
  return kind === 'ansokan' || kind === 'ansokanForenklad';
}

/** Outcomes that grant something: omfattning and start date are required. */
export function grants(outcome: DecisionOutcome): boolean {
  return outcome === 'beviljad' || outcome === 'delvis';
}

/** The förhandsbedömning of an orosanmälan is to be made within 14 days of its arrival. */
export const FORHANDSBEDOMNING_DAYS = 14;

/** Whether the outcome answers the question "was an investigation started?" for an återkoppling. */
export function aterkopplingOf(outcome: string): 'inleds' | 'inledsInte' | 'pagar' | undefined {
  if (outcome === 'utredning') return 'inleds';
  if (outcome === 'ingenUtredning') return 'inledsInte';
  if (outcome === 'pagaende') return 'pagar';
  return undefined;
}

/**
 * What the citizen who sent the matter reads of its decision on Mina sidor and in the letter:
 * everything for an ansökan (it is their own application); the outcome but not the internal
 * reasoning for a question or a synpunkt; nothing for an anmälan — the förhandsbedömning is
 * covered by secrecy, and a professional reporter is told only through the återkoppling.
 */
export function citizenSees(kind: DecisionKind): 'all' | 'outcome' | 'nothing' {
  if (decidesInsats(kind)) return 'all';
  return kind === 'anmalan' ? 'nothing' : 'outcome';
}
