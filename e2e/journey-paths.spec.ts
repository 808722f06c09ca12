/**
 * The other paths through an e-tjänst: not eligible, mistakes in the answers, another language,
 * and our database being down at the moment of sending. No JavaScript; axe on every page.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectValidHtml } from './axe.ts';
import { OLD_ENOUGH, TOO_YOUNG } from './helpers.ts';
import { DOWN_PORT } from '../playwright.config.ts';
import { GRETA, SVEN, loginAsCitizen, expectSubmitterFromEid } from './citizen.ts';
import { Jar } from '../scripts/built-portal.ts';

test.use({ javaScriptEnabled: false });

/**
 * Applying for oneself after logging in with e-legitimation (required): the first question,
 * answered; the personnummer then comes from the e-legitimation.
 */
async function forMyself(page: Page, who = GRETA) {
  await page.goto('/e-tjanster/trygghetslarm');
  await loginAsCitizen(page, who);
  await page.getByLabel('För egen del').check();
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vad är ditt personnummer?' })).toBeVisible();
}

/** Applying on someone's behalf, where the person's personnummer is typed (and may be mistyped). */
async function forSomeoneElse(page: Page) {
  await page.goto('/e-tjanster/trygghetslarm');
  await loginAsCitizen(page, SVEN);
  await page.getByLabel('För någon annan').check();
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  // Logged in: the one applying is who the e-legitimation says, not typed.
  await expectSubmitterFromEid(page, 'Sven', 'Svensson');
  await page.getByLabel('Ditt telefonnummer').fill('070-987 65 43');
  await page.getByLabel('Barn', { exact: true }).check();
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  await page.getByLabel('Personen vet om ansökan och vill ha hjälpen').check();
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vad är personnumret för den du ansöker för?' })).toBeVisible();
}

/** A question to the social services (no e-legitimation needed), answered up to the check-answers page. */
async function answer(page: Page, base: string) {
  await page.goto(`${base}/e-tjanster/kontakta-socialtjansten/amne`);
  await page.getByLabel('Något annat').check();
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  await page.getByLabel('Ställa en fråga').check();
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  await page.getByLabel('Din fråga').fill('Karin Provsson undrar över Sjövägen 3.');
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  // The remaining questions (how we may reach the person, interpreter, name): yes where asked, the first choice otherwise.
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
      await input.fill(/personnummer/i.test(label) ? OLD_ENOUGH : /postnummer/i.test(label) ? '69631' : /telefon/i.test(label) ? '0701112233' : /e-post/i.test(label) ? 'sven@example.se' : /frivilligt/i.test(label) ? '' : 'Provsson');
    }
    await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: /^Kontrollera/ })).toBeVisible();
}

test('someone under the age limit gets an exit page that explains why and links to the ordinary application', async ({ page }) => {
  // Logged in as someone under the age limit: their personnummer from the e-legitimation decides.
  await forMyself(page, SVEN);
  await expect(page.getByText(TOO_YOUNG)).toBeVisible();
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  await expect(page).toHaveURL(/\/for-ung$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Du kan inte ansöka här' })).toBeVisible();
  await expect(page.getByText('75 år eller äldre')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Ansök om bistånd på vanligt sätt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ansök om bistånd på vanligt sätt' })).toBeVisible();
  await expectAccessible(page);
});

test('someone not folkbokförd in the municipality is told so and cannot skip ahead by URL', async ({ page }) => {
  await forMyself(page);
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  await page.getByLabel('Nej').check();
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  await expect(page).toHaveURL(/\/ej-folkbokford$/);
  await expect(page.getByText('folkbokförd i Askersunds kommun')).toBeVisible();
  await expectAccessible(page);
  await page.goto('/e-tjanster/trygghetslarm/kontrollera');
  await expect(page).toHaveURL(/\/ej-folkbokford$/);
});

test('mistakes are shown in an error summary and next to each field, with status 422 and the answers kept', async ({ page }) => {
  // The personnummer is typed when applying for someone else.
  await forSomeoneElse(page);
  const pnr = 'Vad är personnumret för den du ansöker för?';
  await page.getByLabel(pnr).fill('19450110-3298');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Fortsätt', exact: true }).click(),
  ]);
  expect(response.status()).toBe(422);
  await expect(page).toHaveTitle(/^Fel: /);
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('heading', { name: 'Det finns ett problem' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Personnumret stämmer inte. Kontrollera att det är rätt skrivet' })).toBeVisible();
  await expect(page.locator('.error-message')).toContainText('Personnumret stämmer inte');
  await expect(page.getByLabel(pnr)).toHaveValue('19450110-3298');
  await expectAccessible(page);

  await page.getByLabel(pnr).fill(OLD_ENOUGH);
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  await page.getByLabel('Ja').check();
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  await page.getByLabel('I eget hem').check();
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  await page.getByLabel('Trygghetslarm i hemmet').check();
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();

  await page.getByLabel('Förnamn').fill('Sven');
  await page.getByLabel('Postnummer').fill('6963');
  await page.getByLabel('Telefonnummer').fill('ring mig');
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  const links = page.getByRole('alert').getByRole('link');
  await expect(links).toHaveText([
    'Skriv efternamnet',
    'Skriv gatuadressen',
    'Skriv postnumret med fem siffror, till exempel 696 30',
    'Skriv orten',
    'Skriv telefonnumret med siffror, till exempel 070-123 45 67',
  ]);
  await expect(page.getByLabel('Förnamn')).toHaveValue('Sven');
  await expect(page.getByLabel('Telefonnummer')).toHaveValue('ring mig');
  await expectAccessible(page);
  // The summary's links lead to the fields themselves.
  await links.nth(4).click();
  await expect(page.getByLabel('Telefonnummer')).toBeFocused();
});

test('the language switch works without JavaScript and keeps the page', async ({ page }) => {
  await page.goto('/e-tjanster/trygghetslarm');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/e-tjanster\/trygghetslarm$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Apply for a personal safety alarm' })).toBeVisible();
  await expectAccessible(page);
  // E-legitimation is required; the login page of the test provider is in Swedish.
  await page.getByRole('link', { name: 'Log in with e-identification' }).click();
  await page.getByLabel(GRETA).check();
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Choose whether you apply for yourself or for someone else');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Svenska', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page.getByRole('heading', { level: 1, name: 'Ansöker du för egen del eller för någon annans räkning?' })).toBeVisible();
});

test('when our database is down at sending, the citizen gets a clear page and keeps every answer', async ({ page }) => {
  // Answered on the portal, then sent to an instance whose database cannot be reached.
  await answer(page, '');
  const token = await page.locator('input[name="token"]').inputValue();
  const down = `http://localhost:${DOWN_PORT}`;
  const res = await page.request.post(`${down}/e-tjanster/kontakta-socialtjansten/kontrollera`, {
    headers: { Origin: down, 'Content-Type': 'application/x-www-form-urlencoded' },
    data: `token=${token}`,
    maxRedirects: 0,
  });
  expect(res.status()).toBe(503);
  expect(Number(res.headers()['retry-after'])).toBeGreaterThan(0);
  const body = await res.text();
  expect(body).toContain('Tjänsten är tillfälligt otillgänglig');
  expect(body).not.toMatch(/ECONNREFUSED|at \w+ \(|node_modules/);
  expect(res.headers()['set-cookie'] ?? '').not.toMatch(/st_j_/);
  // Every answer is still there, and sending again once the database answers works.
  await page.reload();
  await expect(page.getByText('Karin Provsson undrar över Sjövägen 3.')).toBeVisible();
  await page.getByRole('button', { name: /^Skicka/ }).click();
  await expect(page.locator('.reference')).toHaveText(/^\d{4}-\d{6}$/);
  await expectAccessible(page);
});

test('a page that does not exist answers 404 with a way back', async ({ page }) => {
  const res = await page.goto('/e-tjanster/finns-inte');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible();
  await expectAccessible(page);
});

test('the accessibility statement is linked from the footer', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' })).toBeVisible();
  await expectAccessible(page);
});

test('a post larger than the limit is refused with a clear page, and a cross-site post is refused outright', async ({ request, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const huge = await request.post('/e-tjanster/trygghetslarm/personnummer', {
    headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    data: `personnummer=${'1'.repeat(200_000)}`,
  });
  expect(huge.status()).toBe(413);
  const html = await huge.text();
  expect(html).toContain('Det du skickade var för stort');
  await expectValidHtml(html, `${origin}/for-stor`);

  // An e-tjänst open without logging in, so the post reaches the page.
  const broken = await request.post('/e-tjanster/kontakta-socialtjansten/amne', {
    headers: { Origin: origin, 'Content-Type': 'multipart/form-data; boundary=gräns' },
    data: 'inget multipart här',
  });
  expect(broken.status()).toBe(400);
  await expectValidHtml(await broken.text(), `${origin}/400`);

  const forged = await request.post('/e-tjanster/trygghetslarm/personnummer', {
    headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
    data: 'personnummer=194501103297',
  });
  expect(forged.status()).toBe(403);
});

test('sending answers with the same headers, cookie and confirmation whichever way it is taken; the same form twice is one submission', async ({ baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const journey = `${origin}/e-tjanster/synpunkter-och-klagomal`;
  const jar = new Jar();
  const step = async (url: string, form?: Record<string, string>, headers: Record<string, string> = {}) => {
    const res = await fetch(url, form
      ? { method: 'POST', redirect: 'manual', body: new URLSearchParams(form).toString(), headers: { origin, 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header(), ...headers } }
      : { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.apply(res);
    return res;
  };
  // Sent before the journey has reached check-answers: the page sends the citizen to where they are.
  const early = await step(`${journey}/kontrollera`, { token: 'a'.repeat(24) });
  expect(early.status).toBe(303);
  expect(early.headers.get('location')).toBe('/e-tjanster/synpunkter-och-klagomal/typ');
  for (const [p, form] of [['typ', { typ: 'synpunkt' }], ['verksamhet', { verksamhet: 'ifo' }], ['berattelse', { vadHande: 'Ingen ringde tillbaka.' }], ['var-och-nar', { var: 'Telefon' }], ['anonym', { anonym: 'ja' }]] as const) {
    expect((await step(`${journey}/${p}`, form)).status).toBe(303);
  }
  const check = await (await step(`${journey}/kontrollera`)).text();
  const token = /name="token" value="([^"]+)"/.exec(check)?.[1];
  expect(token).toBeTruthy();
  const before = new Map(jar.cookies);

  // From another site: refused outright, nothing sent.
  expect((await step(`${journey}/kontrollera`, { token: token! }, { origin: 'https://evil.example' })).status).toBe(403);

  const sent = await step(`${journey}/kontrollera`, { token: token! });
  expect(sent.status).toBe(303);
  expect(sent.headers.get('location')).toBe('/e-tjanster/synpunkter-och-klagomal/klart');
  const cookie = sent.headers.getSetCookie().find((c) => c.startsWith('st_j_synpunkter-och-klagomal.0='));
  expect(cookie).toMatch(/; Path=\/; HttpOnly; SameSite=Lax$/);
  expect(sent.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(sent.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  expect(sent.headers.get('x-content-type-options')).toBe('nosniff');
  expect(sent.headers.get('x-frame-options')).toBe('DENY');
  expect(sent.headers.get('referrer-policy')).toBe('same-origin');
  const done = await (await step(`${origin}${sent.headers.get('location')}`)).text();
  const reference = /class="reference">([^<]+)</.exec(done)?.[1];
  expect(reference).toMatch(/\S/);

  // The same form sent again with the journey as it was (a double click): the same submission.
  const again = new Jar();
  again.cookies = before;
  const resent = await fetch(`${journey}/kontrollera`, { method: 'POST', redirect: 'manual', body: `token=${token}`, headers: { origin, 'content-type': 'application/x-www-form-urlencoded', cookie: again.header() } });
  expect(resent.status).toBe(303);
  again.apply(resent);
  const doneAgain = await (await fetch(`${origin}${resent.headers.get('location')}`, { headers: { cookie: again.header() } })).text();
  expect(/class="reference">([^<]+)</.exec(doneAgain)?.[1]).toBe(reference);
});
