/**
 * The hand-over between the front server (front/server.ts) and the app for the most frequent
 * write of all: a citizen sending a completed journey from its check-answers page.
 *
 * The front server reads such a form post (small, URL-encoded, same origin) itself and offers it
 * to the handler the app registers here (server/send-journey.ts, bundled with the app so that it
 * shares the app's database handle, its submissions received together and its limits). The
 * handler either sends the journey and answers the 303 to the confirmation itself, or declines
 * before writing anything: then the request goes on to the app as any other, with the body
 * already read (the adapter takes it from `req.body`) and, when sending was tried and failed, the
 * failure in `locals.sendFailure`, so that the page shows that outcome without trying again.
 *
 * The registry is kept on `globalThis` because the front server and the built app are loaded as
 * separate module graphs in one process.
 */
import type http from 'node:http';

export type SendOutcome = { handled: true } | { handled: false; failure?: unknown };

/**
 * Sends the journey of this request and answers it (`handled: true`), or declines without
 * writing to `res` or to the database (`handled: false`); `failure`: sending was tried and failed.
 */
export type DirectSend = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => Promise<SendOutcome>;

const KEY = Symbol.for('socialtjanstportalen.directSend');
type Registry = { [KEY]?: DirectSend };

export function registerDirectSend(handler: DirectSend | undefined): void {
  (globalThis as Registry)[KEY] = handler;
}

export function registeredDirectSend(): DirectSend | undefined {
  return (globalThis as Registry)[KEY];
}

/** An e-tjänst's page, /e-tjanster/<id>/<page>, without a query string. */
const PAGE_PATH = /^\/e-tjanster\/[a-z0-9-]{1,80}\/[a-z0-9-]{1,80}$/;

/**
 * Whether the front server offers this request to the handler: a POST to an e-tjänst's page with
 * a URL-encoded body of a declared length within `maxBytes` (a longer one goes to the app, which
 * answers it with its "too large" page). Only the headers are looked at.
 */
export function mayOffer(req: http.IncomingMessage, maxBytes: number): boolean {
  if (req.method !== 'POST' || !req.url || !PAGE_PATH.test(req.url)) return false;
  const type = req.headers['content-type'];
  if (!type || !/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) return false;
  if (req.headers['transfer-encoding'] !== undefined) return false;
  const length = req.headers['content-length'];
  if (length === undefined || !/^\d{1,9}$/.test(length)) return false;
  return Number(length) <= maxBytes;
}

/** The body of a request offered (its declared length is within bounds: see mayOffer). */
export function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.once('error', reject);
    // Closed before the end: the client went away (after the end this changes nothing).
    req.once('close', () => reject(new Error('request closed before its body arrived')));
  });
}
