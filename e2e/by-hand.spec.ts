/**
 * What an audit found by hand, checked on every page it concerns:
 * - no page is wider than the viewport at 320 px (WCAG 1.4.10), citizen and staff pages alike;
 * - on the pages with the quick-exit bar, Tab through every focusable element at 1280 × 800,
 *   320 × 800 and 320 × 256 (400 % zoom): no sticky or fixed element covers what has focus (2.4.11);
 * - on an error state of every e-tjänst, focus is on the error summary when the page loads;
 * - every control that looks like a button is a button: Space and Enter both work on it;
 * - the quick exit leaves on Shift pressed three times, never on Escape or while typing, and Back
 *   does not return to the report; it is said on the page;
 * - the catalog search box and the staff password field are styled like the other inputs;
 * - the accessibility statement carries DIGG's required content.
 * One browser context per test, each looping over its pages.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { loginAsStaff, DEMO_ADMIN } from './staff.ts';
import { GRETA, loginAsCitizen, logoutCitizen } from './citizen.ts';
import { NEUTRAL_URL } from '../playwright.config.ts';
import { widerThanViewport } from './helpers.ts';

test.use({ javaScriptEnabled: false });

/** The e-tjänster with the quick-exit bar, and the page about hiding a visit. */
const QUICK_EXIT_SERVICES = ['kontakta-socialtjansten', 'orosanmalan-barn', 'orosanmalan-vuxen', 'stod-missbruk', 'vald-i-nara-relation'];

/** Every live e-tjänst, read from the catalog. */
async function serviceIds(page: Page): Promise<string[]> {
  await page.goto('/');
  const hrefs = await page.locator('main a[href^="/e-tjanster/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const ids = [...new Set(hrefs.map((h) => h.split('/')[2] ?? '').filter((id) => id !== ''))];
  expect(ids.length).toBeGreaterThanOrEqual(14);
  return ids;
}

/** The page's width beyond the viewport, in CSS pixels (0 when it reflows). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('no page is wider than the viewport at 320 px', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 320, height: 640 });
  const ids = await serviceIds(page);
  const wide: string[] = [];
  const check = async (path: string) => {
    await page.goto(path);
    const { over, culprits } = await widerThanViewport(page);
    if (over > 0) wide.push(`${path}: ${over} px too wide (${culprits.join(', ')})`);
  };
  for (const path of ['/', '/?q=stod', '/tillganglighet', '/personuppgifter', '/rensa-historik', '/logga-in', '/ansok-om-bistand', '/sa-gar-det-for-oss', '/enkat', '/finns-inte', '/sprak/en?tillbaka=%2Ftillganglighet', '/tillganglighet', '/sprak/sv?tillbaka=%2F']) await check(path);
  for (const id of ids) await check(`/e-tjanster/${id}`);
  // The first question of the e-tjänster open without e-legitimation, and its error state.
  for (const id of QUICK_EXIT_SERVICES) {
    await page.goto(`/e-tjanster/${id}`);
    await page.locator('main form button.start').first().click();
    await check(new URL(page.url()).pathname);
    await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
    const { over, culprits } = await widerThanViewport(page);
    if (over > 0) wide.push(`${page.url()} (error state): ${over} px too wide (${culprits.join(', ')})`);
  }
  await page.goto('/logga-in');
  await loginAsCitizen(page, GRETA);
  await check('/mina-sidor');
  await logoutCitizen(page);

  await check('/handlaggning/logga-in');
  await loginAsStaff(page);
  for (const path of ['/handlaggning', '/handlaggning?ko=synpunkter', '/handlaggning?sok=x&fran=2026-13-01', '/handlaggning/konto']) await check(path);
  const caseLink = page.locator('main table a[href^="/handlaggning/arenden/"]').first();
  await page.goto('/handlaggning');
  if (await caseLink.count()) await check((await caseLink.getAttribute('href')) ?? '/handlaggning');
  await page.context().clearCookies();
  await loginAsStaff(page, DEMO_ADMIN);
  for (const path of ['/handlaggning/enkater', '/handlaggning/admin/etjanster', '/handlaggning/admin/etjanster/versioner', '/handlaggning/admin/anvandare', '/handlaggning/admin/anvandare/ny', '/handlaggning/admin/godkannanden', '/handlaggning/admin/leveranser', '/handlaggning/admin/granskning', '/handlaggning/admin/e-post', '/handlaggning/indikatorer', '/handlaggning/indikatorer/uppfoljning', '/handlaggning/indikatorer/mal']) await check(path);
  expect(wide).toEqual([]);
});

/** The points of the focused element no sticky or fixed element may cover: its centre and inner corners. */
async function coveredFocus(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return undefined;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return undefined;
    const pinned = [...document.querySelectorAll('body *')].filter((e) => ['sticky', 'fixed'].includes(getComputedStyle(e).position));
    const inset = 2;
    const points = [
      [r.left + r.width / 2, r.top + r.height / 2],
      [r.left + inset, r.top + inset],
      [r.right - inset, r.top + inset],
      [r.left + inset, r.bottom - inset],
      [r.right - inset, r.bottom - inset],
    ].filter(([x, y]) => x! >= 0 && y! >= 0 && x! < innerWidth && y! < innerHeight);
    if (points.length === 0) return `${el.outerHTML.slice(0, 80)} is outside the viewport`;
    for (const [x, y] of points) {
      const top = document.elementFromPoint(x!, y!);
      if (!top || el.contains(top) || top.contains(el)) continue;
      const cover = pinned.find((p) => p.contains(top));
      if (cover) return `${el.outerHTML.slice(0, 80)} under ${cover.className || cover.tagName} at ${Math.round(x!)},${Math.round(y!)}`;
    }
    return undefined;
  });
}

test.describe('with JavaScript', () => {
  test.use({ javaScriptEnabled: true });

  test('no sticky element covers the focused element at 1280 × 800, 320 × 800 and 320 × 256', async ({ page }) => {
    test.setTimeout(300_000);
    const pages = ['/rensa-historik', ...QUICK_EXIT_SERVICES.map((id) => `/e-tjanster/${id}`)];
    const covered: string[] = [];
    for (const [width, height] of [[1280, 800], [320, 800], [320, 256]] as const) {
      await page.setViewportSize({ width, height });
      for (const path of pages) {
        await page.goto(path);
        const count = await page.locator('a[href], button, input, select, textarea, summary, [tabindex="0"]').count();
        expect(count).toBeGreaterThan(5);
        // Past the last focusable element focus wraps to the browser: a few spare presses.
        for (let i = 0; i < count + 2; i++) {
          await page.keyboard.press('Tab');
          const problem = await coveredFocus(page);
          if (problem) covered.push(`${width}×${height} ${path}: ${problem}`);
        }
      }
    }
    expect(covered).toEqual([]);
  });

  test('the quick exit leaves on Shift pressed three times, not on Escape or typing, and Back does not return', async ({ page }) => {
    await page.goto('/');
    await page.goto('/e-tjanster/kontakta-socialtjansten');
    await expect(page.getByText('Med tangentbordet: tryck på Skift tre gånger.')).toBeVisible();
    await page.locator('main form button.start').press('Space');
    await page.getByLabel('Annat').check();
    await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
    await page.getByLabel(/^Ställa en fråga/).check();
    await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
    const question = page.getByRole('textbox');
    await question.focus();
    // Typing, capitals and Escape in the middle of a report keep the person on the page.
    await page.keyboard.type('Jag är Orolig. ');
    for (const key of ['Escape', 'Shift+J', 'Shift+A', 'Shift+G', 'Escape']) await page.keyboard.press(key);
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyX');
    await page.keyboard.press('KeyY');
    await page.keyboard.up('Shift');
    await page.waitForTimeout(500);
    expect(new URL(page.url()).pathname).toBe('/e-tjanster/kontakta-socialtjansten/fraga');
    await expect(question).toHaveValue(/Jag är Orolig\. JAGXY/);

    await Promise.all([page.waitForURL(NEUTRAL_URL), (async () => {
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    })()]);
    await page.goBack();
    expect(page.url()).not.toContain('/fraga');
    await expect(page.getByText('Jag är Orolig')).toHaveCount(0);
  });
});

test('the error summary has focus on an error state of every e-tjänst', async ({ page }) => {
  test.setTimeout(300_000);
  const ids = await serviceIds(page);
  await page.goto('/logga-in');
  await loginAsCitizen(page, GRETA);
  const unfocused: string[] = [];
  for (const id of ids) {
    await page.goto(`/e-tjanster/${id}`);
    await page.locator('main form button.start').first().press('Enter');
    // Continue without answering until a page refuses (every e-tjänst has a required question early).
    let focused: string | undefined;
    for (let step = 0; step < 4 && focused === undefined; step++) {
      const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Fortsätt', exact: true }).click()]);
      if (response.status() !== 422) continue;
      // autofocus applies once the new page has loaded: wait for it, then read where focus is.
      await page.waitForLoadState('load');
      await expect.poll(() => page.evaluate(() => document.activeElement?.className ?? ''), { timeout: 3000 }).toBe('error-summary').catch(() => undefined);
      focused = await page.evaluate(() => document.activeElement?.className || document.activeElement?.tagName || 'nothing');
    }
    if (focused !== 'error-summary') unfocused.push(`${id}: ${focused ?? 'no error state reached'}`);
  }
  expect(unfocused).toEqual([]);
  // Staff pages too: a wrong sign-in.
  await page.goto('/handlaggning/logga-in');
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
});

test('every control that looks like a button is one, and works with Space and with Enter', async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);
  const ids = await serviceIds(page);
  const notButtons: string[] = [];
  const paths = ['/', '/logga-in', '/enkat', '/tillganglighet', ...ids.map((id) => `/e-tjanster/${id}`)];
  for (const path of paths) {
    await page.goto(path);
    // A real button, or the login link (StartButton.astro: a form cannot be redirected to the
    // e-legitimation broker under form-action 'self'), which answers Space through /button-link.js.
    const lookalikes = await page.locator('.button, [role="button"]').evaluateAll((els) =>
      els
        .filter((e) => e.hasAttribute('role') || !(e instanceof HTMLButtonElement || (e instanceof HTMLInputElement && ['submit', 'button'].includes(e.type))))
        .filter((e) => !(e instanceof HTMLAnchorElement && e.hasAttribute('data-space-activates') && e.pathname === '/logga-in/start'))
        .map((e) => e.outerHTML.slice(0, 100)),
    );
    notButtons.push(...lookalikes.map((h) => `${path}: ${h}`));
  }
  expect(notButtons).toEqual([]);
  // Each start button, once with Space and once with Enter, leads into its e-tjänst (without JavaScript).
  for (const id of ids) {
    for (const key of ['Space', 'Enter']) {
      await page.goto(`/e-tjanster/${id}`);
      const start = page.locator('main form button.start');
      if ((await start.count()) === 0) continue;
      await start.focus();
      await Promise.all([page.waitForURL((u) => u.pathname.startsWith(`/e-tjanster/${id}/`)), page.keyboard.press(key)]);
    }
  }
  // The login link: Enter without JavaScript, Space with it.
  await page.goto('/logga-in');
  await page.getByRole('link', { name: 'Logga in med e-legitimation' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in med test-e-legitimation' })).toBeVisible();
  const withJs = await browser.newContext({ javaScriptEnabled: true, baseURL, locale: 'sv-SE' });
  try {
    const p = await withJs.newPage();
    await p.goto('/logga-in');
    await p.getByRole('link', { name: 'Logga in med e-legitimation' }).focus();
    await p.keyboard.press('Space');
    await expect(p.getByRole('heading', { level: 1, name: 'Logga in med test-e-legitimation' })).toBeVisible();
  } finally {
    await withJs.close();
  }
});

test('the catalog search box and the staff password field look like the other inputs', async ({ page }) => {
  const size = (selector: string) => page.locator(selector).first().evaluate((el) => {
    const s = getComputedStyle(el);
    return { height: el.getBoundingClientRect().height, font: parseFloat(s.fontSize), border: parseFloat(s.borderTopWidth) };
  });
  await page.goto('/');
  const search = await size('input[type="search"]');
  await page.goto('/handlaggning/logga-in');
  const password = await size('input[type="password"]');
  const text = await size('input#input-username, input[type="text"]');
  for (const s of [search, password]) {
    expect(s.height).toBeGreaterThanOrEqual(44);
    expect(s.font).toBeGreaterThanOrEqual(18);
    expect(s.border).toBe(text.border);
  }
});

test('the accessibility statement carries DIGG\'s required content, and its heading wraps at 320 px', async ({ page }) => {
  await page.goto('/tillganglighet');
  const main = page.getByRole('main');
  await expect(main).toContainText('delvis förenlig med lagen om tillgänglighet till digital offentlig service');
  await expect(main).toContainText(/upprättades den \d{1,2} \w+ \d{4} och granskades senast den \d{1,2} \w+ \d{4}/);
  await expect(page.getByRole('heading', { level: 2, name: 'Innehåll som inte är tillgängligt' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Tillsyn' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Anmäl bristande tillgänglighet till Digg' })).toHaveAttribute('href', 'https://www.digg.se/tdosanmalan');
  await expect(main.getByRole('link', { name: /@/ })).toBeVisible();
  // Each translated language says how many of the e-tjänster offered today a reader gets in it.
  const total = (await serviceIds(page)).length;
  await page.goto('/tillganglighet');
  await expect(main.locator('li', { has: page.locator('span[lang="fi"]') })).toContainText(new RegExp(`\\d+ av ${total} e-tjänster finns på språket`));
  await expectAccessible(page);
  await page.setViewportSize({ width: 320, height: 256 });
  const h1 = await page.getByRole('heading', { level: 1 }).evaluate((h) => ({ scroll: h.scrollWidth, client: h.clientWidth }));
  expect(h1.scroll).toBeLessThanOrEqual(h1.client);
  expect(await overflow(page)).toBe(0);
});
