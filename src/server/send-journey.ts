/**
 * Sending a completed journey for the front server (front/direct-send.ts): the check-answers POST
 * of an e-tjänst, answered with the same 303 to the confirmation, the same journey cookie and the
 * same headers as the page ([page].astro) answers it, without the framework's request, routing and
 * rendering around it. Everything it decides is the same code the page runs: the live e-tjänst,
 * the journey from its sealed cookie, the path the answers lead along, the form's token, the
 * per-address limit and submitJourney (one statement, together with the others arriving at the
 * same moment).
 *
 * It takes only the ordinary case and declines all else to the page, before writing anything:
 * a request from another origin (the framework refuses it), a logged-in citizen or member of
 * staff (the page links the matter to Mina sidor and removes the draft), an e-tjänst that needs
 * e-legitimation or is not live, a page that is not check-answers, a journey that has not reached
 * it. When sending itself fails (the limit reached, the database down, an attachment gone), the
 * failure goes to the page, which shows it with the answers kept.
 */
import type http from 'node:http';
import type { SendOutcome } from './front/direct-send.ts';
import { RequestCookieJar } from './cookie-jar.ts';
import { getLiveService } from './catalog.ts';
import { findPage, walk } from '../domain/forms/journey.ts';
import { loadJourney, saveJourney } from './journey-state.ts';
import { journeyContext, postedToken, sentJourney, submitJourney } from './apply.ts';
import { submissionLimit } from './submission-rate-limit.ts';
import { clientAddressFrom } from './staff/client-address.ts';
import { config } from './config.ts';
import { securityHeaders } from './security-headers.ts';
import { CITIZEN_COOKIE } from './citizen/session.ts';
import { STAFF_COOKIE } from './staff/session.ts';
import { LANG_COOKIE } from '../i18n/cookie.ts';
import { langOrDefault } from '../i18n/index.ts';

const DECLINED: SendOutcome = { handled: false };
const HANDLED: SendOutcome = { handled: true };

/** The framework's origin check: a form post only from the origin the request was made to. */
function sameOrigin(req: http.IncomingMessage): boolean {
  const origin = req.headers.origin;
  const host = req.headers.host;
  if (!origin || !host) return false;
  const protocol = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
  try {
    return new URL(`${protocol}://${host}/`).origin === origin;
  } catch {
    return false;
  }
}

export async function sendJourneyFromFront(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<SendOutcome> {
  if (!sameOrigin(req)) return DECLINED;
  const cookies = new RequestCookieJar(req.headers.cookie);
  if (cookies.has(CITIZEN_COOKIE) || cookies.has(STAFF_COOKIE)) return DECLINED;
  // mayOffer: /e-tjanster/<id>/<page>, nothing after it.
  const [, , serviceId, pageId] = req.url!.split('/');
  const def = await getLiveService(serviceId);
  if (!def || def.requiresEid) return DECLINED;
  const page = findPage(def, pageId!);
  if (page?.kind !== 'checkAnswers') return DECLINED;
  const now = new Date();
  const state = loadJourney(cookies, def, now.getTime());
  if (!walk(def, state.answers, journeyContext(now)).path.includes(page.id)) return DECLINED;

  const token = postedToken(new URLSearchParams(body.toString('utf8')).get('token'), state.token);
  const address = clientAddressFrom(req.headers['x-forwarded-for'] as string | undefined, () => req.socket.remoteAddress);
  const limit = submissionLimit(address, config().SUBMISSION_RATE_LIMIT_PER_HOUR);
  let received;
  try {
    received = await submitJourney(def, state.answers, token, now, undefined, limit, langOrDefault(cookies.get(LANG_COOKIE)?.value));
  } catch (e) {
    return { handled: false, failure: e };
  }
  const sent = sentJourney(def, state, received, token);
  // Should the cookie not be made, the page sends again (the same submission, by its token) and answers.
  saveJourney(cookies, sent.state, now.getTime());
  res.writeHead(303, [['Location', sent.confirmation], ...cookies.setCookieHeaders().map((c): [string, string] => ['Set-Cookie', c]), ...securityHeaders(config().secureCookies), ['Content-Length', '0']].flat());
  res.end();
  return HANDLED;
}
