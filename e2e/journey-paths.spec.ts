/**
 * The other paths through an e-tjänst: not eligible, mistakes in the answers, another language,
 * and our database being down at the moment of sending. No JavaScript; axe on every page.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectValidHtml } from './axe.ts';
import { OLD_ENOUGH, TOO_YOUNG } from './helpers.ts';
import { DOWN_PORT } from '../playwright.config.ts';

test.use({ javaScriptEnabled: false });

/** Applying for oneself: the first question, answered. */
async function forMyself(page: Page, base = '') {
  await page.goto(`${base}/e-tjanster/trygghetslarm/vem-ansoker`);
  await page.getByLabel('För egen del').check();
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vad är ditt personnummer?' })).toBeVisible();
}

async function answer(page: Page, base: string) {
  await forMyself(page, base);
  await page.getByLabel('Vad är ditt personnummer?').fill(OLD_ENOUGH);
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await page.getByLabel('Ja').check();
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await page.getByLabel('I eget hem').check();
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await page.getByLabel('Trygghetslarm i hemmet').check();
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await page.getByLabel('Förnamn').fill('Sven');
  await page.getByLabel('Efternamn').fill('Provsson');
  await page.getByLabel('Gatuadress').fill('Sjövägen 3');
  await page.getByLabel('Postnummer').fill('69631');
  await page.getByLabel('Ort').fill('Askersund');
  await page.getByLabel('Telefonnummer').fill('0701112233');
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  for (const [n, name] of [[1, 'Karin Provsson'], [2, 'Olle Granne']] as const) {
    const g = page.getByRole('group', { name: `Kontaktperson ${n}` });
    await g.getByLabel('Namn').fill(name);
    await g.getByLabel('Vem är personen för dig?').fill('Anhörig');
    await g.getByLabel('Telefonnummer').fill(`070222333${n}`);
  }
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await page.getByLabel('Jag lämnar en nyckel till kommunen').check();
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await page.getByLabel('Betala maxtaxan').check();
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kontrollera dina svar innan du skickar ansökan' })).toBeVisible();
}

test('someone under the age limit gets an exit page that explains why and links to the ordinary application', async ({ page }) => {
  await forMyself(page);
  await page.getByLabel('Vad är ditt personnummer?').fill(TOO_YOUNG);
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await expect(page).toHaveURL(/\/for-ung$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Du kan inte ansöka här' })).toBeVisible();
  await expect(page.getByText('75 år eller äldre')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Ansök om bistånd på vanligt sätt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ansök om bistånd på vanligt sätt' })).toBeVisible();
  await expectAccessible(page);
});

test('someone not folkbokförd in the municipality is told so and cannot skip ahead by URL', async ({ page }) => {
  await forMyself(page);
  await page.getByLabel('Vad är ditt personnummer?').fill(OLD_ENOUGH);
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await page.getByLabel('Nej').check();
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await expect(page).toHaveURL(/\/ej-folkbokford$/);
  await expect(page.getByText('folkbokförd i Askersunds kommun')).toBeVisible();
  await expectAccessible(page);
  await page.goto('/e-tjanster/trygghetslarm/kontrollera');
  await expect(page).toHaveURL(/\/ej-folkbokford$/);
});

test('mistakes are shown in an error summary and next to each field, with status 422 and the answers kept', async ({ page }) => {
  await forMyself(page);
  await page.getByLabel('Vad är ditt personnummer?').fill('19450110-3298');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Fortsätt' }).click(),
  ]);
  expect(response.status()).toBe(422);
  await expect(page).toHaveTitle(/^Fel: /);
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('heading', { name: 'Det finns ett problem' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Personnumret stämmer inte. Kontrollera att det är rätt skrivet' })).toBeVisible();
  await expect(page.locator('.error-message')).toContainText('Personnumret stämmer inte');
  await expect(page.getByLabel('Vad är ditt personnummer?')).toHaveValue('19450110-3298');
  await expectAccessible(page);

  await page.getByLabel('Vad är ditt personnummer?').fill(OLD_ENOUGH);
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await page.getByLabel('Ja').check();
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await page.getByLabel('I eget hem').check();
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await page.getByLabel('Trygghetslarm i hemmet').check();
  await page.getByRole('button', { name: 'Fortsätt' }).click();

  await page.getByLabel('Förnamn').fill('Sven');
  await page.getByLabel('Postnummer').fill('6963');
  await page.getByLabel('Telefonnummer').fill('ring mig');
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  const links = page.getByRole('alert').getByRole('link');
  await expect(links).toHaveText([
    'Skriv efternamnet',
    'Skriv gatuadressen',
    'Skriv postnumret med fem siffror, till exempel 696 30',
    'Skriv orten',
    'Skriv telefonnumret med siffror, till exempel 070-123 45 67',
  ]);
  await expect(page.getByLabel('Förnamn')).toHaveValue('Sven');
  await expect(page.getByLabel('Telefonnummer')).toHaveValue('ring mig');
  await expectAccessible(page);
  // The summary's links lead to the fields themselves.
  await links.nth(4).click();
  await expect(page.getByLabel('Telefonnummer')).toBeFocused();
});

test('the language switch works without JavaScript and keeps the page', async ({ page }) => {
  await page.goto('/e-tjanster/trygghetslarm');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/e-tjanster\/trygghetslarm$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Apply for a personal safety alarm' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Start application' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose whether you apply for yourself or for someone else');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Svenska' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page.getByRole('heading', { level: 1, name: 'Ansöker du för egen del eller för någon annans räkning?' })).toBeVisible();
});

test('when our database is down at sending, the citizen gets a clear page and keeps every answer', async ({ page }) => {
  const base = `http://localhost:${DOWN_PORT}`;
  await answer(page, base);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Skicka ansökan' }).click(),
  ]);
  expect(response.status()).toBe(503);
  await expect(page.getByRole('alert')).toContainText('Vi kunde inte ta emot din ansökan just nu');
  await expect(page.getByText('Dina svar finns kvar')).toBeVisible();
  await expect(page.getByText('Karin Provsson')).toBeVisible();
  await expect(page.getByText('Sjövägen 3')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Försök skicka igen' })).toBeVisible();
  const body = await page.content();
  expect(body).not.toMatch(/ECONNREFUSED|at \w+ \(|node_modules/);
  await expectAccessible(page);
});

test('a page that does not exist answers 404 with a way back', async ({ page }) => {
  const res = await page.goto('/e-tjanster/finns-inte');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible();
  await expectAccessible(page);
});

test('the accessibility statement is linked from the footer', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' })).toBeVisible();
  await expectAccessible(page);
});

test('a post larger than the limit is refused with a clear page, and a cross-site post is refused outright', async ({ request, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const huge = await request.post('/e-tjanster/trygghetslarm/personnummer', {
    headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    data: `personnummer=${'1'.repeat(200_000)}`,
  });
  expect(huge.status()).toBe(413);
  const html = await huge.text();
  expect(html).toContain('Det du skickade var för stort');
  await expectValidHtml(html, `${origin}/for-stor`);

  const broken = await request.post('/e-tjanster/trygghetslarm/vem-ansoker', {
    headers: { Origin: origin, 'Content-Type': 'multipart/form-data; boundary=gräns' },
    data: 'inget multipart här',
  });
  expect(broken.status()).toBe(400);
  await expectValidHtml(await broken.text(), `${origin}/400`);

  const forged = await request.post('/e-tjanster/trygghetslarm/personnummer', {
    headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
    data: 'personnummer=194501103297',
  });
  expect(forged.status()).toBe(403);
});
