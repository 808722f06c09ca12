/**
 * A citizen's journey through one e-tjänst: answers so far, the idempotency token of the
 * eventual submission, and after submitting, the receipt. Kept in a sealed cookie per e-tjänst.
 */
import type { CookieJar } from './sealed-cookie.ts';
import type { Answers } from '../domain/forms/journey.ts';
import type { ServiceDefinition } from '../domain/forms/definition.ts';
import { clearSealed, readSealed, writeSealed } from './sealed-cookie.ts';
import { randomToken } from './random.ts';

/** Answers in progress are forgotten after this long without activity (a shared computer). */
export const JOURNEY_IDLE_MS = 3 * 60 * 60 * 1000;

/** After sending: enough to show the confirmation and to fetch the citizen's own receipt PDF. */
export type Receipt = {
  reference: string;
  submittedAt: string;
  id: string;
  token: string;
  /** Set when someone applied for another person: "X för Y" on the confirmation. */
  onBehalf?: { submitter: string; subject: string } | undefined;
};

export type JourneyState = {
  serviceId: string;
  version: number;
  token: string;
  answers: Answers;
  touchedAt: number;
  receipt?: Receipt | undefined;
};

const cookieName = (serviceId: string) => `st_j_${serviceId}`;

export function newToken(): string {
  return randomToken(18);
}

function isState(v: unknown): v is JourneyState {
  if (!v || typeof v !== 'object') return false;
  const s = v as Record<string, unknown>;
  return typeof s.serviceId === 'string' && typeof s.version === 'number' && typeof s.token === 'string' && typeof s.touchedAt === 'number' && !!s.answers && typeof s.answers === 'object';
}

export function loadJourney(cookies: CookieJar, def: ServiceDefinition, now: number): JourneyState {
  const raw = readSealed(cookies, cookieName(def.id));
  if (isState(raw) && raw.serviceId === def.id && raw.version === def.version && now - raw.touchedAt < JOURNEY_IDLE_MS) return raw;
  return { serviceId: def.id, version: def.version, token: newToken(), answers: {}, touchedAt: now };
}

export function saveJourney(cookies: CookieJar, state: JourneyState, now: number): void {
  writeSealed(cookies, cookieName(state.serviceId), { ...state, touchedAt: now });
}

export function clearJourney(cookies: CookieJar, serviceId: string): void {
  clearSealed(cookies, cookieName(serviceId));
}
