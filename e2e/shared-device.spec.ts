/**
 * A shared computer: someone logged in with e-legitimation reports violence, sends it, starts an
 * orosanmälan and leaves with "Lämna sidan snabbt". The next person in the same browser finds
 * nothing: not the answers (check-answers), not the confirmation, not the receipt PDF, not Mina
 * sidor. The exit goes through the portal without JavaScript, and the page on how to hide a visit
 * says what the portal cleared and what the person must clear themselves.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { ANNA, loginAsCitizen } from './citizen.ts';
import { NEUTRAL_URL, PORT } from '../playwright.config.ts';

const ORIGIN = `http://localhost:${PORT}`;
const VALD = '/e-tjanster/vald-i-nara-relation';
const ORO = '/e-tjanster/orosanmalan-vuxen';
const SECRET = 'Han slår mig när barnen sover';

test.use({ javaScriptEnabled: false });

/**
 * Answers an e-tjänst over HTTP in the browser's own cookie jar until check-answers: each page the
 * journey leads to gets the answers named by its inputs (from `answers`).
 */
async function answerUntilCheck(request: APIRequestContext, base: string, answers: Record<string, string | string[]>): Promise<void> {
  for (let step = 0; step < 30; step++) {
    const check = await request.get(`${ORIGIN}${base}/kontrollera`, { maxRedirects: 0 });
    if (check.status() === 200) return;
    expect(check.status()).toBe(303);
    const at = check.headers()['location']!;
    const html = await (await request.get(`${ORIGIN}${at}`)).text();
    const names = [...new Set([...html.matchAll(/<(?:input|textarea|select)[^>]*\bname="([^"]+)"/g)].map((m) => m[1]!))].filter((n) => n !== 'spara');
    const form = new URLSearchParams();
    for (const name of names) {
      const v = answers[name] ?? '';
      for (const one of Array.isArray(v) ? v : [v]) form.append(name, one);
    }
    const posted = await request.post(`${ORIGIN}${at}`, { headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' }, data: form.toString(), maxRedirects: 0 });
    expect(posted.status(), `${at} with ${form.toString()}`).toBe(303);
  }
  throw new Error(`${base}: check-answers not reached`);
}

const VALD_ANSWERS = {
  akutFara: 'nej',
  stodOnskas: 'samtal',
  berattaMer: SECRET,
  borMedUtovare: 'ja',
  barnIHemmet: 'ja',
  skyddadeUppgifter: 'nej',
  faRinga: 'nej',
  faBrev: 'nej',
  faEpost: 'nej',
  annatKontaktsatt: 'Ring min syster.',
  tryggPerson: 'nej',
  tolk: 'nej',
  fornamn: 'Anna',
  efternamn: 'Testsson',
  personnummer: ANNA,
};

async function portalCookies(page: Page): Promise<string[]> {
  return (await page.context().cookies(ORIGIN)).map((c) => c.name).filter((n) => n !== 'lang');
}

test('after "Lämna sidan snabbt" the next person in the same browser finds nothing', async ({ page }) => {
  test.setTimeout(120_000);
  // The first person: logged in, sends a report about violence and sees its confirmation.
  await page.goto('/mina-sidor');
  await loginAsCitizen(page, ANNA);
  await answerUntilCheck(page.context().request, VALD, VALD_ANSWERS);
  await page.goto(`${VALD}/kontrollera`);
  await expect(page.getByText(SECRET)).toBeVisible();
  await page.getByRole('button', { name: /^Skicka/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vi har tagit emot det du skickade' })).toBeVisible();
  const reference = (await page.locator('.reference').textContent())!.trim();
  expect(reference).toMatch(/^\d{4}-\d{6}$/);
  // The receipt is offered on the confirmation page itself, once.
  await expect(page.getByRole('link', { name: /kvittens/i })).toBeVisible();

  // Then starts an orosanmälan, and leaves in a hurry without JavaScript.
  await page.goto(`${ORO}/anmalare`);
  await page.getByLabel('Privatperson', { exact: false }).first().check();
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  expect((await portalCookies(page)).length).toBeGreaterThan(0);
  await page.getByRole('link', { name: 'Lämna sidan snabbt' }).click();
  await expect(page).toHaveURL(NEUTRAL_URL);
  expect(await portalCookies(page)).toEqual([]);

  // The next person at the same computer.
  await page.goto(`${VALD}/kontrollera`);
  await expect(page).toHaveURL(new RegExp(`${VALD}/akut$`));
  await expect(page.locator('body')).not.toContainText(SECRET);
  await page.goto(`${VALD}/klart`);
  await expect(page).toHaveURL(new RegExp(`${VALD}$`));
  await expect(page.locator('body')).not.toContainText(reference);
  const pdf = await page.context().request.get(`${ORIGIN}${VALD}/kvittens.pdf`, { maxRedirects: 0 });
  expect(pdf.headers()['content-type'] ?? '').not.toContain('application/pdf');
  expect(pdf.status()).toBe(404);
  await page.goto(`${ORO}/kontrollera`);
  await expect(page).toHaveURL(new RegExp(`${ORO}/anmalare$`));
  await expect(page.getByLabel('Privatperson', { exact: false }).first()).not.toBeChecked();
  await page.goto('/mina-sidor');
  await expect(page).toHaveURL(/\/logga-in\?/);
  await expect(page.locator('body')).not.toContainText(reference);
});

test('the confirmation and its receipt are shown once: not again from the browser\'s state', async ({ page }) => {
  await answerUntilCheck(page.context().request, VALD, VALD_ANSWERS);
  await page.goto(`${VALD}/kontrollera`);
  await page.getByRole('button', { name: /^Skicka/ }).click();
  const reference = (await page.locator('.reference').textContent())!.trim();
  const download = page.getByRole('link', { name: /kvittens/i });
  const href = (await download.getAttribute('href'))!;
  expect(href).toMatch(/^data:application\/pdf;base64,/);
  expect(Buffer.from(href.split(',')[1]!, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  await page.reload();
  await expect(page).toHaveURL(new RegExp(`${VALD}$`));
  await expect(page.locator('body')).not.toContainText(reference);
  expect((await page.context().request.get(`${ORIGIN}${VALD}/kvittens.pdf`, { maxRedirects: 0 })).status()).toBe(404);
});

test('the answers of an e-tjänst with a quick exit do not outlive a short idle time in the browser', async ({ page }) => {
  await page.goto(`${VALD}/akut`);
  await page.getByLabel('Nej', { exact: true }).check();
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  const journey = (await page.context().cookies(ORIGIN)).filter((c) => c.name.startsWith('st_j_vald-i-nara-relation'));
  expect(journey.length).toBeGreaterThan(0);
  for (const c of journey) {
    // Expires in the browser within minutes, not at the end of the session or hours later.
    expect(c.expires).toBeGreaterThan(0);
    expect(c.expires - Date.now() / 1000).toBeLessThanOrEqual(30 * 60);
  }
});

test('"Så döljer du att du har varit här" says what the portal cleared and what is left to the person', async ({ page }) => {
  await page.goto('/rensa-historik');
  await expect(page.getByRole('heading', { level: 2, name: 'Det här tar portalen bort' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Det här måste du ta bort själv' })).toBeVisible();
  await expectAccessible(page);
  // The exit is a link through the portal: it works without JavaScript.
  await expect(page.getByRole('link', { name: 'Lämna sidan snabbt' })).toHaveAttribute('href', '/lamna-sidan');
});
