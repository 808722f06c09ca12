/**
 * "Lämna sidan snabbt" (server/quick-exit.ts): forgets this browser's journeys, receipts and
 * e-legitimation session, then leaves for the neutral site (QUICK_EXIT_URL).
 */
import type { APIRoute } from 'astro';
import { config } from '../server/config.ts';
import { getDb } from '../server/db.ts';
import { forgetThisBrowser, leaveFor } from '../server/quick-exit.ts';

export const GET: APIRoute = async ({ request, cookies, locals }) => {
  await forgetThisBrowser({ cookies, cookieHeader: request.headers.get('cookie'), citizenSessionId: locals.citizen?.session.id, db: getDb });
  return leaveFor(config().QUICK_EXIT_URL);
};
