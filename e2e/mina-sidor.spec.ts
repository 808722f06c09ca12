/**
 * Mina sidor end to end, without JavaScript, logging in through the local e-legitimation provider:
 * apply for städning, log out, log in again and see the case; the handläggare writes and the
 * citizen answers with a file; a draft is saved and resumed; an anhörig's application shows on both
 * the anhörig's and the person's Mina sidor, and on no one else's; the e-mails reach the local SMTP
 * receiver with nothing of the case in them. axe and html-validate on every page.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { ANNA, GRETA, TOLVAN, loginAsCitizen, logoutCitizen, receivedMails, expectSubmitterFromEid } from './citizen.ts';
import { loginAsStaff } from './staff.ts';

test.use({ javaScriptEnabled: false });
test.describe.configure({ mode: 'serial' });

const next = (page: Page) => page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
const h1 = (page: Page, name: string | RegExp) => expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

/** Städning from the first question to the confirmation; returns the reference. */
async function applyForStadning(page: Page, opts: { forPerson?: string; email: string }): Promise<string> {
  if (opts.forPerson) {
    await page.getByLabel('För någon annan').check();
    await next(page);
    // Logged in: the one applying is who the e-legitimation says, not typed.
    await expectSubmitterFromEid(page, 'Anna', 'Dottersson');
    await page.getByLabel('Ditt telefonnummer').fill('070-987 65 43');
    await page.getByLabel('Din e-postadress (frivilligt)').fill(opts.email);
    await page.getByLabel('Barn', { exact: true }).check();
    await next(page);
    await page.getByLabel('Personen vet om ansökan och vill ha hjälpen').check();
    await next(page);
    await page.getByLabel('Vad är personnumret för den du ansöker för?').fill(opts.forPerson);
  } else {
    await page.getByLabel('För egen del').check();
    await next(page);
    await h1(page, 'Vad är ditt personnummer?');
    await expect(page.getByText('Hämtat från din e-legitimation')).toBeVisible();
    await expectAccessible(page);
  }
  await next(page);
  await page.getByLabel('Ja').check();
  await next(page);
  await page.getByLabel('I eget hem').check();
  await next(page);
  await page.getByLabel('2 rum och kök').check();
  await page.getByLabel('Nej').check();
  await next(page);
  // The name from the e-legitimation is offered when applying for oneself.
  if (!opts.forPerson) await expect(page.getByLabel('Efternamn')).toHaveValue('Dottersson');
  else {
    await page.getByLabel('Förnamn').fill('Tolvan');
    await page.getByLabel('Efternamn').fill('Tolvansson');
  }
  await page.getByLabel('Gatuadress').fill('Storgatan 7');
  await page.getByLabel('Postnummer').fill('696 30');
  await page.getByLabel('Ort').fill('Askersund');
  await page.getByLabel('Telefonnummer', { exact: false }).first().fill('0583-123 45');
  if (!opts.forPerson) await page.getByLabel('E-postadress (frivilligt)').fill(opts.email);
  await next(page);
  await page.getByLabel('Betala full avgift').check();
  await next(page);
  await page.getByRole('button', { name: 'Skicka ansökan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('skickad');
  return (await page.locator('.reference').textContent())?.trim() ?? '';
}

async function myCases(page: Page): Promise<string[]> {
  await page.goto('/mina-sidor');
  await h1(page, 'Mina sidor');
  return page.getByRole('table').getByRole('rowheader').getByRole('link').allTextContents();
}

async function freshPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ locale: 'sv-SE', javaScriptEnabled: false })).newPage();
}

let gretasReference = '';

test('a citizen logs in, applies for städning, logs out, logs in again and sees the case', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/e-tjanster/stadning');
  await expect(page.getByText('Du behöver logga in med e-legitimation')).toBeVisible();
  await expectAccessible(page);
  await loginAsCitizen(page, GRETA);
  await h1(page, 'Ansöker du för egen del eller för någon annans räkning?');
  await expect(page.getByText('Inloggad som Greta Dottersson')).toBeVisible();
  await expectAccessible(page);
  gretasReference = await applyForStadning(page, { email: 'greta@example.se' });
  expect(gretasReference).toMatch(/^\d{4}-\d{6}$/);

  await logoutCitizen(page);
  await expectAccessible(page);
  // Logged out: Mina sidor asks for a login again.
  await page.goto('/mina-sidor');
  await h1(page, 'Logga in med e-legitimation');
  await loginAsCitizen(page, GRETA);
  await h1(page, 'Mina sidor');
  const row = page.getByRole('row').filter({ hasText: gretasReference });
  await expect(row).toContainText('Ansök om hjälp med städning');
  await expect(row).toContainText('Mottagen');
  await expect(row).toContainText('Inget beslut ännu');
  await expectAccessible(page);
});

test('a handläggare writes to the citizen with a file, the citizen reads it, opens the file and answers with one', async ({ page, browser }) => {
  test.setTimeout(150_000);
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
  const desk = await freshPage(browser);
  await loginAsStaff(desk);
  await desk.goto(`/handlaggning/arenden/${gretasReference}`);
  await desk.getByLabel('Nytt meddelande till den enskilde').fill('Hej! Passar det med ett hembesök på tisdag förmiddag?');
  // A file of a kind that is not accepted: refused next to the field, the message kept.
  await desk.getByLabel('Bifoga filer (frivilligt)').setInputFiles({ name: 'anteckning.txt', mimeType: 'text/plain', buffer: Buffer.from('inte en pdf') });
  await desk.getByRole('button', { name: 'Skicka meddelandet' }).click();
  await expect(desk.getByRole('link', { name: 'Filerna måste vara PDF, JPEG eller PNG' })).toBeVisible();
  await expect(desk.getByLabel('Nytt meddelande till den enskilde')).toHaveValue('Hej! Passar det med ett hembesök på tisdag förmiddag?');
  await expectAccessible(desk);
  await desk.getByLabel('Bifoga filer (frivilligt)').setInputFiles({ name: 'informationsblad.pdf', mimeType: 'application/pdf', buffer: pdf });
  await desk.getByRole('button', { name: 'Skicka meddelandet' }).click();
  await expect(desk.getByText('Meddelandet är skickat')).toBeVisible();
  await expect(desk.getByRole('link', { name: 'informationsblad.pdf' })).toBeVisible();
  await expect(desk.getByText('skickade ett meddelande med 1 bifogad fil till den enskilde')).toBeVisible();
  await expectAccessible(desk);

  await page.goto('/mina-sidor');
  await loginAsCitizen(page, GRETA);
  await expect(page.getByRole('row').filter({ hasText: gretasReference })).toContainText('1 nytt meddelande');
  await page.getByRole('link', { name: gretasReference }).click();
  await h1(page, `Ärende ${gretasReference}`);
  await expect(page.getByText('Passar det med ett hembesök på tisdag förmiddag?')).toBeVisible();
  await expectAccessible(page);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'informationsblad.pdf' }).click();
  expect((await download).suggestedFilename()).toBe('informationsblad.pdf');
  await page.getByLabel('Ditt meddelande').fill('Tisdag passar bra. Här är mitt läkarintyg.');
  await page.getByLabel('Bifoga filer (frivilligt)').setInputFiles({ name: 'lakarintyg.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Skicka meddelandet' }).click();
  await expect(page.getByText('Ditt meddelande är skickat')).toBeVisible();
  await expect(page.getByRole('link', { name: 'lakarintyg.pdf' })).toBeVisible();
  await expectAccessible(page);

  await desk.goto(`/handlaggning/arenden/${gretasReference}`);
  await expect(desk.getByText('Tisdag passar bra. Här är mitt läkarintyg.')).toBeVisible();
  await expect(desk.getByRole('link', { name: 'lakarintyg.pdf' })).toBeVisible();
  await expect(desk.getByText('Den enskilde skickade ett meddelande med 1 bifogad fil')).toBeVisible();
  await desk.context().close();
});

test('a draft is saved, told to be kept for 30 days, and resumed from Mina sidor', async ({ page }) => {
  await page.goto('/e-tjanster/tvatt');
  await loginAsCitizen(page, GRETA);
  await page.getByLabel('För egen del').check();
  await next(page);
  await page.getByRole('button', { name: 'Spara och fortsätt senare' }).click();
  await h1(page, 'Mina sidor');
  await expect(page.getByRole('status')).toContainText('30 dagar');
  await expect(page.getByText('En sparad ansökan är inte skickad till oss')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: /^Fortsätt\s*:?\s*Ansök om hjälp med tvätt$/ }).click();
  // Back where the answers end: the personnummer (from the e-legitimation) was saved with the draft.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('folkbokförd i Askersunds kommun');
  await page.getByRole('link', { name: 'Tillbaka' }).click();
  await expect(page.getByText(GRETA)).toBeVisible();
});

test('an anhörig’s application shows on her Mina sidor and on the person’s, and on no one else’s', async ({ page, browser }) => {
  test.setTimeout(150_000);
  await page.goto('/e-tjanster/stadning');
  await loginAsCitizen(page, ANNA);
  const reference = await applyForStadning(page, { forPerson: TOLVAN, email: 'anna@example.se' });
  expect(await myCases(page)).toContain(reference);
  await expect(page.getByRole('row').filter({ hasText: reference })).toContainText('Från Anna Dottersson för Tolvan Tolvansson');
  // Greta's case does not exist for Anna, by any URL.
  const res = await page.goto(`/mina-sidor/arenden/${gretasReference}`);
  expect(res?.status()).toBe(404);
  await logoutCitizen(page);

  const tolvan = await freshPage(browser);
  await tolvan.goto('/mina-sidor');
  await loginAsCitizen(tolvan, TOLVAN);
  expect(await myCases(tolvan)).toEqual([reference]);
  await tolvan.getByRole('link', { name: reference }).click();
  await h1(tolvan, `Ärende ${reference}`);
  await expectAccessible(tolvan);
  await tolvan.context().close();
});

test('the e-mails arrive at the local SMTP receiver and hold nothing of the case', async () => {
  await expect.poll(() => receivedMails().map((m) => m.to), { timeout: 30_000 }).toEqual(expect.arrayContaining(['greta@example.se', 'anna@example.se']));
  const mails = receivedMails();
  const greta = mails.filter((m) => m.to === 'greta@example.se');
  // Received, and a message from the handläggare.
  expect(greta.length).toBeGreaterThanOrEqual(2);
  // Every mail in the receiver (citizens' notices, and the staff's: akut alerts, unread replies,
  // administrators' notices) holds nothing of the case; a citizen's leads to Mina sidor.
  for (const m of mails) {
    if (m.to === 'greta@example.se' || m.to === 'anna@example.se') expect(m.text).toContain('/mina-sidor');
    for (const secret of [GRETA, GRETA.replace('-', ''), TOLVAN, 'Dottersson', 'Tolvansson', gretasReference, 'städning', 'hembesök']) expect(m.text).not.toContain(secret);
  }
});
