import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalServer, readStaticFiles } from './server.ts';
import { forgetSharedPages, keepSharedPage } from './page-cache.ts';

/** The front server with a stand-in for the Astro app that records what reached it. */
let server: http.Server;
let base: string;
const reached: string[] = [];

beforeAll(async () => {
  const client = mkdtempSync(path.join(tmpdir(), 'st-front-'));
  mkdirSync(path.join(client, '_astro'));
  writeFileSync(path.join(client, '_astro', 'Layout.abc123.css'), 'body{color:#000}');
  writeFileSync(path.join(client, 'quick-exit.js'), 'void 0;');
  server = createPortalServer((req, res) => {
    reached.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<h1>rendered</h1>');
  }, readStaticFiles(client));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  forgetSharedPages();
  await new Promise((resolve) => server.close(resolve));
});

describe('the portal\'s HTTP server', () => {
  it('serves built static files from memory, hashed ones cached for a year, others revalidated by ETag', async () => {
    const css = await fetch(`${base}/_astro/Layout.abc123.css`);
    expect(css.status).toBe(200);
    expect(await css.text()).toBe('body{color:#000}');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toContain('immutable');
    expect(css.headers.get('x-content-type-options')).toBe('nosniff');
    const js = await fetch(`${base}/quick-exit.js`);
    expect(js.headers.get('cache-control')).toBe('public, max-age=0');
    const etag = js.headers.get('etag')!;
    const again = await fetch(`${base}/quick-exit.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(reached).toEqual([]);
  });

  it('answers a kept public page without rendering, only to a request without cookies but the language', async () => {
    keepSharedPage('\n/e-tjanster/tvatt', [['content-type', 'text/html; charset=utf-8'], ['x-kept', 'yes']], new TextEncoder().encode('<h1>kept</h1>'));
    const kept = await fetch(`${base}/e-tjanster/tvatt`);
    expect(await kept.text()).toBe('<h1>kept</h1>');
    expect(kept.headers.get('x-kept')).toBe('yes');
    expect(reached).toEqual([]);
    // With a journey cookie, or in another language, the app renders it.
    expect(await (await fetch(`${base}/e-tjanster/tvatt`, { headers: { cookie: 'st_j_tvatt.0=abc' } })).text()).toBe('<h1>rendered</h1>');
    expect(await (await fetch(`${base}/e-tjanster/tvatt`, { headers: { cookie: 'lang=en' } })).text()).toBe('<h1>rendered</h1>');
    expect(await (await fetch(`${base}/e-tjanster/tvatt`, { method: 'POST', body: 'a=1' })).text()).toBe('<h1>rendered</h1>');
    expect(reached).toEqual(['GET /e-tjanster/tvatt', 'GET /e-tjanster/tvatt', 'POST /e-tjanster/tvatt']);
  });

  it('hands a path that is not valid percent-encoding to the app\'s bad-request page', async () => {
    reached.length = 0;
    await (await fetch(`${base}/e-tjanster/%E0%A4%A`)).text();
    expect(reached).toEqual(['GET /400']);
  });
});
