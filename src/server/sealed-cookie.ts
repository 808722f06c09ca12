/**
 * Sealed cookies: JSON, compressed when large, encrypted and authenticated with AES-256-GCM, split over
 * several cookies when large. Used for a citizen's answers in progress, so they survive a
 * database outage and any instance can serve the next request.
 */
import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { AstroCookies } from 'astro';

/** What sealed cookies need of a page's cookies. */
export type CookieJar = Pick<AstroCookies, 'get' | 'has' | 'set' | 'delete'>;
import { config } from './config.ts';
import { deriveKey } from './secrets.ts';
import { randomBytesPooled } from './random.ts';

const CHUNK = 3500;
const MAX_CHUNKS = 6;

let key: KeyObject | undefined;
// Made once: a raw key given to every cipher would be turned into a key object each time.
const k = () => (key ??= createSecretKey(deriveKey('sealed-cookie')));

/**
 * A value's JSON is compressed only when it is larger than this: zlib's set-up costs more than the
 * bytes it saves on a small value (most journeys, and every receipt after sending).
 */
export const COMPRESS_ABOVE = 1024;

/**
 * The sealed form: a marker, `j.` (JSON as it is) or `z.` (JSON compressed with raw deflate), then
 * base64url of IV, tag and ciphertext. The marker is authenticated with the cookie's name, so it
 * cannot be changed. A value sealed before markers existed (always compressed, the name alone
 * authenticated) is still opened.
 */
const aad = (name: string, marker: string) => Buffer.from(`${name}\0${marker}`);

/** `level`: zlib's compression level; a fast one for every request, the best when a value is large. */
export function seal(value: unknown, name: string, level = 1): string {
  const json = Buffer.from(JSON.stringify(value));
  const marker = json.length > COMPRESS_ABOVE ? 'z' : 'j';
  const iv = randomBytesPooled(12);
  const c = createCipheriv('aes-256-gcm', k(), iv);
  // The cookie's name is authenticated too: a value cannot be moved to another cookie.
  c.setAAD(aad(name, marker));
  const body = Buffer.concat([c.update(marker === 'z' ? deflateRawSync(json, { level }) : json), c.final()]);
  return `${marker}.${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64url')}`;
}

export function unseal(sealed: string, name: string): unknown {
  try {
    const marked = sealed[1] === '.' && (sealed[0] === 'j' || sealed[0] === 'z');
    const marker = marked ? sealed[0]! : '';
    const buf = Buffer.from(marked ? sealed.slice(2) : sealed, 'base64url');
    const d = createDecipheriv('aes-256-gcm', k(), buf.subarray(0, 12));
    d.setAAD(marked ? aad(name, marker) : Buffer.from(name));
    d.setAuthTag(buf.subarray(12, 28));
    const plain = Buffer.concat([d.update(buf.subarray(28)), d.final()]);
    return JSON.parse((marker === 'j' ? plain : inflateRawSync(plain, { maxOutputLength: 1024 * 1024 })).toString('utf8'));
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

function options() {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config().secureCookies };
}

export function readSealed(cookies: CookieJar, name: string): unknown {
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

export function writeSealed(cookies: CookieJar, name: string, value: unknown): void {
  let sealed = seal(value, name);
  // Fast compression first; only a value that would not fit is compressed as hard as possible.
  if (sealed.length > CHUNK * MAX_CHUNKS) sealed = seal(value, name, 9);
  const parts = Math.ceil(sealed.length / CHUNK);
  if (parts > MAX_CHUNKS) throw new SealedCookieTooLargeError(name);
  for (let i = 0; i < MAX_CHUNKS; i++) {
    if (i < parts) cookies.set(`${name}.${i}`, sealed.slice(i * CHUNK, (i + 1) * CHUNK), options());
    else if (cookies.has(`${name}.${i}`)) cookies.delete(`${name}.${i}`, { path: '/' });
  }
}

export function clearSealed(cookies: CookieJar, name: string): void {
  for (let i = 0; i < MAX_CHUNKS; i++) if (cookies.has(`${name}.${i}`)) cookies.delete(`${name}.${i}`, { path: '/' });
}
