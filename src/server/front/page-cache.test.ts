import { afterEach, describe, expect, it } from 'vitest';
import { forgetSharedPages, keepSharedPage, mayKeep, sharedKey, sharedPage, sharedPageCount } from './page-cache.ts';

const body = (s: string) => new TextEncoder().encode(s);

describe('which requests may be answered with a kept public page', () => {
  it('a GET or HEAD without query string, with no cookie or only the language', () => {
    expect(sharedKey('GET', '/e-tjanster/tvatt', undefined)).toBe('\n/e-tjanster/tvatt');
    expect(sharedKey('HEAD', '/e-tjanster/tvatt', '')).toBe('\n/e-tjanster/tvatt');
    expect(sharedKey('GET', '/e-tjanster/tvatt', 'lang=en')).toBe('en\n/e-tjanster/tvatt');
    expect(sharedKey('GET', '/', ' lang=sv ; ')).toBe('sv\n/');
  });

  it('never a request with any other cookie (a journey, a login, a session)', () => {
    expect(sharedKey('GET', '/e-tjanster/tvatt', 'st_j_tvatt.0=abc')).toBeUndefined();
    expect(sharedKey('GET', '/e-tjanster/tvatt', 'lang=sv; st_citizen=xyz')).toBeUndefined();
    expect(sharedKey('GET', '/e-tjanster/tvatt', 'besok=1')).toBeUndefined();
    expect(sharedKey('GET', '/e-tjanster/tvatt', 'garbage')).toBeUndefined();
  });

  it('never a form post, a query string (a search), or a language that is not a plain code', () => {
    expect(sharedKey('POST', '/e-tjanster/tvatt', undefined)).toBeUndefined();
    expect(sharedKey('GET', '/?q=st%C3%A4d', undefined)).toBeUndefined();
    expect(sharedKey('GET', '/e-tjanster/tvatt', 'lang=<script>')).toBeUndefined();
    expect(sharedKey('GET', '/e-tjanster/tvatt', 'lang=english')).toBeUndefined();
    expect(sharedKey('GET', 'http://elsewhere/x', undefined)).toBeUndefined();
    expect(sharedKey(undefined, '/x', undefined)).toBeUndefined();
  });
});

describe('which renderings are kept', () => {
  const ok = { key: '\n/x', shared: true, status: 200, setsCookie: false, askedLang: undefined, renderedLang: 'sv' };
  it('a 200 of a page that marked itself shared, setting no cookie', () => {
    expect(mayKeep(ok)).toBe(true);
    expect(mayKeep({ ...ok, askedLang: 'en', renderedLang: 'en' })).toBe(true);
  });
  it('nothing else', () => {
    expect(mayKeep({ ...ok, key: undefined })).toBe(false);
    expect(mayKeep({ ...ok, shared: undefined })).toBe(false);
    expect(mayKeep({ ...ok, status: 404 })).toBe(false);
    expect(mayKeep({ ...ok, status: 410 })).toBe(false);
    expect(mayKeep({ ...ok, setsCookie: true })).toBe(false);
    // A language cookie we do not have: the page was rendered in the default language instead.
    expect(mayKeep({ ...ok, askedLang: 'xx', renderedLang: 'sv' })).toBe(false);
  });
});

describe('kept pages', () => {
  afterEach(() => forgetSharedPages());

  it('are served with their headers until they are PUBLIC_CACHE_SECONDS (5) old', () => {
    keepSharedPage('\n/a', [['content-type', 'text/html']], body('<h1>A</h1>'), 1_000);
    expect(new TextDecoder().decode(sharedPage('\n/a', 1_000)?.body)).toBe('<h1>A</h1>');
    expect(sharedPage('\n/a', 5_999)?.headers).toEqual([['content-type', 'text/html']]);
    expect(sharedPage('\n/a', 6_000)).toBeUndefined();
    expect(sharedPage('\n/b', 1_000)).toBeUndefined();
  });

  it('are kept per language', () => {
    keepSharedPage('sv\n/a', [], body('sv'), 0);
    keepSharedPage('en\n/a', [], body('en'), 0);
    expect(new TextDecoder().decode(sharedPage('en\n/a', 1)?.body)).toBe('en');
    expect(new TextDecoder().decode(sharedPage('sv\n/a', 1)?.body)).toBe('sv');
  });

  it('are all forgotten at once after a change', () => {
    keepSharedPage('\n/a', [], body('a'), 0);
    keepSharedPage('\n/b', [], body('b'), 0);
    forgetSharedPages();
    expect(sharedPageCount()).toBe(0);
    expect(sharedPage('\n/a', 1)).toBeUndefined();
  });

  it('stay few: the oldest go first beyond 500, and a large page is not kept', () => {
    for (let i = 0; i < 600; i++) keepSharedPage(`\n/p${i}`, [], body('x'), 0);
    expect(sharedPageCount()).toBe(500);
    expect(sharedPage('\n/p0', 1)).toBeUndefined();
    expect(sharedPage('\n/p599', 1)).toBeDefined();
    keepSharedPage('\n/large', [], new Uint8Array(65 * 1024), 0);
    expect(sharedPage('\n/large', 1)).toBeUndefined();
  });
});
