/**
 * Decisions that tell the truth. A förenklad avslag (trygghetslarm): Mina sidor and the
 * beslutsbrev say nothing about appeal but show how to apply the ordinary way. An ordinary
 * avslag (kontaktperson): a besvärshänvisning — to förvaltningsrätten via the nämnd, within three
 * weeks. An outcome of another kind of matter is refused with the form kept. A teacher's
 * orosanmälan: the förhandsbedömning "utredning inleds", then the återkoppling to her e-mail
 * address in the local SMTP receiver, saying that and nothing else. Without JavaScript,
 * with the keyboard; every page checked with axe and html-validate.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { OLD_ENOUGH, choose, pressButton, typeInto } from './helpers.ts';
import { GRETA, loginAsCitizen, receivedMails } from './citizen.ts';
import { applyForKontaktperson, letterOf, next, sendAndGetReference, staffDesk, submitWith } from './decision-journeys.ts';

test.use({ javaScriptEnabled: false });

async function applyForTrygghetslarm(page: Page): Promise<string> {
  await page.goto('/e-tjanster/trygghetslarm');
  await loginAsCitizen(page, GRETA);
  await choose(page, page.getByLabel('För egen del'));
  await next(page);
  await expect(page.getByText(OLD_ENOUGH)).toBeVisible();
  await next(page);
  await choose(page, page.getByLabel('Ja'));
  await next(page);
  await choose(page, page.getByLabel('I eget hem'));
  await next(page);
  await choose(page, page.getByLabel('Trygghetslarm i hemmet'));
  await next(page);
  await typeInto(page, page.getByLabel('Förnamn'), 'Greta');
  await typeInto(page, page.getByLabel('Efternamn'), 'Testberg');
  await typeInto(page, page.getByLabel('Gatuadress'), 'Storgatan 12');
  await typeInto(page, page.getByLabel('Postnummer'), '696 30');
  await typeInto(page, page.getByLabel('Ort'), 'Askersund');
  await typeInto(page, page.getByLabel('Telefonnummer'), '070-123 45 67');
  await next(page);
  const first = page.getByRole('group', { name: 'Kontaktperson 1' });
  await typeInto(page, first.getByLabel('Namn'), 'Anna Testberg');
  await typeInto(page, first.getByLabel('Vem är personen för dig?'), 'Dotter');
  await typeInto(page, first.getByLabel('Telefonnummer'), '070-765 43 21');
  const second = page.getByRole('group', { name: 'Kontaktperson 2' });
  await typeInto(page, second.getByLabel('Namn'), 'Bo Grannlund');
  await typeInto(page, second.getByLabel('Vem är personen för dig?'), 'Granne');
  await typeInto(page, second.getByLabel('Telefonnummer'), '0583-123 45');
  await next(page);
  await choose(page, page.getByLabel('Jag vill ha en nyckelgömma vid dörren'));
  await next(page);
  await choose(page, page.getByLabel('Betala full avgift'));
  await next(page);
  // The confirmation page no longer promises an appeal of a förenklad decision.
  const reference = await sendAndGetReference(page, 'Skicka ansökan', /Din ansökan är skickad/);
  await expect(page.getByText('Det beslutet går inte att överklaga, men du kan alltid ansöka på vanligt sätt i stället')).toBeVisible();
  return reference;
}

/** Takes the case and records an avslag with its reasoning (an ordinary ansökan also names its insats). */
async function decideAvslag(desk: Page, reference: string, reasoning: string, insats?: string): Promise<void> {
  await desk.goto(`/handlaggning/arenden/${reference}`);
  await pressButton(desk, desk.getByRole('button', { name: 'Tilldela mig' }));
  const decision = desk.getByRole('group', { name: 'Fatta beslut' });
  const outcomes = decision.getByRole('group', { name: 'Vad blir beslutet?' });
  // Outcomes of an ansökan only: no förhandsbedömning outcomes.
  await expect(outcomes.getByLabel('Utredning inleds', { exact: true })).toHaveCount(0);
  await expect(outcomes.getByLabel('Delvis beviljad')).toBeVisible();
  await choose(desk, outcomes.getByLabel('Avslag'));
  if (insats) await typeInto(desk, decision.getByLabel('Insats'), insats);
  await expect(decision.getByText('Den som ärendet gäller läser motiveringen i beslutsbrevet')).toBeVisible();
  await typeInto(desk, decision.getByLabel('Motivering'), reasoning);
  expect(await submitWith(desk, desk.getByRole('button', { name: 'Spara beslut' }))).toBe(200);
  await expect(desk.getByRole('status')).toHaveText('Beslutet är sparat.');
  await expect(desk.getByRole('link', { name: 'Beslutsbrev (PDF), som den sökande får det' })).toHaveAttribute('href', `/handlaggning/arenden/${reference}/beslut.pdf`);
  await expectAccessible(desk);
}

test.describe('decisions and what the person can do about them', () => {
  test('a förenklad avslag: no word of appeal on Mina sidor or in the beslutsbrev, but the ordinary way', async ({ page, browser }) => {
    test.setTimeout(240_000);
    const reference = await applyForTrygghetslarm(page);

    const desk = await staffDesk(browser);
    await desk.goto(`/handlaggning/arenden/${reference}`);
    await expectAccessible(desk);
    await decideAvslag(desk, reference, 'Du bor i ett särskilt boende där det redan finns ett larm.');
    await desk.context().close();

    await page.goto(`/mina-sidor/arenden/${reference}`);
    const main = page.getByRole('main');
    await expect(main.getByText('Avslag', { exact: true })).toBeVisible();
    await expect(main.getByText('Beslutet är fattat med förenklad biståndsbedömning')).toBeVisible();
    await expect(main.getByRole('link', { name: 'Ansök om bistånd på vanligt sätt' })).toBeVisible();
    const mainText = (await main.innerText()).toLowerCase();
    expect(mainText).not.toContain('överklag');
    expect(mainText).not.toContain('förvaltningsrätt');
    await expectAccessible(page);

    const letter = await letterOf(page, reference);
    expect(letter).toContain(reference);
    expect(letter).toContain('Avslag');
    expect(letter).toContain('Du bor i ett särskilt boende');
    expect(letter).toContain('Demo Handläggare');
    expect(letter).toContain('ansöka om bistånd på vanligt sätt');
    expect(letter.toLowerCase()).not.toContain('överklag');
  });

  test('an ordinary avslag carries a besvärshänvisning', async ({ page, browser }) => {
    test.setTimeout(240_000);
    const reference = await applyForKontaktperson(page);

    const desk = await staffDesk(browser);
    await desk.goto(`/handlaggning/arenden/${reference}`);
    await pressButton(desk, desk.getByRole('button', { name: 'Tilldela mig' }));
    // An outcome of another kind (hänvisad belongs to förenklad e-tjänster only), posted anyway:
    // 422 with its error next to the field and in the summary, what was typed kept.
    const form = desk.locator('form').filter({ has: desk.getByRole('button', { name: 'Spara beslut' }) });
    const lockVersion = await form.locator('input[name="lockVersion"]').inputValue();
    const origin = new URL(desk.url()).origin;
    const refused = await desk.request.post(`/handlaggning/arenden/${reference}`, {
      headers: { Origin: origin },
      form: { action: 'decide', lockVersion, outcome: 'hanvisad', insats: 'Kontaktperson', reasoning: 'Behovet kan tillgodoses på annat sätt.' },
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(422);
    const html = await refused.text();
    expect(html).toContain('Välj vad beslutet blir');
    expect(html).toContain('Behovet kan tillgodoses på annat sätt.');

    await desk.goto(`/handlaggning/arenden/${reference}`);
    const decision = desk.getByRole('group', { name: 'Fatta beslut' });
    await choose(desk, decision.getByRole('group', { name: 'Vad blir beslutet?' }).getByLabel('Avslag'));
    await typeInto(desk, decision.getByLabel('Insats'), 'Kontaktperson');
    await typeInto(desk, decision.getByLabel('Motivering'), 'Behovet kan tillgodoses på annat sätt.');
    expect(await submitWith(desk, desk.getByRole('button', { name: 'Spara beslut' }))).toBe(200);
    await expect(desk.getByRole('status')).toHaveText('Beslutet är sparat.');
    await desk.context().close();

    await page.goto(`/mina-sidor/arenden/${reference}`);
    const main = page.getByRole('main');
    await expect(main.getByText('Om du inte är nöjd med beslutet kan du överklaga det till förvaltningsrätten.')).toBeVisible();
    await expect(main.getByText('inom tre veckor från den dag du fick del av beslutet')).toBeVisible();
    await expect(main.getByRole('link', { name: 'Ansök om bistånd på vanligt sätt' })).toHaveCount(0);
    await expectAccessible(page);

    const letter = await letterOf(page, reference);
    expect(letter).toContain('Hur du överklagar');
    expect(letter).toContain('förvaltningsrätten');
    expect(letter).toContain('socialnämnden');
    expect(letter).toContain('inom tre veckor');
    expect(letter).toContain('Behovet kan tillgodoses på annat sätt.');
  });

  test('a teacher’s orosanmälan: förhandsbedömning “utredning inleds”, and her återkoppling says that and nothing else', async ({ page, browser }) => {
    test.setTimeout(240_000);
    const email = 'lena.larare@skolan.example';
    await page.goto('/e-tjanster/orosanmalan-barn');
    await pressButton(page, page.getByRole('button', { name: /^Börja/ }));
    await choose(page, page.getByLabel('Jag gör anmälan i mitt arbete'));
    await next(page);
    await choose(page, page.getByLabel('Skola eller fritidshem'));
    await typeInto(page, page.getByLabel('Ditt yrke eller din befattning'), 'Lärare');
    await typeInto(page, page.getByLabel('Din arbetsplats'), 'Askersunds skola');
    await next(page);
    await typeInto(page, page.getByLabel('Förnamn'), 'Lena');
    await typeInto(page, page.getByLabel('Efternamn'), 'Lärare');
    await typeInto(page, page.getByLabel('Telefonnummer'), '070-111 22 33');
    await typeInto(page, page.getByLabel('E-postadress (frivilligt)'), email);
    await next(page);
    await choose(page, page.getByLabel('Nej', { exact: true }));
    await next(page);
    await choose(page, page.getByLabel('Barnet är ofta borta från skolan'));
    await next(page);
    await typeInto(page, page.getByLabel('Berätta vad du har sett eller hört'), 'Barnet kommer ofta hungrigt till skolan och har varit borta många dagar.');
    await next(page);
    await typeInto(page, page.getByLabel('Barnets förnamn (frivilligt)'), 'Tolvan');
    await next(page);
    await choose(page, page.getByLabel('Jag vet inte'));
    await next(page);
    const reference = await sendAndGetReference(page, 'Skicka anmälan', /Anmälan är skickad/);
    // The confirmation page says that the återkoppling will come.
    await expect(page.getByText('Gör du anmälan i ditt arbete får du veta om vi inleder en utredning')).toBeVisible();
    await expectAccessible(page);

    const desk = await staffDesk(browser);
    await desk.goto(`/handlaggning/arenden/${reference}`);
    // The deadline is the förhandsbedömning's, fourteen days from arrival, and says so.
    const received = new Date(await desk.locator('dt', { hasText: /^Inkom$/ }).locator('xpath=following-sibling::dd[1]//time').getAttribute('datetime') ?? '');
    const due = new Date(await desk.locator('dt', { hasText: /^Förhandsbedömning senast$/ }).locator('xpath=following-sibling::dd[1]//time').getAttribute('datetime') ?? '');
    expect(Math.round((due.getTime() - received.getTime()) / 86_400_000)).toBe(14);
    await pressButton(desk, desk.getByRole('button', { name: 'Tilldela mig' }));
    const decision = desk.getByRole('group', { name: 'Förhandsbedömning' });
    const outcomes = decision.getByRole('group', { name: 'Vad blir beslutet?' });
    await expect(outcomes.getByLabel('Avslag')).toHaveCount(0);
    await expect(decision.getByLabel('Insats')).toHaveCount(0);
    await choose(desk, outcomes.getByLabel('Utredning inleds', { exact: true }));
    await choose(desk, decision.getByRole('group', { name: 'Gjordes en skyddsbedömning samma dag som anmälan kom in?' }).getByLabel('Nej'));
    await typeInto(desk, decision.getByLabel('Motivering'), 'Upprepad frånvaro och uppgifter om att barnet är hungrigt.');
    expect(await submitWith(desk, desk.getByRole('button', { name: 'Spara beslut' }))).toBe(200);
    await expect(desk.getByRole('status')).toHaveText('Beslutet är sparat.');
    // No beslutsbrev for a förhandsbedömning: the reporter is not told it.
    await expect(desk.getByRole('link', { name: /Beslutsbrev/ })).toHaveCount(0);
    const aterkoppling = desk.getByRole('region', { name: 'Återkoppling till anmälaren' });
    await expect(aterkoppling).toContainText('E-postmeddelandet säger bara det');
    await expectAccessible(desk);

    expect(await submitWith(desk, aterkoppling.getByRole('button', { name: 'Skicka återkoppling till anmälaren' }))).toBe(200);
    await expect(desk.getByRole('status')).toHaveText('Återkopplingen är skickad till anmälaren.');
    await expect(desk.getByRole('region', { name: 'Återkoppling till anmälaren' })).toContainText('Återkoppling skickad av Demo Handläggare');
    await expect(desk.getByRole('list', { name: 'Händelser' })).toContainText('Demo Handläggare skickade återkoppling till anmälaren: Utredning inleds');
    await expect(desk.getByRole('button', { name: 'Skicka återkoppling till anmälaren' })).toHaveCount(0);
    await expectAccessible(desk);

    // The mail in the local SMTP receiver: whether an investigation was started, nothing else.
    await expect.poll(() => receivedMails().filter((m) => m.to.includes(email)).length, { timeout: 60_000 }).toBe(1);
    const mail = receivedMails().find((m) => m.to.includes(email))!;
    const body = mail.text.split(/\r?\n\r?\n/).slice(1).join('\n\n');
    expect(body).toContain('Vi har bedömt anmälan och inleder en utredning.');
    for (const secret of [reference, 'Tolvan', 'hungrig', 'frånvaro', 'Lärare', 'Askersunds skola', 'Demo Handläggare', 'http']) {
      expect(body, `the återkoppling holds nothing of the case (${secret})`).not.toContain(secret);
    }
  });
});
