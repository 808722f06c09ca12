/**
 * Steps the decision specs share: an ordinary application (kontaktperson) sent by a logged-in
 * invånare, a handläggare's desk in its own browser context, a form posted by keyboard with the
 * status it answered, and the beslutsbrev read from Mina sidor.
 */
import { expect, type Browser, type Page } from '@playwright/test';
import { choose, pressButton, typeInto } from './helpers.ts';
import { loginAsStaff } from './staff.ts';
import { ANNA, loginAsCitizen } from './citizen.ts';
import { pdfText } from './pdf-text.ts';

export const next = (page: Page) => pressButton(page, page.getByRole('button', { name: 'Fortsätt', exact: true }));

export async function sendAndGetReference(page: Page, button: string, heading: RegExp): Promise<string> {
  await pressButton(page, page.getByRole('button', { name: button }));
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  const reference = (await page.locator('.reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^\d{4}-\d{6}$/);
  return reference;
}

export async function applyForKontaktperson(page: Page): Promise<string> {
  // Logged in first, so that the application is on Mina sidor (the e-tjänst does not require it).
  await page.goto('/logga-in');
  await loginAsCitizen(page, ANNA);
  await page.goto('/e-tjanster/kontaktperson-kontaktfamilj');
  await pressButton(page, page.getByRole('button', { name: /^Börja/ }));
  await choose(page, page.getByLabel('För mig själv'));
  await next(page);
  // Applying for herself, logged in: her personnummer comes from her e-ID (shown, not asked).
  for (const [label, value] of [['Förnamn', 'Anna'], ['Efternamn', 'Testsson'], ['Personnummer', ANNA]] as const) {
    const field = page.getByLabel(label, { exact: true });
    if ((await field.count()) > 0 && (await field.isEditable())) await typeInto(page, field, value);
  }
  await next(page);
  await choose(page, page.getByLabel('Kontaktperson', { exact: true }));
  await next(page);
  await typeInto(page, page.getByRole('textbox', { name: 'Varför behöver du stödet?' }), 'Jag är ensam på helgerna och vill komma ut mer.');
  await next(page);
  await next(page);
  await typeInto(page, page.getByLabel('Gatuadress'), 'Storgatan 1');
  await typeInto(page, page.getByLabel('Postnummer'), '696 30');
  await typeInto(page, page.getByLabel('Ort'), 'Askersund');
  await typeInto(page, page.getByLabel('Telefonnummer'), '070-123 45 67');
  await next(page);
  return sendAndGetReference(page, 'Skicka ansökan', /skickad/);
}

/** The status of the page a form's button leads to: the POST's own (422), or after a 303 the page's. */
export async function submitWith(page: Page, button: ReturnType<Page['getByRole']>): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && (r.status() < 300 || r.status() >= 400)),
    pressButton(page, button),
  ]);
  await page.waitForLoadState();
  return response.status();
}

export async function staffDesk(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'sv-SE', javaScriptEnabled: false });
  const desk = await ctx.newPage();
  await desk.goto('/handlaggning');
  await loginAsStaff(desk);
  return desk;
}

export async function letterOf(page: Page, reference: string): Promise<string> {
  const link = page.getByRole('link', { name: 'Beslutsbrev (PDF)' });
  await expect(link).toHaveAttribute('href', `/mina-sidor/arenden/${reference}/beslut.pdf`);
  const res = await page.request.get(`/mina-sidor/arenden/${reference}/beslut.pdf`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  const body = await res.body();
  expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return pdfText(body);
}
