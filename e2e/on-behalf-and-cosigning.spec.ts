/**
 * Applying for someone and applying together, without JavaScript, logging in through the local
 * e-legitimation provider:
 * - Anna applies for her father from her own e-legitimation and is recorded as herself: her name is
 *   the e-legitimation's (shown, not typed), and the case, its JSON export and both Mina sidor say
 *   "Anna Dottersson för Tolvan Tolvansson" with Anna's personnummer.
 * - A couple's ekonomiskt bistånd waits for the medsökande: the applicant's Mina sidor says
 *   "Väntar på medsökande", the handläggare sees it as not complete, the medsökande is told by
 *   e-mail (nothing of the matter in it), logs in with their own e-legitimation, reads the
 *   application and confirms it; the case then shows who confirmed, when and at which assurance level.
 * Every page of the on-behalf walk after the pages about the one applying is checked for texts that
 * address the person applied for as "du" (./person-as-you.ts; every e-tjänst's texts are checked
 * against the same list in src/server/etjanster/on-behalf-texts.test.ts).
 * axe and html-validate on every page.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { ANNA, SVEN, TOLVAN, expectSubmitterFromEid, loginAsCitizen, logoutCitizen, receivedMails } from './citizen.ts';
import { loginAsStaff } from './staff.ts';
import { pdfText } from './pdf-text.ts';
import { PERSON_AS_YOU } from './person-as-you.ts';

test.use({ javaScriptEnabled: false });
test.describe.configure({ mode: 'serial' });

const next = (page: Page) => page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
async function h1(page: Page, name: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expectAccessible(page);
}

/** On a page about the person applied for: nothing in it addresses them as "du" (the phrases in ./person-as-you.ts). */
async function speaksOfThePerson(page: Page) {
  await page.waitForLoadState();
  const text = (await page.locator('main').innerText()).toLowerCase();
  expect(PERSON_AS_YOU.filter((phrase) => text.includes(phrase)), `on ${page.url()}`).toEqual([]);
}

async function freshPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ locale: 'sv-SE', javaScriptEnabled: false })).newPage();
}

/** The case page: complete, and Anna's confirmation recorded with its time and the e-ID's assurance level. */
async function expectConfirmedByAnna(desk: Page, reference: string) {
  await desk.goto(`/handlaggning/arenden/${reference}`);
  await h1(desk, `Ärende ${reference}`);
  await expect(desk.getByText('Ansökan är inte komplett')).toHaveCount(0);
  const confirmedRow = desk.getByRole('table', { name: 'Den som ska bekräfta ansökan med egen e-legitimation' }).getByRole('row').filter({ hasText: ANNA });
  await expect(confirmedRow).toContainText('Bekräftad');
  await expect(confirmedRow).toContainText('Anna Dottersson');
  await expect(confirmedRow).toContainText('Tillitsnivå 3');
  await expect(confirmedRow.getByRole('time')).toBeVisible();
}

test('Anna applies for her father from her e-ID and is recorded as herself', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await page.goto('/e-tjanster/stadning');
  await loginAsCitizen(page, ANNA);
  await h1(page, 'Ansöker du för egen del eller för någon annans räkning?');
  await page.getByLabel('För någon annan').check();
  await next(page);

  await h1(page, 'Om dig som ansöker');
  await expectSubmitterFromEid(page, 'Anna', 'Dottersson');
  await page.getByLabel('Ditt telefonnummer').fill('070-987 65 43');
  await page.getByLabel('Barn', { exact: true }).check();
  await next(page);
  await page.getByLabel('Personen vet om ansökan och vill ha hjälpen').check();
  await next(page);
  await page.getByLabel('Vad är personnumret för den du ansöker för?').fill(TOLVAN);
  await next(page);
  await speaksOfThePerson(page);
  await page.getByLabel('Ja').check();
  await next(page);
  await speaksOfThePerson(page);
  await page.getByLabel('I eget hem').check();
  await next(page);
  await speaksOfThePerson(page);
  await page.getByLabel('2 rum och kök').check();
  await page.getByLabel('Nej').check();
  await next(page);
  await speaksOfThePerson(page);
  await page.getByLabel('Förnamn').fill('Tolvan');
  await page.getByLabel('Efternamn').fill('Tolvansson');
  await page.getByLabel('Gatuadress').fill('Storgatan 7');
  await page.getByLabel('Postnummer').fill('696 30');
  await page.getByLabel('Ort').fill('Askersund');
  await page.getByLabel('Telefonnummer', { exact: false }).first().fill('0583-123 45');
  await next(page);
  await speaksOfThePerson(page);
  await page.getByLabel('Betala full avgift').check();
  await next(page);
  await speaksOfThePerson(page);
  await h1(page, /Kontrollera/);
  // The names typed nowhere are the e-legitimation's on check-answers too.
  await expect(page.getByRole('definition').filter({ hasText: 'Dottersson' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Skicka ansökan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('skickad');
  await speaksOfThePerson(page);
  const reference = (await page.locator('.reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^\d{4}-\d{6}$/);

  await page.goto('/mina-sidor');
  await h1(page, 'Mina sidor');
  await expect(page.getByRole('row').filter({ hasText: reference })).toContainText('Från Anna Dottersson för Tolvan Tolvansson');
  await logoutCitizen(page);

  // The father, once he logs in, sees it on his own Mina sidor.
  const father = await freshPage(browser);
  await father.goto('/mina-sidor');
  await loginAsCitizen(father, TOLVAN);
  await expect(father.getByRole('row').filter({ hasText: reference })).toContainText('Från Anna Dottersson för Tolvan Tolvansson');
  await expectAccessible(father);
  await father.context().close();

  // The handläggare sees Anna as herself: her name and her personnummer from the e-legitimation.
  const desk = await freshPage(browser);
  await loginAsStaff(desk);
  await desk.goto(`/handlaggning/arenden/${reference}`);
  await h1(desk, `Ärende ${reference}`);
  await expect(desk.getByRole('definition').filter({ hasText: 'Anna Dottersson för Tolvan Tolvansson' })).toBeVisible();
  const row = desk.locator('.summary-row').filter({ hasText: 'Personnummer, den som skickade' });
  await expect(row).toContainText(ANNA);
  await expect(row).toContainText('styrkt med e-legitimation');
  const exported = await desk.request.get(`/handlaggning/arenden/${reference}/export.json`);
  expect(exported.status()).toBe(200);
  const doc = (await exported.json()) as { submitter: { name: string; personnummer: string } | null; subject: { personnummer: string } };
  expect(doc.submitter).toEqual({ name: 'Anna Dottersson', personnummer: ANNA.replace('-', '') });
  expect(doc.subject.personnummer).toBe(TOLVAN.replace('-', ''));
  await desk.context().close();
});

const MEDSOKANDE_MAIL = 'medsokande.anna@example.se';
let coupleReference = '';

test('a couple’s ekonomiskt bistånd waits for the medsökande, who confirms with their own e-ID', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await page.goto('/e-tjanster/ekonomiskt-bistand');
  await loginAsCitizen(page, SVEN);
  await h1(page, 'Om dig');
  await page.getByLabel('Förnamn').fill('Sven');
  await page.getByLabel('Efternamn').fill('Svensson');
  await page.getByLabel('Gatuadress').fill('Storgatan 7');
  await page.getByLabel('Postnummer').fill('696 30');
  await page.getByLabel('Ort', { exact: true }).fill('Askersund');
  await page.getByLabel('Telefonnummer').fill('070-123 45 67');
  await next(page);
  await page.getByLabel('Nej').check();
  await next(page);
  await h1(page, 'Bor du med en make, maka eller sambo?');
  await page.getByLabel('Ja').check();
  await next(page);

  await h1(page, 'Om din make, maka eller sambo');
  await expect(page.getByText('bekräftar medsökande den med sin egen e-legitimation')).toBeVisible();
  await page.getByLabel('Medsökandes förnamn').fill('Anna');
  await page.getByLabel('Medsökandes efternamn').fill('Dottersson');
  await page.getByLabel('Medsökandes personnummer').fill(ANNA);
  await page.getByLabel('Medsökandes e-postadress (frivilligt)').fill(MEDSOKANDE_MAIL);
  await next(page);
  await h1(page, 'Har du barn som bor hemma?');
  await page.getByLabel('Nej').check();
  await next(page);
  await h1(page, 'Ditt boende');
  await page.getByLabel('Hyresrätt, med eget kontrakt').check();
  await page.getByLabel('Hyra eller boendekostnad per månad').fill('6 800');
  await page.getByLabel('Vi står på kontraktet tillsammans').check();
  await next(page);
  await h1(page, 'Din sysselsättning');
  await page.getByLabel('Inskriven på Arbetsförmedlingen och söker arbete').check();
  await next(page);
  await h1(page, 'Sysselsättning för din make, maka eller sambo');
  await page.getByLabel('Arbetar').check();
  await next(page);
  await h1(page, 'Andra ersättningar');
  await next(page);
  await h1(page, 'Andra ersättningar för din make, maka eller sambo');
  await next(page);
  await h1(page, 'Dina inkomster');
  await page.getByLabel('A-kassa eller aktivitetsstöd').fill('9 200');
  await next(page);
  await h1(page, 'Inkomster för din make, maka eller sambo');
  await page.getByLabel('Medsökandes lön').fill('14 500');
  await next(page);
  await h1(page, 'Hushållets utgifter');
  await next(page);
  await h1(page, 'Pengar och annat av värde');
  await page.getByLabel('Pengar på bankkonton').fill('1 200');
  await next(page);
  await h1(page, 'Vad ansöker du om?');
  await page.getByLabel('Försörjningsstöd för månaden').check();
  await next(page);
  await h1(page, 'Vilken månad ansöker du för?');
  await page.getByLabel('Vilken månad ansöker du för?').selectOption({ index: 1 });
  await next(page);
  await h1(page, 'Underlag till ansökan');
  await next(page);
  await h1(page, 'Fler underlag');
  await next(page);
  await h1(page, 'Kontrollera dina svar innan du skickar');
  await page.getByRole('button', { name: 'Skicka ansökan' }).click();
  await h1(page, 'Ansökan är skickad');
  coupleReference = (await page.locator('.reference').textContent())?.trim() ?? '';
  expect(coupleReference).toMatch(/^\d{4}-\d{6}$/);

  // The applicant's Mina sidor: waiting for the medsökande.
  await page.goto('/mina-sidor');
  await h1(page, 'Mina sidor');
  await expect(page.getByRole('row').filter({ hasText: coupleReference })).toContainText('Väntar på medsökande');
  await logoutCitizen(page);

  // The handläggare sees it as not complete.
  const desk = await freshPage(browser);
  await loginAsStaff(desk);
  // In the inbox: marked, and found with the filter for incomplete applications (a plain GET form).
  await desk.goto(`/handlaggning?ofullstandiga=ja`);
  await expect(desk.getByLabel(/^Bara ofullständiga ansökningar/)).toBeChecked();
  const listed = desk.getByRole('row').filter({ hasText: coupleReference });
  await expect(listed).toContainText('Väntar på bekräftelse');
  await expectAccessible(desk);
  await desk.goto(`/handlaggning/arenden/${coupleReference}`);
  await h1(desk, `Ärende ${coupleReference}`);
  await expect(desk.getByText('Ansökan är inte komplett')).toBeVisible();
  const waitingRow = desk.getByRole('table', { name: 'Den som ska bekräfta ansökan med egen e-legitimation' }).getByRole('row').filter({ hasText: ANNA });
  await expect(waitingRow).toContainText('Väntar');

  // The medsökande is told by e-mail, with nothing of the matter in it, and led to Mina sidor.
  await expect.poll(() => receivedMails().filter((m) => m.to === MEDSOKANDE_MAIL).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  const told = receivedMails().filter((m) => m.to === MEDSOKANDE_MAIL);
  expect(told).toHaveLength(1);
  expect(told[0]!.text).toContain('/mina-sidor');
  expect(told[0]!.text).toContain('väntar på att du bekräftar den');
  for (const secret of [coupleReference, SVEN, ANNA, 'Svensson', 'Dottersson', 'ekonomiskt', 'bistånd', '6 800']) expect(told[0]!.text).not.toContain(secret);

  // Someone else logged in cannot open the request.
  const other = await freshPage(browser);
  await other.goto('/mina-sidor');
  await loginAsCitizen(other, TOLVAN);
  await expect(other.getByRole('heading', { name: 'Att bekräfta' })).toHaveCount(0);
  await other.context().close();

  // The medsökande logs in with their own e-legitimation, reads the application and confirms it.
  const partner = await freshPage(browser);
  await partner.goto('/mina-sidor');
  await loginAsCitizen(partner, ANNA);
  await h1(partner, 'Mina sidor');
  await expect(partner.getByRole('heading', { level: 2, name: 'Att bekräfta' })).toBeVisible();
  await partner.getByRole('link', { name: `Läs och svara på ansökan ${coupleReference}` }).click();
  await h1(partner, `Bekräfta ansökan ${coupleReference}`);
  await expect(partner.getByText('Sven Svensson har skickat den här ansökan och angett dig som medsökande.')).toBeVisible();
  await expect(partner.getByText('Medsökandes lön')).toBeVisible();
  const confirmUrl = partner.url();
  await partner.getByRole('button', { name: 'Jag intygar att uppgifterna stämmer' }).click();
  await h1(partner, 'Mina sidor');
  await expect(partner.getByRole('status')).toContainText(`Du har bekräftat ansökan ${coupleReference}.`);
  await expect(partner.getByRole('heading', { name: 'Att bekräfta' })).toHaveCount(0);
  // Answered once: the page says so and offers no second answer.
  await partner.goto(confirmUrl);
  await expect(partner.getByText('Du har redan svarat på den här ansökan.')).toBeVisible();
  await expect(partner.getByRole('button', { name: 'Jag vill inte bekräfta ansökan' })).toHaveCount(0);
  await expectAccessible(partner);
  await partner.context().close();

  // The case shows who confirmed, when, and the e-legitimation's assurance level; it is complete.
  await expectConfirmedByAnna(desk, coupleReference);
  // The receipt copy the case offers: the application as sent, and the confirmation as recorded, in a dated section.
  const copy = await desk.request.get(`/handlaggning/arenden/${coupleReference}/kvittens.pdf`);
  expect(copy.status()).toBe(200);
  expect(copy.headers()['content-type']).toBe('application/pdf');
  const copyText = pdfText(await copy.body());
  expect(copyText).toContain('Bekräftelser – läget');
  expect(copyText).toMatch(/Anna Dottersson \(medsökande\) bekräftade ansökan .+ med e-\s?legitimation, tillitsnivå 3\./);
  expect(copyText).toContain('Medsökandes lön');
  // Complete: no longer marked, nor among the incomplete.
  await desk.goto('/handlaggning');
  await expect(desk.getByRole('row').filter({ hasText: coupleReference })).not.toContainText('Väntar på bekräftelse');
  await desk.goto('/handlaggning?ofullstandiga=ja');
  await expect(desk.getByRole('row').filter({ hasText: coupleReference })).toHaveCount(0);
  await desk.context().close();

  // And the applicant's Mina sidor no longer waits.
  await page.goto('/mina-sidor');
  await loginAsCitizen(page, SVEN);
  await expect(page.getByRole('row').filter({ hasText: coupleReference })).not.toContainText('Väntar på medsökande');
  // Mina sidor offers the same copy of the receipt.
  const mine = await page.request.get(`/mina-sidor/arenden/${coupleReference}/kvittens.pdf`);
  expect(mine.status()).toBe(200);
  expect(pdfText(await mine.body())).toMatch(/Anna Dottersson \(medsökande\) bekräftade ansökan/);
});

test('a kontaktfamilj for a child with two guardians waits for the other guardian, who confirms with their own e-ID', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const CHILD = '20180102-2383';
  const OTHER_GUARDIAN_MAIL = 'anna.dottersson@example.se';
  await page.goto('/e-tjanster/kontaktperson-kontaktfamilj');
  await loginAsCitizen(page, SVEN);
  await h1(page, 'Vem ansöker du för?');
  await page.getByLabel('För mitt barn').check();
  await next(page);
  // The guardian applying is who the e-ID says: the personnummer is shown, not typed.
  await h1(page, 'Om dig som är vårdnadshavare');
  await expect(page.getByText(SVEN)).toBeVisible();
  for (const [label, value] of [['Ditt förnamn', 'Sven'], ['Ditt efternamn', 'Svensson']] as const) {
    const field = page.getByLabel(label, { exact: true });
    if ((await field.count()) > 0 && (await field.isEditable())) await field.fill(value);
  }
  await next(page);
  await h1(page, 'Om barnet');
  await page.getByLabel('Barnets förnamn').fill('Tolva');
  await page.getByLabel('Barnets efternamn').fill('Svensson');
  await page.getByLabel('Barnets personnummer').fill(CHILD);
  await next(page);
  await h1(page, 'Har barnet en eller två vårdnadshavare?');
  await page.getByLabel('Barnet har två vårdnadshavare').check();
  await next(page);
  await h1(page, 'Den andra vårdnadshavaren');
  await page.getByLabel('Den andra vårdnadshavarens namn').fill('Anna Dottersson');
  await page.getByLabel('Den andra vårdnadshavarens personnummer').fill(ANNA);
  await page.getByLabel('Den andra vårdnadshavarens e-postadress (frivilligt)').fill(OTHER_GUARDIAN_MAIL);
  await page.getByLabel('Ja, vi är överens').check();
  await next(page);
  await h1(page, 'Vad tycker barnet?');
  await page.getByLabel('Vad tycker barnet?').fill('Tolva vill gärna träffa en familj med hund.');
  await next(page);
  await h1(page, 'Vilket stöd söker du för barnet?');
  await page.getByLabel('Kontaktfamilj', { exact: true }).check();
  await next(page);
  await h1(page, 'Varför behöver barnet stödet?');
  await page.getByRole('textbox', { name: 'Varför behöver barnet stödet?' }).fill('Vi behöver avlastning varannan helg.');
  await next(page);
  await h1(page, 'Önskemål');
  await next(page);
  await h1(page, 'Hur når vi dig?');
  await page.getByLabel('Gatuadress').fill('Storgatan 7');
  await page.getByLabel('Postnummer').fill('696 30');
  await page.getByLabel('Ort', { exact: true }).fill('Askersund');
  await page.getByLabel('Telefonnummer').fill('070-123 45 67');
  await next(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kontrollera');
  await page.getByRole('button', { name: 'Skicka ansökan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('skickad');
  const reference = (await page.locator('.reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^\d{4}-\d{6}$/);

  // The applying guardian's Mina sidor waits for the other guardian; the case is not complete.
  await page.goto('/mina-sidor');
  await h1(page, 'Mina sidor');
  await expect(page.getByRole('row').filter({ hasText: reference })).toContainText('Väntar på den andra vårdnadshavaren');
  await logoutCitizen(page);
  const desk = await freshPage(browser);
  await loginAsStaff(desk);
  await desk.goto(`/handlaggning/arenden/${reference}`);
  await h1(desk, `Ärende ${reference}`);
  await expect(desk.getByText('Ansökan är inte komplett')).toBeVisible();

  // Told by e-mail, with nothing of the matter in it.
  await expect.poll(() => receivedMails().filter((m) => m.to === OTHER_GUARDIAN_MAIL).length, { timeout: 30_000 }).toBe(1);
  const told = receivedMails().find((m) => m.to === OTHER_GUARDIAN_MAIL)!;
  expect(told.text).toContain('/mina-sidor');
  for (const secret of [reference, CHILD, 'Tolva', 'kontaktfamilj', 'hund']) expect(told.text).not.toContain(secret);

  // The other guardian logs in with their own e-legitimation (the local test provider) and confirms.
  const guardian = await freshPage(browser);
  await guardian.goto('/mina-sidor');
  await loginAsCitizen(guardian, ANNA);
  await h1(guardian, 'Mina sidor');
  await guardian.getByRole('link', { name: `Läs och svara på ansökan ${reference}` }).click();
  await h1(guardian, `Bekräfta ansökan ${reference}`);
  await expect(guardian.getByText(/har skickat den här ansökan och angett dig som vårdnadshavare/)).toBeVisible();
  await expect(guardian.getByText('Vi behöver avlastning varannan helg.')).toBeVisible();
  await guardian.getByRole('button', { name: 'Jag intygar att uppgifterna stämmer' }).click();
  await h1(guardian, 'Mina sidor');
  await expect(guardian.getByRole('status')).toContainText(`Du har bekräftat ansökan ${reference}.`);
  await guardian.context().close();

  // The case shows who confirmed, when, at which assurance level; the inbox no longer marks it.
  await expectConfirmedByAnna(desk, reference);
  await desk.goto('/handlaggning?ofullstandiga=ja');
  await expect(desk.getByRole('row').filter({ hasText: reference })).toHaveCount(0);
  await desk.context().close();

  // And the applying guardian's Mina sidor no longer waits.
  await page.goto('/mina-sidor');
  await loginAsCitizen(page, SVEN);
  await expect(page.getByRole('row').filter({ hasText: reference })).not.toContainText('Väntar på den andra vårdnadshavaren');
});
