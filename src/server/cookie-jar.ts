/**
 * Cookies as the app's code uses them: Astro's cookies on a page, or, for a request the front
 * server has the app answer without the framework (front/direct-send.ts), a jar over the request's
 * Cookie header that collects the Set-Cookie headers of the answer. Both are read and written with
 * the `cookie` package, as Astro does, so a value reads and writes the same either way.
 */
import { parseCookie, stringifySetCookie } from 'cookie';

export type CookieSetOptions = { path: string; httpOnly?: boolean; sameSite?: 'lax' | 'strict' | 'none'; secure?: boolean; maxAge?: number };

/** What sealed cookies and journeys need of a page's cookies (Astro's AstroCookies has it all). */
export interface CookieJar {
  get(name: string): { value: string } | undefined;
  has(name: string): boolean;
  set(name: string, value: string, options: CookieSetOptions): void;
  delete(name: string, options: { path: string }): void;
}

/** The cookies of one request and the ones its answer sets, with Astro's semantics for these calls. */
export class RequestCookieJar implements CookieJar {
  readonly #incoming: Record<string, string | undefined>;
  /** Per name: the value set (undefined when deleted) and its Set-Cookie header. */
  readonly #outgoing = new Map<string, { value: string | undefined; header: string }>();

  constructor(header: string | undefined) {
    this.#incoming = header ? parseCookie(header) : {};
  }

  get(name: string): { value: string } | undefined {
    const out = this.#outgoing.get(name);
    const value = out ? out.value : this.#incoming[name];
    return value === undefined ? undefined : { value };
  }

  has(name: string): boolean {
    const out = this.#outgoing.get(name);
    return out ? out.value !== undefined : this.#incoming[name] !== undefined;
  }

  set(name: string, value: string, options: CookieSetOptions): void {
    this.#outgoing.set(name, { value, header: stringifySetCookie({ ...options, name, value }) });
  }

  delete(name: string, options: { path: string }): void {
    // As Astro deletes: an expired cookie with a placeholder value.
    this.#outgoing.set(name, { value: undefined, header: stringifySetCookie({ ...options, name, value: 'deleted', expires: new Date(0) }) });
  }

  /** The Set-Cookie headers of the answer, in the order the cookies were first set. */
  setCookieHeaders(): string[] {
    return [...this.#outgoing.values()].map((o) => o.header);
  }
}
