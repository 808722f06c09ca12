/**
 * Ansökan om ekonomiskt bistånd end to end, without JavaScript: from the IFO section of the catalog
 * to the confirmation and the PDF receipt, applying together with a sambo, with a child at home and
 * two attachments (a bank statement as PDF and a rent notice as PNG). A mistyped amount on the income
 * page is refused (422) with an error summary and the answers kept. Every page, the error state
 * included, is checked with axe and html-validate.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { loginAsCitizen } from './citizen.ts';
import { choose, monthFromNow, pressButton, tabTo, typeInto } from './helpers.ts';
import { formats } from '../src/domain/format.ts';

test.use({ javaScriptEnabled: false });

// Skatteverket test personnummer.
const APPLICANT = '19891231-2389';
const PARTNER = '19900102-2384';
const CHILD = '20180102-2383';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
// A 1×1 pixel PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const next = (page: Page) => page.getByRole('button', { name: 'Fortsätt', exact: true }).click();

async function heading(page: Page, name: string) {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expectAccessible(page);
}

test('a sambo couple with a child applies for ekonomiskt bistånd with two attachments, from the catalog to the receipt', async ({ page }) => {
  test.setTimeout(240_000);

  await page.goto('/');
  await expectAccessible(page);
  await page.getByRole('region', { name: 'Individ- och familjeomsorg' }).getByRole('link', { name: 'Ansökan om ekonomiskt bistånd' }).click();

  await heading(page, 'Ansökan om ekonomiskt bistånd');
  await expect(page.getByRole('heading', { name: 'Om du inte har pengar till mat i dag' })).toBeVisible();
  await expect(page.getByText('Har du inte alla underlag nu kan du skicka dem senare.')).toBeVisible();
  // E-legitimation is required: the start button logs in first and comes back to the first question.
  await loginAsCitizen(page, APPLICANT);

  await heading(page, 'Om dig');
  await page.getByLabel('Förnamn').fill('Tolvan');
  await page.getByLabel('Efternamn').fill('Testsson');
  // The personnummer is the e-legitimation's, shown and not typed.
  await expect(page.getByText(APPLICANT)).toBeVisible();
  await page.getByLabel('Gatuadress').fill('Storgatan 7');
  await page.getByLabel('Postnummer').fill('696 30');
  await page.getByLabel('Ort', { exact: true }).fill('Askersund');
  await page.getByLabel('Telefonnummer').fill('070-123 45 67');
  await next(page);

  await heading(page, 'Behöver du tolk?');
  await page.getByLabel('Nej').check();
  await next(page);

  await heading(page, 'Bor du med en make, maka eller sambo?');
  await page.getByLabel('Ja').check();
  await next(page);

  await heading(page, 'Om din make, maka eller sambo');
  await page.getByLabel('Medsökandes förnamn').fill('Elva');
  await page.getByLabel('Medsökandes efternamn').fill('Testsson');
  await page.getByLabel('Medsökandes personnummer').fill(PARTNER);
  await next(page);

  await heading(page, 'Har du barn som bor hemma?');
  await page.getByLabel('Ja').check();
  await next(page);

  await heading(page, 'Barnen som bor hemma');
  const first = page.getByRole('group', { name: 'Barn 1', exact: true });
  await first.getByLabel('Barnets namn').fill('Tolva Testsson');
  await first.getByLabel('Barnets personnummer').fill(CHILD);
  await first.getByLabel('Bor växelvis hos mig och hos en annan förälder').check();
  await next(page);

  await heading(page, 'Ditt boende');
  await page.getByLabel('Hyresrätt, med eget kontrakt').check();
  await page.getByLabel('Hyra eller boendekostnad per månad').fill('6 800');
  await page.getByLabel('Vi står på kontraktet tillsammans').check();
  await next(page);

  // Sysselsättning and other benefits, for each of them; sick leave asks for the certificate later.
  await heading(page, 'Din sysselsättning');
  const [noOccupation] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), next(page)]);
  expect(noOccupation.status()).toBe(422);
  await expect(page.getByRole('alert').getByRole('link', { name: 'Välj vad du gör just nu' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Sjukskriven med läkarintyg').check();
  await next(page);
  await heading(page, 'Sysselsättning för din make, maka eller sambo');
  await page.getByLabel('Annat', { exact: true }).check();
  await page.getByLabel('Om du valde Annat: vad gör medsökande? (frivilligt)').fill('Praktik');
  await next(page);
  await heading(page, 'Andra ersättningar');
  await page.getByRole('group', { name: 'Ersättningar du får' }).getByLabel('Bostadsbidrag eller bostadstillägg').check();
  await page.getByRole('group', { name: 'Ersättningar du har ansökt om och väntar på besked om' }).getByLabel('Sjukpenning eller sjukersättning').check();
  await next(page);
  await heading(page, 'Andra ersättningar för din make, maka eller sambo');
  await next(page);

  // A mistyped amount: refused with 422, an error summary and the inline message; the rest is kept.
  await heading(page, 'Dina inkomster');
  await page.getByLabel('Lön', { exact: true }).fill('tolv tusen');
  await page.getByLabel('Bostadsbidrag eller bostadstillägg').fill('1 400');
  const [refused] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), next(page)]);
  expect(refused.status()).toBe(422);
  await expect(page.getByRole('alert')).toContainText('Det finns ett problem');
  await expect(page.getByRole('alert').getByRole('link', { name: 'Skriv lönen med siffror, till exempel 4 500' })).toBeVisible();
  await expect(page.locator('.error-message')).toContainText('Skriv lönen med siffror, till exempel 4 500');
  await expect(page.getByLabel('Bostadsbidrag eller bostadstillägg')).toHaveValue('1 400');
  await expectAccessible(page);
  await page.getByLabel('Lön', { exact: true }).fill('');
  await page.getByLabel('A-kassa eller aktivitetsstöd').fill('9 200');
  await next(page);

  await heading(page, 'Inkomster för din make, maka eller sambo');
  await page.getByLabel('Medsökandes lön').fill('14 500');
  await next(page);

  await heading(page, 'Hushållets utgifter');
  await page.getByLabel('El', { exact: true }).fill('450');
  await page.getByLabel('Hemförsäkring').fill('120');
  await next(page);

  await heading(page, 'Pengar och annat av värde');
  await page.getByLabel('Pengar på bankkonton').fill('1 200');
  await next(page);

  await heading(page, 'Vad ansöker du om?');
  await page.getByLabel('Försörjningsstöd för månaden').check();
  await page.getByLabel('Tandvård').check();
  await page.getByLabel('Berätta mer (frivilligt)').fill('Tandläkaren har gett ett kostnadsförslag.');
  await next(page);

  await heading(page, 'Vilken månad ansöker du för?');
  // The month carries its year ("januari 2027"): next month, whenever the test runs.
  await page.getByLabel('Vilken månad ansöker du för?').selectOption(monthFromNow(1));
  await next(page);

  await heading(page, 'Underlag till ansökan');
  await expect(page.getByText('Det som saknas kan du skicka senare.')).toBeVisible();
  await page.getByLabel('Kontoutdrag för de senaste tre månaderna').setInputFiles({ name: 'kontoutdrag-oktober.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByLabel('Hyresavi eller hyreskontrakt').setInputFiles({ name: 'hyresavi.png', mimeType: 'image/png', buffer: PNG });
  await next(page);

  await heading(page, 'Fler underlag');
  await next(page);

  await heading(page, 'Läkarintyg');
  await page.getByLabel('Läkarintyg om sjukskrivningen (frivilligt)').setInputFiles({ name: 'lakarintyg.pdf', mimeType: 'application/pdf', buffer: PDF });
  await next(page);

  await heading(page, 'Kontrollera dina svar innan du skickar');
  for (const text of ['Tolvan', APPLICANT, 'Elva', PARTNER, 'Tolva Testsson', 'Bor växelvis hos mig och hos en annan förälder', 'Sjukskriven med läkarintyg', 'Praktik', 'Sjukpenning eller sjukersättning', 'Försörjningsstöd för månaden', formats('sv').month(monthFromNow(1)), 'kontoutdrag-oktober.pdf', 'hyresavi.png', 'lakarintyg.pdf']) {
    await expect(page.getByRole('definition').filter({ hasText: text }).first()).toBeVisible();
  }
  await expect(page.getByText('Ansöker ni tillsammans intygar du också att din make, maka eller sambo vet om ansökan.')).toBeVisible();
  await page.getByRole('button', { name: 'Skicka ansökan' }).click();

  await heading(page, 'Ansökan är skickad');
  await expect(page.getByText('En handläggare läser ansökan och kontaktar dig inom en vecka för att boka ett möte.')).toBeVisible();
  const reference = (await page.locator('.reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^\d{4}-\d{6}$/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner kvittens (PDF)' }).click()]);
  expect(download.suggestedFilename()).toBe(`kvittens-${reference}.pdf`);
  const receipt = await readFile(await download.path());
  expect(receipt.subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('three children added and one removed with the keyboard alone, no script, every state checked', async ({ page }) => {
  test.setTimeout(180_000);
  const CHILDREN = [
    ['Alva Testsson', '20180102-2383'],
    ['Bo Testsson', '20180103-2390'],
    ['Cleo Testsson', '20180104-2381'],
  ] as const;

  await page.goto('/e-tjanster/ekonomiskt-bistand');
  await loginAsCitizen(page, APPLICANT);
  await heading(page, 'Om dig');
  await typeInto(page, page.getByLabel('Förnamn'), 'Tolvan');
  await typeInto(page, page.getByLabel('Efternamn'), 'Testsson');
  await typeInto(page, page.getByLabel('Gatuadress'), 'Storgatan 7');
  await typeInto(page, page.getByLabel('Postnummer'), '696 30');
  await typeInto(page, page.getByLabel('Ort', { exact: true }), 'Askersund');
  await typeInto(page, page.getByLabel('Telefonnummer'), '070-123 45 67');
  await pressButton(page, page.getByRole('button', { name: 'Fortsätt', exact: true }));
  for (const [title, answer] of [['Behöver du tolk?', 'Nej'], ['Bor du med en make, maka eller sambo?', 'Nej'], ['Har du barn som bor hemma?', 'Ja']] as const) {
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await choose(page, page.getByLabel(answer, { exact: true }));
    await pressButton(page, page.getByRole('button', { name: 'Fortsätt', exact: true }));
  }

  // One child to begin with: no remove button below the minimum, and the add button.
  await heading(page, 'Barnen som bor hemma');
  const item = (n: number) => page.getByRole('group', { name: `Barn ${n}`, exact: true });
  const add = page.getByRole('button', { name: 'Lägg till ett barn' });
  await expect(item(1)).toBeVisible();
  await expect(item(2)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Ta bort/ })).toHaveCount(0);

  /** Fills child n (its group already has focus, or is next in tab order) with Tab, typing and Space. */
  async function fill(n: number, [name, pnr]: readonly [string, string]) {
    await typeInto(page, item(n).getByLabel('Barnets namn'), name);
    await typeInto(page, item(n).getByLabel('Barnets personnummer'), pnr);
    await choose(page, item(n).getByLabel('Bor hos mig hela tiden'));
  }

  for (let n = 1; n <= 3; n++) {
    await fill(n, CHILDREN[n - 1]!);
    if (n === 3) break;
    const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), pressButton(page, add)]);
    // Nothing is validated or stored: the page again, as typed, with one more child, focused.
    expect(res.status()).toBe(200);
    await expect(item(n + 1)).toBeFocused();
    await expect(item(n).getByLabel('Barnets namn')).toHaveValue(CHILDREN[n - 1]![0]);
    await expect(page.getByRole('button', { name: `Ta bort barn ${n + 1}` })).toBeVisible();
    await heading(page, 'Barnen som bor hemma');
  }

  // Child 2 removed: the third becomes child 2, and a status message says what went.
  await pressButton(page, page.getByRole('button', { name: 'Ta bort barn 2' }));
  await expect(page.getByRole('status')).toHaveText('Barn 2 är borttaget. De andra har fått nya nummer.');
  await expect(page.getByRole('status')).toBeFocused();
  await expect(item(3)).toHaveCount(0);
  await expect(item(1).getByLabel('Barnets namn')).toHaveValue(CHILDREN[0][0]);
  await expect(item(2).getByLabel('Barnets namn')).toHaveValue(CHILDREN[2][0]);
  await expect(item(2).getByLabel('Barnets personnummer')).toHaveValue(CHILDREN[2][1]);
  await expect(item(2).getByLabel('Bor hos mig hela tiden')).toBeChecked();
  await heading(page, 'Barnen som bor hemma');

  // Enter in a field sends the page with "Fortsätt", not with the first add or remove button.
  await tabTo(page, item(2).getByLabel('Barnets namn'));
  await page.keyboard.press('Enter');
  await heading(page, 'Ditt boende');

  // The two children are what was stored.
  await page.goto('/e-tjanster/ekonomiskt-bistand/barn-uppgifter');
  await expect(item(1).getByLabel('Barnets namn')).toHaveValue(CHILDREN[0][0]);
  await expect(item(2).getByLabel('Barnets namn')).toHaveValue(CHILDREN[2][0]);
  await expect(item(3)).toHaveCount(0);
});
