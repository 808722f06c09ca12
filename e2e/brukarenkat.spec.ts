/**
 * A brukarenkät from start to results: an administrator adds a hemtjänst unit, opens a period for
 * the hemtjänst survey and creates invitation codes (shown once); an invånare answers with a code,
 * without JavaScript; the same code is refused the second time; the results read "för få svar"
 * until five have answered, and then show the share. Every page is checked with axe and
 * html-validate.
 *
 * The period opens on 1 January of a year long past (and closes far ahead), so it is open today
 * and alone in its year: results are per year, and no other test's answers share its tree.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { choose, pressButton, typeInto } from './helpers.ts';
import { DEMO_ADMIN, loginAsStaff } from './staff.ts';

test.use({ javaScriptEnabled: false });

const stamp = Date.now().toString(36);
const UNIT = `Hemtjänst E2E ${stamp}`;
const YEAR = 1990 + (Date.now() % 30);

async function citizen(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'sv-SE' });
  return context.newPage();
}

/** Answers the hemtjänst survey with a code: "Alltid" on the first question, the rest skipped. */
async function answerWithCode(page: Page, code: string, check = false): Promise<void> {
  await page.goto('/enkat');
  if (check) await expectAccessible(page);
  await typeInto(page, page.getByLabel('Koden från brevet'), code.toLowerCase());
  await pressButton(page, page.getByRole('button', { name: 'Fortsätt', exact: true }));
  await expect(page).toHaveURL(/\/enkat\/start$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Vad tycker du om din hemtjänst?' })).toBeVisible();
  if (check) await expectAccessible(page);
  await page.getByRole('button', { name: 'Börja svara' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Personalen och hjälpen' })).toBeVisible();
  if (check) await expectAccessible(page);
  const hansyn = page.getByRole('group', { name: /ta hänsyn till dina åsikter och önskemål/ });
  await choose(page, hansyn.getByLabel('Alltid'));
  await pressButton(page, page.getByRole('button', { name: 'Fortsätt', exact: true }));

  await expect(page.getByRole('heading', { level: 1, name: 'Bemötande och trygghet' })).toBeVisible();
  if (check) await expectAccessible(page);
  await pressButton(page, page.getByRole('button', { name: 'Fortsätt', exact: true }));
  await expect(page.getByRole('heading', { level: 1, name: 'Hemtjänsten som helhet' })).toBeVisible();
  if (check) await expectAccessible(page);
  await pressButton(page, page.getByRole('button', { name: 'Fortsätt', exact: true }));

  await expect(page.getByRole('heading', { level: 1, name: 'Har du fått hjälp att svara på frågorna?' })).toBeVisible();
  if (check) {
    // The one question that must be answered.
    await pressButton(page, page.getByRole('button', { name: 'Skicka svaren' }));
    await expect(page.getByRole('alert').getByRole('link', { name: 'Välj ett svar' })).toBeVisible();
    await expectAccessible(page);
  }
  await choose(page, page.getByLabel('Ja, en anhörig eller någon annan närstående hjälpte mig'));
  await pressButton(page, page.getByRole('button', { name: 'Skicka svaren' }));
  await expect(page).toHaveURL(/\/enkat\/tack$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Tack för dina svar!' })).toBeVisible();
  if (check) await expectAccessible(page);
}

test('an administrator runs a survey period and sees results appear once five have answered', async ({ page, browser }) => {
  test.setTimeout(180_000);
  // The administrator: a unit, a period, codes.
  await page.goto('/handlaggning/enkater');
  await loginAsStaff(page, DEMO_ADMIN);
  await expect(page.getByRole('heading', { level: 1, name: 'Brukarenkäter' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Enheter' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enheter för brukarenkäter' })).toBeVisible();
  await pressButton(page, page.getByRole('button', { name: 'Lägg till enheten' }));
  await expect(page.getByRole('alert').getByRole('link', { name: 'Skriv enhetens namn' })).toBeVisible();
  await expectAccessible(page);
  await typeInto(page, page.getByLabel('Enhetens namn'), UNIT);
  await choose(page, page.getByRole('group', { name: 'Slag av verksamhet' }).getByLabel('Hemtjänst', { exact: true }));
  await pressButton(page, page.getByRole('button', { name: 'Lägg till enheten' }));
  await expect(page.getByRole('status')).toHaveText('Enheten är skapad.');
  await expect(page.getByRole('row').filter({ hasText: UNIT })).toBeVisible();
  await expectAccessible(page);

  await page.goto('/handlaggning/enkater/ny-period');
  await expectAccessible(page);
  await page.getByLabel('Vad tycker du om din hemtjänst?').check();
  await page.getByLabel('Periodens namn').fill(`Hemtjänst ${YEAR} ${stamp}`);
  await page.getByLabel('Första dagen att svara').fill(`${YEAR}-01-01`);
  await page.getByLabel('Sista dagen att svara').fill('2099-12-31');
  await page.getByLabel(UNIT).check();
  await page.getByRole('group', { name: 'Får man svara via en öppen länk?' }).getByLabel('Nej').check();
  await pressButton(page, page.getByRole('button', { name: 'Öppna perioden' }));
  await expect(page.getByRole('status')).toHaveText('Perioden är öppnad.');
  await expectAccessible(page);
  const periodUrl = page.url();

  await page.getByRole('group', { name: 'För vilken enhet?' }).getByLabel(UNIT).check();
  await page.getByLabel('Hur många koder?').fill('6');
  await pressButton(page, page.getByRole('button', { name: 'Skapa och visa för utskrift' }));
  await expect(page.getByRole('heading', { level: 1, name: `Koder för ${UNIT}` })).toBeVisible();
  await expectAccessible(page);
  const codes = (await page.locator('.survey-code').allTextContents()).map((c) => c.trim());
  expect(codes).toHaveLength(6);
  for (const c of codes) expect(c).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

  // An invånare answers with the first code, and cannot use it again.
  const person = await citizen(browser);
  await answerWithCode(person, codes[0]!, true);
  await person.goto('/enkat');
  await typeInto(person, person.getByLabel('Koden från brevet'), codes[0]!);
  await pressButton(person, person.getByRole('button', { name: 'Fortsätt', exact: true }));
  await expect(person.getByRole('alert').getByRole('link', { name: /Koden fungerar inte/ })).toBeVisible();
  await expectAccessible(person);

  // One answer: too few to show.
  const results = `/handlaggning/enkater/resultat?enkat=hemtjanst&ar=${YEAR}`;
  await page.goto(results);
  await expect(page.getByRole('heading', { level: 1, name: 'Resultat av brukarenkäter' })).toBeVisible();
  const row = page.getByRole('table').getByRole('row').filter({ hasText: 'ta hänsyn till dina åsikter' });
  await expect(row).toContainText('för få svar');
  await expect(row).toContainText('Inget mål för året');
  await expectAccessible(page);

  // Four more answers: five in all, the share is shown (all chose "Alltid").
  for (const code of codes.slice(1, 5)) await answerWithCode(person, code);
  await page.goto(results);
  await expect(row).not.toContainText('för få svar');
  await expect(row).toContainText('100 %');
  await expect(page.getByRole('img', { name: /Andel positiva per fråga/ })).toBeVisible();
  await expectAccessible(page);

  const csv = await page.request.get(`/handlaggning/enkater/resultat.csv?enkat=hemtjanst&ar=${YEAR}`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('hemtjanst-hansyn-asikter;5;100;');

  // The period page counts codes and answers; closing it ends the survey.
  await page.goto(periodUrl.replace(/&klart=.*$/, ''));
  await expect(page.getByRole('row').filter({ hasText: UNIT })).toContainText('6');
  await pressButton(page, page.getByRole('button', { name: 'Stäng perioden' }));
  await expect(page.getByRole('status')).toHaveText('Perioden är stängd. Inga fler svar tas emot.');
  await expectAccessible(page);
  await person.goto('/enkat');
  await typeInto(person, person.getByLabel('Koden från brevet'), codes[5]!);
  await pressButton(person, person.getByRole('button', { name: 'Fortsätt', exact: true }));
  await expect(person.getByRole('alert').getByRole('link', { name: /Koden fungerar inte/ })).toBeVisible();
  await person.context().close();
});
