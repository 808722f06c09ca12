/** The login attempt in progress (state, nonce, PKCE verifier, where to return): a short-lived sealed cookie. */
import type { AstroCookies } from 'astro';
import { clearSealed, readSealed, writeSealed } from '../sealed-cookie.ts';
import type { PendingLogin } from './oidc.ts';

const NAME = 'st_login';

export function keepPendingLogin(cookies: AstroCookies, pending: PendingLogin): void {
  writeSealed(cookies, NAME, pending);
}

/** The attempt, read once: the cookie is removed whatever comes next. */
export function takePendingLogin(cookies: AstroCookies): PendingLogin | undefined {
  const v = readSealed(cookies, NAME) as Partial<PendingLogin> | undefined;
  clearSealed(cookies, NAME);
  if (!v || typeof v.state !== 'string' || typeof v.nonce !== 'string' || typeof v.verifier !== 'string' || typeof v.returnTo !== 'string' || typeof v.startedAt !== 'number') return undefined;
  return v as PendingLogin;
}
