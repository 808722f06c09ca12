/**
 * Starts a login: a fresh state, nonce and PKCE verifier are kept in a short-lived sealed cookie,
 * and the browser is sent to the broker. A GET link (not a form), since the Content Security
 * Policy allows forms to post only to this site.
 */
import type { APIRoute } from 'astro';
import { safeReturnPath } from '../../server/http.ts';
import { log } from '../../server/log.ts';
import { beginLogin } from '../../server/citizen/oidc.ts';
import { keepPendingLogin } from '../../server/citizen/login-cookie.ts';

export const GET: APIRoute = async ({ url, cookies }) => {
  const back = safeReturnPath(url.searchParams.get('tillbaka'), '/mina-sidor');
  try {
    const { url: to, pending } = await beginLogin(back);
    await keepPendingLogin(cookies, pending);
    return new Response(null, { status: 303, headers: { Location: to, 'Cache-Control': 'no-store' } });
  } catch (e) {
    log('error', 'citizen login could not start', {}, e);
    return new Response(null, { status: 303, headers: { Location: `/logga-in?fel=provider&tillbaka=${encodeURIComponent(back)}` } });
  }
};
