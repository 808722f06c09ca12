/**
 * An 80-year-old applies for a trygghetslarm with the keyboard alone and without JavaScript;
 * a handläggare then finds the application in the inbox and opens it. Every page passes axe.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { OLD_ENOUGH, choose, pressButton, typeInto } from './helpers.ts';
import { loginAsStaff } from './staff.ts';
import { GRETA, loginAsCitizen } from './citizen.ts';

test.describe('applying for a trygghetslarm', () => {
  test.use({ javaScriptEnabled: false });

  test('an invånare completes the application with the keyboard only and gets a reference number', async ({ page, browser }) => {
    test.setTimeout(180_000);
    await page.goto('/');
    await expectAccessible(page);
    await pressButton(page, page.getByRole('link', { name: 'Ansök om trygghetslarm' }));

    await expect(page.getByRole('heading', { level: 1, name: 'Ansök om trygghetslarm' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Du kan påverka hur hjälpen ges' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Så följer vi upp hjälpen' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Ansök om bistånd på vanligt sätt' }).first()).toBeVisible();
    await expect(page.getByText('250 kronor i månaden')).toBeVisible();
    await expectAccessible(page);
    // E-legitimation is required: the start button logs in first and comes back to the first question.
    await loginAsCitizen(page, GRETA);

    await expect(page.getByRole('heading', { level: 1, name: 'Ansöker du för egen del eller för någon annans räkning?' })).toBeVisible();
    await expectAccessible(page);
    await choose(page, page.getByLabel('För egen del'));
    await pressButton(page, page.getByRole('button', { name: 'Fortsätt', exact: true }));

    await expect(page.getByRole('heading', { level: 1, name: 'Vad är ditt personnummer?' })).toBeVisible();
    await expectAccessible(page);
    // Applying for oneself while logged in: the personnummer is the e-legitimation's, not typed.
    await expect(page.getByText(OLD_ENOUGH)).toBeVisible();
    await pressButton(page, page.getByRole('button', { name: 'Fortsätt', exact: true }));

    await expect(page.getByRole('heading', { level: 1, name: 'Är du folkbokförd i Askersunds kommun?' })).toBeVisible();
    await expectAccessible(page);
    await choose(page, page.getByLabel('Ja'));
    await pressButton(page, page.getByRole('button', { name: 'Fortsätt', exact: true }));

    await expect(page.getByRole('heading', { level: 1, name: 'Hur bor du?' })).toBeVisible();
    await expectAccessible(page);
    await choose(page, page.getByLabel('I eget hem'));
    await pressButton(page, page.getByRole('button', { name: 'Fortsätt', exact: true }));

    await expect(page.getByRole('heading', { level: 1, name: 'Vilket trygghetslarm vill du ha?' })).toBeVisible();
    await expectAccessible(page);
    await choose(page, page.getByLabel('Mobilt trygghetslarm med GPS'));
    await pressButton(page, page.getByRole('button', { name: 'Fortsätt', exact: true }));

    await expect(page.getByRole('heading', { level: 1, name: 'Dina uppgifter' })).toBeVisible();
    await expectAccessible(page);
    await typeInto(page, page.getByLabel('Förnamn'), 'Greta');
    await typeInto(page, page.getByLabel('Efternamn'), 'Testberg');
    await typeInto(page, page.getByLabel('Gatuadress'), 'Storgatan 12');
    await typeInto(page, page.getByLabel('Postnummer'), '696 30');
    await typeInto(page, page.getByLabel('Ort'), 'Askersund');
    await typeInto(page, page.getByLabel('Telefonnummer'), '070-123 45 67');
    await pressButton(page, page.getByRole('button', { name: 'Fortsätt', exact: true }));

    await expect(page.getByRole('heading', { level: 1, name: 'Vilka ska vi ringa när larmet går?' })).toBeVisible();
    await expectAccessible(page);
    const first = page.getByRole('group', { name: 'Kontaktperson 1' });
    const second = page.getByRole('group', { name: 'Kontaktperson 2' });
    await typeInto(page, first.getByLabel('Namn'), 'Anna Testberg');
    await typeInto(page, first.getByLabel('Vem är personen för dig?'), 'Dotter');
    await typeInto(page, first.getByLabel('Telefonnummer'), '070-765 43 21');
    await typeInto(page, second.getByLabel('Namn'), 'Bo Grannlund');
    await typeInto(page, second.getByLabel('Vem är personen för dig?'), 'Granne');
    await typeInto(page, second.getByLabel('Telefonnummer'), '0583-123 45');
    await pressButton(page, page.getByRole('button', { name: 'Fortsätt', exact: true }));

    await expect(page.getByRole('heading', { level: 1, name: 'Hur kommer personalen in till dig?' })).toBeVisible();
    await expectAccessible(page);
    await choose(page, page.getByLabel('Jag vill ha en nyckelgömma vid dörren'));
    await pressButton(page, page.getByRole('button', { name: 'Fortsätt', exact: true }));

    await expect(page.getByRole('heading', { level: 1, name: 'Avgift' })).toBeVisible();
    await expect(page.getByText('2 576 kronor i månaden').first()).toBeVisible();
    await expectAccessible(page);
    await choose(page, page.getByLabel('Betala full avgift'));
    await pressButton(page, page.getByRole('button', { name: 'Fortsätt', exact: true }));

    await expect(page.getByRole('heading', { level: 1, name: 'Kontrollera dina svar innan du skickar ansökan' })).toBeVisible();
    await expectAccessible(page);
    await expect(page.getByText('19450110-3297')).toBeVisible();
    await expect(page.getByText('Mobilt trygghetslarm med GPS')).toBeVisible();
    await expect(page.getByText('Bo Grannlund')).toBeVisible();

    // Change an answer from check-answers: back to the question, then straight back to check-answers.
    await pressButton(page, page.getByRole('link', { name: 'Ändra vilket trygghetslarm vill du ha?' }));
    await expect(page.getByRole('heading', { level: 1, name: 'Vilket trygghetslarm vill du ha?' })).toBeVisible();
    await expect(page.getByLabel('Mobilt trygghetslarm med GPS')).toBeChecked();
    await choose(page, page.getByLabel('Trygghetslarm i hemmet'));
    await pressButton(page, page.getByRole('button', { name: 'Fortsätt', exact: true }));
    await expect(page.getByRole('heading', { level: 1, name: 'Kontrollera dina svar innan du skickar ansökan' })).toBeVisible();
    await expect(page.getByText('Trygghetslarm i hemmet')).toBeVisible();

    await pressButton(page, page.getByRole('button', { name: 'Skicka ansökan' }));
    await expect(page.getByRole('heading', { level: 1, name: 'Din ansökan är skickad' })).toBeVisible();
    const reference = (await page.locator('.reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^\d{4}-\d{6}$/);
    await expect(page.getByRole('heading', { name: 'Vad händer nu?' })).toBeVisible();
    await expectAccessible(page);

    // Going back to check-answers after submitting starts a new application, never a second copy.
    await page.goto('/e-tjanster/trygghetslarm/kontrollera');
    await expect(page).toHaveURL(/\/e-tjanster\/trygghetslarm\/vem-ansoker$/);

    // The handläggare finds it in the inbox and opens it.
    const staff = await browser.newContext({ locale: 'sv-SE' });
    const desk = await staff.newPage();
    await desk.goto('/handlaggning');
    await expect(desk).toHaveURL(/\/handlaggning\/logga-in/);
    // Password, then the code from the authenticator app; both pages checked.
    await loginAsStaff(desk, { check: expectAccessible });
    await expect(desk).toHaveURL(/\/handlaggning$/);
    await expectAccessible(desk);
    const row = desk.getByRole('row').filter({ hasText: reference });
    await expect(row).toContainText('Greta Testberg');
    await pressButton(desk, row.getByRole('link', { name: reference }));
    await expect(desk.getByRole('heading', { level: 1 })).toContainText(reference);
    await expect(desk.getByText('19450110-3297').first()).toBeVisible();
    await expect(desk.getByText('Trygghetslarm i hemmet')).toBeVisible();
    await expect(desk.getByText('Anna Testberg')).toBeVisible();
    await expectAccessible(desk);
    await staff.close();
  });
});
