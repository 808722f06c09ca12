/**
 * Decision texts in the municipality's own wording. A handläggare makes an ordinary avslag
 * (kontaktperson) under the portal's besvärshänvisning; an administrator then writes the
 * municipality's wording of it in Swedish (first dropping a placeholder: 422, the error beside the
 * field and in the summary, the text kept); the next ordinary avslag — whose decision form
 * previews the new wording — shows it on Mina sidor and in the beslutsbrev, while the earlier
 * decision keeps the old one in both. The admin page is axe-clean in Swedish and English. A nurse's
 * orosanmälan om vuxen, logged in: after the förhandsbedömning no återkoppling is offered (the duty
 * concerns reports about children), and her Mina sidor says the outcome is not told, not "Inget
 * beslut ännu".
 * Without JavaScript, with the keyboard. The default is put back at the end, so that the specs
 * after this one read the portal's own texts.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { choose, pressButton, tabTo, typeInto } from './helpers.ts';
import { DEMO_ADMIN, loginAsStaff } from './staff.ts';
import { ANNA, loginAsCitizen } from './citizen.ts';
import { applyForKontaktperson, letterOf, next, sendAndGetReference, staffDesk, submitWith } from './decision-journeys.ts';
import { LANGUAGES } from '../src/i18n/index.ts';

test.use({ javaScriptEnabled: false });

const LIST = '/handlaggning/admin/beslutstexter';
const OWN_FIRST = 'Skicka ditt överklagande till Nämnden för social omsorg, Askersunds kommun.';
const OWN = `${OWN_FIRST} Adressen är {{address}}.\n\nDet måste ha kommit in inom tre veckor från den dag du fick beslutet.\n\nRing {{phone}} om du vill ha hjälp.`;
const DEFAULT_FIRST = 'Om du inte är nöjd med beslutet kan du överklaga det till förvaltningsrätten.';

async function adminDesk(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'sv-SE', javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto('/handlaggning');
  await loginAsStaff(page, DEMO_ADMIN);
  return page;
}

/** Takes the case and records an ordinary avslag; returns what the form previewed about appeal. */
async function decideAvslag(desk: Page, reference: string): Promise<string> {
  await desk.goto(`/handlaggning/arenden/${reference}`);
  await pressButton(desk, desk.getByRole('button', { name: 'Tilldela mig' }));
  const decision = desk.getByRole('group', { name: 'Fatta beslut' });
  const preview = (await decision.locator('#remedy-preview').innerText()).replace(/\s+/g, ' ');
  expect(preview).toContain('Det här får personen veta om beslutet kan överklagas:');
  await choose(desk, decision.getByRole('group', { name: 'Vad blir beslutet?' }).getByLabel('Avslag'));
  await typeInto(desk, decision.getByLabel('Insats'), 'Kontaktperson');
  await typeInto(desk, decision.getByLabel('Motivering'), 'Behovet kan tillgodoses på annat sätt.');
  expect(await submitWith(desk, desk.getByRole('button', { name: 'Spara beslut' }))).toBe(200);
  await expect(desk.getByRole('status')).toHaveText('Beslutet är sparat.');
  return preview;
}

/** The "Ändra" link of the besvärshänvisning in Swedish, reached with the keyboard. */
async function openAppealInSwedish(admin: Page): Promise<void> {
  await admin.goto(LIST);
  const link = admin.getByRole('link', { name: 'Ändra Besvärshänvisning: hur man överklagar, till vem och inom vilken tid på Svenska' });
  await tabTo(admin, link, 200);
  await admin.keyboard.press('Enter');
  await expect(admin.getByRole('heading', { level: 1, name: /Besvärshänvisning.*\(Svenska\)/ })).toBeVisible();
}

test.describe('decision texts the municipality owns', () => {
  test('a new wording of the besvärshänvisning reaches decisions made after it, and no earlier one', async ({ page, browser }) => {
    test.setTimeout(300_000);
    const admin = await adminDesk(browser);
    try {
      // Before: an ordinary avslag under the portal's default.
      const before = await applyForKontaktperson(page);
      const desk = await staffDesk(browser);
      expect(await decideAvslag(desk, before)).toContain(DEFAULT_FIRST);

      // The list: every kind, each text in seven languages, Swedish first, all defaults so far.
      await admin.goto(LIST);
      await expect(admin.getByRole('heading', { level: 1, name: 'Beslutstexter' })).toBeVisible();
      for (const kind of ['Ansökan med förenklad biståndsbedömning', 'Ansökan', 'Anmälan (förhandsbedömning)', 'Fråga', 'Synpunkt eller klagomål']) {
        await expect(admin.getByRole('heading', { level: 2, name: kind, exact: true })).toBeVisible();
      }
      const appealTable = admin.getByRole('table', { name: 'Ansökan: Besvärshänvisning: hur man överklagar, till vem och inom vilken tid – på varje språk' });
      const rows = appealTable.locator('tbody tr');
      await expect(rows).toHaveCount(LANGUAGES.length);
      await expect(rows.locator('th')).toHaveText(['Svenska', 'English', 'Lättläst svenska', 'Suomi', 'العربية', 'فارسی', 'Українська', 'Soomaali']);
      await expect(rows.first()).toContainText(DEFAULT_FIRST);
      await expect(rows.first()).toContainText('Portalens standardtext');
      await expectAccessible(admin);

      // A wording without the address placeholder: refused beside the field and in the summary, kept.
      await openAppealInSwedish(admin);
      await expectAccessible(admin);
      const field = admin.getByLabel('Kommunens formulering på Svenska');
      const broken = 'Skicka ditt överklagande till nämnden. Ring {{phone}}.';
      await field.fill('');
      await typeInto(admin, field, broken);
      expect(await submitWith(admin, admin.getByRole('button', { name: 'Spara formuleringen' }))).toBe(422);
      const error = 'Texten måste innehålla {{address}}, precis som standardtexten';
      await expect(admin.locator('.error-summary')).toContainText(error);
      await expect(admin.locator('.field.has-error .error-message')).toContainText(error);
      await expect(admin.getByLabel('Kommunens formulering på Svenska')).toHaveValue(broken);
      await expectAccessible(admin);

      // The municipality's wording, saved: the list marks it as the municipality's own.
      await admin.getByLabel('Kommunens formulering på Svenska').fill('');
      await typeInto(admin, admin.getByLabel('Kommunens formulering på Svenska'), OWN);
      expect(await submitWith(admin, admin.getByRole('button', { name: 'Spara formuleringen' }))).toBe(200);
      await expect(admin.getByRole('status')).toHaveText('Formuleringen är sparad. Den gäller beslut som fattas från och med nu.');
      const ownRow = admin.getByRole('table', { name: 'Ansökan: Besvärshänvisning: hur man överklagar, till vem och inom vilken tid – på varje språk' }).locator('tbody tr').first();
      await expect(ownRow).toContainText(OWN_FIRST);
      await expect(ownRow).toContainText('Kommunens formulering');
      // English keeps the portal's default.
      await expect(admin.getByRole('table', { name: 'Ansökan: Besvärshänvisning: hur man överklagar, till vem och inom vilken tid – på varje språk' }).locator('tbody tr').nth(1)).toContainText('Portalens standardtext');

      // After: the next ordinary avslag previews and carries the new wording.
      const citizen2 = await browser.newContext({ locale: 'sv-SE', javaScriptEnabled: false });
      const page2 = await citizen2.newPage();
      const after = await applyForKontaktperson(page2);
      expect(await decideAvslag(desk, after)).toContain(OWN_FIRST);
      await desk.context().close();

      await page2.goto(`/mina-sidor/arenden/${after}`);
      await expect(page2.getByRole('main').getByText(OWN_FIRST)).toBeVisible();
      await expect(page2.getByRole('main').getByText(DEFAULT_FIRST)).toHaveCount(0);
      await expectAccessible(page2);
      const newLetter = await letterOf(page2, after);
      expect(newLetter).toContain('Nämnden för social omsorg, Askersunds kommun');
      expect(newLetter).not.toContain('förvaltningsrätten');

      // The earlier decision keeps the words it was made with, on Mina sidor and in its letter.
      await page2.goto(`/mina-sidor/arenden/${before}`);
      await expect(page2.getByRole('main').getByText(DEFAULT_FIRST)).toBeVisible();
      await expect(page2.getByRole('main').getByText(OWN_FIRST)).toHaveCount(0);
      const oldLetter = await letterOf(page2, before);
      expect(oldLetter).toContain('förvaltningsrätten');
      expect(oldLetter).not.toContain('Nämnden för social omsorg');
      await citizen2.close();
    } finally {
      // Back to the default, with the keyboard: the list says so, and later specs read the portal's texts.
      await openAppealInSwedish(admin);
      const reset = admin.getByRole('button', { name: 'Återställ standardtexten' });
      if (await reset.count()) {
        expect(await submitWith(admin, reset)).toBe(200);
        await expect(admin.getByRole('status')).toHaveText('Standardtexten gäller igen för beslut som fattas från och med nu.');
      }
      await admin.context().close();
    }
  });

  test('the admin page reads in English too, axe-clean', async ({ browser }) => {
    test.setTimeout(180_000);
    const admin = await adminDesk(browser);
    // The language switch's own link: sets the language and comes back to the page.
    await admin.goto(`/sprak/en?tillbaka=${encodeURIComponent(LIST)}`);
    await expect(admin.getByRole('heading', { level: 1, name: 'Decision texts' })).toBeVisible();
    await expect(admin.getByRole('heading', { level: 2, name: 'Application', exact: true })).toBeVisible();
    await expectAccessible(admin);
    await admin.goto(`${LIST}/andra?text=remedy.appeal&sprak=en`);
    await expect(admin.getByLabel("The municipality's wording in English")).toBeVisible();
    await expectAccessible(admin);
    await admin.context().close();
  });

  test('a professional’s report about an adult: no återkoppling, and Mina sidor says the outcome is not told', async ({ page, browser }) => {
    test.setTimeout(240_000);
    await page.goto('/logga-in');
    await loginAsCitizen(page, ANNA);
    await page.goto('/e-tjanster/orosanmalan-vuxen');
    await pressButton(page, page.getByRole('button', { name: /^Börja/ }));
    await choose(page, page.getByLabel('Jag gör anmälan i mitt arbete'));
    await next(page);
    await choose(page, page.getByLabel('Hälso- och sjukvård'));
    await typeInto(page, page.getByLabel('Ditt yrke eller din befattning'), 'Sjuksköterska');
    await typeInto(page, page.getByLabel('Din arbetsplats'), 'Vårdcentralen i Askersund');
    await next(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Om dig' })).toBeVisible();
    for (const [label, value] of [['Förnamn', 'Anna'], ['Efternamn', 'Testsson'], ['Telefonnummer', '070-111 22 33'], ['E-postadress (frivilligt)', 'anna.sjukskoterska@vard.example']] as const) {
      await typeInto(page, page.getByLabel(label, { exact: true }), value);
    }
    await next(page);
    await choose(page, page.getByLabel('Nej', { exact: true }));
    await next(page);
    await choose(page, page.getByLabel('Personen mår psykiskt dåligt'));
    await next(page);
    await typeInto(page, page.getByLabel('Berätta vad du har sett eller hört'), 'Patienten har inte kommit på sina besök och verkar inte äta.');
    await next(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Om personen' })).toBeVisible();
    await next(page);
    await choose(page, page.getByRole('group', { name: 'Vet personen att du gör en anmälan?' }).getByLabel('Nej'));
    await choose(page, page.getByRole('group', { name: 'Bor det barn under 18 år hos personen?' }).getByLabel('Nej'));
    await next(page);
    const reference = await sendAndGetReference(page, 'Skicka anmälan', /Anmälan är skickad/);
    // No promise of återkoppling on a report about an adult.
    expect(await page.getByRole('main').innerText()).not.toContain('får du veta om');

    const desk = await staffDesk(browser);
    await desk.goto(`/handlaggning/arenden/${reference}`);
    await pressButton(desk, desk.getByRole('button', { name: 'Tilldela mig' }));
    const decision = desk.getByRole('group', { name: 'Förhandsbedömning' });
    await choose(desk, decision.getByRole('group', { name: 'Vad blir beslutet?' }).getByLabel('Utredning inleds', { exact: true }));
    await choose(desk, decision.getByRole('group', { name: 'Gjordes en skyddsbedömning samma dag som anmälan kom in?' }).getByLabel('Nej'));
    await typeInto(desk, decision.getByLabel('Motivering'), 'Personen behöver stöd; vi tar kontakt.');
    expect(await submitWith(desk, desk.getByRole('button', { name: 'Spara beslut' }))).toBe(200);
    await expect(desk.getByRole('status')).toHaveText('Beslutet är sparat.');
    await expect(desk.getByRole('region', { name: 'Återkoppling till anmälaren' })).toHaveCount(0);
    await expect(desk.getByRole('button', { name: 'Skicka återkoppling till anmälaren' })).toHaveCount(0);
    await desk.context().close();

    await page.goto('/mina-sidor');
    const row = page.getByRole('row').filter({ hasText: reference });
    await expect(row).toContainText('Socialtjänsten berättar inte vad som händer efter en anmälan');
    await expect(row).not.toContainText('Inget beslut ännu');
    await expect(row).not.toContainText('Utredning inleds');
    await expectAccessible(page);
    await page.goto(`/mina-sidor/arenden/${reference}`);
    const main = page.getByRole('main');
    await expect(main.getByText('Socialtjänsten har sekretess och kan oftast inte berätta hur en anmälan hanteras.', { exact: true })).toBeVisible();
    expect(await main.innerText()).not.toContain('Utredning inleds');
    await expectAccessible(page);
  });
});
