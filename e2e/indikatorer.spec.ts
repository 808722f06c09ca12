/**
 * The catalog and the indicators, without JavaScript: an invånare finds e-tjänster by answering
 * "Vad behöver du hjälp med?" and by searching (also with no hits), and opens "Så går det för oss";
 * the administrator (the demo user) opens the indicator dashboard, a monthly report, the targets and
 * the e-tjänst life cycle page, and downloads an indicator as CSV. Every page is checked with axe
 * and html-validate. (E-tjänster are not retired here: other specs use them at the same time.)
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { pressButton, typeInto } from './helpers.ts';
import { DEMO_ADMIN, loginAsStaff } from './staff.ts';

test.use({ javaScriptEnabled: false });

test('an invånare finds e-tjänster by need and by search, and sees how it goes', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: 'Vad behöver du hjälp med?' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Hjälp hemma när man är äldre' }).click();
  await expect(page.getByRole('heading', { name: 'E-tjänster för: Hjälp hemma när man är äldre' })).toBeVisible();
  await expect(page.getByRole('link', { name: /tvätt/i })).toBeVisible();
  await expect(page.getByRole('link', { name: /Orosanmälan/ })).toHaveCount(0);
  await expectAccessible(page);

  await typeInto(page, page.getByLabel('Sök bland e-tjänsterna'), 'orosanmälan');
  await pressButton(page, page.getByRole('button', { name: 'Sök' }));
  await expect(page.getByRole('status')).toContainText('matchar ”orosanmälan”');
  await expect(page.getByRole('link', { name: /Orosanmälan/ }).first()).toBeVisible();
  await expectAccessible(page);

  await page.goto('/?q=xyzzy');
  await expect(page.getByText('Ingen e-tjänst matchar ”xyzzy”.')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Så går det för oss: siffror om e-tjänsterna' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Så går det för oss' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Antal lanserade e-tjänster' })).toBeVisible();
  await expect(page.getByRole('img', { name: /E-tjänster inom IFO per år jämfört med målet/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'E-tjänster per år: inom IFO (som målet gäller) och totalt' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Beslut genom förenklad biståndsbedömning per år' }).getByRole('row', { name: /2024/ })).toContainText('68 t.o.m. november');
  await expect(page.getByRole('heading', { level: 2, name: 'Alla mål i verksamhetsplanen' })).toBeVisible();
  await expectAccessible(page);
});

test('the administrator follows the indicators, a monthly report, the targets and the catalog', async ({ page }) => {
  await page.goto('/handlaggning/indikatorer');
  await loginAsStaff(page, DEMO_ADMIN);
  await expect(page).toHaveURL(/\/handlaggning\/indikatorer$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Indikatorer' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Inkomna ärenden per e-tjänst och månad' })).toBeVisible();
  await expectAccessible(page);

  const csvHref = await page.getByRole('link', { name: 'Antal lanserade e-tjänster per år (CSV)' }).getAttribute('href');
  expect(csvHref).toBe('/handlaggning/indikatorer/lanserade-etjanster.csv');
  const csv = await page.context().request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('ar;mal_ifo;');

  await page.getByRole('list').getByRole('link', { name: /\d{4}/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /^Månadsrapport / })).toBeVisible();
  await expect(page.getByRole('table', { name: /beslut uppdelade på sökandens kön/ })).toBeVisible();
  await expectAccessible(page);

  await page.goto('/handlaggning/indikatorer/mal?indikator=lanserade-etjanster');
  await expect(page.getByLabel('Mål 2026', { exact: true })).toHaveValue('20');
  await page.getByLabel('Mål 2027', { exact: true }).fill('trettio');
  await pressButton(page, page.getByRole('button', { name: 'Spara' }));
  await expect(page.getByRole('alert').getByRole('heading', { name: 'Det finns ett problem' })).toBeVisible();
  await expect(page.getByLabel('Mål 2027', { exact: true })).toHaveValue('trettio');
  await expectAccessible(page);

  await page.getByRole('navigation', { name: 'Handläggning' }).getByRole('link', { name: 'E-tjänster' }).click();
  await expect(page.getByRole('table', { name: 'Alla e-tjänster och deras status' })).toBeVisible();
  await expect(page.getByRole('row', { name: /tvätt/i }).first()).toContainText('Publicerad');
  await expectAccessible(page);
});
