/**
 * The authorisation matrix: every staff route × every kind of staff × own area / other area / no
 * session, each answer asserted exactly. Plain HTTP through Playwright's request fixture, no
 * browser. The routes are read from src/pages/handlaggning at test time, so a new route without a
 * row in TABLE makes this test fail until someone decides who may open it, and so does a row for a
 * route that no longer exists.
 *
 * Set-up, all over HTTP: the demo administrator creates a handläggare for äldreomsorg ("own": the
 * case's area), a handläggare for IFO ("other"), an administrator without other roles and an
 * analytiker through /handlaggning/admin/anvandare/ny, the demo's second administrator approves
 * the privileged ones (docs/adr/0008), and an e-tjänstredaktör, who opens no case route at all; each enrols a second factor with a code computed from the
 * secret on the enrolment page (and the approver's one-time code). An invånare submits a trygghetslarm
 * application (äldreomsorg) to get a case reference.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { PORT } from '../playwright.config.ts';
import { OLD_ENOUGH } from './helpers.ts';
import { createStaffOverHttp, DEMO_ADMIN, DEMO_ADMIN2, formBody, httpEnrol, httpLogin, location, postForm } from './staff.ts';
import { GRETA, loginOverHttp } from './citizen.ts';

const BASE = `http://localhost:${PORT}`;
const PAGES = path.resolve('src/pages');

type Actor = 'own' | 'other' | 'admin' | 'analytiker' | 'redaktor' | 'none';
const ACTORS: Actor[] = ['own', 'other', 'admin', 'analytiker', 'redaktor', 'none'];
const WITH_SESSION: Actor[] = ['own', 'other', 'admin', 'analytiker', 'redaktor'];

/** An exact status, or a 303 to a path (HOME: the actor's own start page, authz.ts homeFor). */
type Want = number | { status: 303; to: RegExp | 'HOME' };
const LOGIN: Want = { status: 303, to: /^\/handlaggning\/logga-in(\?|$)/ };
const HOME: Want = { status: 303, to: 'HOME' };
const to = (re: RegExp): Want => ({ status: 303, to: re });
const HOMES: Record<Exclude<Actor, 'none'>, string> = {
  own: '/handlaggning',
  other: '/handlaggning',
  admin: '/handlaggning/admin/anvandare',
  analytiker: '/handlaggning/indikatorer',
  redaktor: '/handlaggning/admin/etjanster',
};

type Row = {
  route: string;
  method: 'GET' | 'POST';
  /** Form fields for a POST; values may name set-up data ({lockVersion}). */
  body?: Record<string, string>;
  want: Record<Actor, Want>;
  /** Runs after every other row (it ends the sessions it is sent with). */
  last?: true;
  why?: string;
};

const sessions = (w: Want, none: Want = LOGIN): Record<Actor, Want> => ({ own: w, other: w, admin: w, analytiker: w, redaktor: w, none });
const adminOnly = (adminWant: Want): Record<Actor, Want> => ({ own: 404, other: 404, admin: adminWant, analytiker: 404, redaktor: 404, none: LOGIN });
/** A case route: only a handläggare of the case's area may see that the case exists (never a redaktör: no case data). */
const caseRoute = (ownWant: Want): Record<Actor, Want> => ({ own: ownWant, other: 404, admin: 404, analytiker: 404, redaktor: 404, none: LOGIN });
/** The e-tjänst editor: redaktörer and administrators; it shows no case data. */
const editors = (w: Want): Record<Actor, Want> => ({ own: 404, other: 404, admin: w, analytiker: 404, redaktor: w, none: LOGIN });
/** An indicator route: admin and analytiker; for handläggare and redaktörer it does not exist. */
const indicatorRoute = (w: Want): Record<Actor, Want> => ({ own: 404, other: 404, admin: w, analytiker: w, redaktor: 404, none: LOGIN });

const TABLE: Row[] = [
  // Inbox: handläggare of any area; everyone else is sent to their own start page, with no data.
  { route: '/handlaggning', method: 'GET', want: { own: 200, other: 200, admin: HOME, analytiker: HOME, redaktor: HOME, none: LOGIN } },
  // The inbox as CSV holds case data: handläggare only, and like every case route it does not exist for anyone else.
  { route: '/handlaggning/export.csv', method: 'GET', want: { own: 200, other: 200, admin: 404, analytiker: 404, redaktor: 404, none: LOGIN } },

  // Login and logout.
  { route: '/handlaggning/logga-in', method: 'GET', want: sessions(HOME, 200) },
  { route: '/handlaggning/logga-in', method: 'POST', body: {}, want: sessions(422, 422), why: 'an empty login form is answered with its errors, whoever sends it' },
  { route: '/handlaggning/logga-in/tvafaktor', method: 'GET', want: sessions(HOME) },
  { route: '/handlaggning/logga-in/tvafaktor', method: 'POST', body: { code: '000000' }, want: sessions(HOME) },
  { route: '/handlaggning/logga-ut', method: 'GET', want: sessions(404), why: 'logout is POST only' },
  { route: '/handlaggning/logga-ut', method: 'POST', body: {}, want: sessions(to(/^\/handlaggning\/logga-in\?utloggad$/)), last: true },

  // One's own account: every member of staff.
  { route: '/handlaggning/konto', method: 'GET', want: sessions(200) },
  { route: '/handlaggning/konto', method: 'POST', body: {}, want: sessions(to(/^\/handlaggning\/konto$/)), why: 'a post without an action changes nothing' },
  { route: '/handlaggning/konto/tvafaktor', method: 'GET', want: sessions(200) },
  { route: '/handlaggning/konto/tvafaktor', method: 'POST', body: {}, want: sessions(to(/^\/handlaggning\/konto\/tvafaktor$/)) },
  { route: '/handlaggning/konto/tvafaktor/koder', method: 'GET', want: sessions(to(/^\/handlaggning\/konto\/tvafaktor$/)), why: 'no fresh recovery codes to show' },
  { route: '/handlaggning/konto/tvafaktor/koder', method: 'POST', body: {}, want: sessions(HOME) },

  // Administration: admin only; everyone else is told the page does not exist.
  { route: '/handlaggning/admin/anvandare', method: 'GET', want: adminOnly(200) },
  { route: '/handlaggning/admin/anvandare/ny', method: 'GET', want: adminOnly(200) },
  { route: '/handlaggning/admin/anvandare/ny', method: 'POST', body: {}, want: adminOnly(422) },
  { route: '/handlaggning/admin/anvandare/[id]', method: 'GET', want: adminOnly(200) },
  { route: '/handlaggning/admin/anvandare/[id]', method: 'POST', body: {}, want: adminOnly(to(/^\/handlaggning\/admin\/anvandare\/[0-9a-f-]{36}$/)) },
  { route: '/handlaggning/admin/godkannanden', method: 'GET', want: adminOnly(200) },
  { route: '/handlaggning/admin/godkannanden', method: 'POST', body: {}, want: adminOnly(422), why: 'no request and no code from the app: refused with its error, nothing decided' },
  { route: '/handlaggning/admin/leveranser', method: 'GET', want: adminOnly(200) },
  { route: '/handlaggning/admin/leveranser', method: 'POST', body: {}, want: adminOnly(400), why: 'a retry without a delivery id' },
  { route: '/handlaggning/admin/granskning', method: 'GET', want: adminOnly(200) },
  { route: '/handlaggning/admin/e-post', method: 'GET', want: adminOnly(200) },
  { route: '/handlaggning/admin/e-post', method: 'POST', body: {}, want: adminOnly(409), why: 'a retry without a notification id: nothing to queue again' },
  { route: '/handlaggning/admin/regelverk', method: 'GET', want: adminOnly(200) },
  { route: '/handlaggning/admin/regelverk', method: 'POST', body: {}, want: adminOnly(422), why: 'a new period without a date or values: refused with its errors, nothing written' },
  { route: '/handlaggning/admin/installningar', method: 'GET', want: adminOnly(200) },
  { route: '/handlaggning/admin/beslutstexter', method: 'GET', want: adminOnly(200) },
  { route: '/handlaggning/admin/beslutstexter/andra', method: 'GET', want: adminOnly(200) },
  { route: '/handlaggning/admin/beslutstexter/andra', method: 'POST', body: {}, want: adminOnly(422), why: 'an empty wording for the besvärshänvisning: refused with its error, nothing written' },

  // Cases: a handläggare of the case's area; for anyone else the case does not exist.
  { route: '/handlaggning/arenden/[reference]', method: 'GET', want: caseRoute(200) },
  { route: '/handlaggning/arenden/[reference]', method: 'POST', body: { action: 'note', lockVersion: '{lockVersion}', note: '' }, want: caseRoute(422), why: 'an empty note: refused with its error, nothing written' },
  { route: '/handlaggning/arenden/[reference]', method: 'POST', body: { action: 'message', message: '' }, want: caseRoute(422), why: 'an empty message to the citizen: refused with its error, nothing sent' },
  { route: '/handlaggning/arenden/[reference]/export.json', method: 'GET', want: caseRoute(200) },
  { route: '/handlaggning/arenden/[reference]/beslut.pdf', method: 'GET', want: caseRoute(404), why: 'the case has no decision yet: no letter even in one’s own area' },
  { route: '/handlaggning/arenden/[reference]/kvittens.pdf', method: 'GET', want: caseRoute(200), why: 'the receipt copy with the confirmations as recorded: the case’s area only' },
  { route: '/handlaggning/arenden/[reference]/bilagor/[id]', method: 'GET', want: caseRoute(404), why: 'the trygghetslarm case has no attachments: no such file even in one’s own area' },

  // Brukarenkäter: administration for admins; results (anonymous, suppressed counts) for admins and analytiker.
  { route: '/handlaggning/enkater', method: 'GET', want: { own: 404, other: 404, admin: 200, analytiker: to(/^\/handlaggning\/enkater\/resultat$/), redaktor: 404, none: LOGIN }, why: 'analytiker are sent to the results, the only part of surveys they may see' },
  { route: '/handlaggning/enkater/enheter', method: 'GET', want: adminOnly(200) },
  { route: '/handlaggning/enkater/enheter', method: 'POST', body: {}, want: adminOnly(422), why: 'a unit without a name or kind: refused with its errors' },
  { route: '/handlaggning/enkater/ny-period', method: 'GET', want: adminOnly(200) },
  { route: '/handlaggning/enkater/ny-period', method: 'POST', body: {}, want: adminOnly(422) },
  { route: '/handlaggning/enkater/period', method: 'GET', want: adminOnly(to(/^\/handlaggning\/enkater$/)), why: 'no period named: back to the list' },
  { route: '/handlaggning/enkater/period', method: 'POST', body: {}, want: adminOnly(to(/^\/handlaggning\/enkater$/)) },
  { route: '/handlaggning/enkater/resultat', method: 'GET', want: { own: 404, other: 404, admin: 200, analytiker: 200, redaktor: 404, none: LOGIN } },
  { route: '/handlaggning/enkater/resultat.csv', method: 'GET', want: { own: 404, other: 404, admin: 200, analytiker: 200, redaktor: 404, none: LOGIN } },

  // Indicators: admin and analytiker, aggregates only (never personal data); targets are edited by admins.
  { route: '/handlaggning/indikatorer', method: 'GET', want: indicatorRoute(200) },
  { route: '/handlaggning/indikatorer/[id].csv', method: 'GET', want: indicatorRoute(200) },
  { route: '/handlaggning/indikatorer/manad/[month]', method: 'GET', want: indicatorRoute(200) },
  { route: '/handlaggning/indikatorer/manad/[month].csv', method: 'GET', want: indicatorRoute(200) },
  { route: '/handlaggning/indikatorer/mal', method: 'GET', want: indicatorRoute(200) },
  { route: '/handlaggning/indikatorer/mal', method: 'POST', body: {}, want: indicatorRoute(404), why: 'no indicator chosen: nothing to save' },
  { route: '/handlaggning/indikatorer/uppfoljning', method: 'GET', want: indicatorRoute(200) },
  { route: '/handlaggning/indikatorer/uppfoljning.csv', method: 'GET', want: indicatorRoute(200) },
  { route: '/handlaggning/indikatorer/uppfoljning.pdf', method: 'GET', want: indicatorRoute(200) },
  { route: '/handlaggning/indikatorer/rapportera', method: 'GET', want: indicatorRoute(200) },
  { route: '/handlaggning/indikatorer/rapportera', method: 'POST', body: {}, want: indicatorRoute(422), why: 'no measure, period or value: refused with its errors' },

  // The e-tjänster, their life cycle, versions and the editor: redaktörer and administrators.
  // [id] is a draft made for the matrix (its first page "fraga" with the question "svar").
  { route: '/handlaggning/admin/etjanster', method: 'GET', want: editors(200) },
  { route: '/handlaggning/admin/etjanster', method: 'POST', body: {}, want: editors(400), why: 'a change without an e-tjänst' },
  { route: '/handlaggning/admin/etjanster/versioner', method: 'GET', want: editors(200) },
  { route: '/handlaggning/admin/etjanster/versioner', method: 'POST', body: {}, want: editors(400), why: 'neither an import nor a publish' },
  { route: '/handlaggning/admin/etjanster/export', method: 'GET', want: editors(404), why: 'no version named: nothing to export' },
  { route: '/handlaggning/admin/etjanster/ny', method: 'GET', want: editors(200) },
  { route: '/handlaggning/admin/etjanster/ny', method: 'POST', body: {}, want: editors(400), why: 'neither new nor a copy' },
  { route: '/handlaggning/admin/etjanster/[id]', method: 'GET', want: editors(200) },
  { route: '/handlaggning/admin/etjanster/[id]', method: 'POST', body: {}, want: editors(400), why: 'no action' },
  { route: '/handlaggning/admin/etjanster/[id]/installningar', method: 'GET', want: editors(200) },
  { route: '/handlaggning/admin/etjanster/[id]/installningar', method: 'POST', body: {}, want: editors(422), why: 'no area, matter, submitters or retention: refused, nothing saved' },
  { route: '/handlaggning/admin/etjanster/[id]/jamfor', method: 'GET', want: editors(200) },
  { route: '/handlaggning/admin/etjanster/[id]/start/[n]', method: 'GET', want: editors(200) },
  { route: '/handlaggning/admin/etjanster/[id]/start/[n]', method: 'POST', body: {}, want: editors(422), why: 'no heading or text: refused' },
  { route: '/handlaggning/admin/etjanster/[id]/sidor/[page]', method: 'GET', want: editors(200) },
  { route: '/handlaggning/admin/etjanster/[id]/sidor/[page]', method: 'POST', body: {}, want: editors(400), why: 'no action' },
  { route: '/handlaggning/admin/etjanster/[id]/sidor/[page]/[field]', method: 'GET', want: editors(200) },
  { route: '/handlaggning/admin/etjanster/[id]/sidor/[page]/[field]', method: 'POST', body: {}, want: editors(422), why: 'no name or label: refused' },
  // One gate for both methods (the page's first line); GET shows it: a shared part offered for the start page.
  { route: '/handlaggning/admin/etjanster/[id]/delar/[slot]/[n]', method: 'GET', want: editors(200) },
  { route: '/handlaggning/admin/etjanster/[id]/sidor/[page]/[field]/[inner]', method: 'GET', want: editors(404), why: 'the matrix draft has no repeating group: no question of one to open, for anyone' },
  { route: '/handlaggning/admin/etjanster/[id]/forhandsgranska', method: 'GET', want: editors(to(/\/forhandsgranska\/fraga$/)), why: 'the preview starts at the first page' },
  { route: '/handlaggning/admin/etjanster/[id]/forhandsgranska/[page]', method: 'GET', want: editors(200) },
  { route: '/handlaggning/admin/etjanster/[id]/forhandsgranska/[page]', method: 'POST', body: {}, want: editors(422), why: 'the question unanswered: the citizen page’s own error, nothing stored' },
];

/** Every route under src/pages/handlaggning, as its URL pattern ("/handlaggning/arenden/[reference]"). */
function staffRoutes(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      // Files and folders starting with "_" are not routes (Astro ignores them).
      if (name.startsWith('_') || name.startsWith('.')) continue;
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(astro|ts|js|md|mdx|html)$/.test(name) && !/\.(test|spec|d)\.ts$/.test(name)) {
        const rel = path.relative(PAGES, full).split(path.sep).join('/');
        out.push(`/${rel.replace(/\.(astro|ts|js|md|mdx|html)$/, '').replace(/(^|\/)index$/, '')}`.replace(/\/$/, ''));
      }
    }
  };
  walk(path.join(PAGES, 'handlaggning'));
  return [...new Set(out)].sort();
}

const ROUTES = staffRoutes();

test('every staff route has a row in the authorisation matrix, and every row is a route', () => {
  const covered = new Set(TABLE.map((r) => r.route));
  const missing = ROUTES.filter((r) => !covered.has(r));
  expect(missing, 'routes without a row in e2e/authz-matrix.spec.ts TABLE: decide who may open them').toEqual([]);
  // A row for a route that no longer exists would check nothing: it must be removed, not skipped.
  const stale = [...covered].filter((r) => !ROUTES.includes(r));
  expect(stale, 'rows in e2e/authz-matrix.spec.ts TABLE for routes that do not exist').toEqual([]);
  expect(ROUTES).toContain('/handlaggning/logga-in');
});

// Not serial: one wrong answer must not hide the rest of the matrix. With one worker the rows run
// in order; after a failure the new worker sets everything up again (fresh users and case).
test.describe('the authorisation matrix', () => {
  const ctx = {} as Record<Actor, APIRequestContext>;
  let reference = '';
  let lockVersion = '1';
  let staffId = '';
  let draftId = '';

  async function newContext(): Promise<APIRequestContext> {
    return playwrightRequest.newContext({ baseURL: BASE, extraHTTPHeaders: { origin: BASE } });
  }

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    const admin = await newContext();
    await httpLogin(admin, BASE, DEMO_ADMIN);
    const approver = await newContext();
    await httpLogin(approver, BASE, DEMO_ADMIN2);
    const stamp = Date.now().toString(36);
    const password = 'matris-losenord-for-test';
    const people: Record<Exclude<Actor, 'none'>, { roles: string[]; areas: string[] }> = {
      own: { roles: ['handlaggare'], areas: ['aldreomsorg'] },
      other: { roles: ['handlaggare'], areas: ['ifo'] },
      admin: { roles: ['admin'], areas: [] },
      analytiker: { roles: ['analytiker'], areas: [] },
      redaktor: { roles: ['redaktor'], areas: [] },
    };
    for (const [actor, p] of Object.entries(people) as [Exclude<Actor, 'none'>, { roles: string[]; areas: string[] }][]) {
      const username = `matris.${actor}.${stamp}`;
      const { id, enrolmentCode } = await createStaffOverHttp(admin, approver, BASE, { username, displayName: `Matris ${actor}`, password, roles: p.roles, areas: p.areas });
      if (actor === 'other') staffId = id;
      const c = await newContext();
      await httpEnrol(c, BASE, { username, password, enrolmentCode });
      ctx[actor] = c;
    }
    // A draft for the editor's rows: made, as a redaktör would, through the editor.
    draftId = `matris-${stamp}`;
    const made = await admin.post('/handlaggning/admin/etjanster/ny', {
      data: formBody({ action: 'new', id: draftId, 'title.sv': 'Matrisens e-tjänst', 'summary.sv': 'Bara för prov.', area: 'ifo', matter: 'fraga' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      maxRedirects: 0,
    });
    expect(made.status()).toBe(303);
    await admin.dispose();
    await approver.dispose();
    ctx.none = await newContext();

    reference = await submitTrygghetslarm();
    const page = await ctx.own.get(`/handlaggning/arenden/${reference}`, { maxRedirects: 0 });
    expect(page.status()).toBe(200);
    lockVersion = /name="lockVersion" value="(\d+)"/.exec(await page.text())?.[1] ?? '1';
  });

  test.afterAll(async () => {
    for (const c of Object.values(ctx)) await c?.dispose();
  });

  function urlFor(route: string): string {
    return route
      .replace('[reference]', encodeURIComponent(reference))
      .replace('/anvandare/[id]', `/anvandare/${staffId}`)
      .replace('/etjanster/[id]', `/etjanster/${draftId}`)
      .replace('/[page]', '/fraga')
      .replace('/[field]', '/svar')
      .replace(/\/delar\/\[slot\]\/\[n\]$/, '/delar/start/ny?del=ifo-sekretess')
      .replace('/[inner]', '/namn')
      .replace('/[n]', '/0')
      .replace('/bilagor/[id]', '/bilagor/00000000-0000-4000-8000-000000000000')
      .replace('/indikatorer/[id].csv', '/indikatorer/lanserade-etjanster.csv')
      .replace('[month]', '2026-01')
      .replace(/\/beslutstexter\/andra$/, '/beslutstexter/andra?text=remedy.appeal&sprak=sv');
  }

  async function send(actor: Actor, row: Row): Promise<APIResponse> {
    const url = urlFor(row.route);
    if (row.method === 'GET') return ctx[actor].get(url, { maxRedirects: 0 });
    const body = Object.fromEntries(Object.entries(row.body ?? {}).map(([k, v]) => [k, v.replace('{lockVersion}', lockVersion)]));
    return ctx[actor].post(url, { data: formBody(body), headers: { 'content-type': 'application/x-www-form-urlencoded' }, maxRedirects: 0 });
  }

  const ordered = [...TABLE.filter((r) => !r.last), ...TABLE.filter((r) => r.last)];
  for (const row of ordered) {
    // Several posts to one route (different actions) each get their own test.
    const action = row.body && typeof row.body.action === 'string' ? ` (${row.body.action})` : '';
    test(`${row.method} ${row.route}${action}`, async () => {
      if (row.why) test.info().annotations.push({ type: 'why', description: row.why });
      for (const actor of ACTORS) {
        const res = await send(actor, row);
        const want = row.want[actor];
        const label = `${row.method} ${row.route} as ${actor}`;
        if (typeof want === 'number') {
          expect.soft(res.status(), label).toBe(want);
        } else {
          expect.soft(res.status(), label).toBe(303);
          const where = location(res).replace(/^https?:\/\/[^/]+/, '');
          if (want.to === 'HOME') expect.soft(where.split('?')[0], `${label}: redirected to`).toBe(actor === 'none' ? '/handlaggning/logga-in' : HOMES[actor]);
          else expect.soft(where, `${label}: redirected to`).toMatch(want.to);
        }
      }
    });
  }

  test('after logging out, no actor has a session left', async () => {
    for (const actor of WITH_SESSION) {
      const res = await ctx[actor].get('/handlaggning/konto', { maxRedirects: 0 });
      expect(res.status()).toBe(303);
      expect(location(res)).toMatch(/\/handlaggning\/logga-in/);
    }
  });
});

// An invånare's trygghetslarm application over HTTP: each question page is read, answered from
// ANSWERS (by label; radios by the preferred option, else the first), and posted, until the
// confirmation page shows the reference number.

const PREFERRED_OPTIONS = [/^För egen del$/, /^Ja$/, /^I eget hem$/, /^Mobilt trygghetslarm med GPS$/, /nyckelgömma/i, /^Betala full avgift$/];
const ANSWERS: [RegExp, string][] = [
  [/personnummer/i, OLD_ENOUGH],
  [/^Förnamn$/, 'Greta'],
  [/^Efternamn$/, 'Matrisberg'],
  [/^Gatuadress$/, 'Storgatan 12'],
  [/^Postnummer$/, '696 30'],
  [/^Ort$/, 'Askersund'],
  [/telefon/i, '070-123 45 67'],
  [/e-post/i, 'greta@example.se'],
  [/^Namn$/, 'Anna Matrisberg'],
  [/Vem är personen/i, 'Dotter'],
];

const decode = (s: string) =>
  s
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? (new RegExp(`\\s${name}(\\s|>|/)`).test(tag) ? '' : undefined);

function answerPage(html: string, checkFirstBoxes: boolean): Record<string, string[]> {
  const main = html.indexOf('<main');
  const form = /<form method="post"[^>]*>([\s\S]*?)<\/form>/.exec(main >= 0 ? html.slice(main) : html)?.[1] ?? '';
  const labels = new Map<string, string>();
  for (const m of form.matchAll(/<label[^>]*\sfor="([^"]+)"[^>]*>([\s\S]*?)<\/label>/g)) labels.set(m[1] ?? '', decode(m[2] ?? ''));
  const fields: Record<string, string[]> = {};
  const radios = new Map<string, { value: string; label: string }[]>();
  const boxes = new Map<string, string[]>();
  for (const m of form.matchAll(/<input\b[^>]*>/g)) {
    const tag = m[0];
    const name = attr(tag, 'name');
    if (!name) continue;
    const type = attr(tag, 'type') ?? 'text';
    const label = labels.get(attr(tag, 'id') ?? '') ?? '';
    const value = attr(tag, 'value') ?? '';
    if (type === 'hidden') fields[name] = [value];
    else if (type === 'radio') radios.set(name, [...(radios.get(name) ?? []), { value, label }]);
    else if (type === 'checkbox') boxes.set(name, [...(boxes.get(name) ?? []), value]);
    else if (type !== 'file' && type !== 'submit') {
      const known = ANSWERS.find(([re]) => re.test(label))?.[1];
      fields[name] = [value || known || (/^Dag$/i.test(label) ? '1' : /^Månad$/i.test(label) ? '1' : /^År$/i.test(label) ? '1950' : 'Test')];
    }
  }
  for (const m of form.matchAll(/<textarea\b[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) fields[m[1] ?? ''] = [decode(m[2] ?? '') || 'Test'];
  for (const m of form.matchAll(/<select\b[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const values = [...(m[2] ?? '').matchAll(/<option[^>]*value="([^"]*)"/g)].map((o) => o[1] ?? '').filter(Boolean);
    if (values[0]) fields[m[1] ?? ''] = [values[0]];
  }
  for (const [name, options] of radios) {
    const chosen = PREFERRED_OPTIONS.map((re) => options.find((o) => re.test(o.label))).find(Boolean) ?? options[0];
    if (chosen) fields[name] = [chosen.value];
  }
  if (checkFirstBoxes) for (const [name, values] of boxes) if (values[0]) fields[name] = [values[0]];
  return fields;
}

async function submitTrygghetslarm(): Promise<string> {
  const citizen = await playwrightRequest.newContext({ baseURL: BASE, extraHTTPHeaders: { origin: BASE } });
  try {
    // Trygghetslarm requires e-legitimation: log in through the local provider first.
    await loginOverHttp(citizen, BASE, GRETA, '/e-tjanster/trygghetslarm');
    let url = '/e-tjanster/trygghetslarm';
    for (let step = 0; step < 30; step++) {
      const res = await citizen.get(url, { maxRedirects: 0 });
      if (res.status() === 303) {
        url = location(res).replace(/^https?:\/\/[^/]+/, '');
        continue;
      }
      const html = await res.text();
      const reference = /class="reference"[^>]*>([^<]+)</.exec(html)?.[1]?.trim();
      if (reference) return reference;
      // The start button: a GET form whose action is the first page (StartButton.astro).
      const start = /<form method="get" action="([^"]+)" class="button-form">(?:(?!<\/form>)[\s\S])*class="button start"/.exec(html)?.[1];
      // The header holds the logout form; only a form inside <main> is a question page.
      const main = html.slice(Math.max(0, html.indexOf('<main')));
      if (start && !main.includes('<form method="post"')) {
        url = start;
        continue;
      }
      const post = async (boxes: boolean) => citizen.post(url, { data: formBody(answerPage(html, boxes)), headers: { 'content-type': 'application/x-www-form-urlencoded' }, maxRedirects: 0 });
      let sent = await post(false);
      // A page that needs a box ticked (e.g. a consent) is answered again with the first box of each group.
      if (sent.status() === 422) sent = await post(true);
      const h1 = decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '');
      expect(sent.status(), `answering "${h1}" (${url}): ${decode(/error-summary[\s\S]*?<ul>([\s\S]*?)<\/ul>/.exec(await sent.text())?.[1] ?? '')}`).toBe(303);
      url = location(sent).replace(/^https?:\/\/[^/]+/, '');
    }
    throw new Error('the trygghetslarm journey did not reach its confirmation page in 30 steps');
  } finally {
    await citizen.dispose();
  }
}
