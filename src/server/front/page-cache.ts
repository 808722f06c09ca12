/**
 * Public pages rendered once and served from memory: an e-tjänst's start page, the catalog and the
 * information pages look the same to every visitor who is not logged in and has not started
 * anything, so the portal renders each (per language) once and answers the next requests for it
 * with the same bytes and headers, without rendering again.
 *
 * What may be kept is decided where the page is rendered (middleware.ts `storeIfShared`): a GET
 * without a query string, carrying no cookie but the language, to a page that marks itself
 * `Astro.locals.shared`, answered 200 with no cookie set. Anything personal (a journey, a login,
 * Mina sidor, handläggning) carries a cookie and so never meets the cache. What is kept is served
 * by the front server (front/server.ts) before the request reaches the renderer, under the same
 * conditions.
 *
 * A kept page lives PUBLIC_CACHE_SECONDS (default 5): a change made on another instance (an e-tjänst
 * retired there) is seen here within that time. A change made here empties the cache at once
 * (`forgetSharedPages`). Entries are few (pages × languages) and bounded.
 *
 * The renderer (the built portal) and the front server are separate module graphs in one process:
 * they share the one store through a global symbol.
 */

import { LANG_COOKIE } from '../../i18n/cookie.ts';

export type SharedPage = { headers: [string, string][]; body: Uint8Array; storedAt: number };

const MAX_ENTRIES = 500;
const MAX_BODY_BYTES = 64 * 1024;

type Store = { pages: Map<string, SharedPage>; ttlMs: number };

const KEY = Symbol.for('socialtjanstportalen.shared-pages');

function store(): Store {
  const g = globalThis as unknown as Record<symbol, Store | undefined>;
  let s = g[KEY];
  if (!s) {
    const seconds = Number(process.env.PUBLIC_CACHE_SECONDS ?? 5);
    s = { pages: new Map(), ttlMs: Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 5000 };
    g[KEY] = s;
  }
  return s;
}

/**
 * The language a request may be served a shared page in, or undefined when it may not be: it is
 * not a GET/HEAD, has a query string, or carries any cookie other than the language.
 */
export function sharedKey(method: string | undefined, url: string | undefined, cookieHeader: string | null | undefined): string | undefined {
  if ((method !== 'GET' && method !== 'HEAD') || !url || !url.startsWith('/') || url.includes('?')) return undefined;
  let lang = '';
  if (cookieHeader) {
    for (const part of cookieHeader.split(';')) {
      const trimmed = part.trim();
      if (trimmed === '') continue;
      const eq = trimmed.indexOf('=');
      if (eq < 0 || trimmed.slice(0, eq).trim() !== LANG_COOKIE) return undefined;
      lang = trimmed.slice(eq + 1).trim();
      // A language code, nothing else: the renderer checks it is one of ours before keeping a page.
      if (!/^[a-z]{2}$/.test(lang)) return undefined;
    }
  }
  return `${lang}\n${url}`;
}

/** A kept page for this key that is still fresh, or undefined. */
export function sharedPage(key: string, now = Date.now()): SharedPage | undefined {
  const s = store();
  const page = s.pages.get(key);
  if (!page) return undefined;
  if (now - page.storedAt >= s.ttlMs) {
    s.pages.delete(key);
    return undefined;
  }
  return page;
}

export function keepSharedPage(key: string, headers: [string, string][], body: Uint8Array, now = Date.now()): void {
  const s = store();
  if (s.ttlMs === 0 || body.byteLength > MAX_BODY_BYTES) return;
  s.pages.delete(key);
  while (s.pages.size >= MAX_ENTRIES) s.pages.delete(s.pages.keys().next().value!);
  s.pages.set(key, { headers, body, storedAt: now });
}

/**
 * Whether a rendered response may be kept: the request could be answered with a kept page (see
 * sharedKey), the page marked itself shared, it answered 200 and set no cookie, and the language
 * cookie, if any, named the language the page was rendered in.
 */
export function mayKeep(r: { key: string | undefined; shared: boolean | undefined; status: number; setsCookie: boolean; askedLang: string | undefined; renderedLang: string }): r is typeof r & { key: string } {
  return r.key !== undefined && r.shared === true && r.status === 200 && !r.setsCookie && (r.askedLang === undefined || r.askedLang === r.renderedLang);
}

/** Empties the cache: after anything that changes what public pages show (the catalog's life cycle). */
export function forgetSharedPages(): void {
  store().pages.clear();
}

export function sharedPageCount(): number {
  return store().pages.size;
}
