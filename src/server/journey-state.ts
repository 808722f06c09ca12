/**
 * A citizen's journey through one e-tjänst: answers so far, the idempotency token of the
 * eventual submission, and after submitting, the receipt (until the confirmation has shown it).
 * Kept in a sealed cookie per e-tjänst (docs/adr/0011) that no longer opens, and that the browser
 * drops, after a time without activity: minutes for an e-tjänst with a quick exit (a shared
 * computer), hours for the others.
 */
import type { Answers } from '../domain/forms/journey.ts';
import type { ServiceDefinition } from '../domain/forms/definition.ts';
import type { Prefilled } from '../domain/forms/prefill.ts';
import { clearSealed, readSealed, writeSealed, type CookieJar } from './sealed-cookie.ts';
import { randomToken } from './random.ts';

/** Answers in progress are forgotten after this long without activity. */
export const JOURNEY_IDLE_MS = 3 * 60 * 60 * 1000;
/** … and after this long for an e-tjänst with a quick exit (våld, missbruk, orosanmälan). */
export const QUICK_EXIT_IDLE_MS = 15 * 60 * 1000;

export const idleMsOf = (def: Pick<ServiceDefinition, 'quickExit'>): number => (def.quickExit ? QUICK_EXIT_IDLE_MS : JOURNEY_IDLE_MS);

/** After sending: enough to show the confirmation once, with the receipt. */
export type Receipt = {
  reference: string;
  submittedAt: string;
  id: string;
  token: string;
  /** Set when someone applied for another person: "X för Y" on the confirmation. */
  onBehalf?: { submitter: string; subject: string } | undefined;
  /** The answer the texts vary with (the definition's textContext), so the confirmation speaks as the journey did. */
  textContext?: string | undefined;
};

export type JourneyState = {
  serviceId: string;
  version: number;
  token: string;
  answers: Answers;
  touchedAt: number;
  receipt?: Receipt | undefined;
  /**
   * Answers carried over from another e-tjänst (src/domain/forms/carry-over.ts): shown in a page's
   * inputs until the page is answered, never answers themselves, so the walk and its dropping of
   * stale answers are not touched by them.
   */
  prefill?: Answers | undefined;
  /** Fortsatt ansökan: the reference of the previous application the answers were filled in from. */
  startedFrom?: string | undefined;
  /**
   * The logged-in person's own values (folkbokföringen, the e-legitimation) for the fields that
   * declare a `prefill` (src/server/citizen/prefill.ts), looked up once for the person `for`: like
   * `prefill`, shown in a page's inputs until the page is answered, never answers themselves.
   */
  own?: (Prefilled & { for: string }) | undefined;
};

/** The prefix of every journey cookie's name (the quick exit clears them all). */
export const JOURNEY_COOKIE_PREFIX = 'st_j_';
const cookieName = (serviceId: string) => `${JOURNEY_COOKIE_PREFIX}${serviceId}`;

export function newToken(): string {
  return randomToken(18);
}

export function freshJourney(def: ServiceDefinition, now: number): JourneyState {
  return { serviceId: def.id, version: def.version, token: newToken(), answers: {}, touchedAt: now };
}

function isState(v: unknown): v is JourneyState {
  if (!v || typeof v !== 'object') return false;
  const s = v as Record<string, unknown>;
  return typeof s.serviceId === 'string' && typeof s.version === 'number' && typeof s.token === 'string' && typeof s.touchedAt === 'number' && !!s.answers && typeof s.answers === 'object';
}

export async function loadJourney(cookies: CookieJar, def: ServiceDefinition, now: number): Promise<JourneyState> {
  const raw = await readSealed(cookies, cookieName(def.id));
  if (isState(raw) && raw.serviceId === def.id && raw.version === def.version && now - raw.touchedAt < idleMsOf(def)) return raw;
  return freshJourney(def, now);
}

export async function saveJourney(cookies: CookieJar, def: Pick<ServiceDefinition, 'quickExit'>, state: JourneyState, now: number): Promise<void> {
  await writeSealed(cookies, cookieName(state.serviceId), { ...state, touchedAt: now }, idleMsOf(def));
}

export function clearJourney(cookies: CookieJar, serviceId: string): void {
  clearSealed(cookies, cookieName(serviceId));
}
