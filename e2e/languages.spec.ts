/**
 * The reader's language: a first visit follows the browser's Accept-Language, a choice made in the
 * language switch is remembered over the browser's, and every page says its language in `lang`.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';

test.use({ javaScriptEnabled: false });

test('a first visit from an English browser is in English; the switch to Swedish is remembered', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: 'en-GB', javaScriptEnabled: false });
  const page = await context.newPage();
  const first = await page.goto('/');
  expect(first?.request().headers()['accept-language']).toMatch(/^en-GB/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toHaveText('Social services e-services');
  await expectAccessible(page);

  await page.goto('/sprak/sv?tillbaka=%2F');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await page.goto('/tillganglighet');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expectAccessible(page);
  await context.close();
});

test('a browser asking for a language the portal lacks gets Swedish', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: 'de-DE', javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page.locator('h1')).toHaveText('E-tjänster för socialtjänsten');
  await context.close();
});

test('a page kept by a shared cache varies by the language the browser asks for', async ({ request }) => {
  const res = await request.get('/', { headers: { 'Accept-Language': 'en' } });
  expect(res.status()).toBe(200);
  // The catalog looks the same to everyone who asks in one language: a proxy may keep it, per language.
  expect(res.headers()['cache-control']).toMatch(/^public/);
  expect(res.headers()['vary']).toMatch(/Accept-Language/);
  expect(await res.text()).toMatch(/<html[^>]* lang="en"/);
});
