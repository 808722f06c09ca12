/**
 * Citizens in e2e: logging in with the local test e-legitimation (the demo OIDC provider that the
 * portal's demo mode starts), with the keyboard as in ./helpers.ts, or over HTTP for request-level
 * specs; and the e-mails the local SMTP receiver kept in the e2e data directory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { choose, pressButton } from './helpers.ts';

/** Test persons of the local provider (Skatteverket test personnummer). */
export const GRETA = '19450110-3297';
export const TOLVAN = '19400104-2383';
export const ANNA = '19850101-2382';
export const SVEN = '19900101-2385';

/**
 * Logs in as the test person: presses "Logga in med e-legitimation" where the page has it (an
 * e-tjänst's start page), else opens the login page; picks the person at the provider and comes
 * back to the portal, where the header then names the person.
 */
export async function loginAsCitizen(page: Page, personnummer: string): Promise<void> {
  const button = page.getByRole('link', { name: 'Logga in med e-legitimation' });
  if (!(await button.count())) {
    await page.goto('/logga-in');
  }
  await pressButton(page, page.getByRole('link', { name: 'Logga in med e-legitimation' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in med test-e-legitimation' })).toBeVisible();
  await choose(page, page.getByLabel(personnummer, { exact: false }));
  await pressButton(page, page.getByRole('button', { name: 'Logga in', exact: true }));
  await expect(page.getByText(/^Inloggad som /)).toBeVisible();
}

export async function logoutCitizen(page: Page): Promise<void> {
  await pressButton(page, page.getByRole('button', { name: 'Logga ut' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Du är utloggad' })).toBeVisible();
}

const locationOf = (res: { headers(): Record<string, string> }) => res.headers()['location'] ?? '';

/** The same login over HTTP, for a request context whose base URL is the portal. */
export async function loginOverHttp(ctx: APIRequestContext, base: string, personnummer: string, back = '/'): Promise<void> {
  let res = await ctx.get(`/logga-in/start?tillbaka=${encodeURIComponent(back)}`, { maxRedirects: 0 });
  let url = new URL(locationOf(res), base).toString();
  for (let hop = 0; hop < 12; hop++) {
    if (url.startsWith(base)) {
      res = await ctx.get(url, { maxRedirects: 0 });
      expect(res.status(), 'the portal accepts the login').toBe(303);
      return;
    }
    res = await ctx.get(url, { maxRedirects: 0 });
    if (res.status() === 200) {
      res = await ctx.post(url, { data: `action=login&personnummer=${personnummer.replace('-', '')}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, maxRedirects: 0 });
    }
    url = new URL(locationOf(res), url).toString();
  }
  throw new Error('login over HTTP did not come back to the portal');
}

/** The mails the local SMTP receiver has kept, decoded (headers and quoted-printable text). */
export function receivedMails(): { file: string; to: string; raw: string; text: string }[] {
  const dir = path.join(process.env.E2E_DATA_DIR ?? '', 'mail');
  let files: string[] = [];
  try {
    files = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return files.map((file) => {
    const raw = readFileSync(path.join(dir, file), 'utf8');
    const to = /^To: (.*)$/m.exec(raw)?.[1]?.trim() ?? '';
    const qp = raw.replace(/=\r?\n/g, '');
    const text = Buffer.from(qp.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
    return { file, to, raw, text };
  });
}

/**
 * On "Om dig som ansöker" when logged in and applying for someone else: the submitter's names are
 * the e-legitimation's, shown and not typed (there is no field for them).
 */
export async function expectSubmitterFromEid(page: Page, given: string, family: string): Promise<void> {
  await expect(page.getByText('Hämtat från din e-legitimation').first()).toBeVisible();
  await expect(page.getByText(given, { exact: true })).toBeVisible();
  await expect(page.getByText(family, { exact: true })).toBeVisible();
  await expect(page.getByLabel('Ditt förnamn')).toHaveCount(0);
  await expect(page.getByLabel('Ditt efternamn')).toHaveCount(0);
}
