/**
 * The logged-in person's own address and folkbokföring in a trygghetslarm application, request by
 * request as the e-tjänst page asks, on PGlite and on PostgreSQL: prefilled from the (demo)
 * population register for the person applying for themselves, never on someone's behalf, never for
 * a person with sekretessmarkering, nothing with no register or a register too slow; each lookup
 * audited without the address; the submission records what was sent as prefilled.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Db, DbHandle } from '../../../db/client.ts';
import { auditEvents, submissions } from '../../../db/schema.ts';
import { testDatabases } from '../test-db.ts';
import { translator } from '../../i18n/index.ts';
import { handleJourneyRequest, type JourneyOutcome, type JourneyRequest, type OwnValuesSource } from '../journey-request.ts';
import { TestCookies } from '../test-cookies.ts';
import { formOf } from '../test-form.ts';
import { demoRegister } from '../population-register/demo.ts';
import { citizenActorId } from './actor.ts';
import { buildCaseDocument } from '../delivery/case-document.ts';
import type { Citizen } from './session.ts';

vi.stubEnv('COOKIE_SECRET', 'test-only-cookie-secret-0123456789abcdef');

// Skatteverket test personnummer, in the demo register (src/server/population-register/demo-people.json).
const GRETA: Citizen = { personnummer: '19450110-3297', name: 'Greta Dottersson' };
const TOLVAN: Citizen = { personnummer: '19400104-2383', name: 'Tolvan Tolvansson' };
const ANNA: Citizen = { personnummer: '19850101-2382', name: 'Anna Dottersson' };
const GRETAS_HOME = { street: 'Storgatan 12', postcode: '696 30', city: 'Askersund' };

function browser(db: () => Promise<Db>, citizen: Citizen, own: OwnValuesSource, sessionId = 'session-1') {
  const cookies = new TestCookies();
  const request = (pageId: string, method: 'GET' | 'POST', fields?: Record<string, string>): Promise<JourneyOutcome> =>
    handleJourneyRequest(
      { serviceId: 'trygghetslarm', pageId, method, form: fields ? formOf(fields) : undefined, changing: false, cookies, citizen, citizenSessionId: sessionId, clientAddress: '192.0.2.7', reader: { lang: 'sv', t: translator('sv'), textParams: {} } },
      { db, submissionsPerHour: 0, now: new Date(), own },
    );
  const post = async (p: string, f: Record<string, string>) => {
    const r = await request(p, 'POST', f);
    if (r.kind !== 'moved') throw new Error(`${p}: ${r.kind} ${r.kind === 'invalid' ? JSON.stringify(r.view.errors.map((e) => e.path)) : ''}`);
    return r;
  };
  const show = async (p: string) => {
    const r = await request(p, 'GET');
    if (r.kind !== 'show') throw new Error(`${p}: ${r.kind} ${JSON.stringify(r)}`);
    return r.view;
  };
  return { cookies, request, post, show };
}

const demo = (opts: { delayMs?: number; timeoutMs?: number } = {}): OwnValuesSource => ({ register: demoRegister({ delayMs: opts.delayMs }), municipalityCode: '1882', timeoutMs: opts.timeoutMs ?? 2000 });
const none: OwnValuesSource = { register: undefined, municipalityCode: '1882', timeoutMs: 2000 };

describe.each(testDatabases())('own values prefilled on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  const getDb = async () => db;
  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
  });
  afterAll(async () => {
    await handle?.close();
  });

  const lookups = (c: Citizen) => db.select().from(auditEvents).where(and(eq(auditEvents.action, 'citizen.register.lookup'), eq(auditEvents.actorId, citizenActorId(c.personnummer))));
  const toFolkbokforing = async (b: ReturnType<typeof browser>) => {
    await b.post('vem-ansoker', { soker: 'sjalv' });
    await b.post('personnummer', {});
  };

  it('prefills Greta\'s folkbokföring and address from the register, marked, looked up once and audited without the address; the submission records them', async () => {
    const b = browser(getDb, GRETA, demo(), 'greta-session');
    await toFolkbokforing(b);
    const folk = await b.show('folkbokforing');
    expect(folk.values).toMatchObject({ folkbokford: 'ja' });
    expect(folk.prefilledFrom).toEqual({ folkbokford: 'folkbokforing' });
    await b.post('folkbokforing', { folkbokford: 'ja' });
    await b.post('boende', { boende: 'ordinart' });
    await b.post('larm', { larmtyp: 'mobilt' });
    const own = await b.show('personuppgifter');
    expect(own.values).toMatchObject({ 'adress.street': 'Storgatan 12', 'adress.postcode': '696 30', 'adress.city': 'Askersund', fornamn: 'Greta', efternamn: 'Dottersson' });
    expect(own.prefilledFrom).toEqual({ adress: 'folkbokforing' });
    // Editable: what is posted is the answer.
    await b.post('personuppgifter', { fornamn: 'Greta', efternamn: 'Dottersson', 'adress.street': 'Storgatan 12', 'adress.postcode': '69630', 'adress.city': 'Askersund', telefon: '070-123 45 67' });
    await b.post('kontaktpersoner', { 'kontaktpersoner.0.namn': 'Anna Testberg', 'kontaktpersoner.0.relation': 'Dotter', 'kontaktpersoner.0.telefon': '070-765 43 21', 'kontaktpersoner.1.namn': 'Bo Grannlund', 'kontaktpersoner.1.relation': 'Granne', 'kontaktpersoner.1.telefon': '0583-123 45' });
    await b.post('nyckel', { nyckelhantering: 'nyckelgomma' });
    await b.post('avgift', { avgift: 'maxtaxa' });
    const check = await b.show('kontrollera');
    const sent = await b.request('kontrollera', 'POST', { token: check.token });
    expect(sent.kind).toBe('sent');

    const audited = await lookups(GRETA);
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ actorType: 'citizen', subjectType: 'person', subjectId: citizenActorId(GRETA.personnummer), details: { register: 'demo', session: 'greta-session', outcome: 'given' } });
    expect(JSON.stringify(audited[0])).not.toMatch(/Storgatan|696|Askersund|19450110/);
    const [row] = await db.select().from(submissions).where(and(eq(submissions.serviceId, 'trygghetslarm'), eq(submissions.submitterPersonnummer, GRETA.personnummer)));
    expect(row!.prefilled).toEqual({ folkbokford: 'folkbokforing', adress: 'folkbokforing' });
    expect(row!.answers.adress).toEqual(GRETAS_HOME);
    // The handläggare's systems see it too: the case document marks those answers.
    const doc = await buildCaseDocument(db, row!.id);
    expect(doc!.answers.filter((a) => a.prefilledFrom).map((a) => [a.field, a.prefilledFrom])).toEqual([
      ['folkbokford', 'folkbokforing'],
      ['adress', 'folkbokforing'],
    ]);
  });

  it('records only what was sent unchanged: an address changed is the person\'s own answer', async () => {
    const b = browser(getDb, GRETA, demo());
    await toFolkbokforing(b);
    await b.show('folkbokforing');
    await b.post('folkbokforing', { folkbokford: 'ja' });
    await b.post('boende', { boende: 'ordinart' });
    await b.post('larm', { larmtyp: 'fast' });
    await b.show('personuppgifter');
    await b.post('personuppgifter', { fornamn: 'Greta', efternamn: 'Dottersson', 'adress.street': 'Vårdhemsvägen 2', 'adress.postcode': '696 31', 'adress.city': 'Askersund', telefon: '070-123 45 67' });
    const back = await b.show('personuppgifter');
    expect(back.values).toMatchObject({ 'adress.street': 'Vårdhemsvägen 2' });
    expect(back.prefilledFrom).toEqual({});
  });

  it('prefills nothing about the person on someone\'s behalf, and looks nothing up', async () => {
    const b = browser(getDb, ANNA, demo());
    await b.post('vem-ansoker', { soker: 'annan' });
    await b.post('om-dig', { ombudTelefon: '070-111 22 33', relation: 'barn' });
    await b.post('samtycke', { samtycke: 'intygar' });
    await b.post('personnummer', { personnummer: GRETA.personnummer });
    const folk = await b.show('folkbokforing');
    expect(folk.values).toEqual({});
    expect(folk.prefilledFrom).toEqual({});
    expect(await lookups(ANNA)).toHaveLength(0);
  });

  it('prefills nothing for a person with sekretessmarkering, keeps nothing of the register in the journey, and audits the lookup as one that found nothing', async () => {
    const b = browser(getDb, { ...TOLVAN, address: { street: 'Eidgatan 1', postcode: '696 30', city: 'Askersund' } }, demo());
    await toFolkbokforing(b);
    const folk = await b.show('folkbokforing');
    expect(folk.values).toEqual({});
    expect(folk.prefilledFrom).toEqual({});
    expect([...b.cookies.values.values()].join()).not.toMatch(/Lönngången|Eidgatan/);
    await b.post('folkbokforing', { folkbokford: 'ja' });
    await b.post('boende', { boende: 'ordinart' });
    await b.post('larm', { larmtyp: 'fast' });
    const own = await b.show('personuppgifter');
    // Not even the e-legitimation's address: nothing about a protected person is filled in.
    expect(Object.keys(own.values).filter((k) => k.startsWith('adress'))).toEqual([]);
    expect(own.prefilledFrom).toEqual({});
    const audited = await lookups(TOLVAN);
    expect(audited.map((a) => a.details)).toEqual([{ register: 'demo', session: 'session-1', outcome: 'nothing' }]);
  });

  it('with no register (`none`), looks nothing up and prefills nothing from folkbokföringen; the e-legitimation\'s address is still offered, marked as such', async () => {
    const b = browser(getDb, { ...GRETA, address: { street: 'Kyrkogatan 8', postcode: '696 30', city: 'Askersund' } }, none, 'none-session');
    await toFolkbokforing(b);
    const folk = await b.show('folkbokforing');
    expect(folk.values).toEqual({});
    expect(folk.prefilledFrom).toEqual({});
    await b.post('folkbokforing', { folkbokford: 'ja' });
    await b.post('boende', { boende: 'ordinart' });
    await b.post('larm', { larmtyp: 'fast' });
    const own = await b.show('personuppgifter');
    expect(own.values).toMatchObject({ 'adress.street': 'Kyrkogatan 8' });
    expect(own.prefilledFrom).toEqual({ adress: 'eid' });
    expect((await lookups(GRETA)).filter((a) => (a.details as { session?: string }).session === 'none-session')).toEqual([]);
  });

  it('gives nothing when the register does not answer in time, and records the timeout', async () => {
    const slow = browser(getDb, GRETA, demo({ delayMs: 400, timeoutMs: 100 }), 'slow-session');
    await toFolkbokforing(slow);
    const started = Date.now();
    const folk = await slow.show('folkbokforing');
    expect(Date.now() - started).toBeLessThan(400);
    expect(folk.values).toEqual({});
    expect((await lookups(GRETA)).filter((a) => (a.details as { session?: string }).session === 'slow-session').map((a) => a.details)).toEqual([{ register: 'demo', session: 'slow-session', outcome: 'timeout' }]);
  });
});
