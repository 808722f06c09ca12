/**
 * An administrator moves an e-tjänst version as a file: downloads familjerådgivning's published
 * version as JSON, is refused a file that is not a document (422, the problems next to the field and
 * in the error summary, nothing written), reads the downloaded file in as a new draft and publishes
 * it, superseding the version before. Without JavaScript; every page checked with axe and
 * html-validate; the page in English too.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { pressButton } from './helpers.ts';
import { DEMO_ADMIN, loginAsStaff } from './staff.ts';

test.use({ javaScriptEnabled: false });

test('an administrator exports a version, is refused a broken file, imports the export as a draft and publishes it', async ({ page }) => {
  // Seven pages, four of them checked with axe and html-validate, and a publish that runs the scenarios:
  // 46 s on a quiet machine, more than the default minute on a busy one.
  test.setTimeout(180_000);
  await page.goto('/handlaggning/admin/etjanster');
  await loginAsStaff(page, DEMO_ADMIN);
  await page.getByRole('link', { name: 'Versioner, export och import' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Versioner av e-tjänster' })).toBeVisible();
  await expectAccessible(page);

  const table = page.getByRole('table', { name: 'Alla versioner' });
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Familjerådgivning – boka samtal' }) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell').nth(1)).toHaveText('Publicerad');

  const downloading = page.waitForEvent('download');
  await row.getByRole('link', { name: /Hämta som JSON/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('familjeradgivning-v1.json');
  const exported = readFileSync((await download.path())!, 'utf8');
  const doc = JSON.parse(exported) as { id: string; version: number; format: number };
  expect(doc).toMatchObject({ id: 'familjeradgivning', version: 1, format: 1 });

  // A file that is not a document: refused, said next to the field and in the summary, nothing written.
  const file = page.getByLabel('JSON-fil med e-tjänstens dokument');
  await file.setInputFiles({ name: 'trasig.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...doc, pages: [] })) });
  const refused = page.waitForResponse((r) => r.request().method() === 'POST');
  await pressButton(page, page.getByRole('button', { name: 'Läs in som utkast' }));
  expect((await refused).status()).toBe(422);
  await expect(page.getByRole('alert').getByRole('heading', { name: 'Det finns ett problem' })).toBeVisible();
  await expect(page.locator('#dokument-error')).toContainText('Filen kunde inte läsas in');
  await expect(page.locator('#dokument-error')).toContainText('pages');
  await expect(table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Familjerådgivning – boka samtal' }) })).toHaveCount(1);
  await expectAccessible(page);

  await file.setInputFiles({ name: 'inte-json.json', mimeType: 'application/json', buffer: Buffer.from('{ inte json') });
  await pressButton(page, page.getByRole('button', { name: 'Läs in som utkast' }));
  await expect(page.locator('#dokument-error')).toContainText('Filen är inte JSON');

  // The export read back in: a draft, version 2, not yet what citizens get.
  await file.setInputFiles({ name: 'familjeradgivning-v1.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await pressButton(page, page.getByRole('button', { name: 'Läs in som utkast' }));
  await expect(page.getByText('Familjerådgivning – boka samtal version 2 är inläst som utkast.')).toBeVisible();
  const draft = table.getByRole('row').filter({ hasText: 'Utkast' }).filter({ has: page.getByRole('rowheader', { name: 'Familjerådgivning – boka samtal' }) });
  await expect(draft.getByRole('cell').first()).toHaveText('2');
  await expectAccessible(page);

  await pressButton(page, draft.getByRole('button', { name: /Publicera/ }));
  await expect(page.getByText('Familjerådgivning – boka samtal version 2 är publicerad.')).toBeVisible();
  const versions = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Familjerådgivning – boka samtal' }) });
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0).getByRole('cell').nth(1)).toHaveText('Publicerad');
  await expect(versions.nth(1).getByRole('cell').nth(1)).toHaveText('Ersatt av en nyare version');
  // Version 2 is the published one now; version 1 is kept for the cases sent under it.
  await expect(versions.nth(0).getByRole('cell').first()).toHaveText('2');

  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Versions of e-services' })).toBeVisible();
  await expectAccessible(page);
});
