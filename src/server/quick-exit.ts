/**
 * "Lämna sidan snabbt" through the portal: everything the portal keeps in this browser is removed
 * (every cookie the request carries: journeys and their receipts, a draft being continued, a login
 * in progress, the e-legitimation session, ratings, the language), the e-legitimation session ends
 * on the server too, and the browser is sent on to the neutral site. A plain link, so it works
 * without JavaScript; the optional script only makes it replace the history entry.
 */
import type { AstroCookies } from 'astro';
import type { Db } from '../../db/client.ts';
import { isUnavailable } from './db.ts';
import { log } from './log.ts';
import { invalidateCitizenSession } from './citizen/session.ts';

export const QUICK_EXIT_PATH = '/lamna-sidan';

/** The names of the cookies a request carries. */
export function cookieNames(header: string | null): string[] {
  if (!header) return [];
  return [...new Set(header.split(';').map((c) => c.split('=')[0]!.trim()).filter((n) => n !== ''))];
}

export async function forgetThisBrowser(opts: { cookies: Pick<AstroCookies, 'delete'>; cookieHeader: string | null; citizenSessionId: string | undefined; db: () => Promise<Db> }): Promise<void> {
  for (const name of cookieNames(opts.cookieHeader)) opts.cookies.delete(name, { path: '/' });
  if (!opts.citizenSessionId) return;
  try {
    await invalidateCitizenSession(await opts.db(), opts.citizenSessionId);
  } catch (e) {
    // The cookie is gone anyway; the session row expires by itself after its idle time.
    if (!isUnavailable(e)) throw e;
    log('warn', 'quick exit: the e-legitimation session could not be ended now (database unavailable)', {}, e);
  }
}

/**
 * The answer that sends the browser on: besides removing the cookies one by one, it asks the
 * browser to clear what it keeps for the portal (where it honours Clear-Site-Data).
 */
export function leaveFor(neutralUrl: string): Response {
  return new Response(null, {
    status: 303,
    headers: { Location: neutralUrl, 'Clear-Site-Data': '"cache", "cookies", "storage"', 'Cache-Control': 'no-store' },
  });
}
