/**
 * The logged-in person's own address and folkbokföring, filled in for them: from the demo population
 * register (demo mode), marked with where it came from and editable; never when applying for someone
 * else; nothing, and no trace, for a person with sekretessmarkering; the e-legitimation's address
 * when the register has none. Without JavaScript, every page checked with axe. (`none`, the register
 * switched off, is walked in src/server/citizen/prefill.integration.test.ts.)
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { typeInto } from './helpers.ts';
import { ANNA, GRETA, TOLVAN, loginAsCitizen } from './citizen.ts';

/** Tolvan Testsson: not in the demo register; the local e-legitimation sends an address for him. */
const TOLVAN_TESTSSON = '19891231-2389';

// The pages on the way are walked by mouse (trygghetslarm.spec.ts walks them with the keyboard); the
// pages that show what was filled in are checked with axe.
const next = (page: Page) => page.getByRole('button', { name: 'Fortsätt', exact: true }).click();

async function heading(page: Page, name: string, check = false) {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  if (check) await expectAccessible(page);
}

/** From the start page, logged in, applying for oneself, to the folkbokföring question. */
async function toFolkbokforing(page: Page, who: string) {
  await page.goto('/e-tjanster/trygghetslarm');
  await loginAsCitizen(page, who);
  await heading(page, 'Ansöker du för egen del eller för någon annans räkning?');
  await page.getByLabel('För egen del').check();
  await next(page);
  await heading(page, 'Vad är ditt personnummer?');
  await next(page);
  await heading(page, 'Är du folkbokförd i Askersunds kommun?', true);
}

/** On from folkbokföring (answered as shown) to "Dina uppgifter". */
async function toOwnDetails(page: Page) {
  await next(page);
  await heading(page, 'Hur bor du?');
  await page.getByLabel('I eget hem').check();
  await next(page);
  await heading(page, 'Vilket trygghetslarm vill du ha?');
  await page.getByLabel('Trygghetslarm i hemmet').check();
  await next(page);
}

test.describe('own details filled in from folkbokföringen', () => {
  test.use({ javaScriptEnabled: false });

  test("Greta's folkbokföring and address are filled in and marked, and she can change them", async ({ page }) => {
    test.setTimeout(120_000);
    await toFolkbokforing(page, GRETA);
    await expect(page.getByLabel('Ja')).toBeChecked();
    await expect(page.getByText('Från folkbokföringen')).toBeVisible();
    await toOwnDetails(page);

    await heading(page, 'Dina uppgifter', true);
    const address = page.getByRole('group', { name: 'Adress där hjälpen ska ges' });
    await expect(address.getByText('Från folkbokföringen')).toBeVisible();
    await expect(address.getByLabel('Gatuadress')).toHaveValue('Storgatan 12');
    await expect(address.getByLabel('Postnummer')).toHaveValue('696 30');
    await expect(address.getByLabel('Ort', { exact: true })).toHaveValue('Askersund');
    // Editable: the help is given at another address than the folkbokföring's.
    await typeInto(page, address.getByLabel('Gatuadress'), 'Sjövägen 2');
    await page.getByLabel('Telefonnummer').fill('070-123 45 67');
    await next(page);
    await heading(page, 'Vilka ska vi ringa när larmet går?');
    await page.goBack();
    await page.reload();
    await expect(page.getByRole('group', { name: 'Adress där hjälpen ska ges' }).getByLabel('Gatuadress')).toHaveValue('Sjövägen 2');
    // What is shown now is her own answer, not the register's.
    await expect(page.getByText('Från folkbokföringen')).toHaveCount(0);
  });

  test("applying for someone else, nothing about the applicant or the person is filled in", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/e-tjanster/trygghetslarm');
    await loginAsCitizen(page, ANNA);
    await heading(page, 'Ansöker du för egen del eller för någon annans räkning?');
    await page.getByLabel('För någon annan').check();
    await next(page);
    await heading(page, 'Om dig som ansöker');
    await page.getByLabel('Ditt telefonnummer').fill('070-111 22 33');
    await page.getByLabel('Barn', { exact: true }).check();
    await next(page);
    await page.getByLabel('Personen vet om ansökan och vill ha hjälpen').check();
    await next(page);
    await page.getByRole('textbox', { name: 'Vad är personnumret för den du ansöker för?' }).fill(GRETA);
    await next(page);
    await heading(page, 'Är personen folkbokförd i Askersunds kommun?', true);
    await expect(page.getByLabel('Ja')).not.toBeChecked();
    await expect(page.getByLabel('Nej')).not.toBeChecked();
    await expect(page.getByText('Från folkbokföringen')).toHaveCount(0);
    await page.getByLabel('Ja').check();
    await next(page);
    await page.getByLabel('I eget hem').check();
    await next(page);
    await page.getByLabel('Trygghetslarm i hemmet').check();
    await next(page);
    // Neither Greta's address (she is not the one logged in) nor Anna's own (Örebro) is offered.
    await heading(page, 'Uppgifter om den du ansöker för', true);
    const address = page.getByRole('group', { name: 'Adress där hjälpen ska ges' });
    await expect(address.getByLabel('Gatuadress')).toHaveValue('');
    await expect(address.getByLabel('Ort', { exact: true })).toHaveValue('');
    expect(await page.content()).not.toMatch(/Storgatan 12|Drottninggatan|Från folkbokföringen/);
  });

  test('a person with sekretessmarkering gets nothing filled in, and nothing on the page tells', async ({ page }) => {
    test.setTimeout(120_000);
    await toFolkbokforing(page, TOLVAN);
    await expect(page.getByLabel('Ja')).not.toBeChecked();
    await expect(page.getByLabel('Nej')).not.toBeChecked();
    await page.getByLabel('Ja').check();
    await toOwnDetails(page);
    await heading(page, 'Dina uppgifter', true);
    const address = page.getByRole('group', { name: 'Adress där hjälpen ska ges' });
    for (const input of ['Gatuadress', 'Postnummer']) await expect(address.getByLabel(input)).toHaveValue('');
    await expect(address.getByLabel('Ort', { exact: true })).toHaveValue('');
    const html = await page.content();
    expect(html).not.toMatch(/Lönngången|folkbokföringen|sekretess|skyddad/i);
  });

  test("the e-legitimation's address is filled in where the register has none, marked as the e-legitimation's", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/e-tjanster/ekonomiskt-bistand');
    await loginAsCitizen(page, TOLVAN_TESTSSON);
    await heading(page, 'Om dig', true);
    const address = page.getByRole('group', { name: /^Adress/ });
    await expect(address.getByLabel('Gatuadress')).toHaveValue('Kyrkogatan 8');
    await expect(address.getByLabel('Postnummer')).toHaveValue('696 30');
    await expect(address.getByText('Från din e-legitimation')).toBeVisible();
  });
});
