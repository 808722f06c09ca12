/**
 * Per request: language, shared text values, security and caching headers, the body size limit,
 * the "temporarily unavailable" page when the database is down, and for /handlaggning the staff
 * session: everything there but the login page requires one, and a session that has had the
 * password but not yet the second factor opens only the second-factor steps and logout. Pages see
 * such a session as `locals.staffPending`, never as `locals.staff`, so a page that checks
 * `locals.staff` only ever sees fully signed-in staff.
 */
import { defineMiddleware, sequence } from 'astro:middleware';
import { DIRECTION, isLang, langFromAcceptLanguage, STAFF_LANGUAGES } from './i18n/index.ts';
import { config } from './server/config.ts';
import { readerLocals } from './server/reader.ts';
import { configuredRules, rulesInForce, SEED_FROM, type RulePeriod } from './server/rules.ts';
import { readStaffSession } from './server/staff/session.ts';
import { getDb, isUnavailable } from './server/db.ts';
import { readCitizenSession } from './server/citizen/session.ts';
import { LANG_COOKIE } from './i18n/cookie.ts';
import { markSwedishTerms } from './i18n/swedish-terms.ts';
import { securityHeaders } from './server/security-headers.ts';
import { errorPageRequest } from './server/http.ts';
import { bodyLimitFor, bodyVerdict } from './server/body-limit.ts';
import { guardConsole, log, describeError } from './server/log.ts';

// What the framework and libraries print about a failure goes through the log's scrubbing too.
guardConsole();

/** The last period this instance read: shown only while the database cannot be reached. */
let lastRead: RulePeriod | undefined;

/**
 * The rule-set period in force now. With the database down, the one last read (or the
 * environment's): a page that needs the database is answered with the "temporarily unavailable"
 * page anyway, and nothing is judged or received under it (the journey reads its own).
 */
async function periodNow(): Promise<RulePeriod> {
  try {
    lastRead = await rulesInForce(await getDb(), new Date());
    return lastRead;
  } catch (e) {
    if (!isUnavailable(e)) throw e;
    return lastRead ?? { id: 'configured', validFrom: SEED_FROM, validTo: null, rules: configuredRules(), createdBy: null, createdAt: new Date(0) };
  }
}

/** Thrown on in place of an unexpected error: the framework logs and shows it, never the original's message. */
class UnexpectedError extends Error {
  constructor(e: unknown) {
    const d = describeError(e);
    super(`${d.class}${d.code ? ` (${d.code})` : ''}`);
    this.name = 'UnexpectedError';
  }
}

/**
 * An error no page handled is logged here by class and code, and passed on without its message
 * (a driver's carries the statement's parameters: the answers), for the framework's 500 page.
 */
const errors = defineMiddleware(async (ctx, next) => {
  try {
    return await next();
  } catch (e) {
    log('error', 'request failed', { method: ctx.request.method, route: ctx.routePattern }, e);
    throw new UnexpectedError(e);
  }
});

/**
 * An address carrying a NUL character (%00) is answered 400 before any page sees it: no address of
 * the portal has one, and a path parameter or query value with one would reach the database, which
 * refuses it as a whole statement (form values are cleaned as they are read: server/http.ts).
 */
const malformed = defineMiddleware(async (ctx, next) => {
  const address = ctx.url.pathname + ctx.url.search;
  if (/%00/i.test(address) || address.includes('\u0000')) return ctx.rewrite(errorPageRequest('/400', ctx.request));
  return next();
});

const locale = defineMiddleware(async (ctx, next) => {
  // The language chosen in the switch (remembered in a cookie); on a first visit, the browser's.
  const fromCookie = ctx.cookies.get(LANG_COOKIE)?.value;
  const chosen = isLang(fromCookie) ? fromCookie : langFromAcceptLanguage(ctx.request.headers.get('accept-language'));
  // The back office is in Swedish or English (i18n/index.ts): another choice shows it in Swedish.
  const staffPage = ctx.url.pathname === '/handlaggning' || ctx.url.pathname.startsWith('/handlaggning/');
  const lang = staffPage && !STAFF_LANGUAGES.includes(chosen) ? 'sv' : chosen;
  const period = await periodNow();
  const { t, textParams } = readerLocals(lang, period);
  ctx.locals.rulePeriod = period;
  ctx.locals.lang = lang;
  ctx.locals.t = t;
  ctx.locals.textParams = textParams;
  return next();
});

/**
 * On a page in another language than Swedish, the Swedish terms kept in its text carry lang="sv";
 * on a right-to-left page, numbers written in parts read left to right.
 */
const swedishTerms = defineMiddleware(async (ctx, next) => {
  const res = await next();
  if (ctx.locals.lang.startsWith('sv') || !(res.headers.get('Content-Type') ?? '').startsWith('text/html') || res.body === null) return res;
  const headers = new Headers(res.headers);
  headers.delete('Content-Length');
  return new Response(markSwedishTerms(await res.text(), { rtl: DIRECTION[ctx.locals.lang] === 'rtl' }), { status: res.status, statusText: res.statusText, headers });
});

/** Whether the request carries any cookie but the language: then nothing it is answered may be shared. */
function hasPersonalCookies(cookieHeader: string | null): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(';').some((part) => {
    const name = part.split('=')[0]!.trim();
    return name !== '' && name !== LANG_COOKIE;
  });
}

/** How long a client asked to wait before trying again when our database is down. */
const RETRY_AFTER_SECONDS = '30';

/**
 * Security headers on every answer, and caching: a page that looks the same to everyone (it sets
 * `locals.shared`), rendered 200 for a GET without any cookie but the language and setting none,
 * may be kept by a reverse proxy or the browser for PUBLIC_CACHE_SECONDS (varying by the Cookie
 * header, which carries the chosen language, and by Accept-Language, which gives it on a first visit); every other HTML answer is never stored. A 503 says when
 * to try again.
 */
const headers = defineMiddleware(async (ctx, next) => {
  const res = await next();
  const h = res.headers;
  for (const [name, value] of securityHeaders(config().secureCookies)) {
    // A page may have set a stricter policy of its own.
    if (name !== 'Content-Security-Policy' || !h.has(name)) h.set(name, value);
  }
  if ((h.get('Content-Type') ?? '').startsWith('text/html')) {
    const seconds = config().PUBLIC_CACHE_SECONDS;
    const shareable =
      ctx.locals.shared === true &&
      (ctx.request.method === 'GET' || ctx.request.method === 'HEAD') &&
      res.status === 200 &&
      seconds > 0 &&
      !hasPersonalCookies(ctx.request.headers.get('cookie')) &&
      !h.has('set-cookie') &&
      ctx.cookies.headers().next().done === true;
    h.set('Cache-Control', shareable ? `public, max-age=${seconds}` : 'no-store');
    if (shareable) h.set('Vary', 'Cookie, Accept-Language');
  }
  if (res.status === 503 && !h.has('Retry-After')) h.set('Retry-After', RETRY_AFTER_SECONDS);
  return res;
});

const UNAVAILABLE = '/tillfalligt-fel';

/**
 * A page that needs the database and cannot reach it is answered with the "temporarily
 * unavailable" page (503), whatever read failed: nothing was written, and a journey's answers,
 * kept in the citizen's browser, are untouched.
 */
const outage = defineMiddleware(async (ctx, next) => {
  try {
    return await next();
  } catch (e) {
    if (!isUnavailable(e) || ctx.url.pathname === UNAVAILABLE) throw e;
    log('error', 'database unavailable', { route: ctx.routePattern }, e);
    // An e-tjänst's answers so far are in the citizen's browser, untouched: the page says so.
    return ctx.rewrite(errorPageRequest(ctx.url.pathname.startsWith('/e-tjanster/') ? `${UNAVAILABLE}?svar=kvar` : UNAVAILABLE, ctx.request));
  }
});

const TOO_LARGE = '/for-stor';

/**
 * A post larger than its limit (MAX_FORM_BYTES for forms, a larger one for multipart posts) is
 * refused with the "too large" page (413) before any page reads it. The bytes are counted as they
 * are read, whether the body declared its length or came in chunks without one.
 */
const bodyLimit = defineMiddleware(async (ctx, next) => {
  // The rewrite below re-enters the middleware with a GET; only bodies are counted.
  if (ctx.request.method === 'POST' || ctx.request.method === 'PUT' || ctx.request.method === 'PATCH') {
    const verdict = await bodyVerdict(ctx.request, bodyLimitFor(ctx.request.headers.get('content-type'), config().MAX_FORM_BYTES));
    if (verdict !== 'within') {
      const res = await ctx.rewrite(errorPageRequest(TOO_LARGE, ctx.request));
      // A body of no (or an absurd) declared length is not read on: the connection ends with the answer.
      if (verdict === 'overUnbounded') res.headers.set('Connection', 'close');
      return res;
    }
  }
  return next();
});

const LOGIN = '/handlaggning/logga-in';
const SECOND_FACTOR = '/handlaggning/logga-in/tvafaktor';
const ENROL = '/handlaggning/konto/tvafaktor';
const LOGOUT = '/handlaggning/logga-ut';
/** Open without any session. */
const STAFF_OPEN = new Set([LOGIN]);
/** All that a session waiting for its second factor may open. */
const STAFF_PENDING = new Set([LOGIN, SECOND_FACTOR, ENROL, LOGOUT]);

const staff = defineMiddleware(async (ctx, next) => {
  const path = ctx.url.pathname.replace(/\/$/, '');
  if (path !== '/handlaggning' && !path.startsWith('/handlaggning/')) return next();
  let state;
  try {
    state = await readStaffSession(ctx.cookies, await getDb());
  } catch (e) {
    // Database down: the login page says so itself; other staff pages cannot be shown at all.
    if (!isUnavailable(e)) throw e;
    if (!STAFF_OPEN.has(path)) return ctx.rewrite(errorPageRequest(UNAVAILABLE, ctx.request));
    return next();
  }
  const here = encodeURIComponent(ctx.url.pathname + ctx.url.search);
  if (state && !state.twoFactorVerified) {
    ctx.locals.staffPending = state;
    if (STAFF_PENDING.has(path)) return next();
    // Anything else waits until the second factor is given, then carries on to where it was going.
    return ctx.redirect(`${state.secondFactorEnrolled ? SECOND_FACTOR : ENROL}?tillbaka=${here}`, 303);
  }
  if (state) ctx.locals.staff = { user: state.user, session: state.session };
  if (!state && !STAFF_OPEN.has(path)) return ctx.redirect(`${LOGIN}?tillbaka=${here}`, 303);
  return next();
});

/** Needs a citizen logged in with e-legitimation. */
const CITIZEN_ONLY = /^\/mina-sidor(\/|$)/;

/**
 * Outside /handlaggning: the citizen's session, when the request carries its cookie (so pages can
 * show who is logged in and the logout button); Mina sidor requires one. A database that is down
 * leaves the citizen logged out for that request; Mina sidor then says it cannot be shown.
 */
const citizen = defineMiddleware(async (ctx, next) => {
  const path = ctx.url.pathname;
  if (path === '/handlaggning' || path.startsWith('/handlaggning/')) return next();
  try {
    ctx.locals.citizen = await readCitizenSession(ctx.cookies, getDb);
  } catch (e) {
    if (!isUnavailable(e)) throw e;
    if (CITIZEN_ONLY.test(path)) return ctx.rewrite(errorPageRequest(UNAVAILABLE, ctx.request));
  }
  if (!ctx.locals.citizen && CITIZEN_ONLY.test(path)) {
    return ctx.redirect(`/logga-in?tillbaka=${encodeURIComponent(path + ctx.url.search)}`, 303);
  }
  return next();
});

export const onRequest = sequence(errors, headers, malformed, locale, swedishTerms, bodyLimit, outage, staff, citizen);
