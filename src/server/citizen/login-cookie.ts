/** The login attempt in progress (state, nonce, PKCE verifier, where to return): a short-lived sealed cookie. */
import type { AstroCookies } from 'astro';
import { clearSealed, readSealed, writeSealed } from '../sealed-cookie.ts';
import type { PendingLogin } from './oidc.ts';

const NAME = 'st_login';

export async function keepPendingLogin(cookies: AstroCookies, pending: PendingLogin): Promise<void> {
  // A login left unfinished does not outlive the ten minutes the broker gives it.
  await writeSealed(cookies, NAME, pending, 10 * 60_000);
}

/** The attempt, read once: the cookie is removed whatever comes next. */
export async function takePendingLogin(cookies: AstroCookies): Promise<PendingLogin | undefined> {
  const v = (await readSealed(cookies, NAME)) as Partial<PendingLogin> | undefined;
  clearSealed(cookies, NAME);
  if (!v || typeof v.state !== 'string' || typeof v.nonce !== 'string' || typeof v.verifier !== 'string' || typeof v.returnTo !== 'string' || typeof v.startedAt !== 'number') return undefined;
  return v as PendingLogin;
}
