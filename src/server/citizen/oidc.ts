/**
 * E-legitimation through an OIDC broker (BankID, Freja eID …): the authorization code flow with
 * PKCE (S256), a fresh state and nonce per attempt, via `openid-client`. The issuer, client, scopes,
 * acr values and the personnummer claim are configuration; the same code serves the local demo
 * provider and a real broker. What a login attempt needs to be completed (state, nonce, PKCE
 * verifier, where to return) is kept by the caller in a short-lived sealed cookie.
 */
import * as client from 'openid-client';
import { formatPersonnummer, parsePersonnummer } from '../../domain/personnummer.ts';
import { config, type Config } from '../config.ts';
import type { Citizen } from './session.ts';
import type { Address } from '../../domain/forms/fields/structured.ts';

/** A login attempt must come back within this long. */
export const LOGIN_TTL_MS = 10 * 60_000;

export type PendingLogin = { state: string; nonce: string; verifier: string; returnTo: string; startedAt: number };

export type LoginRefusal = 'notConfigured' | 'expired' | 'state' | 'nonce' | 'denied' | 'claims' | 'acr' | 'provider';

/** The login could not be completed; `code` says why (shown in plain words, never the details). */
export class LoginRefusedError extends Error {
  readonly code: LoginRefusal;
  constructor(code: LoginRefusal, detail?: string) {
    super(`login refused: ${code}${detail ? ` (${detail})` : ''}`);
    this.name = 'LoginRefusedError';
    this.code = code;
  }
}

export type OidcSettings = Pick<Config, 'OIDC_ISSUER' | 'OIDC_CLIENT_ID' | 'OIDC_CLIENT_SECRET' | 'OIDC_SCOPES' | 'OIDC_ACR_VALUES' | 'OIDC_PERSONNUMMER_CLAIM' | 'PUBLIC_ORIGIN'>;

export function oidcSettings(): OidcSettings {
  return config();
}

export function isLoginConfigured(s: OidcSettings = oidcSettings()): boolean {
  return s.OIDC_ISSUER !== undefined;
}

export function callbackUrl(s: OidcSettings): string {
  return new URL('/logga-in/callback', s.PUBLIC_ORIGIN).toString();
}

/** Plain http is accepted only for a provider on this machine (the local demo provider). */
function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

const discovered = new Map<string, Promise<client.Configuration>>();

async function configuration(s: OidcSettings): Promise<client.Configuration> {
  if (!s.OIDC_ISSUER) throw new LoginRefusedError('notConfigured');
  const key = `${s.OIDC_ISSUER}|${s.OIDC_CLIENT_ID}`;
  let found = discovered.get(key);
  if (!found) {
    const issuer = new URL(s.OIDC_ISSUER);
    const auth = s.OIDC_CLIENT_SECRET ? client.ClientSecretPost(s.OIDC_CLIENT_SECRET) : client.None();
    found = client.discovery(issuer, s.OIDC_CLIENT_ID, undefined, auth, isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : undefined);
    // A failed discovery (the broker briefly down) is not remembered.
    found.catch(() => discovered.delete(key));
    discovered.set(key, found);
  }
  try {
    return await found;
  } catch (e) {
    throw new LoginRefusedError('provider', e instanceof Error ? e.message : undefined);
  }
}

/** Where to send the browser to log in, and what must be kept until it comes back. */
export async function beginLogin(returnTo: string, s: OidcSettings = oidcSettings(), now = Date.now()): Promise<{ url: string; pending: PendingLogin }> {
  const cfg = await configuration(s);
  const verifier = client.randomPKCECodeVerifier();
  const pending: PendingLogin = { state: client.randomState(), nonce: client.randomNonce(), verifier, returnTo, startedAt: now };
  const params: Record<string, string> = {
    redirect_uri: callbackUrl(s),
    response_type: 'code',
    scope: s.OIDC_SCOPES,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    // Every login is a fresh authentication with the e-legitimation, never a remembered one.
    prompt: 'login',
  };
  if (s.OIDC_ACR_VALUES) params.acr_values = s.OIDC_ACR_VALUES;
  return { url: client.buildAuthorizationUrl(cfg, params).toString(), pending };
}

function refusalOf(e: unknown): LoginRefusal {
  const text = e instanceof Error ? `${e.message} ${String((e as { code?: unknown }).code ?? '')} ${e.cause instanceof Error ? e.cause.message : ''}` : '';
  if (/state/i.test(text)) return 'state';
  if (/nonce/i.test(text)) return 'nonce';
  if (/access_denied|login_required|consent_required|interaction_required/i.test(text)) return 'denied';
  return 'provider';
}

/** The claim's value as a personnummer `YYYYMMDD-NNNN`, or undefined if it is not a valid one. */
export function personnummerFromClaim(value: unknown, today = new Date()): string | undefined {
  if (typeof value !== 'string' || !/^[0-9 +-]{10,15}$/.test(value)) return undefined;
  const p = parsePersonnummer(value, today);
  return p ? formatPersonnummer(p) : undefined;
}

/**
 * The OIDC `address` claim (street_address, postal_code, locality) as a Swedish postal address, or
 * undefined when there is none or it is not one (a street on one line, a five-digit postcode, a town).
 */
export function addressFromClaim(value: unknown): Address | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const a = value as Record<string, unknown>;
  const street = typeof a.street_address === 'string' ? a.street_address.trim().replace(/\s*\n\s*/g, ', ') : '';
  const postcode = typeof a.postal_code === 'string' ? a.postal_code.replace(/\s/g, '') : '';
  const city = typeof a.locality === 'string' ? a.locality.trim() : '';
  if (typeof a.country === 'string' && !['SE', 'SWE', 'Sverige', 'Sweden'].includes(a.country.trim())) return undefined;
  if (street === '' || street.length > 200 || city === '' || city.length > 100 || !/^[1-9]\d{4}$/.test(postcode)) return undefined;
  return { street, postcode: `${postcode.slice(0, 3)} ${postcode.slice(3)}`, city };
}

function nameFrom(claims: Record<string, unknown>): string | undefined {
  if (typeof claims.name === 'string' && claims.name.trim() !== '') return claims.name.trim();
  const parts = [claims.given_name, claims.family_name].filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/**
 * Completes a login from the callback URL the broker redirected to. Refused (LoginRefusedError)
 * when the attempt is too old, the state or nonce do not match, the code exchange or the ID token
 * fails its checks, the acr is not one asked for, or the personnummer claim is missing or invalid.
 */
export async function completeLogin(current: URL, pending: PendingLogin | undefined, s: OidcSettings = oidcSettings(), now = Date.now()): Promise<Citizen> {
  if (!pending || now - pending.startedAt > LOGIN_TTL_MS || now < pending.startedAt) throw new LoginRefusedError('expired');
  // Checked here first as well, so a forged callback never reaches the token endpoint.
  if (current.searchParams.get('state') !== pending.state) throw new LoginRefusedError('state');
  if (current.searchParams.has('error')) throw new LoginRefusedError('denied', current.searchParams.get('error') ?? undefined);
  const cfg = await configuration(s);
  // The redirect URI as registered, whatever address the request reached this server by.
  const here = new URL(callbackUrl(s));
  here.search = current.search;
  let tokens;
  try {
    tokens = await client.authorizationCodeGrant(cfg, here, { pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true });
  } catch (e) {
    throw new LoginRefusedError(refusalOf(e), e instanceof Error ? e.message : undefined);
  }
  const idClaims = tokens.claims();
  if (!idClaims) throw new LoginRefusedError('claims', 'no id token');
  if (idClaims.nonce !== pending.nonce) throw new LoginRefusedError('nonce');
  const acrs = (s.OIDC_ACR_VALUES ?? '').split(/\s+/).filter((a) => a !== '');
  if (acrs.length > 0 && (typeof idClaims.acr !== 'string' || !acrs.includes(idClaims.acr))) throw new LoginRefusedError('acr');
  let claims: Record<string, unknown> = { ...idClaims };
  if (claims[s.OIDC_PERSONNUMMER_CLAIM] === undefined && cfg.serverMetadata().userinfo_endpoint) {
    try {
      const info = await client.fetchUserInfo(cfg, tokens.access_token, idClaims.sub);
      claims = { ...info, ...claims };
    } catch (e) {
      throw new LoginRefusedError('provider', e instanceof Error ? e.message : undefined);
    }
  }
  const personnummer = personnummerFromClaim(claims[s.OIDC_PERSONNUMMER_CLAIM], new Date(now));
  const name = nameFrom(claims);
  if (!personnummer || !name) throw new LoginRefusedError('claims');
  return { personnummer, name, assurance: typeof idClaims.acr === 'string' ? idClaims.acr : null, address: addressFromClaim(claims.address) ?? null };
}
