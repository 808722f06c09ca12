import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPortalServer, readStaticFiles } from './server.ts';
import { forgetSharedPages, keepSharedPage } from './page-cache.ts';
import { mayOffer, registerDirectSend, type SendOutcome } from './direct-send.ts';

/** The front server with a stand-in for the Astro app that records what reached it. */
let server: http.Server;
let base: string;
const reached: string[] = [];
/** What reached the app with a body the front server had read, and the locals it was given. */
const handedOver: { url: string; body: string | undefined; locals: unknown }[] = [];

beforeAll(async () => {
  const client = mkdtempSync(path.join(tmpdir(), 'st-front-'));
  mkdirSync(path.join(client, '_astro'));
  writeFileSync(path.join(client, '_astro', 'Layout.abc123.css'), 'body{color:#000}');
  writeFileSync(path.join(client, 'quick-exit.js'), 'void 0;');
  server = createPortalServer(
    async (req, res, _next, locals) => {
      reached.push(`${req.method} ${req.url}`);
      const given = (req as http.IncomingMessage & { body?: Buffer }).body;
      if (given !== undefined) handedOver.push({ url: req.url!, body: given.toString(), locals });
      // A body not read by the front server is still there for the app to read.
      else for await (const _ of req) void _;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<h1>rendered</h1>');
    },
    readStaticFiles(client),
    { maxFormBytes: 100 },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  registerDirectSend(undefined);
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

describe('sending a completed journey from the front server', () => {
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const offered: string[] = [];
  let answer: (body: string) => SendOutcome | 'throw' = () => ({ handled: false });

  beforeEach(() => {
    registerDirectSend(async (req, res, body) => {
      offered.push(`${req.url} ${body.toString()}`);
      const a = answer(body.toString());
      if (a === 'throw') throw new Error('unexpected');
      if (a.handled) {
        res.writeHead(303, { location: '/e-tjanster/tvatt/klart', 'content-length': '0' });
        res.end();
      }
      return a;
    });
  });

  it('offers a small URL-encoded POST to an e-tjänst\'s page to the app\'s handler, which may answer it itself', async () => {
    reached.length = 0;
    answer = () => ({ handled: true });
    const res = await fetch(`${base}/e-tjanster/tvatt/kontrollera`, { method: 'POST', headers: form, body: 'token=abc', redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/e-tjanster/tvatt/klart');
    expect(offered.at(-1)).toBe('/e-tjanster/tvatt/kontrollera token=abc');
    expect(reached).toEqual([]);
  });

  it('hands a declined post to the app with the body already read, and a failure of sending in the locals', async () => {
    reached.length = 0;
    handedOver.length = 0;
    answer = (body) => (body.includes('fail') ? { handled: false, failure: new Error('database down') } : { handled: false });
    expect((await fetch(`${base}/e-tjanster/tvatt/typ`, { method: 'POST', headers: form, body: 'typ=a&b=%C3%A5' })).status).toBe(200);
    expect((await fetch(`${base}/e-tjanster/tvatt/kontrollera`, { method: 'POST', headers: form, body: 'token=fail' })).status).toBe(200);
    expect(handedOver).toEqual([
      { url: '/e-tjanster/tvatt/typ', body: 'typ=a&b=%C3%A5', locals: undefined },
      { url: '/e-tjanster/tvatt/kontrollera', body: 'token=fail', locals: { sendFailure: new Error('database down') } },
    ]);
  });

  it('hands the post to the app when the handler throws, and when no handler is registered yet', async () => {
    handedOver.length = 0;
    answer = () => 'throw';
    expect(await (await fetch(`${base}/e-tjanster/tvatt/kontrollera`, { method: 'POST', headers: form, body: 'token=x' })).text()).toBe('<h1>rendered</h1>');
    registerDirectSend(undefined);
    expect(await (await fetch(`${base}/e-tjanster/tvatt/kontrollera`, { method: 'POST', headers: form, body: 'token=y' })).text()).toBe('<h1>rendered</h1>');
    expect(handedOver).toEqual([
      { url: '/e-tjanster/tvatt/kontrollera', body: 'token=x', locals: undefined },
      { url: '/e-tjanster/tvatt/kontrollera', body: 'token=y', locals: undefined },
    ]);
  });

  it('leaves every other request to the app unread: other paths, a query, other types, a larger body', async () => {
    const before = offered.length;
    reached.length = 0;
    handedOver.length = 0;
    const posts: [string, Record<string, string>, string][] = [
      ['/handlaggning/logga-in', form, 'a=1'],
      ['/e-tjanster/tvatt/kontrollera?andra=1', form, 'a=1'],
      ['/e-tjanster/tvatt/kontrollera', { 'content-type': 'multipart/form-data; boundary=x' }, '--x--'],
      ['/e-tjanster/tvatt/kontrollera', { 'content-type': 'text/plain' }, 'a=1'],
      ['/e-tjanster/tvatt/kontrollera', form, `a=${'x'.repeat(200)}`],
    ];
    for (const [p, headers, body] of posts) expect((await fetch(`${base}${p}`, { method: 'POST', headers, body })).status).toBe(200);
    expect(offered.length).toBe(before);
    expect(handedOver).toEqual([]);
    expect(reached).toHaveLength(posts.length);
  });

  it('decides from the headers alone', () => {
    const req = (method: string, url: string, headers: Record<string, string>) => ({ method, url, headers }) as unknown as http.IncomingMessage;
    const ok = { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8', 'content-length': '40' };
    expect(mayOffer(req('POST', '/e-tjanster/tvatt/kontrollera', ok), 100)).toBe(true);
    expect(mayOffer(req('GET', '/e-tjanster/tvatt/kontrollera', ok), 100)).toBe(false);
    expect(mayOffer(req('POST', '/e-tjanster/tvatt', ok), 100)).toBe(false);
    expect(mayOffer(req('POST', '/e-tjanster/tvatt/kontrollera/x', ok), 100)).toBe(false);
    expect(mayOffer(req('POST', '/e-tjanster/../kontrollera', ok), 100)).toBe(false);
    expect(mayOffer(req('POST', '/e-tjanster/tvatt/kontrollera', { ...ok, 'content-length': '101' }), 100)).toBe(false);
    expect(mayOffer(req('POST', '/e-tjanster/tvatt/kontrollera', { 'content-type': ok['content-type'] }), 100)).toBe(false);
    expect(mayOffer(req('POST', '/e-tjanster/tvatt/kontrollera', { ...ok, 'transfer-encoding': 'chunked' }), 100)).toBe(false);
    expect(mayOffer(req('POST', '/e-tjanster/tvatt/kontrollera', { ...ok, 'content-type': 'application/x-www-form-urlencodedx' }), 100)).toBe(false);
  });
});
