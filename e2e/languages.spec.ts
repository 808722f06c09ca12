/**
 * The reader's language: a first visit follows the browser's Accept-Language, a choice made in the
 * language switch is remembered over the browser's, and every page says its language in `lang`.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { choose, pressButton, typeInto } from './helpers.ts';
import { expectAccessible } from './axe.ts';
import { SWEDISH_TERMS } from '../src/i18n/swedish-terms.ts';

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

/**
 * On English pages, every Swedish word in the text carries lang="sv": the known terms, and any word
 * spelt with å, ä or ö (a Swedish word the list does not know yet fails here until it is added).
 */
test('Swedish terms inside English text carry lang="sv"', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ baseURL, locale: 'en-GB', javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  const services = [...new Set(await page.locator('main a[href^="/e-tjanster/"]').evaluateAll((as) => as.map((a) => (a.getAttribute('href') ?? '').split('/')[2] ?? '')))].filter((id) => id !== '');
  expect(services.length).toBeGreaterThanOrEqual(14);
  const paths = ['/', '/tillganglighet', '/personuppgifter', '/ansok-om-bistand', '/sa-gar-det-for-oss', '/logga-in', '/rensa-historik', ...services.map((id) => `/e-tjanster/${id}`)];
  // And each e-tjänst's first question, where no e-legitimation is needed before it.
  for (const id of services) {
    await page.goto(`/e-tjanster/${id}`);
    const action = await page.locator(`main form[method="get"][action^="/e-tjanster/${id}/"]`).first().getAttribute('action', { timeout: 1000 }).catch(() => null);
    if (action) paths.push(action);
  }
  expect(paths.length).toBeGreaterThan(7 + services.length);
  const unmarked: string[] = [];
  let marked = 0;
  for (const path of paths) {
    await page.goto(path);
    // An e-tjänst without English texts (one a redaktör has just designed in Swedish) is shown wholly in
    // Swedish, saying so in English: no English text there to hold Swedish terms.
    if (path.startsWith('/e-tjanster/') && (await page.locator('html').getAttribute('lang')) === 'sv') {
      await expect(page.locator('main p.notice[lang="en"]')).toBeVisible();
      continue;
    }
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const found = await page.evaluate((terms) => {
      const termPattern = new RegExp(`(?<![\\p{L}\\p{N}-])(${terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}-])`, 'iu');
      const swedishLetters = /[\p{L}-]*[åäöÅÄÖ][\p{L}-]*/u;
      const out = { unmarked: [] as string[], marked: 0 };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('option, textarea, script, style, svg, [hidden]')) continue;
        const text = node.textContent ?? '';
        const term = termPattern.exec(text);
        const letters = term ? null : swedishLetters.exec(text);
        if (!term && !letters) continue;
        const marked = parent.closest('[lang]')?.getAttribute('lang') ?? '';
        // A known Swedish term is marked Swedish (sv, or lättläst sv-x-ll); any other word spelt with
        // å, ä or ö is marked as some language other than the page's (a Finnish word in the switch).
        if (term ? marked === 'sv' || marked.startsWith('sv-') : marked !== 'en') out.marked++;
        else out.unmarked.push((term ?? letters)![0]);
      }
      return out;
    }, SWEDISH_TERMS as string[]);
    marked += found.marked;
    unmarked.push(...found.unmarked.map((w) => `${path}: ${w}`));
  }
  expect(unmarked).toEqual([]);
  expect(marked).toBeGreaterThan(10);
  await context.close();
});

/** The languages the switch offers besides Swedish, each with its direction (from the switch itself). */
const OTHER_LANGUAGES: { lang: string; dir: string }[] = [
  { lang: 'sv-x-ll', dir: 'ltr' },
  { lang: 'en', dir: 'ltr' },
  { lang: 'fi', dir: 'ltr' },
  { lang: 'ar', dir: 'rtl' },
  { lang: 'fa', dir: 'rtl' },
  { lang: 'uk', dir: 'ltr' },
  { lang: 'so', dir: 'ltr' },
];

test('the language switch offers exactly the languages tested here, each marked with its direction', async ({ page }) => {
  await page.goto('/');
  const offered = await page.locator('.language-switch [lang]').evaluateAll((els) => els.map((e) => ({ lang: e.getAttribute('lang') ?? '', dir: e.getAttribute('dir') ?? '' })));
  expect(offered.filter((o) => o.lang !== 'sv')).toEqual(OTHER_LANGUAGES);
});

type Scenario = { name: string; answers: Record<string, unknown>; expect: { end?: string; complete?: boolean } };

/** A complete scenario of a seeded e-tjänst (its answers by value: the same in every language). */
function completeScenario(id: string): Scenario {
  const doc = JSON.parse(readFileSync(path.join(process.cwd(), 'db/seed/e-tjanster', id, 'v1.json'), 'utf8')) as { scenarios: Scenario[] };
  const found = doc.scenarios.find((s) => s.expect.complete === true && s.expect.end === 'kontrollera');
  if (!found) throw new Error(`${id} has no complete scenario`);
  return found;
}

/** Answers what the page asks from the scenario's answers, with the keyboard alone, by value. */
async function answerPage(page: Page, answers: Record<string, unknown>): Promise<void> {
  const form = page.locator('main form[method="post"]');
  for (const [name, value] of Object.entries(answers)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (typeof v === 'string') {
        const choice = form.locator(`input[name="${name}"][value="${v}"]`);
        if (await choice.count()) {
          if (!(await choice.isChecked())) await choose(page, choice);
          continue;
        }
        const field = form.locator(`[name="${name}"]:is(input, textarea)`);
        if (await field.count()) {
          if ((await field.inputValue()) === '') await typeInto(page, field, v);
          continue;
        }
        const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
        if (date && (await form.locator(`[name="${name}.year"]`).count())) {
          for (const [part, text] of [['day', date[3]], ['month', date[2]], ['year', date[1]]] as const) await typeInto(page, form.locator(`[name="${name}.${part}"]`), String(Number(text)));
        }
      } else if (v !== null && typeof v === 'object') {
        for (const [key, text] of Object.entries(v as Record<string, unknown>)) {
          const part = form.locator(`[name="${name}.${key}"]`);
          if (typeof text === 'string' && (await part.count()) && (await part.inputValue()) === '') await typeInto(page, part, text);
        }
      }
    }
  }
}

for (const { lang, dir } of OTHER_LANGUAGES) {
  test(`in ${lang}: every page says its language and direction, and an e-tjänst is sent with the keyboard alone`, async ({ browser, baseURL }) => {
    test.setTimeout(240_000);
    const context = await browser.newContext({ baseURL, locale: 'sv-SE', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/sprak/${lang}?tillbaka=%2F`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('html')).toHaveAttribute('dir', dir);
    await expectAccessible(page);
    for (const p of ['/tillganglighet', '/personuppgifter', '/ansok-om-bistand', '/logga-in', '/rensa-historik']) {
      await page.goto(p);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('html')).toHaveAttribute('dir', dir);
      await expectAccessible(page);
    }

    const id = 'kontakta-socialtjansten';
    const scenario = completeScenario(id);
    await page.goto(`/e-tjanster/${id}`);
    await expectAccessible(page);
    // Shown in the reader's language where the e-tjänst has its texts, else wholly in Swedish and saying so.
    const shownIn = async () => {
      const html = page.locator('html');
      if ((await html.getAttribute('lang')) === lang) {
        await expect(html).toHaveAttribute('dir', dir);
        return;
      }
      await expect(html).toHaveAttribute('lang', 'sv');
      await expect(html).toHaveAttribute('dir', 'ltr');
      await expect(page.locator(`main p.notice[lang="${lang}"][dir="${dir}"]`)).toBeVisible();
      // The switch still says which language the reader chose.
      await expect(page.locator(`.language-switch [aria-current="true"][lang="${lang}"]`)).toBeVisible();
    };
    await shownIn();
    await pressButton(page, page.locator('main .button.start, main button.start').first());
    await page.waitForURL(/\/amne/);

    // An error state first: the summary has focus, in the page's language and direction.
    await pressButton(page, page.locator('main form[method="post"] button[type="submit"]').first());
    await expect(page.locator('.error-summary')).toBeFocused();
    await shownIn();
    await expectAccessible(page);

    for (let step = 0; step < 20 && !page.url().endsWith('/kontrollera'); step++) {
      const before = page.url();
      await answerPage(page, scenario.answers);
      await pressButton(page, page.locator('main form[method="post"] button[type="submit"]').first());
      await page.waitForURL((u) => u.href !== before, { timeout: 10_000 }).catch(() => undefined);
      expect(page.url(), `stuck on ${before}`).not.toBe(before);
    }
    expect(page.url()).toMatch(/\/kontrollera$/);
    await shownIn();
    await expectAccessible(page);
    await pressButton(page, page.locator('main form[method="post"] button[type="submit"]').first());
    await page.waitForURL((u) => !u.pathname.endsWith('/kontrollera'));
    await shownIn();
    await expect(page.locator('main h1')).toBeVisible();
    await expectAccessible(page);
    await context.close();
  });
}
