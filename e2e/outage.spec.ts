/**
 * Our database is down (the second server of the e2e configuration reaches none): every page that
 * needs it answers the 503 "tillfälligt fel" page with Retry-After, never a 500 or a page that
 * pretends all is well; pages that need no database still answer. A journey's answers live in the
 * citizen's browser, so they are still there once the database is back.
 */
import { expect, test, type APIResponse } from '@playwright/test';
import { expectAccessible, expectValidHtml } from './axe.ts';
import { DOWN_PORT } from '../playwright.config.ts';

const DOWN = `http://localhost:${DOWN_PORT}`;

test.use({ javaScriptEnabled: false });

/** `own`: the page says so in its own words (e.g. where it shows what it can without the database). */
async function expectTemporarilyUnavailable(res: APIResponse, url: string, own = false) {
  expect(res.status(), url).toBe(503);
  expect(Number(res.headers()['retry-after']), `${url}: Retry-After`).toBeGreaterThan(0);
  const html = await res.text();
  expect(html).toContain(own ? 'Något gick fel hos oss' : 'Tjänsten är tillfälligt otillgänglig');
  expect(html).not.toMatch(/ECONNREFUSED|at \w+ \(|node_modules/);
  await expectValidHtml(html, url);
}

test('the catalog, start pages and question pages answer 503 with Retry-After while the database is down', async ({ request }) => {
  for (const path of [
    '/',
    '/?q=st%C3%A4d',
    '/e-tjanster/kontakta-socialtjansten',
    '/e-tjanster/kontakta-socialtjansten/amne',
    '/e-tjanster/orosanmalan-barn/anmalare',
    '/e-tjanster/vald-i-nara-relation',
    '/e-tjanster/trygghetslarm',
    '/avpublicerad/kontakta-socialtjansten',
    '/handlaggning',
  ]) {
    await expectTemporarilyUnavailable(await request.get(`${DOWN}${path}`, { maxRedirects: 0 }), `${DOWN}${path}`);
  }
  await expectTemporarilyUnavailable(await request.get(`${DOWN}/sa-gar-det-for-oss`), `${DOWN}/sa-gar-det-for-oss`, true);
});

test('a question posted while the database is down answers 503 and keeps the journey as it was', async ({ request }) => {
  const res = await request.post(`${DOWN}/e-tjanster/kontakta-socialtjansten/amne`, {
    headers: { Origin: DOWN, 'Content-Type': 'application/x-www-form-urlencoded' },
    data: 'amne=annat',
    maxRedirects: 0,
  });
  await expectTemporarilyUnavailable(res, `${DOWN}/e-tjanster/kontakta-socialtjansten/amne`);
  // Nothing about the journey changed: the answers the browser holds are the ones it had.
  expect(res.headers()['set-cookie'] ?? '').not.toMatch(/st_j_/);
});

test('the 503 page is accessible, and pages that need no database still answer', async ({ page }) => {
  const res = await page.goto(`${DOWN}/e-tjanster/kontakta-socialtjansten`);
  expect(res?.status()).toBe(503);
  await expect(page.getByRole('heading', { level: 1, name: 'Tjänsten är tillfälligt otillgänglig' })).toBeVisible();
  await expectAccessible(page);
  for (const path of ['/tillganglighet', '/personuppgifter', '/rensa-historik']) {
    const ok = await page.goto(`${DOWN}${path}`);
    expect(ok?.status(), path).toBe(200);
  }
});
