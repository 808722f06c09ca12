/**
 * The förenklad offer end to end, without JavaScript: tvätt, städning and digitala inköp applied for
 * from the catalog to the confirmation and the PDF receipt (trygghetslarm has its own keyboard-only
 * spec), and an anhörig applying for their mother with an uploaded fullmakt, including the uploads
 * that are refused. Every page, error states included, is checked with axe and html-validate.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { OLD_ENOUGH, TOO_YOUNG } from './helpers.ts';
import { loginAsStaff } from './staff.ts';
import { ANNA, GRETA, loginAsCitizen, expectSubmitterFromEid } from './citizen.ts';

test.use({ javaScriptEnabled: false });

const next = (page: Page) => page.getByRole('button', { name: 'Fortsätt', exact: true }).click();

async function heading(page: Page, name: string) {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expectAccessible(page);
}

/**
 * The shared eligibility questions, answered for someone who qualifies. Without a personnummer the
 * applicant applies for themselves while logged in: it comes from the e-legitimation, read-only.
 */
async function eligible(page: Page, personnummer?: string, pnrHeading = 'Vad är ditt personnummer?') {
  await heading(page, pnrHeading);
  if (personnummer) await page.getByLabel(pnrHeading).fill(personnummer);
  else await expect(page.getByText('Hämtat från din e-legitimation')).toBeVisible();
  await next(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('folkbokförd i Askersunds kommun');
  await expectAccessible(page);
  await page.getByLabel('Ja').check();
  await next(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hur bor');
  await expectAccessible(page);
  await page.getByLabel('I eget hem').check();
  await next(page);
}

async function personDetails(page: Page, title: string, first: string, last: string) {
  await heading(page, title);
  await page.getByLabel('Förnamn').fill(first);
  await page.getByLabel('Efternamn').fill(last);
  await page.getByLabel('Gatuadress').fill('Storgatan 7');
  await page.getByLabel('Postnummer').fill('696 30');
  await page.getByLabel('Ort').fill('Askersund');
  await page.getByLabel('Telefonnummer', { exact: false }).first().fill('0583-123 45');
  await next(page);
}

async function payMaxtaxa(page: Page) {
  await heading(page, 'Avgift');
  await page.getByLabel('Betala full avgift').check();
  await next(page);
}

async function submitAndDownloadReceipt(page: Page): Promise<string> {
  await heading(page, 'Kontrollera dina svar innan du skickar ansökan');
  await page.getByRole('button', { name: 'Skicka ansökan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('skickad');
  await expectAccessible(page);
  const reference = (await page.locator('.reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^\d{4}-\d{6}$/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner kvittens (PDF)' }).click()]);
  expect(download.suggestedFilename()).toBe(`kvittens-${reference}.pdf`);
  const pdf = await readFile(await download.path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.byteLength).toBeGreaterThan(1000);
  return reference;
}

const services = [
  {
    title: 'Ansök om hjälp med tvätt',
    start: ['varannan vecka', '350 kronor per timme'],
    own: async (page: Page) => {
      await heading(page, 'Var tvättar du i dag?');
      await page.getByLabel('I en gemensam tvättstuga').check();
      await page.getByLabel('Något vi ska tänka på? (frivilligt)').fill('Ull tvättas för hand.');
      await next(page);
    },
    shown: ['I en gemensam tvättstuga', 'Ull tvättas för hand.'],
  },
  {
    title: 'Ansök om hjälp med städning',
    start: ['varannan vecka, högst 2 timmar varje gång', '350 kronor per timme'],
    own: async (page: Page) => {
      await heading(page, 'Om hemmet');
      await page.getByLabel('2 rum och kök').check();
      await page.getByLabel('Nej').check();
      await next(page);
    },
    shown: ['2 rum och kök'],
  },
  {
    title: 'Ansök om digitala inköp',
    start: ['varje vecka', 'Du betalar varorna själv'],
    own: async (page: Page) => {
      await heading(page, 'Hur vill du beställa?');
      await page.getByLabel('Med hjälp av personalen').check();
      await page.getByLabel('Tisdag').check();
      await page.getByLabel('Fredag').check();
      await next(page);
    },
    shown: ['Med hjälp av personalen', 'Tisdag', 'Fredag'],
  },
];

for (const s of services) {
  test(`${s.title}: from the catalog to the receipt`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    await page.getByRole('link', { name: s.title }).click();
    await heading(page, s.title);
    for (const text of s.start) await expect(page.getByText(text).first()).toBeVisible();
    // The three things SoL 4 kap. 2 a § says an applicant must be told before applying.
    await expect(page.getByRole('heading', { name: 'Du kan påverka hur hjälpen ges' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Så följer vi upp hjälpen' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Du kan alltid ansöka på vanligt sätt' })).toBeVisible();
    // E-legitimation is required: the start button logs in first and comes back to the first question.
    await loginAsCitizen(page, GRETA);

    await heading(page, 'Ansöker du för egen del eller för någon annans räkning?');
    // Every page of a förenklad e-tjänst links to the ordinary application.
    await expect(page.getByRole('link', { name: 'Ansök om bistånd på vanligt sätt' })).toBeVisible();
    await page.getByLabel('För egen del').check();
    await next(page);
    await eligible(page);
    await s.own(page);
    await personDetails(page, 'Dina uppgifter', 'Greta', 'Provsson');
    await payMaxtaxa(page);
    for (const text of s.shown) await expect(page.getByRole('definition').filter({ hasText: text }).first()).toBeVisible();
    await submitAndDownloadReceipt(page);
  });
}

test('an anhörig applies for her mother with a fullmakt; wrong and too large files are refused with clear errors', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await page.goto('/e-tjanster/stadning');
  await loginAsCitizen(page, ANNA);
  await page.getByLabel('För någon annan').check();
  await next(page);

  await heading(page, 'Om dig som ansöker');
  // Logged in: the one applying is who the e-legitimation says, not typed.
  await expectSubmitterFromEid(page, 'Anna', 'Dottersson');
  await page.getByLabel('Ditt telefonnummer').fill('070-987 65 43');
  await page.getByLabel('Barn', { exact: true }).check();
  await next(page);

  await heading(page, 'Vet personen om ansökan?');
  await page.getByLabel('Jag har en fullmakt eller ett förordnande').check();
  await next(page);

  const file = page.getByLabel('Ladda upp fullmakt eller förordnande');
  await heading(page, 'Ladda upp fullmakt eller förordnande');

  // A text file named .pdf: refused by its bytes, not its name.
  await file.setInputFiles({ name: 'fullmakt.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Detta är ingen PDF, bara text.\n') });
  let [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), next(page)]);
  expect(response.status()).toBe(422);
  await expect(page.getByRole('alert')).toContainText('Filen måste vara en PDF, JPEG eller PNG');
  await expect(page.locator('.error-message')).toContainText('Filen måste vara en PDF, JPEG eller PNG');
  await expectAccessible(page);

  // A real PDF over 10 MB.
  const big = Buffer.alloc(11 * 1024 * 1024, 0x20);
  big.write('%PDF-1.4\n', 0, 'latin1');
  await file.setInputFiles({ name: 'stor-fullmakt.pdf', mimeType: 'application/pdf', buffer: big });
  [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), next(page)]);
  expect(response.status()).toBe(422);
  await expect(page.getByRole('alert')).toContainText('Filen är för stor. Den får vara högst 10 MB');
  await expectAccessible(page);

  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
  await file.setInputFiles({ name: 'fullmakt-mamma.pdf', mimeType: 'application/pdf', buffer: pdf });
  await next(page);

  // Eligibility is the mother's: her personnummer, her folkbokföring, her housing.
  await heading(page, 'Vad är personnumret för den du ansöker för?');
  await page.getByLabel('Vad är personnumret för den du ansöker för?').fill(TOO_YOUNG);
  await next(page);
  await heading(page, 'Personen kan inte få hjälpen genom den här e-tjänsten');
  await expect(page.getByText('behöver personen vara 75 år eller äldre')).toBeVisible();
  await page.goBack();
  await eligible(page, OLD_ENOUGH, 'Vad är personnumret för den du ansöker för?');

  await heading(page, 'Om hemmet');
  await page.getByLabel('3 rum och kök').check();
  await page.getByLabel('Ja').check();
  await next(page);
  await personDetails(page, 'Uppgifter om den du ansöker för', 'Greta', 'Dottersson');
  await heading(page, 'Avgift');
  await page.getByLabel('Lämna uppgifter om inkomst').check();
  await next(page);
  await heading(page, 'Personens inkomst och boendekostnad');
  await page.getByLabel('Pension, kronor per månad').fill('14 500');
  await page.getByLabel('Hyra eller boendekostnad, kronor per månad').fill('6 800');
  await page.getByLabel('Nej').check();
  await next(page);

  await expect(page.getByText('fullmakt-mamma.pdf')).toBeVisible();
  await expect(page.getByText('När du skickar ansökan intygar du att uppgifterna är riktiga och att personen vet om ansökan')).toBeVisible();
  const reference = await submitAndDownloadReceipt(page);
  await expect(page.getByText('Ansökan är från Anna Dottersson för Greta Dottersson.')).toBeVisible();

  // The handläggare sees "X för Y", flagged for a consent check, and can open the fullmakt.
  const staff = await browser.newContext({ locale: 'sv-SE' });
  const desk = await staff.newPage();
  await loginAsStaff(desk);
  await desk.goto('/handlaggning');
  const row = desk.getByRole('row').filter({ hasText: reference });
  await expect(row).toContainText('Anna Dottersson för Greta Dottersson');
  await expect(row).toContainText('Kontrollera samtycke');
  await row.getByRole('link', { name: reference }).click();
  await expect(desk.getByRole('link', { name: 'fullmakt-mamma.pdf' })).toBeVisible();
  await expectAccessible(desk);

  // The flag is cleared only by a recorded check: who, how and when, on the timeline.
  await desk.getByRole('button', { name: 'Spara kontrollen' }).click();
  await expect(desk.getByRole('alert').filter({ hasText: 'Det finns ett problem' }).getByRole('link', { name: 'Välj hur du har kontrollerat samtycket' })).toBeVisible();
  await desk.getByLabel('Jag har sett en fullmakt').check();
  await desk.getByRole('button', { name: 'Spara kontrollen' }).click();
  await expect(desk.getByRole('status')).toHaveText('Kontrollen av samtycket är sparad.');
  await expect(desk.getByText('Samtycket är kontrollerat av Demo Handläggare (Jag har sett en fullmakt)')).toBeVisible();
  await expect(desk.getByRole('list', { name: 'Händelser' })).toContainText('Demo Handläggare kontrollerade samtycket: Jag har sett en fullmakt');
  await expectAccessible(desk);
  await desk.goto('/handlaggning');
  await expect(desk.getByRole('row').filter({ hasText: reference })).not.toContainText('Kontrollera samtycke');
  await staff.close();
});
