/**
 * The rule set as dated configuration, end to end without JavaScript: an administrator sees the
 * periods, is told next to each field and in the summary what is wrong (422, values kept), adds
 * and removes a coming period; then adds one in force from today, and the next request shows the
 * new fee on the e-tjänst's start page (no restart), while a case sent before keeps the fees it was
 * sent under on the case page and on Mina sidor. Every page is checked with axe and html-validate.
 *
 * Only the hemtjänst hourly fee is changed in force: no spec that runs after this one asserts it.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { DEMO_ADMIN, loginAsStaff } from './staff.ts';
import { GRETA, loginAsCitizen } from './citizen.ts';

test.use({ javaScriptEnabled: false });

const REGELVERK = '/handlaggning/admin/regelverk';
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

async function h1(page: Page, name: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expectAccessible(page);
}

async function freshPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ locale: 'sv-SE', javaScriptEnabled: false })).newPage();
}

async function asAdmin(page: Page) {
  await page.goto(REGELVERK);
  await loginAsStaff(page, DEMO_ADMIN);
  await page.goto(REGELVERK);
  await h1(page, 'Regelverk för förenklad biståndsbedömning');
}

/** Sends the form by its button and returns the status of the answer (the POST's own, or after a 303 the page it leads to). */
async function submit(page: Page, button: string | RegExp): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && (r.status() < 300 || r.status() >= 400)),
    page.getByRole('button', typeof button === 'string' ? { name: button, exact: true } : { name: button }).click(),
  ]);
  await page.waitForLoadState();
  return response.status();
}

test('an administrator adds a coming period, is told what is wrong first, and removes it again', async ({ page }) => {
  // Nine pages checked with axe and html-validate: about a minute alone, more on a shared machine.
  test.setTimeout(300_000);
  await asAdmin(page);
  await expect(page.getByRole('navigation', { name: 'Handläggning' }).getByRole('link', { name: 'Regelverk' })).toHaveAttribute('aria-current', 'page');
  const table = page.getByRole('table', { name: 'Regelverkets perioder, den senaste först' });
  await expect(table.getByRole('row').filter({ hasText: 'Gäller nu' })).toHaveCount(1);
  // The form starts from the values in force.
  await expect(page.getByLabel('Maxtaxa per månad (kronor)')).toHaveValue('2576');

  await page.getByLabel('Gäller från').fill('');
  await page.getByLabel('Maxtaxa per månad (kronor)').fill('2 600,50');
  await page.getByLabel('Städning, högsta antal timmar varje gång').fill('2,25');
  expect(await submit(page, 'Lägg till perioden')).toBe(422);
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link', { name: 'Skriv från vilket datum perioden gäller' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Skriv hela eller halva timmar, till exempel 2 eller 2,5' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Skriv ett heltal, till exempel 250' })).toBeVisible();
  await expect(page.getByLabel('Maxtaxa per månad (kronor)')).toHaveValue('2 600,50');
  await expect(page.getByLabel('Maxtaxa per månad (kronor)')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  await page.getByLabel('Gäller från').fill('2020-01-01');
  await page.getByLabel('Maxtaxa per månad (kronor)').fill('2 700');
  await page.getByLabel('Städning, högsta antal timmar varje gång').fill('2,5');
  expect(await submit(page, 'Lägg till perioden')).toBe(422);
  await expect(page.getByRole('alert').getByRole('link', { name: /Datumet kan inte ha passerat/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Gäller från').fill('2099-01-01');
  expect(await submit(page, 'Lägg till perioden')).toBe(200);
  await expect(page.getByText('Perioden är tillagd.')).toBeVisible();
  await expectAccessible(page);
  const coming = table.getByRole('row').filter({ hasText: 'Kommande' });
  await expect(coming.getByRole('rowheader')).toContainText(/^Från .*2099$/);
  await expect(coming).toContainText('Maxtaxa 2 700 kr per månad');
  await expect(coming).toContainText('högst 2,5 timmar');
  // The period in force now ends the day before the coming one starts.
  await expect(table.getByRole('row').filter({ hasText: 'Gäller nu' }).getByRole('rowheader')).toContainText(/31 .*2098$/);

  await page.getByLabel('Gäller från').fill('2099-01-01');
  expect(await submit(page, 'Lägg till perioden')).toBe(422);
  await expect(page.getByRole('alert').getByRole('link', { name: /En annan period börjar redan det datumet/ })).toBeVisible();

  await page.goto(REGELVERK);
  expect(await submit(page, /^Ta bort Från .*2099$/)).toBe(200);
  await expect(page.getByText('Perioden är borttagen. Perioden före gäller vidare.')).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Kommande' })).toHaveCount(0);
  await expectAccessible(page);
});

test('a period from today shows on the next request; a case sent before keeps its fees', async ({ page, browser }) => {
  // A whole journey, three staff sessions and fifteen accessibility checks.
  test.setTimeout(300_000);
  // An invånare applies for tvätt under the fees in force.
  await page.goto('/e-tjanster/tvatt');
  await expect(page.getByText('350 kronor per timme').first()).toBeVisible();
  await loginAsCitizen(page, GRETA);
  const next = () => page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  await h1(page, 'Ansöker du för egen del eller för någon annans räkning?');
  await page.getByLabel('För egen del').check();
  await next();
  await h1(page, 'Vad är ditt personnummer?');
  await next();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('folkbokförd');
  await page.getByLabel('Ja').check();
  await next();
  await h1(page, /Hur bor/);
  await page.getByLabel('I eget hem').check();
  await next();
  await h1(page, 'Var tvättar du i dag?');
  await page.getByLabel('I en gemensam tvättstuga').check();
  await next();
  await h1(page, 'Dina uppgifter');
  await page.getByLabel('Förnamn').fill('Greta');
  await page.getByLabel('Efternamn').fill('Regelberg');
  await page.getByLabel('Gatuadress').fill('Storgatan 7');
  await page.getByLabel('Postnummer').fill('696 30');
  await page.getByLabel('Ort').fill('Askersund');
  await page.getByLabel('Telefonnummer', { exact: false }).first().fill('0583-123 45');
  await next();
  await h1(page, 'Avgift');
  await page.getByLabel('Betala full avgift').check();
  await next();
  await h1(page, 'Kontrollera dina svar innan du skickar ansökan');
  await page.getByRole('button', { name: 'Skicka ansökan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('skickad');
  const reference = (await page.locator('.reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^\d{4}-\d{6}$/);

  // The handläggare sees the fees it was sent under.
  const desk = await freshPage(browser);
  await desk.goto(`/handlaggning/arenden/${reference}`);
  await loginAsStaff(desk);
  await desk.goto(`/handlaggning/arenden/${reference}`);
  const fees = desk.getByRole('region', { name: 'Avgifter när ansökan skickades' });
  await expect(fees).toContainText('Hemtjänst: 350 kronor per timme');
  await expect(fees).toContainText('Maxtaxa: 2 576 kronor i månaden');
  await expectAccessible(desk);

  // An administrator changes the hourly fee from today.
  const admin = await freshPage(browser);
  await asAdmin(admin);
  await admin.getByLabel('Gäller från').fill(today());
  await admin.getByLabel('Hemtjänst, avgift per timme (kronor)').fill('375');
  expect(await submit(admin, 'Lägg till perioden')).toBe(200);
  await expect(admin.getByRole('table').getByRole('row').filter({ hasText: 'Gäller nu' })).toContainText('Hemtjänst 375 kr per timme');

  // The next request shows it, with no restart (a new visitor, so nothing is cached in the browser).
  const visitor = await freshPage(browser);
  await visitor.goto('/e-tjanster/tvatt');
  await expect(visitor.getByText('375 kronor per timme').first()).toBeVisible();
  await expect(visitor.getByText('350 kronor per timme')).toHaveCount(0);

  // The case sent before keeps the fees it was sent under, for the handläggare and on Mina sidor.
  await desk.reload();
  await expect(fees).toContainText('Hemtjänst: 350 kronor per timme');
  await page.goto(`/mina-sidor/arenden/${reference}`);
  await h1(page, `Ärende ${reference}`);
  await expect(page.getByRole('definition').filter({ hasText: 'Hemtjänst: 350 kronor per timme' })).toBeVisible();
  for (const p of [desk, admin, visitor]) await p.context().close();
});
