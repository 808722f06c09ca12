/** The language switch: a plain link that sets the language cookie and goes back. Works without JS. */
import type { APIRoute } from 'astro';
import { isLang } from '../../i18n/index.ts';
import { LANG_COOKIE } from '../../i18n/cookie.ts';
import { config } from '../../server/config.ts';
import { safeReturnPath } from '../../server/http.ts';

export const GET: APIRoute = ({ params, url, cookies, redirect }) => {
  if (!isLang(params.lang)) return new Response(null, { status: 404 });
  cookies.set(LANG_COOKIE, params.lang, { path: '/', sameSite: 'lax', httpOnly: true, secure: config().secureCookies, maxAge: 60 * 60 * 24 * 365 });
  return redirect(safeReturnPath(url.searchParams.get('tillbaka')), 303);
};
