/** The front server's cookie jar reads and writes cookies exactly as Astro's cookies do. */
import { describe, expect, it } from 'vitest';
// Astro's own implementation, to compare with (not among the package's public exports).
import { AstroCookies } from '../../node_modules/astro/dist/core/cookies/cookies.js';
import { RequestCookieJar } from './cookie-jar.ts';

const header = 'st_j_tvatt.0=j.abc-_123; lang=en; other=a%20b';
const astroJar = () => new AstroCookies(new Request('http://localhost/', { headers: { cookie: header } }), { warn: () => undefined });
const options = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: true };

describe('a cookie jar over a request\'s Cookie header', () => {
  it('reads what Astro reads, decoding as it does', () => {
    const ours = new RequestCookieJar(header);
    const astro = astroJar();
    for (const name of ['st_j_tvatt.0', 'lang', 'other', 'missing']) {
      expect(ours.get(name)?.value).toBe(astro.get(name)?.value);
      expect(ours.has(name)).toBe(astro.has(name));
    }
    expect(ours.get('other')?.value).toBe('a b');
    expect(new RequestCookieJar(undefined).get('lang')).toBeUndefined();
  });

  it('writes the same Set-Cookie headers for a cookie set and one deleted, and reads its own writes', () => {
    const ours = new RequestCookieJar(header);
    const astro = astroJar();
    for (const jar of [ours, astro]) {
      jar.set('st_j_tvatt.0', 'j.new_value-1', options);
      jar.set('st_j_tvatt.1', 'z.second', { ...options, secure: false });
      jar.delete('lang', { path: '/' });
    }
    expect(ours.setCookieHeaders()).toEqual([...astro.headers()]);
    expect(ours.setCookieHeaders()[0]).toBe('st_j_tvatt.0=j.new_value-1; Path=/; HttpOnly; Secure; SameSite=Lax');
    for (const name of ['st_j_tvatt.0', 'st_j_tvatt.1', 'lang', 'other']) {
      expect(ours.get(name)?.value).toBe(astro.get(name)?.value);
      expect(ours.has(name)).toBe(astro.has(name));
    }
    expect(ours.has('lang')).toBe(false);
  });

  it('sets no cookie unless asked to', () => {
    expect(new RequestCookieJar(header).setCookieHeaders()).toEqual([]);
  });
});
