/**
 * Staff login for e2e: password, then the TOTP code, computed here from the account's secret as an
 * authenticator app would (RFC 6238). In the browser with the keyboard alone (loginAsStaff), or
 * over plain HTTP for tests that use Playwright's request fixture (httpLogin, httpEnrol).
 *
 * The server accepts each time step once per account (replay protection) and one step either side
 * of the current one. Codes given out here are remembered per secret (in a file in the e2e data
 * directory, so a restarted worker remembers too), and two logins within one 30-second step use
 * the next step's code, or wait for a fresh step.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import { generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { typeInto } from './helpers.ts';
import { STAFF_PASSWORD, STAFF_TOTP_SECRET } from '../playwright.config.ts';

export const DEMO_STAFF = { username: 'handlaggare', password: STAFF_PASSWORD, totpSecret: STAFF_TOTP_SECRET };
/** The demo's two administrators (an administrator never holds a case role; a second one approves: docs/adr/0008). */
export const DEMO_ADMIN = { username: 'admin', password: STAFF_PASSWORD, totpSecret: STAFF_TOTP_SECRET };
export const DEMO_ADMIN2 = { username: 'admin2', password: STAFF_PASSWORD, totpSecret: STAFF_TOTP_SECRET };

export type StaffLogin = { username: string; password: string; totpSecret: string };

const PERIOD_MS = 30_000;

/** The last time step handed out per secret, shared by every worker of this e2e run. */
const stepsFile = process.env.E2E_DATA_DIR ? path.join(process.env.E2E_DATA_DIR, 'totp-steps.json') : undefined;
const memory = new Map<string, number>();
const lastStep = {
  get(secret: string): number | undefined {
    if (stepsFile) {
      try {
        const saved = (JSON.parse(readFileSync(stepsFile, 'utf8')) as Record<string, number>)[secret];
        if (saved !== undefined) memory.set(secret, Math.max(saved, memory.get(secret) ?? saved));
      } catch {
        // No file yet: nothing handed out by another worker.
      }
    }
    return memory.get(secret);
  },
  set(secret: string, step: number): void {
    memory.set(secret, step);
    if (stepsFile) writeFileSync(stepsFile, JSON.stringify(Object.fromEntries(memory)));
  },
};

const keyOf = (secret: string) => decodeBase32IgnorePadding(secret.replace(/[\s=]/g, '').toUpperCase());

/** The code for a time step, as the authenticator app shows it. */
export function totpCode(secret: string, step = Math.floor(Date.now() / PERIOD_MS)): string {
  return generateHOTP(keyOf(secret), BigInt(step), 6);
}

/**
 * A code the server has not seen yet for this account: this step's, the next one's, or (after
 * waiting) a later one. The server remembers the last step per account (the demo accounts share
 * one secret), and every login and every administrator's change uses one.
 */
export async function freshTotpCode(secret: string, account = 'handlaggare'): Promise<string> {
  const norm = secret.replace(/\s/g, '').toUpperCase();
  const key = `${account}|${norm}`;
  for (;;) {
    const now = Math.floor(Date.now() / PERIOD_MS);
    const used = lastStep.get(key) ?? -1;
    // A step ahead is accepted too, but not two: wait for the clock instead.
    const step = Math.max(now, used + 1);
    if (step <= now + 1) {
      lastStep.set(key, step);
      return totpCode(norm, step);
    }
    await new Promise((r) => setTimeout(r, (now + 1) * PERIOD_MS - Date.now() + 200));
  }
}

/** Six digits that are not a valid code right now (for "wrong code" tests). */
export function wrongTotpCode(secret: string): string {
  const now = Math.floor(Date.now() / PERIOD_MS);
  const valid = new Set([-2, -1, 0, 1, 2].map((d) => totpCode(secret, now + d)));
  for (let n = 0; ; n++) {
    const candidate = String((123_456 + n * 7_919) % 1_000_000).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

type LoginOptions = Partial<StaffLogin> & {
  /** Called on each login page (password, then second factor) before it is filled in, e.g. expectAccessible. */
  check?: (page: Page) => Promise<void>;
};

/**
 * Logs in with the keyboard: starts at the login page unless the page is already on it (after a
 * redirect from the page the test wanted), ends wherever the login sends the user.
 */
export async function loginAsStaff(page: Page, opts: LoginOptions = {}): Promise<void> {
  const { username, password, totpSecret } = { ...DEMO_STAFF, ...opts };
  if (!/\/handlaggning\/logga-in(\?|$)/.test(page.url())) await page.goto('/handlaggning/logga-in');
  await opts.check?.(page);
  await typeInto(page, page.getByLabel('Användarnamn'), username);
  await typeInto(page, page.getByLabel('Lösenord'), password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/handlaggning\/logga-in\/tvafaktor/);
  await opts.check?.(page);
  await typeInto(page, page.getByLabel('Kod', { exact: true }), await freshTotpCode(totpSecret, username));
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/\/handlaggning\/logga-in/);
}

// Over HTTP. Astro's checkOrigin refuses form posts without a same-origin Origin header.

export function formBody(fields: Record<string, string | string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
}

export async function postForm(request: APIRequestContext, baseURL: string, path: string, fields: Record<string, string | string[]>): Promise<APIResponse> {
  return request.post(path, {
    data: formBody(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseURL },
    maxRedirects: 0,
  });
}

export function location(res: APIResponse): string {
  return res.headers()['location'] ?? '';
}

/** Password and TOTP code over HTTP; the request context keeps the session cookie. */
export async function httpLogin(request: APIRequestContext, baseURL: string, who: StaffLogin): Promise<void> {
  const first = await postForm(request, baseURL, '/handlaggning/logga-in', { username: who.username, password: who.password });
  expect(first.status(), 'password step').toBe(303);
  expect(location(first)).toMatch(/^\/handlaggning\/logga-in\/tvafaktor/);
  const second = await postForm(request, baseURL, '/handlaggning/logga-in/tvafaktor', { code: await freshTotpCode(who.totpSecret, who.username) });
  expect(second.status(), 'second factor step').toBe(303);
  expect(location(second)).not.toMatch(/logga-in/);
}

/** The step-up field of an administrator's form: a fresh code from the app (docs/adr/0008). */
export async function stepUpCode(who: StaffLogin = DEMO_ADMIN): Promise<string> {
  return freshTotpCode(who.totpSecret, who.username);
}

/**
 * A new staff account as the portal makes one, over HTTP: `admin` creates it (with a fresh code),
 * and when its roles need approval `approver` approves them; the one-time enrolment code is returned
 * ('' when no approval was needed). Returns the account's id too.
 */
export async function createStaffOverHttp(
  admin: APIRequestContext,
  approver: APIRequestContext,
  baseURL: string,
  account: { username: string; displayName: string; password: string; roles: string[]; areas: string[]; email?: string },
): Promise<{ id: string; enrolmentCode: string }> {
  const created = await postForm(admin, baseURL, '/handlaggning/admin/anvandare/ny', { ...account, 'stepUp-create': await stepUpCode(DEMO_ADMIN) });
  expect(created.status(), `creating ${account.username}`).toBe(303);
  const id = /\/handlaggning\/admin\/anvandare\/([0-9a-f-]{36})/.exec(location(created))?.[1] ?? '';
  if (!location(created).includes('skapat-begart')) return { id, enrolmentCode: '' };
  const page = await approver.get(`/handlaggning/admin/anvandare/${id}`);
  const request = /name="request" value="([0-9a-f-]{36})"/.exec(await page.text())?.[1] ?? '';
  const approved = await postForm(approver, baseURL, '/handlaggning/admin/godkannanden', { request, tillbaka: '/handlaggning/admin/godkannanden', decision: 'approve', [`stepUp-decide-${request}`]: await stepUpCode(DEMO_ADMIN2) });
  expect(approved.status(), `approving ${account.username}`).toBe(200);
  const enrolmentCode = /id="enrolment-code">([A-Z2-7-]+)</.exec(await approved.text())?.[1] ?? '';
  expect(enrolmentCode).not.toBe('');
  return { id, enrolmentCode };
}

/** The typed-out secret on the enrolment page. */
export function secretFromEnrolmentPage(html: string): string {
  const m = /id="totp-secret"[^>]*>([A-Z2-7 ]+)</.exec(html);
  if (!m?.[1]) throw new Error('no TOTP secret on the enrolment page');
  return m[1].replace(/\s/g, '');
}

/**
 * First login of an account without a second factor, over HTTP: password, enrolment with a code
 * computed from the secret on the page, and the recovery codes acknowledged. Returns the secret.
 */
export async function httpEnrol(request: APIRequestContext, baseURL: string, who: { username: string; password: string; enrolmentCode?: string }): Promise<string> {
  const first = await postForm(request, baseURL, '/handlaggning/logga-in', { username: who.username, password: who.password });
  expect(first.status(), 'password step').toBe(303);
  expect(location(first)).toMatch(/^\/handlaggning\/konto\/tvafaktor/);
  const page = await request.get('/handlaggning/konto/tvafaktor');
  expect(page.status()).toBe(200);
  const secret = secretFromEnrolmentPage(await page.text());
  const confirm = await postForm(request, baseURL, '/handlaggning/konto/tvafaktor', { code: await freshTotpCode(secret, who.username), ...(who.enrolmentCode ? { enrolmentCode: who.enrolmentCode } : {}) });
  expect(confirm.status(), 'enrolment').toBe(303);
  expect(location(confirm)).toMatch(/^\/handlaggning\/konto\/tvafaktor\/koder/);
  const codes = await request.get(location(confirm), { maxRedirects: 0 });
  expect(codes.status()).toBe(200);
  const done = await postForm(request, baseURL, location(confirm), {});
  expect(done.status()).toBe(303);
  return secret;
}
