/**
 * Fortsatt ansökan: the next month's ekonomiskt bistånd starts from the previous application, with
 * household, housing, regular income and expenses filled in and editable, the month and this month's
 * documents asked afresh.
 *
 * Applying the ordinary way online: a daughter applying for her 60-year-old mother is stopped by the
 * förenklad trygghetslarm's age rule, and from its exit page sends the ordinary äldreomsorg
 * application (with needs assessment) with the answers she had already given carried over. Without
 * JavaScript; every page checked with axe and html-validate.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { ANNA, expectSubmitterFromEid, loginAsCitizen } from './citizen.ts';
import { monthFromNow } from './helpers.ts';
import { loginAsStaff } from './staff.ts';
import { formats } from '../src/domain/format.ts';

/** Skatteverket test personnummer: Tolvan Testsson of the test e-legitimation, and a child of his. */
const TOLVAN_TESTSSON = '19891231-2389';
const CHILD = '20180102-2383';

test.use({ javaScriptEnabled: false });

/** Skatteverket test personnummer of someone who is 60 in 2026: below the förenklad age limit (75). */
const SIXTY = '19660106-2620';

const next = (page: Page) => page.getByRole('button', { name: 'Fortsätt', exact: true }).click();

async function heading(page: Page, name: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expectAccessible(page);
}

test('a 60-year-old stopped by the förenklad age rule gets the ordinary äldreomsorg application, sent online with the answers carried over', async ({ page, browser }) => {
  test.setTimeout(180_000);
  // /ansok-om-bistand offers the online application before the telephone, letter and e-mail.
  await page.goto('/ansok-om-bistand');
  await heading(page, 'Ansök om bistånd på vanligt sätt');
  await expect(page.getByRole('link', { name: 'Ansök om bistånd inom äldreomsorgen' })).toHaveAttribute('href', '/e-tjanster/bistand-aldreomsorg');
  await expect(page.getByRole('heading', { level: 2, name: 'Andra sätt att ansöka' })).toBeVisible();

  // The daughter begins the förenklad trygghetslarm for her mother and is stopped by the age rule.
  await page.goto('/e-tjanster/trygghetslarm');
  await loginAsCitizen(page, ANNA);
  await heading(page, 'Ansöker du för egen del eller för någon annans räkning?');
  await page.getByLabel('För någon annan').check();
  await next(page);
  await heading(page, 'Om dig som ansöker');
  // Her name comes from her e-ID, locked; only her phone is asked.
  await expectSubmitterFromEid(page, 'Anna', 'Dottersson');
  await page.getByLabel('Ditt telefonnummer').fill('070-987 65 43');
  await page.getByLabel('Barn', { exact: true }).check();
  await next(page);
  await heading(page, 'Vet personen om ansökan?');
  await page.getByLabel('Personen vet om ansökan och vill ha hjälpen').check();
  await next(page);
  await heading(page, 'Vad är personnumret för den du ansöker för?');
  await page.getByLabel('Vad är personnumret för den du ansöker för?').fill(SIXTY);
  await next(page);
  await heading(page, 'Personen kan inte få hjälpen genom den här e-tjänsten');

  // The exit page leads to the ordinary application online, with what was answered.
  await page.getByRole('link', { name: 'Ansök på vanligt sätt här på webben. Svaren du redan har gett följer med' }).click();
  await expect(page).toHaveURL(/\/e-tjanster\/bistand-aldreomsorg\/vem-ansoker$/);
  await heading(page, 'Ansöker du för egen del eller för någon annans räkning?');
  await expect(page.getByLabel('För någon annan')).toBeChecked();
  await next(page);
  await heading(page, 'Om dig som ansöker');
  await expectSubmitterFromEid(page, 'Anna', 'Dottersson');
  await expect(page.getByLabel('Ditt telefonnummer')).toHaveValue('070-987 65 43');
  await expect(page.getByLabel('Barn', { exact: true })).toBeChecked();
  await next(page);
  await heading(page, 'Vet personen om ansökan?');
  await expect(page.getByLabel('Personen vet om ansökan och vill ha hjälpen')).toBeChecked();
  await next(page);
  await heading(page, 'Vad är personnumret för den du ansöker för?');
  // No age rule here: the ordinary application is for anyone.
  await expect(page.getByLabel('Vad är personnumret för den du ansöker för?')).toHaveValue(SIXTY);
  await next(page);

  await heading(page, 'Hur bor personen?');
  await page.getByLabel('I eget hem').check();
  await next(page);

  // The insats she was applying for is already chosen.
  await heading(page, 'Vad ansöker ni om?');
  await expect(page.getByLabel('Trygghetslarm')).toBeChecked();
  // Nothing chosen: refused beside the question and in the summary, with status 422.
  await page.getByLabel('Trygghetslarm').uncheck();
  const [refused] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), next(page)]);
  expect(refused.status()).toBe(422);
  await expect(page.getByRole('alert')).toContainText('Välj minst en sorts hjälp att ansöka om');
  await expect(page.locator('.error-message')).toContainText('Välj minst en sorts hjälp att ansöka om');
  await expectAccessible(page);
  await page.getByLabel('Trygghetslarm').check();
  await page.getByLabel('Hemtjänst').check();
  await next(page);

  await heading(page, 'Vilken hjälp i hemmet behöver personen?');
  await page.getByLabel('Städning').check();
  await page.getByLabel('Personlig omvårdnad').check();
  await page.getByLabel('Hur ofta behöver personen hjälpen?').fill('Dusch två gånger i veckan och städning varannan vecka.');
  await next(page);

  await heading(page, 'Personens situation');
  await page.getByLabel('Ja').check();
  await page.getByLabel('Berätta om personens situation').fill('Mamma har haft en stroke och har svårt att gå och att använda höger hand.');
  await next(page);
  await heading(page, 'Vad vill personen ha hjälp med?');
  await page.getByLabel('Vad vill personen ha hjälp med?').fill('Hon vill kunna bo kvar hemma och känna sig trygg på nätterna.');
  await next(page);

  await heading(page, 'Uppgifter om den du ansöker för');
  await page.getByLabel('Förnamn').fill('Stina');
  await page.getByLabel('Efternamn').fill('Dottersson');
  await page.getByLabel('Gatuadress').fill('Storgatan 7');
  await page.getByLabel('Postnummer').fill('696 30');
  await page.getByLabel('Ort').fill('Askersund');
  await page.getByLabel('Telefonnummer', { exact: false }).first().fill('0583-123 45');
  await next(page);

  await heading(page, 'Kontrollera dina svar innan du skickar ansökan');
  await expect(page.getByRole('definition').filter({ hasText: SIXTY }).first()).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Trygghetslarm' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Skicka ansökan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('skickad');
  await expectAccessible(page);
  // The right to a written decision that can be appealed.
  await expect(page.getByText(/skriftligt beslut\. .*överklaga/)).toBeVisible();
  await expect(page.getByText('Ansökan är från Anna Dottersson för Stina Dottersson.')).toBeVisible();
  const reference = (await page.locator('.reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^\d{4}-\d{6}$/);

  // The biståndshandläggare receives it as an äldreomsorg case, "X för Y".
  const staff = await browser.newContext({ locale: 'sv-SE' });
  const desk = await staff.newPage();
  await loginAsStaff(desk);
  await desk.goto('/handlaggning');
  const row = desk.getByRole('row').filter({ hasText: reference });
  await expect(row).toContainText('Anna Dottersson för Stina Dottersson');
  await row.getByRole('link', { name: reference }).click();
  await expect(desk.getByText('Ansök om bistånd inom äldreomsorgen').first()).toBeVisible();
  await expect(desk.getByText('Mamma har haft en stroke')).toBeVisible();
  await expectAccessible(desk);
  await staff.close();
});

/** The ekonomiskt bistånd pages after the household, answered for one month. */
async function applyForMonth(page: Page, month: string) {
  await heading(page, 'Vad ansöker du om?');
  await page.getByLabel('Försörjningsstöd för månaden').check();
  await next(page);
  await heading(page, 'Vilken månad ansöker du för?');
  // The month carries its year: "december 2026", never a bare "December".
  await page.getByLabel('Vilken månad ansöker du för?').selectOption({ label: formats('sv').month(month) });
  await next(page);
  await heading(page, 'Underlag till ansökan');
  await next(page);
  await heading(page, 'Fler underlag');
  await next(page);
  await heading(page, 'Kontrollera dina svar innan du skickar');
}

async function send(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Skicka ansökan' }).click();
  await heading(page, 'Ansökan är skickad');
  const reference = (await page.locator('.reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^\d{4}-\d{6}$/);
  return reference;
}

test("the next month's fortsatt ansökan starts from the previous one: only what changed is changed", async ({ page }) => {
  test.setTimeout(240_000);
  // This month's application, from the start.
  await page.goto('/e-tjanster/ekonomiskt-bistand');
  await loginAsCitizen(page, TOLVAN_TESTSSON);
  await heading(page, 'Om dig');
  await page.getByLabel('Förnamn').fill('Tolvan');
  await page.getByLabel('Efternamn').fill('Testsson');
  await page.getByLabel('Gatuadress').fill('Storgatan 7');
  await page.getByLabel('Postnummer').fill('696 30');
  await page.getByLabel('Ort', { exact: true }).fill('Askersund');
  await page.getByLabel('Telefonnummer').fill('070-123 45 67');
  await next(page);
  await heading(page, 'Behöver du tolk?');
  await page.getByLabel('Nej').check();
  await next(page);
  await heading(page, 'Bor du med en make, maka eller sambo?');
  await page.getByLabel('Nej').check();
  await next(page);
  await heading(page, 'Har du barn som bor hemma?');
  await page.getByLabel('Ja').check();
  await next(page);
  await heading(page, 'Barnen som bor hemma');
  const child = page.getByRole('group', { name: 'Barn 1', exact: true });
  await child.getByLabel('Barnets namn').fill('Tolva Testsson');
  await child.getByLabel('Barnets personnummer').fill(CHILD);
  await child.getByLabel('Bor hos mig hela tiden').check();
  await next(page);
  await heading(page, 'Ditt boende');
  await page.getByLabel('Hyresrätt, med eget kontrakt').check();
  await page.getByLabel('Hyra eller boendekostnad per månad').fill('6 800');
  await page.getByLabel('Jag', { exact: true }).check();
  await next(page);
  await heading(page, 'Din sysselsättning');
  await page.getByLabel('Studerar').check();
  await next(page);
  await heading(page, 'Andra ersättningar');
  await page.getByRole('group', { name: 'Ersättningar du har ansökt om och väntar på besked om' }).getByLabel('Bostadsbidrag eller bostadstillägg').check();
  await next(page);
  await heading(page, 'Dina inkomster');
  await page.getByLabel('A-kassa eller aktivitetsstöd').fill('9 200');
  await next(page);
  await heading(page, 'Hushållets utgifter');
  await page.getByLabel('El', { exact: true }).fill('450');
  await next(page);
  await heading(page, 'Pengar och annat av värde');
  await page.getByLabel('Pengar på bankkonton').fill('1 200');
  await next(page);
  await applyForMonth(page, monthFromNow(0));
  const first = await send(page);

  // Next month: the start page offers to continue from it.
  await page.goto('/e-tjanster/ekonomiskt-bistand');
  await heading(page, 'Ansökan om ekonomiskt bistånd');
  await page.getByRole('button', { name: 'Fortsätt från din förra ansökan' }).click();
  await heading(page, 'Om dig');
  await expect(page.getByText(`Svaren från din förra ansökan (${first}) är ifyllda.`)).toBeVisible();
  await expect(page.getByLabel('Förnamn')).toHaveValue('Tolvan');
  await expect(page.getByLabel('Gatuadress')).toHaveValue('Storgatan 7');
  await expect(page.getByText(TOLVAN_TESTSSON)).toBeVisible();
  await next(page);
  await heading(page, 'Behöver du tolk?');
  await expect(page.getByLabel('Nej')).toBeChecked();
  await next(page);
  await heading(page, 'Bor du med en make, maka eller sambo?');
  await expect(page.getByLabel('Nej')).toBeChecked();
  await next(page);
  await heading(page, 'Har du barn som bor hemma?');
  await expect(page.getByLabel('Ja')).toBeChecked();
  await next(page);
  await heading(page, 'Barnen som bor hemma');
  await expect(page.getByRole('group', { name: 'Barn 1', exact: true }).getByLabel('Barnets personnummer')).toHaveValue(CHILD);
  await next(page);
  // What changed: the rent went up.
  await heading(page, 'Ditt boende');
  await expect(page.getByLabel('Hyresrätt, med eget kontrakt')).toBeChecked();
  await expect(page.getByLabel('Hyra eller boendekostnad per månad')).toHaveValue('6800');
  await page.getByLabel('Hyra eller boendekostnad per månad').fill('7 100');
  await next(page);
  // Sysselsättning and other benefits are kept: the housing allowance applied for last month has now been decided.
  await heading(page, 'Din sysselsättning');
  await expect(page.getByLabel('Studerar')).toBeChecked();
  await next(page);
  await heading(page, 'Andra ersättningar');
  const applied = page.getByRole('group', { name: 'Ersättningar du har ansökt om och väntar på besked om' }).getByLabel('Bostadsbidrag eller bostadstillägg');
  await expect(applied).toBeChecked();
  await applied.uncheck();
  await page.getByRole('group', { name: 'Ersättningar du får' }).getByLabel('Bostadsbidrag eller bostadstillägg').check();
  await next(page);
  await heading(page, 'Dina inkomster');
  await expect(page.getByLabel('A-kassa eller aktivitetsstöd')).toHaveValue('9200');
  await next(page);
  await heading(page, 'Hushållets utgifter');
  await expect(page.getByLabel('El', { exact: true })).toHaveValue('450');
  await next(page);
  // Assets, what is applied for, the month and the documents are this month's: asked afresh.
  await heading(page, 'Pengar och annat av värde');
  await expect(page.getByLabel('Pengar på bankkonton')).toHaveValue('');
  await page.getByLabel('Pengar på bankkonton').fill('300');
  await next(page);
  await heading(page, 'Vad ansöker du om?');
  await expect(page.getByLabel('Försörjningsstöd för månaden')).not.toBeChecked();
  await applyForMonth(page, monthFromNow(1));
  for (const text of ['Tolva Testsson', 'Storgatan 7', 'Studerar', 'Bostadsbidrag eller bostadstillägg', '7 100', '9 200', formats('sv').month(monthFromNow(1))]) {
    await expect(page.getByRole('definition').filter({ hasText: text }).first()).toBeVisible();
  }
  const second = await send(page);
  expect(second).not.toBe(first);
});
