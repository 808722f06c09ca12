/**
 * The editor's parts beyond pages and questions, without JavaScript and with the keyboard: a
 * redaktör starts a new e-tjänst, adds a shared fragment to the start page and one among the pages
 * (a parameter left empty is refused: 422), moves it, adds a repeating group with two questions and
 * a unique one, a route to an exit page that applies when any of two conditions holds, renames the
 * question the route reads and the page it is on (the route follows), words a title differently for
 * those who apply for someone else (a text variant chosen by a yes/no answer), previews the branch to the
 * exit page as a citizen sees it, and publishes. Every editor page visited is checked with axe in
 * Swedish and in English.
 */
import { expect, request as playwrightRequest, test, type Locator, type Page } from '@playwright/test';
import { PORT } from '../playwright.config.ts';
import { expectAccessible } from './axe.ts';
import { pressButton } from './helpers.ts';
import { createStaffOverHttp, DEMO_ADMIN, DEMO_ADMIN2, httpEnrol, httpLogin, loginAsStaff } from './staff.ts';

test.use({ javaScriptEnabled: false });

const BASE = `http://localhost:${PORT}`;

/** A field is focused and then used with the keyboard (the editor's pages have a text input per language). */
async function type(page: Page, target: Locator, text: string): Promise<void> {
  await target.focus();
  await page.keyboard.type(text);
}
async function replace(page: Page, target: Locator, text: string): Promise<void> {
  await target.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}
async function press(page: Page, target: Locator): Promise<void> {
  await target.focus();
  await page.keyboard.press('Enter');
}
async function submitWith(page: Page, button: Locator): Promise<number> {
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().isNavigationRequest() && (r.status() < 300 || r.status() >= 400)), press(page, button)]);
  await page.waitForLoadState();
  return response.status();
}
const swedish = (scope: Locator | Page, group: string) => scope.getByRole('group', { name: group, exact: true }).getByLabel('Svenska', { exact: true });
const saved = (page: Page) => expect(page.getByText('Ändringen är sparad i utkastet.')).toBeVisible();

/** The page passes axe in Swedish, and in English once the language is switched; then back to Swedish. */
async function accessibleInBoth(page: Page, englishHeading: string | RegExp): Promise<void> {
  await expectAccessible(page);
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: englishHeading })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Svenska' }).click();
}

test('a redaktör adds fragments, a repeating group and an any-route, renames, previews and publishes', async ({ page }) => {
  test.setTimeout(900_000);
  const stamp = Date.now().toString(36);
  const serviceId = `delar-${stamp}`;
  const title = `Ansök om familjestöd ${stamp}`;

  const admin = await playwrightRequest.newContext({ baseURL: BASE, extraHTTPHeaders: { origin: BASE } });
  await httpLogin(admin, BASE, DEMO_ADMIN);
  const approver = await playwrightRequest.newContext({ baseURL: BASE, extraHTTPHeaders: { origin: BASE } });
  await httpLogin(approver, BASE, DEMO_ADMIN2);
  const username = `redaktor.delar.${stamp}`;
  const password = 'redaktorens-losenord-for-test';
  const { enrolmentCode } = await createStaffOverHttp(admin, approver, BASE, { username, displayName: 'Rut Redaktör', password, roles: ['redaktor'], areas: [] });
  const enrolling = await playwrightRequest.newContext({ baseURL: BASE, extraHTTPHeaders: { origin: BASE } });
  const totpSecret = await httpEnrol(enrolling, BASE, { username, password, enrolmentCode });
  await Promise.all([admin.dispose(), approver.dispose(), enrolling.dispose()]);

  await page.goto('/handlaggning/logga-in');
  await loginAsStaff(page, { username, password, totpSecret });
  await press(page, page.getByRole('link', { name: 'Skapa en ny e-tjänst' }));
  await type(page, page.getByRole('textbox', { name: 'E-tjänstens adress', exact: true }).first(), serviceId);
  await type(page, page.getByRole('textbox', { name: 'Namn på svenska', exact: true }).first(), title);
  await type(page, page.getByRole('textbox', { name: 'Kort beskrivning på svenska' }), 'Stöd till dig som har barn.');
  await page.getByRole('combobox', { name: 'Område' }).selectOption({ label: 'Individ- och familjeomsorg' });
  await page.getByRole('combobox', { name: 'Ärendetyp' }).selectOption({ label: 'Ansökan' });
  await press(page, page.getByRole('button', { name: 'Skapa utkastet' }));
  await expect(page.getByRole('heading', { level: 1, name: `Redigera ${title}` })).toBeVisible();
  const overview = page.url().split('?')[0]!;

  // A fragment on the start page: the SoL block on secrecy, which has no parameters.
  await page.getByRole('combobox', { name: 'Lägg till en gemensam del på startsidan' }).selectOption('ifo-sekretess');
  await press(page, page.getByRole('button', { name: 'Välj delen – Lägg till en gemensam del på startsidan' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Lägg till den gemensamma delen ifo-sekretess' })).toBeVisible();
  await accessibleInBoth(page, 'Add the shared part ifo-sekretess');
  await press(page, page.getByRole('button', { name: 'Lägg till delen' }));
  await saved(page);
  await expect(page.getByRole('link', { name: 'Gemensam del: ifo-sekretess' })).toBeVisible();

  // A fragment among the pages, whose required page parameter left empty is refused (422).
  await page.getByRole('combobox', { name: 'Lägg till en gemensam del bland sidorna' }).selectOption('ifo-tolk');
  await press(page, page.getByRole('button', { name: 'Välj delen – Lägg till en gemensam del bland sidorna' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Lägg till den gemensamma delen ifo-tolk' })).toBeVisible();
  await accessibleInBoth(page, 'Add the shared part ifo-tolk');
  expect(await submitWith(page, page.getByRole('button', { name: 'Lägg till delen' }))).toBe(422);
  await expect(page.getByRole('alert').getByRole('link', { name: 'Välj ett av alternativen' })).toHaveAttribute('href', '#param-then');
  await expectAccessible(page);
  await page.getByRole('combobox', { name: 'then' }).selectOption('kontrollera');
  await press(page, page.getByRole('button', { name: 'Lägg till delen' }));
  await saved(page);
  // Its parameters are edited on its own page; it is moved like a page.
  await press(page, page.getByRole('link', { name: 'Gemensam del: ifo-tolk' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Den gemensamma delen ifo-tolk' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'then' })).toHaveValue('kontrollera');
  await accessibleInBoth(page, 'The shared part ifo-tolk');
  await page.goto(overview);
  await press(page, page.getByRole('button', { name: 'Flytta upp ifo-tolk' }));
  await saved(page);
  await expect(page.getByRole('listitem').filter({ hasText: 'Gemensam del: ifo-tolk' }).getByRole('button', { name: 'Flytta upp ifo-tolk' })).toHaveCount(0);
  await press(page, page.getByRole('button', { name: 'Flytta ned ifo-tolk' }));
  await saved(page);

  // A repeating group on the first page, with its first question.
  await press(page, page.getByRole('link', { name: 'Din första fråga' }));
  await page.getByRole('combobox', { name: 'Sorts fråga' }).selectOption({ label: 'Upprepad grupp' });
  await type(page, page.getByRole('textbox', { name: 'Frågans namn i svaren' }), 'barn');
  await type(page, swedish(page, 'Frågan som invånaren ser'), 'Dina barn');
  await page.getByRole('checkbox', { name: 'Frågan är frivillig' }).focus();
  await page.keyboard.press('Space');
  await type(page, swedish(page, 'Rubrik för varje sak'), 'Barn {{n}}');
  await replace(page, page.getByRole('textbox', { name: 'Högsta antal i gruppen' }), '3');
  await page.getByRole('combobox', { name: 'Den första frågans sort' }).selectOption({ label: 'Kort text' });
  await type(page, page.getByRole('textbox', { name: 'Namn i svaren för den första frågan i gruppen' }), 'barnNamn');
  await type(page, swedish(page, 'Den första frågan i gruppen, som invånaren ser'), 'Barnets namn');
  await press(page, page.getByRole('button', { name: 'Lägg till frågan' }));
  await saved(page);
  await press(page, page.getByRole('link', { name: 'Dina barn' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Frågan Dina barn' })).toBeVisible();
  await expect(swedish(page, 'Rubrik för varje sak')).toHaveValue('Barn {{n}}');
  await accessibleInBoth(page, 'The question Dina barn');
  await press(page, page.getByRole('link', { name: 'Lägg till en fråga i gruppen' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Lägg till en fråga i gruppen Dina barn' })).toBeVisible();
  await accessibleInBoth(page, 'Add a question to the group Dina barn');
  await expect(page.getByRole('combobox', { name: 'Sorts fråga' }).getByRole('option', { name: 'Bifogad fil' })).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Sorts fråga' }).selectOption({ label: 'Personnummer' });
  await type(page, page.getByRole('textbox', { name: 'Frågans namn i svaren' }), 'barnPnr');
  await type(page, swedish(page, 'Frågan som invånaren ser'), 'Barnets personnummer');
  await press(page, page.getByRole('button', { name: 'Lägg till frågan' }));
  await saved(page);
  await expect(page.getByRole('link', { name: 'Barnets personnummer' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'barnPnr' }).focus();
  await page.keyboard.press('Space');
  await press(page, page.getByRole('button', { name: 'Spara', exact: true }));
  await saved(page);

  // The exit page, and a route to it when any of two answers is given.
  await page.goto(overview);
  await type(page, page.getByRole('textbox', { name: 'Sidans adress' }), 'ingen-hjalp');
  await page.getByRole('combobox', { name: 'Sorts sida' }).selectOption({ label: 'Utgångssida' });
  await type(page, swedish(page, 'Sidans rubrik'), 'Då kan vi inte hjälpa dig här');
  await type(page, swedish(page, 'Sidans text'), 'Ring oss på {{phone}}.');
  await press(page, page.getByRole('button', { name: 'Lägg till sidan' }));
  await saved(page);
  await press(page, page.getByRole('link', { name: 'Din första fråga' }));
  await page.getByRole('group', { name: 'Väg 1', exact: true }).getByRole('combobox', { name: 'Gå till sidan' }).selectOption('ingen-hjalp');
  await page.getByRole('group', { name: 'Väg 1', exact: true }).getByRole('combobox', { name: 'När ska vägen gälla?' }).selectOption({ label: 'När minst ett av villkoren gäller' });
  for (const [n, value] of [[1, 'nej'], [2, 'vet inte']] as const) {
    const condition = page.getByRole('group', { name: `Väg 1, villkor ${n}`, exact: true });
    await condition.getByRole('combobox', { name: 'Frågan' }).selectOption('svar');
    await type(page, condition.getByRole('textbox', { name: 'Värdet' }), value);
  }
  await press(page, page.getByRole('button', { name: 'Spara', exact: true }));
  await saved(page);
  await expect(page.getByRole('group', { name: 'Väg 1, villkor 2', exact: true }).getByRole('textbox', { name: 'Värdet' })).toHaveValue('vet inte');
  await accessibleInBoth(page, 'The page Din första fråga');

  // Renaming the question the route reads, and the page: the route follows both.
  await press(page, page.getByRole('link', { name: 'Din första fråga' }).last());
  await replace(page, page.getByRole('textbox', { name: 'Frågans namn i svaren' }), 'behov');
  await press(page, page.getByRole('button', { name: 'Spara', exact: true }));
  await saved(page);
  await replace(page, page.getByRole('textbox', { name: 'Ny adress' }), 'Fel adress');
  expect(await submitWith(page, page.getByRole('button', { name: 'Byt adress' }))).toBe(422);
  await expect(page.locator('#newId-error')).toHaveText('Använd bara små bokstäver (a–z), siffror och bindestreck');
  await expectAccessible(page);
  await replace(page, page.getByRole('textbox', { name: 'Ny adress' }), 'behov');
  await press(page, page.getByRole('button', { name: 'Byt adress' }));
  await saved(page);
  await expect(page).toHaveURL(new RegExp(`/etjanster/${serviceId}/sidor/behov\\?`));

  // Text variants: an optional yes/no question chooses the wording; the page's title gets one.
  await page.getByRole('combobox', { name: 'Sorts fråga' }).selectOption({ label: 'Ja eller nej' });
  await type(page, page.getByRole('textbox', { name: 'Frågans namn i svaren' }), 'forAnnan');
  await type(page, swedish(page, 'Frågan som invånaren ser'), 'Söker du för någon annan?');
  await page.getByRole('checkbox', { name: 'Frågan är frivillig' }).focus();
  await page.keyboard.press('Space');
  await press(page, page.getByRole('button', { name: 'Lägg till frågan' }));
  await saved(page);
  await page.goto(`${overview}/installningar`);
  await type(page, page.getByRole('textbox', { name: 'Frågan som styr formuleringen (valfritt)' }), 'forAnnan');
  await press(page, page.getByRole('button', { name: 'Spara', exact: true }));
  await saved(page);
  await page.goto(`${overview}/sidor/behov`);
  await type(page, page.getByRole('textbox', { name: 'Svenska, när svaret är ja (valfritt)' }).first(), 'Vad behöver personen?');
  await press(page, page.getByRole('button', { name: 'Spara', exact: true }));
  await saved(page);
  await expect(page.getByRole('textbox', { name: 'Svenska, när svaret är ja (valfritt)' }).first()).toHaveValue('Vad behöver personen?');
  await accessibleInBoth(page, 'The page Din första fråga');
  await page.goto(overview);
  await expect(page.getByText('Om behov är nej eller behov är vet inte: gå till ingen-hjalp')).toBeVisible();
  await expect(page.getByText('Utkastet klarar alla kontroller och alla scenarier går igenom.')).toBeVisible();
  await accessibleInBoth(page, `Edit ${title}`);

  // The preview: the any-route to the exit page.
  await press(page, page.getByRole('link', { name: 'Förhandsgranska som en invånare ser den' }));
  await expect(page.getByText('Förhandsgranskning av utkastet')).toBeVisible();
  await expectAccessible(page);
  await type(page, page.getByRole('textbox', { name: 'Din första fråga' }), 'vet inte');
  await pressButton(page, page.getByRole('button', { name: 'Fortsätt' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Då kan vi inte hjälpa dig här' })).toBeVisible();
  await expectAccessible(page);

  await page.goto(overview);
  await press(page, page.getByRole('button', { name: 'Publicera version 1' }));
  await expect(page.getByText('Version 1 är publicerad. Invånarna ser den nu.')).toBeVisible();
});
