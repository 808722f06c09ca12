/**
 * Nothing urgent waits until Monday, without JavaScript: an akut orosanmälan sent while the office
 * is closed (the test server lists today and tomorrow as closed dates: a Saturday night) reaches
 * the socialjour by SMS (local SMPP receiver) and by e-mail (local SMTP receiver) within a minute,
 * holding nothing but where the case is; the case is pinned at the top of the inbox until a
 * handläggare acknowledges it, which the timeline shows. A citizen's reply marks the case unread
 * in the inbox and on the case, the filter shows it, and the assigned handläggare gets a notice
 * without content. axe and html-validate on every page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { ANNA, loginAsCitizen, receivedMails } from './citizen.ts';
import { createStaffOverHttp, DEMO_ADMIN, DEMO_ADMIN2, httpLogin, loginAsStaff } from './staff.ts';
import { SOCIALJOUR_EMAIL, SOCIALJOUR_PHONE } from '../playwright.config.ts';

test.use({ javaScriptEnabled: false });
test.describe.configure({ mode: 'serial' });

const next = (page: Page) => page.getByRole('button', { name: 'Fortsätt', exact: true }).click();

/** The SMS the local SMPP receiver kept in the e2e data directory. */
function receivedSms(): { to: string; from: string; text: string }[] {
  const dir = path.join(process.env.E2E_DATA_DIR ?? '', 'sms');
  let files: string[] = [];
  try {
    files = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return files.map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { to: string; from: string; text: string });
}

async function freshPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ locale: 'sv-SE', javaScriptEnabled: false })).newPage();
}

/** An anonymous orosanmälan for a child in danger right now; returns the reference. */
async function sendAkutOrosanmalan(page: Page): Promise<string> {
  await page.goto('/e-tjanster/orosanmalan-barn');
  await page.getByRole('button', { name: /^Börja/ }).click();
  await page.getByLabel('Jag är privatperson').check();
  await next(page);
  await page.getByLabel('Ja, jag vill vara anonym').check();
  await next(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Är barnet i akut fara just nu?' })).toBeVisible();
  await page.getByLabel('Ja', { exact: true }).check();
  await next(page);
  await page.getByLabel('Barnet får inte den omsorg, mat, tillsyn eller vård det behöver').check();
  await next(page);
  await page.getByLabel('Berätta vad du har sett eller hört').fill('Barnet Tolvan är ensamt hemma sedan i går och svarar inte.');
  await next(page);
  await page.getByLabel('Barnets förnamn (frivilligt)').fill('Tolvan');
  await next(page);
  await page.getByLabel('Jag vet inte').check();
  await next(page);
  await expect(page.getByRole('heading', { level: 1, name: /^Kontrollera/ })).toBeVisible();
  await page.getByRole('button', { name: /^Skicka/ }).click();
  await expect(page.locator('.reference')).toHaveText(/^\d{4}-\d{6}$/);
  await expectAccessible(page);
  return ((await page.locator('.reference').textContent()) ?? '').trim();
}

let akutReference = '';

test('an akut orosanmälan on a Saturday night reaches the socialjour by SMS and e-mail within a minute, with nothing of the case', async ({ page }) => {
  test.setTimeout(120_000);
  const sent = Date.now();
  akutReference = await sendAkutOrosanmalan(page);
  const where = `/handlaggning/arenden/${akutReference}`;
  await expect.poll(() => receivedSms().filter((s) => s.text.includes(where)).length, { timeout: 60_000, intervals: [500] }).toBe(1);
  await expect.poll(() => receivedMails().filter((m) => m.to === SOCIALJOUR_EMAIL && m.text.includes(where)).length, { timeout: 60_000, intervals: [500] }).toBe(1);
  expect(Date.now() - sent).toBeLessThan(60_000);

  const sms = receivedSms().find((s) => s.text.includes(where))!;
  expect(sms.to).toBe(SOCIALJOUR_PHONE);
  expect(sms.text).toMatch(/^AKUT: en akut anmälan väntar/);
  const mail = receivedMails().find((m) => m.to === SOCIALJOUR_EMAIL && m.text.includes(where))!;
  expect(mail.text).toMatch(/Subject: .*AKUT/);
  expect(mail.text).toContain('En akut anmälan har kommit in');
  for (const secret of ['Tolvan', 'ensamt hemma', 'Orosanmälan', 'orosanmalan', 'barn']) {
    expect(sms.text).not.toContain(secret);
    expect(mail.text.split('\n').filter((l) => !/^[A-Za-z-]+: /.test(l)).join('\n')).not.toContain(secret);
  }
});

test('the akut case is pinned at the top of the inbox until a handläggare acknowledges it, and the timeline says so', async ({ page }) => {
  test.setTimeout(120_000);
  await loginAsStaff(page);
  await page.goto('/handlaggning');
  const pinned = page.getByRole('region', { name: /väntar på kvittens/ });
  await expect(pinned.getByRole('link', { name: akutReference })).toBeVisible();
  await expectAccessible(page);
  // Pinned whatever the filters: also when the list shows only closed cases.
  await page.goto('/handlaggning?status=avslutad');
  await expect(page.getByRole('region', { name: /väntar på kvittens/ }).getByRole('link', { name: akutReference })).toBeVisible();

  await pinned.getByRole('link', { name: akutReference }).click();
  await expect(page.getByText('Akut – någon kan vara i akut fara')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Kvittera att jag tar mig an det akuta ärendet' }).click();
  await expect(page.getByText('Den akuta anmälan är kvitterad.')).toBeVisible();
  await expect(page.getByText(/Akut ärende, kvitterat av Demo Handläggare/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Kvittera att jag tar mig an det akuta ärendet' })).toHaveCount(0);
  const timeline = page.getByRole('list', { name: 'Händelser' });
  await expect(timeline.getByText('Demo Handläggare kvitterade det akuta ärendet')).toBeVisible();
  await expectAccessible(page);

  await page.goto('/handlaggning');
  await expect(page.getByRole('link', { name: akutReference })).toHaveCount(1);
  await expect(page.getByRole('region', { name: /väntar på kvittens/ }).getByRole('link', { name: akutReference })).toHaveCount(0);
  await expectAccessible(page);
});

test('a citizen’s reply marks the case unread in the inbox and on the case, the filter shows it, and the handläggare is told', async ({ page, browser, playwright, baseURL }) => {
  test.setTimeout(180_000);
  const base = baseURL!;
  // A colleague in IFO with an e-mail address, to whom the case is assigned.
  const admin = await playwright.request.newContext({ baseURL: base });
  const approver = await playwright.request.newContext({ baseURL: base });
  await httpLogin(admin, base, DEMO_ADMIN);
  await httpLogin(approver, base, DEMO_ADMIN2);
  const email = 'karin.ifo@askersund.example.se';
  await createStaffOverHttp(admin, approver, base, { username: 'karin.ifo', displayName: 'Karin Ifo', password: 'karins-langa-losenord-2026', roles: ['handlaggare'], areas: ['ifo'], email });
  await admin.dispose();
  await approver.dispose();

  // The citizen, logged in, asks a question; it shows on her Mina sidor.
  await page.goto('/e-tjanster/kontakta-socialtjansten');
  await loginAsCitizen(page, ANNA);
  await page.goto('/e-tjanster/kontakta-socialtjansten/amne');
  await page.getByLabel('Något annat').check();
  await next(page);
  await page.getByLabel('Ställa en fråga').check();
  await next(page);
  await page.getByLabel('Din fråga').fill('Hur ansöker jag om stöd till mitt barn?');
  await next(page);
  for (let i = 0; i < 15 && !(await page.getByRole('heading', { level: 1, name: /^Kontrollera/ }).count()); i++) {
    const form = page.locator('main form[method="post"]');
    for (const group of await form.getByRole('group').all()) {
      const yes = group.getByLabel('Ja', { exact: true });
      if (await yes.count()) await yes.first().check();
      else if (await group.getByRole('radio').count()) await group.getByRole('radio').first().check();
      else if (await group.getByRole('checkbox').count()) await group.getByRole('checkbox').first().check();
    }
    for (const input of await form.locator('input[type="text"], input[type="tel"], input[type="email"], input:not([type])').all()) {
      if ((await input.inputValue()) !== '') continue;
      const id = await input.getAttribute('id');
      const label = id ? ((await page.locator(`label[for="${id}"]`).textContent()) ?? '') : '';
      await input.fill(/postnummer/i.test(label) ? '69631' : /telefon/i.test(label) ? '0701740606' : /e-post/i.test(label) ? 'anna@example.se' : /frivilligt/i.test(label) ? '' : 'Andersson');
    }
    await next(page);
  }
  await expect(page.getByRole('heading', { level: 1, name: /^Kontrollera/ })).toBeVisible({ timeout: 5_000 });
  await page.getByRole('button', { name: /^Skicka/ }).click();
  const reference = ((await page.locator('.reference').textContent()) ?? '').trim();
  expect(reference).toMatch(/^\d{4}-\d{6}$/);

  const desk = await freshPage(browser);
  await loginAsStaff(desk);
  await desk.goto(`/handlaggning/arenden/${reference}`);
  await desk.getByLabel('Tilldela en kollega').selectOption({ label: 'Karin Ifo' });
  await desk.getByRole('button', { name: 'Tilldela', exact: true }).click();
  await expect(desk.getByText('Ärendet är tilldelat Karin Ifo.')).toBeVisible();

  // The citizen answers on Mina sidor.
  await page.goto(`/mina-sidor/arenden/${reference}`);
  await page.getByLabel('Ditt meddelande').fill('Jag glömde säga att det gäller min son.');
  await page.getByRole('button', { name: 'Skicka meddelandet' }).click();
  await expect(page.getByText('Ditt meddelande är skickat')).toBeVisible();

  // The inbox marks the case, and the filter shows it.
  await desk.goto('/handlaggning');
  await expect(desk.getByRole('row').filter({ hasText: reference })).toContainText('Oläst meddelande');
  // The filter is among the folded ones (the list keeps its room above the fold).
  await desk.locator('details.more-filters summary').click();
  await desk.getByLabel('Bara ärenden med olästa meddelanden').check();
  await desk.locator('details.more-filters').getByRole('button', { name: 'Visa ärenden' }).click();
  await expect(desk).toHaveURL(/olasta=ja/);
  await expect(desk.getByRole('row').filter({ hasText: reference })).toBeVisible();
  await expect(desk.getByText('Oläst meddelande').first()).toBeVisible();
  await expectAccessible(desk);

  // The assigned handläggare is told, with nothing of the case.
  await expect.poll(() => receivedMails().filter((m) => m.to === email).length, { timeout: 60_000, intervals: [500] }).toBe(1);
  const notice = receivedMails().find((m) => m.to === email)!;
  expect(notice.text).toContain('har skrivit ett meddelande i ett ärende som du handlägger');
  expect(notice.text).toContain(`/handlaggning/arenden/${reference}`);
  for (const secret of ['min son', 'Andersson', 'stöd till mitt barn', ANNA]) expect(notice.text.split('\n').filter((l) => !/^[A-Za-z-]+: /.test(l)).join('\n')).not.toContain(secret);

  // Opening the case shows the new message and reads it for the case.
  await desk.getByRole('row').filter({ hasText: reference }).getByRole('link', { name: reference }).click();
  await expect(desk.getByText('Nytt meddelande från invånaren', { exact: true })).toBeVisible();
  await expect(desk.getByText('Jag glömde säga att det gäller min son.')).toBeVisible();
  await expect(desk.getByText('Demo Handläggare öppnade ärendet och läste 1 nytt meddelande från invånaren')).toBeVisible();
  await expectAccessible(desk);
  await desk.goto('/handlaggning?olasta=ja');
  await expect(desk.getByRole('row').filter({ hasText: reference })).toHaveCount(0);
  await desk.reload();
  await expectAccessible(desk);
  await desk.context().close();
});
