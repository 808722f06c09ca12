/**
 * A handläggare handles a trygghetslarm application from the inbox to a decision: logs in with
 * password and TOTP, filters the inbox by status, opens the case, takes it, records a decision
 * (first with a field missing, then complete) and finds it on the case timeline. A second browser
 * holding the case page from before those changes is told that someone else has changed the case,
 * and nothing it sent is saved. Without JavaScript; every page is checked with axe and html-validate.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { OLD_ENOUGH, choose, pressButton, tabTo, typeInto } from './helpers.ts';
import { loginAsStaff } from './staff.ts';
import { GRETA, loginAsCitizen } from './citizen.ts';

test.use({ javaScriptEnabled: false });

const next = (page: Page) => pressButton(page, page.getByRole('button', { name: 'Fortsätt', exact: true }));

/** An invånare applies for a trygghetslarm for themself with the keyboard; returns the reference number. */
async function applyForTrygghetslarm(page: Page): Promise<string> {
  await page.goto('/e-tjanster/trygghetslarm');
  await loginAsCitizen(page, GRETA);
  await expect(page.getByRole('heading', { level: 1, name: 'Ansöker du för egen del eller för någon annans räkning?' })).toBeVisible();
  await choose(page, page.getByLabel('För egen del'));
  await next(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Vad är ditt personnummer?' })).toBeVisible();
  await expect(page.getByText(OLD_ENOUGH)).toBeVisible();
  await next(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Är du folkbokförd i Askersunds kommun?' })).toBeVisible();
  await choose(page, page.getByLabel('Ja'));
  await next(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Hur bor du?' })).toBeVisible();
  await choose(page, page.getByLabel('I eget hem'));
  await next(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Vilket trygghetslarm vill du ha?' })).toBeVisible();
  await choose(page, page.getByLabel('Trygghetslarm i hemmet'));
  await next(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Dina uppgifter' })).toBeVisible();
  await typeInto(page, page.getByLabel('Förnamn'), 'Greta');
  await typeInto(page, page.getByLabel('Efternamn'), 'Testberg');
  await typeInto(page, page.getByLabel('Gatuadress'), 'Storgatan 12');
  await typeInto(page, page.getByLabel('Postnummer'), '696 30');
  await typeInto(page, page.getByLabel('Ort'), 'Askersund');
  await typeInto(page, page.getByLabel('Telefonnummer'), '070-123 45 67');
  await next(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Vilka ska vi ringa när larmet går?' })).toBeVisible();
  const first = page.getByRole('group', { name: 'Kontaktperson 1' });
  const second = page.getByRole('group', { name: 'Kontaktperson 2' });
  await typeInto(page, first.getByLabel('Namn'), 'Anna Testberg');
  await typeInto(page, first.getByLabel('Vem är personen för dig?'), 'Dotter');
  await typeInto(page, first.getByLabel('Telefonnummer'), '070-765 43 21');
  await typeInto(page, second.getByLabel('Namn'), 'Bo Grannlund');
  await typeInto(page, second.getByLabel('Vem är personen för dig?'), 'Granne');
  await typeInto(page, second.getByLabel('Telefonnummer'), '0583-123 45');
  await next(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Hur kommer personalen in till dig?' })).toBeVisible();
  await choose(page, page.getByLabel('Jag vill ha en nyckelgömma vid dörren'));
  await next(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Avgift' })).toBeVisible();
  await choose(page, page.getByLabel('Betala full avgift'));
  await next(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Kontrollera dina svar innan du skickar ansökan' })).toBeVisible();
  await pressButton(page, page.getByRole('button', { name: 'Skicka ansökan' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Din ansökan är skickad' })).toBeVisible();
  const reference = (await page.locator('.reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^\d{4}-\d{6}$/);
  return reference;
}

/**
 * Sends the form whose button is pressed and returns the HTTP status of the page it ends on: the
 * POST's own answer (422, 409), or after a 303 the page redirected to.
 */
async function submitWith(page: Page, button: ReturnType<Page['getByRole']>): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && (r.status() < 300 || r.status() >= 400)),
    pressButton(page, button),
  ]);
  await page.waitForLoadState();
  return response.status();
}

test.describe('handling a case', () => {
  test('a handläggare takes a trygghetslarm case, decides it, and a stale form cannot overwrite the decision', async ({ page, browser }) => {
    test.setTimeout(240_000);
    const reference = await applyForTrygghetslarm(page);

    // The handläggare logs in with password and TOTP, both login pages checked.
    const deskContext = await browser.newContext({ locale: 'sv-SE', javaScriptEnabled: false });
    const desk = await deskContext.newPage();
    await desk.goto('/handlaggning');
    await loginAsStaff(desk, { check: expectAccessible });
    await expect(desk).toHaveURL(/\/handlaggning$/);
    await expectAccessible(desk);

    // Filter the inbox to the cases that have come in and not been taken yet.
    const filters = desk.getByRole('form', { name: 'Filtrera och sök' });
    const statusFilter = filters.getByRole('combobox', { name: 'Status', exact: true });
    // The filters beside the search are folded away: open them with the keyboard.
    await tabTo(desk, filters.getByText('Fler filter och sortering'));
    await desk.keyboard.press('Enter');
    await tabTo(desk, statusFilter);
    await statusFilter.selectOption({ label: 'Inkommen' });
    // The button at the end of the opened filters (the one beside the search sends the same form).
    await pressButton(desk, filters.getByRole('button', { name: 'Visa ärenden' }).last());
    await expect(desk).toHaveURL(/[?&]status=inkommen(&|$)/);
    await expect(desk.getByRole('combobox', { name: 'Status', exact: true })).toHaveValue('inkommen');
    await expectAccessible(desk);
    const row = desk.getByRole('row').filter({ hasText: reference });
    await expect(row).toContainText('Greta Testberg');
    await expect(row).toContainText('Inkommen');

    await pressButton(desk, row.getByRole('link', { name: reference }));
    await expect(desk.getByRole('heading', { level: 1 })).toContainText(reference);
    await expect(desk.getByText('19450110-3297').first()).toBeVisible();
    await expect(desk.getByRole('link', { name: 'Exportera som JSON' })).toHaveAttribute('href', `/handlaggning/arenden/${reference}/export.json`);
    await expect(desk.getByText('Du kan fatta beslut när ärendet har status Under handläggning.')).toBeVisible();
    await expectAccessible(desk);

    // A second browser opens the same case now and leaves the page open: its forms are from version 1.
    const staleContext = await browser.newContext({ locale: 'sv-SE', javaScriptEnabled: false });
    const stale = await staleContext.newPage();
    await stale.goto(`/handlaggning/arenden/${reference}`);
    await loginAsStaff(stale);
    await expect(stale).toHaveURL(new RegExp(`/handlaggning/arenden/${reference}$`));
    await expect(stale.getByRole('heading', { level: 1 })).toContainText(reference);

    // Take the case: it becomes the handläggare's and is now under handläggning.
    await pressButton(desk, desk.getByRole('button', { name: 'Tilldela mig' }));
    await expect(desk.getByRole('status')).toHaveText('Ärendet är tilldelat dig.');
    await expect(desk.getByText('Ärendet har status Under handläggning.')).toBeVisible();
    await expectAccessible(desk);

    // The decision, first without its reasoning: 422, an error summary, and what was typed kept.
    const decision = desk.getByRole('group', { name: 'Fatta beslut' });
    await choose(desk, decision.getByRole('group', { name: 'Vad blir beslutet?' }).getByLabel('Beviljad', { exact: true }));
    await expect(decision.getByRole('group', { name: 'Insats' }).getByLabel('Trygghetslarm')).toBeChecked();
    await typeInto(desk, decision.getByLabel('Omfattning'), 'Ett trygghetslarm i hemmet');
    await typeInto(desk, decision.getByLabel('Dag', { exact: true }), '1');
    await typeInto(desk, decision.getByLabel('Månad', { exact: true }), '12');
    await typeInto(desk, decision.getByLabel('År', { exact: true }), '2026');
    expect(await submitWith(desk, desk.getByRole('button', { name: 'Spara beslut' }))).toBe(422);
    await expect(desk).toHaveTitle(/^Fel: /);
    const summary = desk.getByRole('alert').filter({ hasText: 'Det finns ett problem' });
    await expect(summary.getByRole('link', { name: 'Skriv en motivering till beslutet' })).toHaveAttribute('href', '#f-reasoning');
    await expect(decision.getByLabel('Omfattning')).toHaveValue('Ett trygghetslarm i hemmet');
    await expect(decision.getByLabel('Beviljad', { exact: true })).toBeChecked();
    await expectAccessible(desk);

    await typeInto(desk, decision.getByLabel('Motivering'), 'Sökanden är över 75 år, bor i eget hem och är folkbokförd i kommunen.');
    expect(await submitWith(desk, desk.getByRole('button', { name: 'Spara beslut' }))).toBe(200);
    await expect(desk).toHaveURL(new RegExp(`/handlaggning/arenden/${reference}\\?klart=decide$`));
    await expect(desk.getByRole('status')).toHaveText('Beslutet är sparat.');
    await expect(desk.getByText('Ärendet har status Beslutad.')).toBeVisible();
    const timeline = desk.getByRole('list', { name: 'Händelser' });
    const entries = timeline.getByRole('listitem');
    await expect(entries.first()).toContainText('Ärendet kom in via e-tjänsten');
    await expect(timeline).toContainText('Demo Handläggare tog ärendet');
    await expect(entries.filter({ hasText: 'fattade beslut' })).toContainText('Demo Handläggare fattade beslut: Beviljad');
    await expectAccessible(desk);

    // The stale page writes a note: refused with 409, nothing saved, the current case shown.
    await typeInto(stale, stale.getByLabel('Ny anteckning'), 'Skrivet på en gammal sida');
    expect(await submitWith(stale, stale.getByRole('button', { name: 'Spara anteckning' }))).toBe(409);
    await expect(stale.getByRole('alert').filter({ hasText: 'Ärendet har ändrats av någon annan sedan du öppnade det' })).toBeVisible();
    await expect(stale.getByText('Ärendet har status Beslutad.')).toBeVisible();
    await expect(stale.getByText('Det finns inga anteckningar.')).toBeVisible();
    // What was typed is still there, to send again now that the current case is in view.
    await expect(stale.getByLabel('Ny anteckning')).toHaveValue('Skrivet på en gammal sida');
    await expectAccessible(stale);

    // The handläggare's own view is unchanged by the refused note.
    await desk.reload();
    await expect(desk.getByText('Det finns inga anteckningar.')).toBeVisible();
    await expect(desk.getByRole('list', { name: 'Händelser' }).getByRole('listitem').filter({ hasText: 'anteckning' })).toHaveCount(0);

    await staleContext.close();
    await deskContext.close();
  });
});
