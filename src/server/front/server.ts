/**
 * The portal's HTTP server: a `node:http` server in front of the built Astro app (the adapter's
 * middleware mode). In order:
 *
 *  1. the built static files (stylesheets, favicon, the optional quick-exit script), read into
 *     memory at start and answered from there;
 *  2. a shared public page kept from an earlier rendering (front/page-cache.ts), for a request
 *     that may be answered with one;
 *  3. the sending of a completed journey (a small URL-encoded POST to an e-tjänst's page), offered
 *     to the app's own handler for it (front/direct-send.ts), which answers it without the
 *     framework's rendering or declines it to the app;
 *  4. everything else: the Astro app (middleware, pages, endpoints, error pages).
 *
 * Run by scripts/start.ts; the tests and benchmarks start the portal through that script too.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sharedKey, sharedPage } from './page-cache.ts';
import { log } from '../log.ts';
import { mayOffer, readBody, registeredDirectSend, type SendOutcome } from './direct-send.ts';

/** The adapter's handler; `locals` are handed to the app's middleware and pages. */
type NodeHandler = (req: http.IncomingMessage, res: http.ServerResponse, next?: undefined, locals?: Partial<App.Locals>) => void | Promise<void>;

/** The largest URL-encoded form the front server reads itself (the app's MAX_FORM_BYTES). */
export type FrontOptions = { maxFormBytes: number };

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export type StaticFile = { body: Buffer; headers: Record<string, string> };

/**
 * Every file of the built client folder by URL path. Files under /_astro/ carry a content hash
 * in their name and are cached for a year; the others are revalidated by their ETag.
 */
export function readStaticFiles(clientDir: string, assetsDir = '_astro'): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.')) continue;
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        walk(full);
        continue;
      }
      const urlPath = '/' + path.relative(clientDir, full).split(path.sep).join('/');
      const body = readFileSync(full);
      const immutable = urlPath.startsWith(`/${assetsDir}/`);
      files.set(urlPath, {
        body,
        headers: {
          'Content-Type': TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream',
          'Content-Length': String(body.length),
          'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=0',
          ETag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    }
  };
  walk(clientDir);
  return files;
}

function answerStatic(files: Map<string, StaticFile>, req: http.IncomingMessage, res: http.ServerResponse): boolean {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url) return false;
  const q = req.url.indexOf('?');
  const file = files.get(q < 0 ? req.url : req.url.slice(0, q));
  if (!file) return false;
  if (req.headers['if-none-match'] === file.headers.ETag) {
    res.writeHead(304, { ETag: file.headers.ETag, 'Cache-Control': file.headers['Cache-Control'] });
    res.end();
    return true;
  }
  res.writeHead(200, file.headers);
  if (req.method === 'HEAD') res.end();
  else res.end(file.body);
  return true;
}

/** Answers from a shared page when one is kept for this request; true when it did. */
export function answerFromSharedPage(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const key = sharedKey(req.method, req.url, req.headers.cookie);
  if (key === undefined) return false;
  const page = sharedPage(key);
  if (!page) return false;
  res.writeHead(200, page.headers);
  if (req.method === 'HEAD') res.end();
  else res.end(page.body);
  return true;
}

function isDecodable(url: string): boolean {
  try {
    decodeURI(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * A form post the app's send handler may take: read here, offered to it, and when it declines,
 * handed to the app with the body read and any failure of sending in the locals.
 */
async function offerToSend(app: NodeHandler, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch {
    // The client went away before its form had arrived: there is no one to answer.
    res.destroy();
    return;
  }
  const send = registeredDirectSend();
  let outcome: SendOutcome = { handled: false };
  if (send) {
    try {
      outcome = await send(req, res, body);
    } catch (e) {
      // The handler declines by returning; should it throw, the app (which sends idempotently by
      // the form's token) takes the request over from the start.
      outcome = { handled: false };
      log('error', 'sending from the front server failed unexpectedly; the app takes the request over', { path: req.url ?? '' }, e);
    }
  }
  if (outcome.handled) return;
  // The adapter reads a body given here instead of the (already read) request stream.
  (req as http.IncomingMessage & { body?: Buffer }).body = body;
  await app(req, res, undefined, outcome.failure !== undefined ? { sendFailure: outcome.failure } : undefined);
}

export function createPortalServer(app: NodeHandler, files: Map<string, StaticFile>, options: FrontOptions = { maxFormBytes: 64 * 1024 }): http.Server {
  return http.createServer((req, res) => {
    // A path that is not even valid percent-encoding gets the portal's "bad request" page.
    if (req.url && !isDecodable(req.url)) req.url = '/400';
    if (answerStatic(files, req, res) || answerFromSharedPage(req, res)) return;
    if (mayOffer(req, options.maxFormBytes)) {
      void offerToSend(app, req, res);
      return;
    }
    void app(req, res);
  });
}

/** The built portal (the folder holding server/entry.mjs and client/): its app handler and static files. */
export async function loadBuiltPortal(dist: string): Promise<{ app: NodeHandler; files: Map<string, StaticFile> }> {
  const entry = path.join(dist, 'server', 'entry.mjs');
  const mod = (await import(pathToFileURL(entry).href)) as { handler?: NodeHandler };
  if (typeof mod.handler !== 'function') throw new Error(`${entry} exports no request handler`);
  return { app: mod.handler, files: readStaticFiles(path.join(dist, 'client')) };
}

/** Starts the server for the built portal in `dist` on host:port; resolves once it listens. */
export async function startPortalServer(dist: string, host: string, port: number, options?: FrontOptions): Promise<http.Server> {
  const { app, files } = await loadBuiltPortal(dist);
  const server = createPortalServer(app, files, options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
