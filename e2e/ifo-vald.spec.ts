/**
 * Våld i nära relation – få stöd. Without JavaScript: the whole request, with the safe-contact
 * questions (calls at set times, no message, no letters, a safe person), an error state, and on every
 * page the 112 / socialjour notice and the "Lämna sidan snabbt" link, checked with axe. With
 * JavaScript: the button (and Shift pressed three times) leaves for the neutral site by replacing the current
 * history entry, so the back button does not return to the form.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { NEUTRAL_URL } from '../playwright.config.ts';

const BASE = '/e-tjanster/vald-i-nara-relation';
// The e2e server's QUICK_EXIT_URL, and its default SOCIALJOUR_PHONE.
const QUICK_EXIT_URL = NEUTRAL_URL;
const SOCIALJOUR = '0583-810 00';

const next = (page: Page) => page.getByRole('button', { name: 'Fortsätt', exact: true }).click();

async function onPage(page: Page, heading: string) {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  const notice = page.locator('.emergency');
  await expect(notice).toContainText('Är någon i akut fara?');
  await expect(notice.getByRole('link', { name: '112' })).toBeVisible();
  await expect(notice).toContainText(SOCIALJOUR);
  // Through the portal, which forgets the journey, then on to the neutral site.
  await expect(page.getByRole('link', { name: 'Lämna sidan snabbt' })).toHaveAttribute('href', '/lamna-sidan');
  await expectAccessible(page);
}

/** In a fieldset (one question of several on the page), choose an option by its exact label. */
const choose = (page: Page, question: string, option: string) => page.getByRole('group', { name: question }).getByLabel(option, { exact: true }).check();

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('someone subjected to violence asks for contact on their own terms', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/');
    await page.getByRole('link', { name: 'Våld i nära relation – få stöd' }).click();
    await onPage(page, 'Våld i nära relation – få stöd');
    await expect(page.getByText('Vi skickar ingenting hem till dig om du inte säger att vi får.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Så döljer du att du har varit här' })).toBeVisible();
    await page.getByRole('button', { name: /^Börja/ }).click();

    await onPage(page, 'Är du i fara just nu?');
    await page.getByLabel('Nej', { exact: true }).check();
    await next(page);

    await onPage(page, 'Vad vill du ha hjälp med?');
    await page.getByLabel('Prata med någon om det som har hänt').check();
    await page.getByLabel('Stöd till mina barn').check();
    await next(page);

    await onPage(page, 'Din situation');
    await choose(page, 'Bor du med den som utsätter dig?', 'Ja');
    await choose(page, 'Bor det barn hos dig?', 'Ja');
    await choose(page, 'Har du skyddade personuppgifter?', 'Nej');
    await next(page);

    await onPage(page, 'Får vi ringa dig?');
    await page.getByLabel('Ja', { exact: true }).check();
    await next(page);

    await onPage(page, 'Ditt telefonnummer och när vi kan ringa');
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), next(page)]);
    expect(response.status()).toBe(422);
    await expect(page.getByRole('alert')).toContainText('Skriv det telefonnummer vi kan ringa');
    await expect(page.getByRole('alert')).toContainText('Välj minst en tid då vi kan ringa');
    await onPage(page, 'Ditt telefonnummer och när vi kan ringa');
    await page.getByLabel('Telefonnummer').fill('070-123 45 67');
    await page.getByLabel('Vardagar, förmiddag').check();
    await page.getByLabel('Tider då vi inte får ringa').fill('Inte efter klockan 15');
    await next(page);

    await onPage(page, 'Om du inte svarar när vi ringer');
    await choose(page, 'Får vi lämna ett meddelande på din telefonsvarare?', 'Nej');
    await choose(page, 'Får vi skicka sms till dig?', 'Nej');
    await next(page);

    await onPage(page, 'Får vi skicka brev till dig?');
    await expect(page.getByText('Vi skickar inget hem till dig om du inte svarar ja.')).toBeVisible();
    await page.getByLabel('Nej', { exact: true }).check();
    await next(page);

    await onPage(page, 'Får vi skicka e-post till dig?');
    await page.getByLabel('Nej', { exact: true }).check();
    await next(page);

    await onPage(page, 'Finns det en person vi kan kontakta om vi inte når dig?');
    await page.getByLabel('Ja', { exact: true }).check();
    await next(page);

    await onPage(page, 'Personen vi kan kontakta');
    await page.getByLabel('Personens namn').fill('Tolva Testsson');
    await page.getByLabel('Personens telefonnummer').fill('070-765 43 21');
    await page.getByLabel('Vem är personen för dig? (frivilligt)').fill('Syster');
    await next(page);

    await onPage(page, 'Behöver du tolk?');
    await page.getByLabel('Nej', { exact: true }).check();
    await next(page);

    await onPage(page, 'Vad heter du?');
    await page.getByLabel('Förnamn', { exact: true }).fill('Elva');
    await page.getByLabel('Efternamn', { exact: true }).fill('Testsson');
    await next(page);

    await onPage(page, 'Kontrollera dina svar innan du skickar');
    const answers = page.locator('.summary-list');
    for (const text of ['070-123 45 67', 'Vardagar, förmiddag', 'Inte efter klockan 15', 'Tolva Testsson', 'Elva']) await expect(answers).toContainText(text);
    // No address was asked for: nothing can be sent to the home.
    await expect(answers.locator('dt').filter({ hasText: /^Adress$/ })).toHaveCount(0);
    await page.getByRole('button', { name: /^Skicka/ }).click();

    await onPage(page, 'Vi har tagit emot det du skickade');
    await expect(page.locator('.reference')).toHaveText(/^\d{4}-\d{6}$/);
    await expect(page.getByText('Vi skickar ingenting hem till dig om du inte har sagt att vi får.')).toBeVisible();
  });
});

test.describe('with JavaScript', () => {
  test.use({ javaScriptEnabled: true });

  test('"Lämna sidan snabbt" leaves for the neutral site and the back button does not return to the form', async ({ page }) => {
    await page.goto('/');
    await page.goto(`${BASE}/akut`);
    await expect(page.getByRole('heading', { level: 1, name: 'Är du i fara just nu?' })).toBeVisible();

    await Promise.all([page.waitForURL(QUICK_EXIT_URL), page.getByRole('link', { name: 'Lämna sidan snabbt' }).click()]);

    // The form page was replaced in the history: back goes to the page before it, never to the form.
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(page.url()).not.toContain('vald-i-nara-relation');
  });

  test('Shift pressed three times leaves the same way; Escape and typing do not', async ({ page }) => {
    await page.goto('/');
    await page.goto(`${BASE}/akut`);
    await expect(page.getByRole('heading', { level: 1, name: 'Är du i fara just nu?' })).toBeVisible();
    await expect(page.getByText('Med tangentbordet: tryck på Skift tre gånger.')).toBeVisible();

    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+A');
    await page.keyboard.press('Shift+B');
    await page.keyboard.press('Shift+C');
    await page.waitForTimeout(300);
    expect(page.url()).toContain('vald-i-nara-relation');

    await Promise.all([page.waitForURL(QUICK_EXIT_URL), (async () => {
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    })()]);
    await page.goBack();
    expect(page.url()).not.toContain('vald-i-nara-relation');
  });
});
