/**
 * A survey in progress: which period and unit, how it was opened (the code's hash or the open
 * link), and the answers so far. Kept in a sealed cookie, like an e-tjänst's journey, so nothing
 * is stored until the one final submission.
 */
import type { AstroCookies } from 'astro';
import { clearSealed, readSealed, writeSealed } from '../sealed-cookie.ts';
import type { SurveyAnswers } from '../../domain/surveys/answers.ts';
import type { Access, Opened } from './taking.ts';
import { randomToken } from '../random.ts';

const COOKIE = 'st_enkat';
/** Answers in progress are forgotten after this long without activity (a shared computer). */
export const SURVEY_IDLE_MS = 3 * 60 * 60 * 1000;

/**
 * `formToken`: made when the survey is opened, sent with the answers, so that sending the same form
 * twice stores one answer (taking.ts submitResponse).
 */
export type SurveyState = { opened: Opened; access: Access; answers: SurveyAnswers; formToken: string; touchedAt: number };

export function newFormToken(): string {
  return randomToken(18);
}

function isState(v: unknown): v is SurveyState {
  if (!v || typeof v !== 'object') return false;
  const s = v as Record<string, unknown>;
  const o = s.opened as Record<string, unknown> | undefined;
  const a = s.access as Record<string, unknown> | undefined;
  return (
    !!o && typeof o.periodId === 'string' && typeof o.surveyId === 'string' && typeof o.surveyVersion === 'number' &&
    !!a && (a.kind === 'code' ? typeof a.codeHash === 'string' : a.kind === 'link' && typeof a.linkToken === 'string') &&
    !!s.answers && typeof s.answers === 'object' && typeof s.touchedAt === 'number' &&
    (s.formToken === undefined || typeof s.formToken === 'string')
  );
}

export async function loadSurveyState(cookies: AstroCookies, now: number): Promise<SurveyState | undefined> {
  const raw = await readSealed(cookies, COOKIE);
  if (!isState(raw) || now - raw.touchedAt >= SURVEY_IDLE_MS) return undefined;
  // A survey opened before form tokens existed gets one now; it is kept from the next page on.
  return { ...raw, formToken: raw.formToken ?? newFormToken() };
}

export async function saveSurveyState(cookies: AstroCookies, state: Omit<SurveyState, 'touchedAt'>, now: number): Promise<void> {
  await writeSealed(cookies, COOKIE, { ...state, touchedAt: now });
}

export function clearSurveyState(cookies: AstroCookies): void {
  clearSealed(cookies, COOKIE);
}
