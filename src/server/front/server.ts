/**
 * The portal's HTTP server: a `node:http` server in front of the built Astro app (the adapter's
 * middleware mode). In order:
 *
 *  1. the built static files (stylesheets, favicon, the optional quick-exit script), read into
 *     memory at start and answered from there;
 *  2. a shared public page kept from an earlier rendering (front/page-cache.ts), for a request
 *     that may be answered with one;
 *  3. everything else: the Astro app (middleware, pages, endpoints, error pages).
 *
 * Run by scripts/start.ts; the tests and benchmarks start the portal through that script too.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sharedKey, sharedPage } from './page-cache.ts';

type NodeHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

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

export function createPortalServer(app: NodeHandler, files: Map<string, StaticFile>): http.Server {
  return http.createServer((req, res) => {
    // A path that is not even valid percent-encoding gets the portal's "bad request" page.
    if (req.url && !isDecodable(req.url)) req.url = '/400';
    if (answerStatic(files, req, res) || answerFromSharedPage(req, res)) return;
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
export async function startPortalServer(dist: string, host: string, port: number): Promise<http.Server> {
  const { app, files } = await loadBuiltPortal(dist);
  const server = createPortalServer(app, files);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
