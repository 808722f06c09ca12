/**
 * The board's follow-up of the verksamhetsplan, without JavaScript: the public page shows every
 * goal of seed 001 with where each figure comes from and "uppgift saknas" where the portal has
 * nothing (never a computed 0), in Swedish and English and at 320 px; an analytiker (the demo
 * administrator is one) reads the half-yearly report, is refused an invalid reported value with
 * the errors beside the fields and the answers kept, reports a value and sees the report change,
 * and downloads the report as PDF and CSV. Every page is checked with axe and html-validate.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { pressButton } from './helpers.ts';
import { DEMO_ADMIN, loginAsStaff } from './staff.ts';

test.use({ javaScriptEnabled: false });

const GOALS = ['1:1', '1:2', '1:3', '1:4', '1:5', '1:6', '1:7', '1:8'];

/** No page wider than the viewport: nothing to scroll sideways but the labelled table regions. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(width);
}

test('the public page shows every goal of the plan, honest about what is missing, in Swedish and English and at 320 px', async ({ page }) => {
  await page.goto('/sa-gar-det-for-oss');
  await expect(page.getByRole('heading', { level: 2, name: 'Alla mål i verksamhetsplanen' })).toBeVisible();
  for (const goal of GOALS) await expect(page.getByRole('heading', { level: 3, name: new RegExp(`^Nämndmål ${goal}:`) })).toBeVisible();
  await expect(page.getByText('Portalens brukarenkät är kommunens egen.').first()).toBeVisible();

  const forenklad = page.getByRole('table', { name: 'Antal beslut genom förenklad biståndsbedömning: utfall och mål per år' });
  await expect(forenklad.getByRole('row', { name: /^2023/ })).toContainText('28');
  await expect(forenklad.getByRole('row', { name: /^2024/ })).toContainText('68 t.o.m. november');
  await expect(forenklad.getByRole('row', { name: /^2024/ })).toContainText('rapporterat i verksamhetsplanen');

  const launched = page.getByRole('table', { name: 'Antal e-tjänster inom IFO som har lanserats på kommunens webbplats: utfall och mål per år' });
  await expect(launched.getByRole('row', { name: /^2022/ })).toContainText('uppgift saknas (ej redovisat)');
  const row2025 = launched.getByRole('row', { name: /^2025/ });
  await expect(row2025).toContainText('uppgift saknas');
  await expect(row2025.getByRole('cell').nth(1)).not.toHaveText('0');
  // The indicator table above says the same: no 0 for the years before the portal.
  await expect(page.getByRole('table', { name: 'E-tjänster per år: inom IFO (som målet gäller) och totalt' }).getByRole('row', { name: /^2024/ })).toContainText('uppgift saknas');

  const kvalitet = page.getByRole('table', { name: /^Andel personer på särskilt boende som upplever att personalen alltid eller oftast/ });
  await expect(kvalitet.getByRole('row', { name: /^2024/ })).toContainText('61 %');
  await expect(page.getByRole('heading', { level: 4, name: /personalkontinuitet/ })).toBeVisible();
  await expect(page.getByText('Reported by an analyst')).toHaveCount(0);
  await expectAccessible(page);

  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'Every goal of the operational plan' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /^Board goal 1:6:/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Number of IFO e-services launched on the municipality\'s website: outcome and target per year' }).getByRole('row', { name: /^2025/ })).toContainText('no data');
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Svenska', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
});

test('an analytiker reads the half-yearly follow-up, reports a value and sees the report change', async ({ page }) => {
  await page.goto('/handlaggning/indikatorer/uppfoljning?period=2025-H1');
  await loginAsStaff(page, DEMO_ADMIN);
  await expect(page.getByRole('heading', { level: 1, name: 'Uppföljning av verksamhetsplanen: Första halvåret 2025' })).toBeVisible();
  const summary = page.getByRole('table', { name: 'Alla mått Första halvåret 2025: mål, utfall och status' });
  await expect(summary.getByRole('row')).toHaveCount(20);
  for (const goal of GOALS) await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Nämndmål ${goal}:`) })).toBeVisible();
  const plan = page.getByRole('table', { name: 'Andel individer med aktuell genomförandeplan: utfall och mål per år' });
  await expect(plan.getByRole('row', { name: /^Första halvåret 2025/ })).toContainText('uppgift saknas');
  await expect(page.getByRole('img', { name: /Andel individer med aktuell genomförandeplan: utfall per år som staplar/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Rapportera ett värde' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapportera ett värde' })).toBeVisible();
  await page.getByLabel('Mått').selectOption('genomforandeplan-aktuell');
  await page.getByLabel('Period').fill('2025-H2');
  await page.getByLabel('Värde').fill('191');
  await pressButton(page, page.getByRole('button', { name: 'Spara värdet' }));
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'Det finns ett problem' })).toBeVisible();
  await expect(alert).toContainText('Skriv perioden som ett år (2025) eller ett första halvår (2025-H1).');
  await expect(alert).toContainText('En andel kan vara högst 100 procent.');
  await expect(alert).toContainText('Skriv varifrån värdet kommer.');
  await expect(page.getByLabel('Period')).toHaveValue('2025-H2');
  await expect(page.getByLabel('Värde')).toHaveValue('191');
  await expect(page.getByLabel('Mått')).toHaveValue('genomforandeplan-aktuell');
  await expectAccessible(page);

  await page.getByLabel('Period').fill('2025-H1');
  await page.getByLabel('Värde').fill('91');
  await page.getByLabel('Källa').fill('Lifecare, uttag 2025-07-03');
  await pressButton(page, page.getByRole('button', { name: 'Spara värdet' }));
  await expect(page.getByRole('status')).toHaveText('Värdet är sparat.');
  await expect(page.getByRole('table', { name: 'Rapporterade värden för måtten' })).toContainText('Lifecare, uttag 2025-07-03');
  await expectAccessible(page);

  await page.goto('/handlaggning/indikatorer/uppfoljning?period=2025-H1');
  const row = page.getByRole('table', { name: 'Andel individer med aktuell genomförandeplan: utfall och mål per år' }).getByRole('row', { name: /^Första halvåret 2025/ });
  await expect(row).toContainText('91 %');
  await expect(row).toContainText('rapporterat: Lifecare, uttag 2025-07-03');
  await expect(page.getByRole('table', { name: /^Alla mått/ }).getByRole('row', { name: /Andel individer med aktuell genomförandeplan/ })).toContainText('Gul');
  await expect(page.getByText('Gul – nära målet (högst 10 % ifrån)')).toBeVisible();

  const pdf = await page.context().request.get('/handlaggning/indikatorer/uppfoljning.pdf?period=2025-H1');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const csv = await page.context().request.get('/handlaggning/indikatorer/uppfoljning.csv?period=2025-H1');
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain('namndmal;matt_id;matt;enhet;period;typ;varde;notering;ursprung;kalla');
  expect(text).toContain('genomforandeplan-aktuell;Andel individer med aktuell genomförandeplan;procent;2025-H1;utfall;91;;rapporterat;Lifecare, uttag 2025-07-03');

  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Follow-up of the operational plan: First half of 2025' })).toBeVisible();
  await expect(page.getByText('Yellow – close to the target (within 10 %)')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Svenska', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
});
