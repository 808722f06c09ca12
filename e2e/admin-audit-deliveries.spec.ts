/**
 * An administrator follows up on case handling: looks at the deliveries to the verksamhetssystem,
 * then searches the audit log for their own login, gets a clear message for a malformed case
 * number, and finds the search itself in the log. Without JavaScript; every page is checked with
 * axe and html-validate.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { pressButton, typeInto } from './helpers.ts';
import { DEMO_ADMIN, loginAsStaff } from './staff.ts';

test.use({ javaScriptEnabled: false });

test('an administrator sees the deliveries and searches the audit log', async ({ page }) => {
  await page.goto('/handlaggning/admin/leveranser');
  await loginAsStaff(page, DEMO_ADMIN);
  await expect(page).toHaveURL(/\/handlaggning\/admin\/leveranser/);
  await expect(page.getByRole('heading', { level: 1, name: 'Leveranser till verksamhetssystemet' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Visa leveranser som är' })).toBeVisible();
  await expect(page.getByLabel('Väntar')).toBeChecked();
  await expect(page.getByLabel('Misslyckad')).toBeChecked();
  await expect(page.getByLabel('Levererad')).not.toBeChecked();
  await expectAccessible(page);

  await page.getByRole('navigation', { name: 'Handläggning' }).getByRole('link', { name: 'Granskningslogg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Granskningslogg' })).toBeVisible();
  await expectAccessible(page);

  await typeInto(page, page.getByLabel('Användarnamn'), 'admin');
  await typeInto(page, page.getByLabel('Händelse'), 'staff.login');
  await pressButton(page, page.getByRole('button', { name: 'Sök' }));
  const table = page.getByRole('table', { name: 'Händelser som matchar sökningen, nyaste först' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Loggade in' }).first()).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Ärendenummer').fill('abc');
  await pressButton(page, page.getByRole('button', { name: 'Sök' }));
  await expect(page.getByRole('alert').getByRole('heading', { name: 'Det finns ett problem' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Skriv ärendenumret som år/ })).toBeVisible();
  await expectAccessible(page);

  await page.goto('/handlaggning/admin/granskning?handelse=audit.searched&anvandare=admin');
  await expect(page.getByRole('table').getByRole('row').filter({ hasText: 'Sökte i granskningsloggen' }).first()).toBeVisible();
});
