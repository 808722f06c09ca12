/**
 * Orosanmälan – barn end to end, without JavaScript: an anonymous privatperson (never asked who
 * they are) and a yrkesverksam who must give workplace, profession, name and phone (with the error
 * states when they are missing). Every page, error states included, shows the 112 / socialjour
 * notice and the "Lämna sidan snabbt" link, and is checked with axe and html-validate.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';

test.use({ javaScriptEnabled: false });

const BASE = '/e-tjanster/orosanmalan-barn';
// The default of the e2e server's configuration (SOCIALJOUR_PHONE).
const SOCIALJOUR = '0583-810 00';

const next = (page: Page) => page.getByRole('button', { name: 'Fortsätt', exact: true }).click();

/** What every page of the e-tjänst carries: the emergency notice and the quick-exit link. Then axe. */
async function safeAndAccessible(page: Page) {
  const notice = page.locator('.emergency');
  await expect(notice).toContainText('Är någon i akut fara?');
  await expect(notice.getByRole('link', { name: '112' })).toHaveAttribute('href', 'tel:112');
  await expect(notice).toContainText(SOCIALJOUR);
  const exit = page.getByRole('link', { name: 'Lämna sidan snabbt' });
  await expect(exit).toBeVisible();
  // Through the portal, which forgets the journey, then on to the neutral site.
  await expect(exit).toHaveAttribute('href', '/lamna-sidan');
  await expectAccessible(page);
}

async function onPage(page: Page, heading: string) {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await safeAndAccessible(page);
}

/** Posts the page as it is and expects it back with status 422 and the given errors. */
async function expectErrors(page: Page, messages: string[]) {
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), next(page)]);
  expect(response.status()).toBe(422);
  const summary = page.getByRole('alert');
  for (const m of messages) {
    await expect(summary.getByRole('link', { name: m })).toBeVisible();
    await expect(page.locator('.error-message').filter({ hasText: m })).toBeVisible();
  }
  await safeAndAccessible(page);
}

async function startFromCatalog(page: Page) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Orosanmälan – barn' }).click();
  await onPage(page, 'Orosanmälan – barn');
  await expect(page.getByRole('heading', { name: 'Om någon är i akut fara' })).toBeVisible();
  await expect(page.getByText('kan du välja att vara anonym')).toBeVisible();
  await expect(page.getByText('Inom 14 dagar')).toBeVisible();
  await page.getByRole('button', { name: /^Börja/ }).click();
}

/** The questions about the concern and the child, the same for every reporter. */
async function concernAndChild(page: Page, opts: { danger: 'Ja' | 'Nej' }) {
  await onPage(page, 'Är barnet i akut fara just nu?');
  await expect(page.getByText('Om barnet är i akut fara: ring 112 först.')).toBeVisible();
  await page.getByLabel(opts.danger, { exact: true }).check();
  await next(page);

  await onPage(page, 'Vad gäller din oro?');
  await expectErrors(page, ['Välj minst ett alternativ som beskriver din oro']);
  await page.getByLabel('Barnet får inte den omsorg, mat, tillsyn eller vård det behöver').check();
  await page.getByLabel('Barnet är ofta borta från skolan').check();
  await next(page);

  await onPage(page, 'Berätta vad du har sett eller hört');
  await page.getByLabel('Berätta vad du har sett eller hört').fill('Barnet kommer ofta till skolan hungrigt och har varit borta många dagar i höst.');
  await next(page);

  await onPage(page, 'Om barnet');
  // The child's address is not the reporter's: the browser must not offer the reporter's own.
  const childAddress = page.getByRole('group', { name: /Var bor barnet/ });
  for (const label of ['Gatuadress', 'Postnummer', 'Ort']) await expect(childAddress.getByLabel(label)).toHaveAttribute('autocomplete', 'off');
  await page.getByLabel('Barnets förnamn (frivilligt)').fill('Tolvan');
  await page.getByLabel('Barnets ålder (frivilligt)').fill('8');
  await next(page);

  await onPage(page, 'Barnets familj');
  await page.getByLabel('Jag vet inte').check();
  await next(page);
}

async function send(page: Page) {
  await page.getByRole('button', { name: /^Skicka/ }).click();
  await onPage(page, 'Anmälan är skickad');
  await expect(page.locator('.reference')).toHaveText(/^\d{4}-\d{6}$/);
  await expect(page.getByText('Inom 14 dagar bestämmer vi om vi ska starta en utredning.')).toBeVisible();
}

test('a privatperson reports concern for a child anonymously and is never asked who they are', async ({ page }) => {
  test.setTimeout(180_000);
  await startFromCatalog(page);

  await onPage(page, 'Vem är du som gör anmälan?');
  await expectErrors(page, ['Välj om du är privatperson eller gör anmälan i ditt arbete']);
  await page.getByLabel('Jag är privatperson').check();
  await next(page);

  await onPage(page, 'Vill du vara anonym?');
  await page.getByLabel('Ja, jag vill vara anonym').check();
  await next(page);

  // Straight on to the child: no page about the reporter, and none can be reached by its address.
  await expect(page).toHaveURL(new RegExp(`${BASE}/akut$`));
  for (const p of ['om-dig', 'relation', 'yrkesverksam']) {
    await page.goto(`${BASE}/${p}`);
    await expect(page).toHaveURL(new RegExp(`${BASE}/akut$`));
  }
  await concernAndChild(page, { danger: 'Nej' });

  await onPage(page, 'Kontrollera dina svar innan du skickar');
  const answers = page.locator('.summary-list');
  await expect(answers).toContainText('Ja, jag vill vara anonym');
  await expect(answers).toContainText('Tolvan');
  // Nothing about the reporter: no name, phone, relation or workplace.
  for (const label of ['Förnamn', 'Efternamn', 'Telefonnummer', 'Hur känner du barnet?', 'Din arbetsplats']) {
    await expect(answers.locator('dt').filter({ hasText: new RegExp(`^${label.replace(/[?]/g, '\\?')}`) })).toHaveCount(0);
  }
  await send(page);
});

test('a yrkesverksam must give workplace, profession, name and phone, and cannot be anonymous', async ({ page }) => {
  test.setTimeout(180_000);
  await startFromCatalog(page);

  await onPage(page, 'Vem är du som gör anmälan?');
  await page.getByLabel('Jag gör anmälan i mitt arbete').check();
  await next(page);

  await onPage(page, 'Om ditt arbete');
  await expect(page.getByText('kan därför inte vara anonym')).toBeVisible();
  await expectErrors(page, ['Välj var du arbetar', 'Skriv ditt yrke eller din befattning', 'Skriv namnet på din arbetsplats']);
  await page.getByLabel('Skola eller fritidshem').check();
  await page.getByLabel('Ditt yrke eller din befattning').fill('Lärare');
  // What was typed stays when another answer on the page is missing.
  await expectErrors(page, ['Skriv namnet på din arbetsplats']);
  await expect(page.getByLabel('Ditt yrke eller din befattning')).toHaveValue('Lärare');
  await page.getByLabel('Din arbetsplats').fill('Centralskolan');
  await next(page);

  await onPage(page, 'Om dig');
  await expectErrors(page, ['Skriv ditt förnamn', 'Skriv ditt efternamn', 'Skriv ett telefonnummer där vi når dig']);
  await page.getByLabel('Förnamn', { exact: true }).fill('Elva');
  await page.getByLabel('Efternamn', { exact: true }).fill('Elvasdotter');
  await page.getByLabel('Telefonnummer').fill('ring skolan');
  await expectErrors(page, ['Skriv telefonnumret med siffror, till exempel 070-123 45 67']);
  await page.getByLabel('Telefonnummer').fill('0583-123 45');
  await next(page);

  // The anonymity question is not on a yrkesverksam's path, not even by its address.
  await expect(page).toHaveURL(new RegExp(`${BASE}/akut$`));
  await page.goto(`${BASE}/anonym`);
  await expect(page).toHaveURL(new RegExp(`${BASE}/akut$`));
  await concernAndChild(page, { danger: 'Ja' });

  await onPage(page, 'Kontrollera dina svar innan du skickar');
  const answers = page.locator('.summary-list');
  for (const text of ['Jag gör anmälan i mitt arbete', 'Skola eller fritidshem', 'Lärare', 'Centralskolan', 'Elva', 'Elvasdotter', '0583-123 45']) {
    await expect(answers).toContainText(text);
  }
  await expect(answers).not.toContainText('Vill du vara anonym?');
  await send(page);
});
