/**
 * Every e-tjänst, sent in every language the portal offers: from the start page through every
 * question its first complete scenario asks to the confirmation, each page in the reader's language
 * and direction (or, for an e-tjänst without texts in it, wholly in Swedish and saying so), with no
 * placeholder or bare text key left in what is shown. Answers are given by value, so one scenario
 * serves every language. Keyboard-only walks, axe and the error states are in languages.spec.ts and
 * by-hand.spec.ts; this walk fills the fields directly, to keep 100-odd journeys quick.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DIRECTION, LANGUAGES } from '../src/i18n/index.ts';
import { TEST_PEOPLE } from '../src/server/oidc-dev/provider.ts';
import { GRETA, loginOverHttp } from './citizen.ts';

test.use({ javaScriptEnabled: false });

type Scenario = { name: string; answers: Record<string, unknown>; expect: { end?: string; complete?: boolean } };
type Doc = { id: string; version: number; requiresEid?: boolean; scenarios: Scenario[] };

const SEED = path.join(process.cwd(), 'db/seed/e-tjanster');

/** Each seeded e-tjänst's latest version. */
const services: Doc[] = readdirSync(SEED).map((id) => {
  const latest = readdirSync(path.join(SEED, id))
    .map((f) => Number(/^v(\d+)\.json$/.exec(f)?.[1] ?? 0))
    .reduce((a, b) => Math.max(a, b), 0);
  return JSON.parse(readFileSync(path.join(SEED, id, `v${latest}.json`), 'utf8')) as Doc;
});

/** The first scenario that reaches the check-answers page with complete answers. */
function completeScenario(doc: Doc): Scenario {
  const found = doc.scenarios.find((s) => s.expect.complete === true && s.expect.end === 'kontrollera');
  if (!found) throw new Error(`${doc.id} has no complete scenario`);
  return found;
}

/** Who logs in where e-legitimation is needed: the scenario's own person where the test provider has them. */
function personFor(scenario: Scenario): string {
  const pnr = typeof scenario.answers['personnummer'] === 'string' ? (scenario.answers['personnummer'] as string).replace('-', '') : '';
  const known = TEST_PEOPLE.find((p) => p.personnummer === pnr);
  return known ? `${pnr.slice(0, 8)}-${pnr.slice(8)}` : GRETA;
}

/** The page is in the reader's language and direction, or wholly Swedish with a note in the reader's language. */
async function expectShownIn(page: Page, lang: (typeof LANGUAGES)[number], where: string): Promise<void> {
  const html = page.locator('html');
  const shown = await html.getAttribute('lang');
  if (shown === lang) {
    await expect(html, where).toHaveAttribute('dir', DIRECTION[lang]);
  } else {
    expect(shown, where).toBe('sv');
    await expect(html, where).toHaveAttribute('dir', 'ltr');
    await expect(page.locator(`main p.notice[lang="${lang}"]`), where).toBeVisible();
  }
  const text = await page.locator('body').innerText();
  expect(text, `${where}: a placeholder shown`).not.toMatch(/\{\{|\}\}/);
  expect(text, `${where}: a text key shown`).not.toMatch(/\b(?:citizen|common|mina-sidor|receipt|catalog):[\w.]+/);
}

/**
 * Fills what the page asks from the scenario's answers, by value (repeating groups item by item), in
 * one step inside the page: choices checked, empty text fields filled, dates in their parts.
 */
async function answerPage(page: Page, answers: Record<string, unknown>): Promise<void> {
  await page.evaluate((all) => {
    const form = document.querySelector('main form[method="post"]');
    if (!form) return;
    const inputs = (name: string) => [...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select')].filter((el) => el.name === name && !(el instanceof HTMLInputElement && el.type === 'hidden'));
    const fill = (name: string, v: unknown): void => {
      if (v === null || v === undefined) return;
      if (Array.isArray(v)) {
        if (v.every((x) => typeof x === 'string')) v.forEach((x) => fill(name, x));
        else v.forEach((item, i) => Object.entries(item as Record<string, unknown>).forEach(([key, x]) => fill(`${name}.${i}.${key}`, x)));
        return;
      }
      if (typeof v === 'number') return fill(name, String(v));
      if (typeof v === 'object') {
        Object.entries(v as Record<string, unknown>).forEach(([key, x]) => fill(`${name}.${key}`, x));
        return;
      }
      const s = String(v);
      const here = inputs(name);
      const choice = here.find((el) => el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox') && el.value === s) as HTMLInputElement | undefined;
      if (choice) {
        choice.checked = true;
        return;
      }
      const field = here.find((el) => !(el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox' || el.type === 'file')));
      if (field) {
        if (field instanceof HTMLSelectElement) field.value = s;
        else if (!field.readOnly && field.value === '') field.value = s;
        return;
      }
      const date = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s);
      if (date) {
        for (const [part, text] of [['year', date[1]], ['month', date[2]], ['day', date[3]]] as const) {
          const input = text === undefined ? undefined : inputs(`${name}.${part}`)[0];
          if (input && input.value === '') input.value = String(Number(text));
        }
      }
    };
    for (const [name, value] of Object.entries(all)) fill(name, value);
  }, answers);
}

async function send(browser: Browser, baseURL: string, doc: Doc, lang: (typeof LANGUAGES)[number]): Promise<void> {
  const scenario = completeScenario(doc);
  const context = await browser.newContext({ baseURL, locale: 'sv-SE', javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`/sprak/${lang}?tillbaka=%2F`);
    if (doc.requiresEid) await loginOverHttp(context.request, baseURL, personFor(scenario));
    await page.goto(`/e-tjanster/${doc.id}`);
    await expectShownIn(page, lang, `${doc.id} ${lang} start page`);
    // A new application (not a fortsatt ansökan from an earlier one sent in this walk).
    const start = page.locator(`main form.button-form[action^="/e-tjanster/${doc.id}/"]:not(:has(input[name="fortsatt"]))`).first();
    await page.goto((await start.getAttribute('action', { timeout: 5_000 })) ?? '');
    for (let step = 0; step < 40 && !page.url().endsWith('/kontrollera'); step++) {
      const where = `${doc.id} ${lang} ${new URL(page.url()).pathname}`;
      await expectShownIn(page, lang, where);
      await answerPage(page, scenario.answers);
      const before = page.url();
      await page.locator('main form[method="post"] button[type="submit"]:not([name]):not([aria-hidden="true"])').first().click();
      await page.waitForURL((u) => u.href !== before, { timeout: 10_000 }).catch(() => undefined);
      if (page.url() === before) {
        const errors = await page.locator('.error-summary').innerText().catch(() => '(no error summary)');
        throw new Error(`${where}: stuck — ${errors}`);
      }
    }
    expect(page.url(), `${doc.id} ${lang}: reaches the check-answers page`).toMatch(/\/kontrollera$/);
    await expectShownIn(page, lang, `${doc.id} ${lang} kontrollera`);
    await page.locator('main form[method="post"] button[type="submit"]:not([name]):not([aria-hidden="true"])').first().click();
    await page.waitForURL((u) => !u.pathname.endsWith('/kontrollera'), { timeout: 15_000 });
    await expectShownIn(page, lang, `${doc.id} ${lang} confirmation`);
    // The confirmation names the reference the matter got.
    await expect(page.locator('main'), `${doc.id} ${lang}: a reference`).toContainText(/\d{4}-\d{6,7}/);
  } finally {
    await context.close();
  }
}

for (const doc of services) {
  test(`${doc.id} is sent in every language the portal offers`, async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    for (const lang of LANGUAGES) await send(browser, baseURL!, doc, lang);
  });
}
