/**
 * The journey's use case, request by request, as the e-tjänst page calls it: each outcome the page
 * renders (moved, invalid, limited, sent, unavailable, shown once, not here), on PGlite and on
 * PostgreSQL, with the journey carried between requests in the browser's cookies.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db, DbHandle } from '../../db/client.ts';
import { submissions } from '../../db/schema.ts';
import { testDatabases } from './test-db.ts';
import { translator } from '../i18n/index.ts';
import { handleJourneyRequest, type JourneyDeps, type JourneyOutcome, type JourneyRequest } from './journey-request.ts';
import { changeLifecycle } from './lifecycle.ts';
import { TestCookies } from './test-cookies.ts';
import { formOf } from './test-form.ts';

vi.stubEnv('COOKIE_SECRET', 'test-only-cookie-secret-0123456789abcdef');

const SERVICE = 'synpunkter-och-klagomal';
const STORY: [string, Record<string, string>][] = [
  ['typ', { typ: 'synpunkt' }],
  ['verksamhet', { verksamhet: 'ifo' }],
  ['berattelse', { vadHande: 'Ingen ringde tillbaka.' }],
  ['var-och-nar', { var: 'Telefon' }],
  ['anonym', { anonym: 'ja' }],
];

/** A browser: its cookies, and its requests to one e-tjänst. */
function browser(db: () => Promise<Db>, opts: { address?: string; perHour?: number; serviceId?: string } = {}) {
  const cookies = new TestCookies();
  const deps = (): JourneyDeps => ({ db, submissionsPerHour: opts.perHour ?? 0, now: new Date() });
  const request = (pageId: string, method: 'GET' | 'POST', fields?: Record<string, string>, changing = false): Promise<JourneyOutcome> =>
    handleJourneyRequest(
      {
        serviceId: opts.serviceId ?? SERVICE,
        pageId,
        method,
        form: fields ? formOf(fields) : undefined,
        changing,
        cookies,
        citizen: undefined,
        clientAddress: opts.address,
        reader: { lang: 'sv', t: translator('sv'), textParams: {} },
      },
      deps(),
    );
  return { cookies, get: (p: string) => request(p, 'GET'), post: (p: string, f: Record<string, string>, changing = false) => request(p, 'POST', f, changing) };
}

async function answerAll(b: ReturnType<typeof browser>): Promise<string> {
  for (const [page, fields] of STORY) expect(await b.post(page, fields)).toMatchObject({ kind: 'moved' });
  const check = await b.get('kontrollera');
  if (check.kind !== 'show') throw new Error(`check-answers: ${check.kind}`);
  return check.view.token;
}

const unavailable = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });

describe.each(testDatabases())('the journey of a request on $name', (tdb) => {
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

  it('moves on from an answered question to the next page the answers lead to, and keeps the answer', async () => {
    const b = browser(getDb);
    expect(await b.post('typ', { typ: 'synpunkt' })).toEqual({ kind: 'moved', location: `/e-tjanster/${SERVICE}/verksamhet` });
    const back = await b.get('typ');
    expect(back.kind === 'show' && back.view.values).toMatchObject({ typ: 'synpunkt' });
  });

  it('answers a question with mistakes with its errors and keeps what was posted', async () => {
    const b = browser(getDb);
    await b.post('typ', { typ: 'synpunkt' });
    await b.post('verksamhet', { verksamhet: 'ifo' });
    const r = await b.post('berattelse', { vadHande: '' });
    expect(r.kind).toBe('invalid');
    if (r.kind !== 'invalid') return;
    expect(r.view.errors.map((e) => e.path)).toEqual(['vadHande']);
    expect(r.view.values).toMatchObject({ vadHande: '' });
  });

  it('sends a page not yet reached to the page the answers lead to', async () => {
    const b = browser(getDb);
    expect(await b.get('kontrollera')).toEqual({ kind: 'moved', location: `/e-tjanster/${SERVICE}/typ` });
    expect(await b.post('kontrollera', { token: 'a'.repeat(24) })).toEqual({ kind: 'moved', location: `/e-tjanster/${SERVICE}/typ` });
  });

  it('returns to check-answers after an answer is changed from there', async () => {
    const b = browser(getDb);
    await answerAll(b);
    expect(await b.post('berattelse', { vadHande: 'Ändrat.' }, true)).toEqual({ kind: 'moved', location: `/e-tjanster/${SERVICE}/kontrollera` });
  });

  it('sends a completed journey once, however often the same form is posted, and shows the confirmation once', async () => {
    const b = browser(getDb);
    const token = await answerAll(b);
    const copy = new Map(b.cookies.values);
    expect(await b.post('kontrollera', { token })).toEqual({ kind: 'sent', location: `/e-tjanster/${SERVICE}/klart` });
    // A double click: the same form with the journey as it was.
    for (const [k, v] of copy) b.cookies.values.set(k, v);
    expect((await b.post('kontrollera', { token })).kind).toBe('sent');
    const shown = await b.get('klart');
    if (shown.kind !== 'show' || !shown.view.offered) throw new Error(shown.kind);
    const { receipt, pdf } = shown.view.offered;
    expect(await db.select().from(submissions).where(eq(submissions.reference, receipt.reference))).toHaveLength(1);
    expect(Buffer.from(pdf!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Shown once: a reload finds nothing to show.
    expect(await b.get('klart')).toEqual({ kind: 'moved', location: `/e-tjanster/${SERVICE}` });
  });

  it('refuses a new submission past the address\'s limit, writing nothing and keeping the answers', async () => {
    const first = browser(getDb, { address: '192.0.2.50', perHour: 1 });
    await first.post('kontrollera', { token: await answerAll(first) });
    const second = browser(getDb, { address: '192.0.2.50', perHour: 1 });
    const token = await answerAll(second);
    const before = await db.select().from(submissions);
    const r = await second.post('kontrollera', { token });
    expect(r.kind).toBe('limited');
    if (r.kind !== 'limited') return;
    expect(r.until.getTime()).toBeGreaterThan(Date.now());
    expect(r.view.rows.length).toBeGreaterThan(0);
    expect(await db.select().from(submissions)).toHaveLength(before.length);
    expect((await second.get('kontrollera')).kind).toBe('show');
  });

  it('says our database is unavailable when sending fails, writing nothing and keeping the answers', async () => {
    const b = browser(getDb);
    const token = await answerAll(b);
    // The database goes away after the life cycle was read: the submission's transaction fails.
    let transactions = 0;
    const failing = Object.create(db, { transaction: { value: (...a: Parameters<Db['transaction']>) => (transactions++ === 0 ? db.transaction(...a) : Promise.reject(unavailable)) } }) as Db;
    const down = browser(async () => failing);
    for (const [k, v] of b.cookies.values) down.cookies.values.set(k, v);
    const r = await down.post('kontrollera', { token });
    expect(r.kind).toBe('unavailable');
    if (r.kind === 'unavailable') expect(r.view.rows.map((row) => row.field.name)).toContain('vadHande');
    expect((await b.post('kontrollera', { token })).kind).toBe('sent');
  });

  it('lets the page answer 503 when the life cycle cannot be read, with the journey untouched', async () => {
    const b = browser(async () => {
      throw unavailable;
    });
    await expect(b.post('typ', { typ: 'synpunkt' })).rejects.toBe(unavailable);
    expect(b.cookies.written).toEqual([]);
  });

  it('answers an unknown e-tjänst or page with 404 and a retired e-tjänst with its retired page', async () => {
    expect(await browser(getDb, { serviceId: 'finns-inte' }).get('typ')).toEqual({ kind: 'notFound', path: '/404' });
    expect(await browser(getDb).get('finns-inte')).toEqual({ kind: 'notFound', path: '/404' });
    await changeLifecycle(db, { serviceId: 'familjeradgivning', to: 'avpublicerad', replacedBy: null, actorId: '00000000-0000-4000-8000-000000000001' });
    expect(await browser(getDb, { serviceId: 'familjeradgivning' }).get('vad')).toEqual({ kind: 'notFound', path: '/avpublicerad/familjeradgivning' });
  });

  it('sends someone who is not logged in to the login of an e-tjänst that requires e-legitimation', async () => {
    expect(await browser(getDb, { serviceId: 'trygghetslarm' }).get('vem-ansoker')).toMatchObject({ kind: 'moved', location: expect.stringMatching(/^\/logga-in\?tillbaka=/) });
  });
});
