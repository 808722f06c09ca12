/**
 * Sealed cookies: a value encrypted and authenticated with the maintained iron format
 * (iron-webcrypto: AES-256-CBC + HMAC-SHA256, a fresh salt and IV per seal), under a password
 * derived from COOKIE_SECRET for this purpose alone, bound to the cookie's name, optionally with a
 * lifetime after which it no longer opens; split over several cookies when large. Used for a
 * citizen's answers in progress (docs/adr/0011), so they survive a database outage and any
 * instance can serve the next request, and for a few short-lived values of a login.
 */
import type { AstroCookies } from 'astro';
import { defaults, seal as ironSeal, unseal as ironUnseal, type SealOptions } from 'iron-webcrypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { config } from './config.ts';
import { deriveKey } from './secrets.ts';

/** What sealed cookies need of a page's cookies. */
export type CookieJar = Pick<AstroCookies, 'get' | 'has' | 'set' | 'delete'>;

const CHUNK = 3500;
const MAX_CHUNKS = 6;

let password: Buffer | undefined;
const secret = () => (password ??= deriveKey('sealed-cookie:iron'));

/** A value's JSON is compressed only when larger than this: on a small value zlib costs more than it saves. */
export const COMPRESS_ABOVE = 1024;

/**
 * The sealed text: `j` and the JSON, or `z` and the raw-deflated JSON in base64, so long free
 * texts keep a journey within the cookies' budget. The prefix is sealed with the value.
 */
const encode = (data: unknown): string => {
  const json = JSON.stringify(data);
  return json.length > COMPRESS_ABOVE ? `z${deflateRawSync(json).toString('base64')}` : `j${json}`;
};
const decode = (text: string): unknown => JSON.parse(text[0] === 'z' ? inflateRawSync(Buffer.from(text.slice(1), 'base64'), { maxOutputLength: 1024 * 1024 }).toString('utf8') : text.slice(1));

const options = (ttlMs: number): SealOptions => ({ ...defaults, ttl: ttlMs, encode, decode });

/** `ttlMs`: how long the sealed value opens (0: for as long as the secret is the same). */
export async function seal(value: unknown, name: string, ttlMs = 0): Promise<string> {
  return ironSeal({ n: name, v: value }, secret(), options(ttlMs));
}

/** The value, or undefined when the text was not sealed here for this name, was changed, or has expired. */
export async function unseal(sealed: string, name: string): Promise<unknown> {
  try {
    const opened = (await ironUnseal(sealed, secret(), options(0))) as { n?: unknown; v?: unknown } | null;
    return opened && opened.n === name ? opened.v : undefined;
  } catch {
    return undefined;
  }
}

export class SealedCookieTooLargeError extends Error {
  constructor(name: string) {
    super(`Sealed cookie "${name}" is too large`);
    this.name = 'SealedCookieTooLargeError';
  }
}

export async function readSealed(cookies: CookieJar, name: string): Promise<unknown> {
  const first = cookies.get(`${name}.0`)?.value;
  if (!first) return undefined;
  let joined = first;
  for (let i = 1; i < MAX_CHUNKS; i++) {
    const part = cookies.get(`${name}.${i}`)?.value;
    if (!part) break;
    joined += part;
  }
  return unseal(joined, name);
}

/**
 * `ttlMs`: the value opens for this long, and the browser drops the cookie after it too (without
 * it, the cookie lasts as long as the browser's session, and the value as long as the secret).
 */
export async function writeSealed(cookies: CookieJar, name: string, value: unknown, ttlMs = 0): Promise<void> {
  const sealed = await seal(value, name, ttlMs);
  const parts = Math.ceil(sealed.length / CHUNK);
  if (parts > MAX_CHUNKS) throw new SealedCookieTooLargeError(name);
  const opts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config().secureCookies, ...(ttlMs > 0 ? { maxAge: Math.ceil(ttlMs / 1000) } : {}) };
  for (let i = 0; i < MAX_CHUNKS; i++) {
    if (i < parts) cookies.set(`${name}.${i}`, sealed.slice(i * CHUNK, (i + 1) * CHUNK), opts);
    else if (cookies.has(`${name}.${i}`)) cookies.delete(`${name}.${i}`, { path: '/' });
  }
}

export function clearSealed(cookies: CookieJar, name: string): void {
  for (let i = 0; i < MAX_CHUNKS; i++) if (cookies.has(`${name}.${i}`)) cookies.delete(`${name}.${i}`, { path: '/' });
}
