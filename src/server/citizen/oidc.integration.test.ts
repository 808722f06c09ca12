/**
 * Login with e-legitimation against the real local OIDC provider, in process: the browser's part
 * (authorize, pick a test person, redirects) is played by fetch with a small cookie jar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevProvider, type DevProvider } from '../oidc-dev/provider.ts';
import { beginLogin, completeLogin, LoginRefusedError, type OidcSettings, type PendingLogin } from './oidc.ts';

const ORIGIN = 'http://localhost:4999';
let provider: DevProvider;
let settings: OidcSettings;

beforeAll(async () => {
  provider = await startDevProvider({ port: 0, clientId: 'portal', clientSecret: 'test-secret-test-secret', redirectUris: [`${ORIGIN}/logga-in/callback`] });
  settings = {
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: 'portal',
    OIDC_CLIENT_SECRET: 'test-secret-test-secret',
    OIDC_SCOPES: 'openid profile https://id.oidc.se/scope/naturalPersonNumber',
    OIDC_ACR_VALUES: 'http://id.elegnamnden.se/loa/1.0/loa3',
    OIDC_PERSONNUMMER_CLAIM: 'https://id.oidc.se/claim/personalIdentityNumber',
    PUBLIC_ORIGIN: ORIGIN,
  };
});
afterAll(async () => provider.close());

/** Follows the provider's redirects as a browser would, picking `personnummer` on its login page. */
async function authenticate(authUrl: string, personnummer: string | 'cancel'): Promise<URL> {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers ?? {}), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return res;
  };
  let url = authUrl;
  let res = await send(url);
  for (let hops = 0; hops < 10; hops++) {
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location')!, url).toString();
      if (url.startsWith(ORIGIN)) return new URL(url);
      res = await send(url);
      continue;
    }
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Vem vill du logga in som?');
    const body = personnummer === 'cancel' ? 'action=cancel' : `action=login&personnummer=${personnummer}`;
    res = await send(url, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }
  throw new Error('too many redirects');
}

describe('login with e-legitimation through the OIDC provider', () => {
  it('gives the personnummer and name of the person chosen, and asks for PKCE, state, nonce and acr', async () => {
    const { url, pending } = await beginLogin('/mina-sidor', settings);
    const u = new URL(url);
    expect(u.searchParams.get('code_challenge_method')).toBe('S256');
    expect(u.searchParams.get('state')).toBe(pending.state);
    expect(u.searchParams.get('nonce')).toBe(pending.nonce);
    expect(u.searchParams.get('acr_values')).toBe(settings.OIDC_ACR_VALUES);
    const back = await authenticate(url, '194501103297');
    const citizen = await completeLogin(back, pending, settings);
    // The provider sends no address for Greta: none is made up.
    expect(citizen).toEqual({ personnummer: '19450110-3297', name: 'Greta Dottersson', assurance: 'http://id.elegnamnden.se/loa/1.0/loa3', address: null });
  });

  it('gives the address the provider sends in the OIDC address claim, as a postal address', async () => {
    const { url, pending } = await beginLogin('/mina-sidor', settings);
    const citizen = await completeLogin(await authenticate(url, '198912312389'), pending, settings);
    expect(citizen).toMatchObject({ personnummer: '19891231-2389', address: { street: 'Kyrkogatan 8', postcode: '696 30', city: 'Askersund' } });
  });

  it('refuses a callback whose state is not the one sent', async () => {
    const { url, pending } = await beginLogin('/', settings);
    const back = await authenticate(url, '194001042383');
    const forged: PendingLogin = { ...pending, state: 'another-state-value-entirely' };
    await expect(completeLogin(back, forged, settings)).rejects.toMatchObject({ name: 'LoginRefusedError', code: 'state' });
  });

  it('refuses an ID token whose nonce is not the one sent', async () => {
    const { url, pending } = await beginLogin('/', settings);
    const back = await authenticate(url, '194001042383');
    const other: PendingLogin = { ...pending, nonce: 'a-nonce-that-was-never-sent' };
    const err = await completeLogin(back, other, settings).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoginRefusedError);
    expect((err as LoginRefusedError).code).toBe('nonce');
  });

  it('refuses a code presented with the wrong PKCE verifier, and a login attempt that is too old', async () => {
    const { url, pending } = await beginLogin('/', settings);
    const back = await authenticate(url, '194001042383');
    await expect(completeLogin(back, { ...pending, verifier: 'x'.repeat(43) }, settings)).rejects.toBeInstanceOf(LoginRefusedError);
    await expect(completeLogin(back, { ...pending, startedAt: Date.now() - 11 * 60_000 }, settings)).rejects.toMatchObject({ code: 'expired' });
  });

  it('says so when the person cancels at the provider', async () => {
    const { url, pending } = await beginLogin('/', settings);
    const back = await authenticate(url, 'cancel');
    await expect(completeLogin(back, pending, settings)).rejects.toMatchObject({ code: 'denied' });
  });
});
