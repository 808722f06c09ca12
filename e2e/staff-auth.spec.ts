/**
 * Staff login security as people meet it, with the keyboard alone: password plus a code from the
 * authenticator app, a wrong code, a new colleague added by an administrator who enrols at their
 * first login and later uses a recovery code, the lock-out after repeated failures (the same
 * message whether or not the username exists), and logging out everywhere. Every page passes axe
 * and html-validate.
 */
import { expect, test, type Page, type Response } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { choose, pressButton, typeInto } from './helpers.ts';
import { DEMO_ADMIN, DEMO_ADMIN2, DEMO_STAFF, freshTotpCode, loginAsStaff, stepUpCode, wrongTotpCode } from './staff.ts';

const LOCKED = 'För många misslyckade inloggningar. Försök igen om 15 minuter.';
const NEW_PASSWORD = 'ett-forsta-losenord-for-test';

/** Presses Enter in the focused form and returns the answer to its POST. */
async function submit(page: Page): Promise<Response> {
  // Wait for the page the POST renders to have loaded, not only for its response: the next step
  // may navigate again, which would otherwise interrupt this one.
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.waitForNavigation({ waitUntil: 'load' }),
    page.keyboard.press('Enter'),
  ]);
  return res;
}

async function logOut(page: Page): Promise<void> {
  await pressButton(page, page.getByRole('button', { name: 'Logga ut', exact: true }));
  await expect(page).toHaveURL(/\/handlaggning\/logga-in\?utloggad/);
}

/**
 * Adds a colleague through the administration pages, with a fresh code from the app; the page must
 * be signed in as the demo's first administrator. Roles that open case data wait for approval.
 */
async function addStaff(page: Page, who: { username: string; displayName: string; roles: string[]; areas: string[] }): Promise<void> {
  await page.goto('/handlaggning/admin/anvandare/ny');
  await typeInto(page, page.getByLabel('Användarnamn'), who.username);
  await typeInto(page, page.getByLabel('Namn', { exact: true }), who.displayName);
  await typeInto(page, page.getByLabel('Första lösenord'), NEW_PASSWORD);
  for (const r of who.roles) await choose(page, page.getByLabel(r, { exact: true }));
  for (const a of who.areas) await choose(page, page.getByLabel(a, { exact: true }));
  await typeInto(page, page.getByLabel('Kod från din app'), await stepUpCode(DEMO_ADMIN));
  await pressButton(page, page.getByRole('button', { name: 'Skapa kontot' }));
  await expect(page.getByText(who.roles.includes('Handläggare') ? 'Kontot är skapat utan behörigheter.' : 'Kontot är skapat.', { exact: false })).toBeVisible();
}

const unique = (prefix: string) => `${prefix}.${Date.now().toString(36)}`;

// A TOTP code is accepted once per 30-second step and account, so logins of the demo account may
// wait for a fresh step (see staff.ts): room for that.
test.describe.configure({ timeout: 180_000 });

test('a handläggare logs in with password and a code from the app, and sees their account', async ({ page }) => {
  await page.goto('/handlaggning');
  await expect(page).toHaveURL(/\/handlaggning\/logga-in/);
  await loginAsStaff(page, { check: expectAccessible });
  await expect(page).toHaveURL(/\/handlaggning$/);
  await expectAccessible(page);

  await page.goto('/handlaggning/konto');
  await expect(page.getByRole('heading', { level: 1, name: 'Mitt konto' })).toBeVisible();
  await expect(page.getByText('Demo Handläggare').first()).toBeVisible();
  await expect(page.getByText('Handläggare', { exact: true })).toBeVisible();
  await expect(page.getByText('Äldreomsorg, Individ- och familjeomsorg')).toBeVisible();
  await expectAccessible(page);
  await pressButton(page, page.getByRole('link', { name: 'Tvåstegsverifiering och återställningskoder' }));
  await expect(page.getByText(/Tvåstegsverifiering är aktiverad sedan/)).toBeVisible();
  await expectAccessible(page);
});

test('a wrong code is refused with a clear error, and the right code then lets the handläggare in', async ({ page }) => {
  await page.goto('/handlaggning/logga-in');
  await typeInto(page, page.getByLabel('Användarnamn'), DEMO_STAFF.username);
  await typeInto(page, page.getByLabel('Lösenord'), DEMO_STAFF.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Tvåstegsverifiering' })).toBeVisible();

  // Nothing but the second-factor step opens before the code is given.
  await page.goto('/handlaggning/konto');
  await expect(page).toHaveURL(/\/handlaggning\/logga-in\/tvafaktor/);

  await typeInto(page, page.getByLabel('Kod', { exact: true }), wrongTotpCode(DEMO_STAFF.totpSecret));
  expect((await submit(page)).status()).toBe(422);
  await expect(page.getByRole('alert').getByRole('link', { name: 'Koden stämmer inte. Skriv koden som visas i appen just nu.' })).toBeVisible();
  await expectAccessible(page);

  await typeInto(page, page.getByLabel('Kod', { exact: true }), await freshTotpCode(DEMO_STAFF.totpSecret));
  await page.keyboard.press('Enter');
  // Back to the page asked for before the code.
  await expect(page).toHaveURL(/\/handlaggning\/konto$/);
});

test('an administrator asks for a handläggare, a second approves, and the handläggare enrols with the one-time code and can later use a recovery code', async ({ page, browser }) => {
  await loginAsStaff(page, DEMO_ADMIN);
  await page.goto('/handlaggning/admin/anvandare');
  await expect(page.getByRole('table', { name: 'Alla personalkonton, i bokstavsordning' })).toBeVisible();
  await expectAccessible(page);
  await pressButton(page, page.getByRole('button', { name: 'Lägg till personal' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Lägg till personal' })).toBeVisible();
  await expectAccessible(page);

  // An empty form: every problem at once, linked from the summary.
  await pressButton(page, page.getByRole('button', { name: 'Skapa kontot' }));
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link', { name: 'Skriv ett användarnamn' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Välj minst en roll' })).toBeVisible();
  await expectAccessible(page);

  const username = unique('ny.handlaggare');
  await addStaff(page, { username, displayName: 'Nora Nyberg', roles: ['Handläggare'], areas: ['Äldreomsorg'] });
  await expect(page.getByText('Tvåstegsverifiering är inte aktiverad än.')).toBeVisible();
  // The roles wait for another administrator; the one who asked cannot approve them.
  await expect(page.getByRole('heading', { level: 2, name: 'Väntar på godkännande' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Godkänn' })).toHaveCount(0);
  await expectAccessible(page);
  const account = page.url().replace(/\?.*$/, '');
  await page.goto('/handlaggning/admin/anvandare');
  await expect(page.getByRole('row').filter({ hasText: username })).toContainText('Inte aktiverad');
  await logOut(page);

  // The second administrator is told on their start page, and approves with a fresh code of their own.
  const secondContext = await browser.newContext({ locale: 'sv-SE', javaScriptEnabled: false });
  const second = await secondContext.newPage();
  await loginAsStaff(second, DEMO_ADMIN2);
  await expect(second.getByText(/En ändring av Nora Nyberg väntar på godkännande/).first()).toBeVisible();
  await expectAccessible(second);
  await second.goto(account);
  await typeInto(second, second.getByLabel('Kod från din app').first(), await stepUpCode(DEMO_ADMIN2));
  await pressButton(second, second.getByRole('button', { name: 'Godkänn' }));
  await expect(second.getByRole('heading', { level: 1, name: 'Ändringen är godkänd' })).toBeVisible();
  await expectAccessible(second);
  const oneTimeCode = ((await second.locator('#enrolment-code').textContent()) ?? '').trim();
  expect(oneTimeCode).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/);
  await secondContext.close();

  // First login: the enrolment, with a QR code and the same secret typed out.
  await typeInto(page, page.getByLabel('Användarnamn'), username);
  await typeInto(page, page.getByLabel('Lösenord'), NEW_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/handlaggning\/konto\/tvafaktor/);
  await expect(page.getByRole('heading', { level: 1, name: 'Aktivera tvåstegsverifiering' })).toBeVisible();
  await expect(page.getByRole('img', { name: `QR-kod som lägger till ditt konto ${username} i en autentiseringsapp` })).toBeVisible();
  await expectAccessible(page);
  const secret = ((await page.locator('#totp-secret').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  // Without the administrator's one-time code the enrolment is refused, the code from the app kept out.
  await typeInto(page, page.getByLabel('Kod från appen'), await freshTotpCode(secret, username));
  expect((await submit(page)).status()).toBe(422);
  await expect(page.getByRole('alert').getByRole('link', { name: 'Skriv engångskoden från administratören' })).toBeVisible();
  await expectAccessible(page);
  await typeInto(page, page.getByLabel('Engångskod från administratören'), oneTimeCode);
  await typeInto(page, page.getByLabel('Kod från appen'), await freshTotpCode(secret, username));
  await page.keyboard.press('Enter');

  // Ten recovery codes, shown once.
  await expect(page.getByRole('heading', { level: 1, name: 'Dina återställningskoder' })).toBeVisible();
  const codes = (await page.locator('.recovery-codes code').allTextContents()).map((c) => c.trim());
  expect(codes).toHaveLength(10);
  await expectAccessible(page);
  await pressButton(page, page.getByRole('button', { name: 'Jag har sparat koderna' }));
  await expect(page).toHaveURL(/\/handlaggning$/);
  await expectAccessible(page);
  await logOut(page);

  // Without the phone: a recovery code works once.
  await typeInto(page, page.getByLabel('Användarnamn'), username);
  await typeInto(page, page.getByLabel('Lösenord'), NEW_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/handlaggning\/logga-in\/tvafaktor/);
  await typeInto(page, page.getByLabel('Kod', { exact: true }), codes[0] ?? '');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/handlaggning$/);
  await page.goto('/handlaggning/konto/tvafaktor');
  await expect(page.getByText('Du har 9 oanvända återställningskoder.')).toBeVisible();
  await expectAccessible(page);
});

test('an account is locked after five failed logins, with the same message as for a username that does not exist', async ({ browser }) => {
  const adminContext = await browser.newContext({ locale: 'sv-SE' });
  const admin = await adminContext.newPage();
  await loginAsStaff(admin, DEMO_ADMIN);
  const username = unique('lasbar');
  await addStaff(admin, { username, displayName: 'Lars Låsbar', roles: ['Analytiker'], areas: [] });
  await adminContext.close();

  const context = await browser.newContext({ locale: 'sv-SE' });
  const page = await context.newPage();
  const attempt = async (name: string, password: string) => {
    await page.goto('/handlaggning/logga-in');
    await typeInto(page, page.getByLabel('Användarnamn'), name);
    await typeInto(page, page.getByLabel('Lösenord'), password);
    return (await submit(page)).status();
  };

  for (let i = 0; i < 4; i++) {
    expect(await attempt(username, 'fel lösenord igen')).toBe(422);
    await expect(page.getByRole('alert').getByRole('link', { name: 'Fel användarnamn eller lösenord' })).toBeVisible();
  }
  expect(await attempt(username, 'fel lösenord igen')).toBe(429);
  await expect(page.getByText(LOCKED)).toBeVisible();
  await expectAccessible(page);
  // Locked: even the right password is refused, in the same words.
  expect(await attempt(username, NEW_PASSWORD)).toBe(429);
  await expect(page.getByText(LOCKED)).toBeVisible();
  const lockedPage = (await page.locator('main').innerHTML()).replaceAll(username, 'X');

  const ghost = unique('finns.inte');
  for (let i = 0; i < 4; i++) expect(await attempt(ghost, 'fel lösenord igen')).toBe(422);
  expect(await attempt(ghost, 'fel lösenord igen')).toBe(429);
  await expect(page.getByText(LOCKED)).toBeVisible();
  expect((await page.locator('main').innerHTML()).replaceAll(ghost, 'X')).toBe(lockedPage);
  await context.close();
});

test('logging out everywhere ends the sessions on every device', async ({ browser }) => {
  const first = await browser.newContext({ locale: 'sv-SE' });
  const second = await browser.newContext({ locale: 'sv-SE' });
  const here = await first.newPage();
  const there = await second.newPage();
  await loginAsStaff(here);
  await loginAsStaff(there);
  await there.goto('/handlaggning/konto');
  await expect(there.getByRole('heading', { level: 1, name: 'Mitt konto' })).toBeVisible();

  await here.goto('/handlaggning/konto');
  await expectAccessible(here);
  await pressButton(here, here.getByRole('button', { name: 'Logga ut överallt' }));
  await expect(here).toHaveURL(/\/handlaggning\/logga-in\?utloggad=overallt/);
  await expect(here.getByText('Du är utloggad på alla enheter.')).toBeVisible();
  await expectAccessible(here);

  await there.goto('/handlaggning/konto');
  await expect(there).toHaveURL(/\/handlaggning\/logga-in/);
  await here.goto('/handlaggning');
  await expect(here).toHaveURL(/\/handlaggning\/logga-in/);
  await first.close();
  await second.close();
});
