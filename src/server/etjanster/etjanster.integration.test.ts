/**
 * E-tjänster in the database, on PGlite and (with DATABASE_URL) PostgreSQL: the seed is loaded
 * once and published; a published version cannot be changed, even by hand in SQL; a draft is
 * created, changed, published (the one before it superseded) and retired, each step audited, and the
 * registry follows at once. And the proof the documents exist for: a case sent under a version is
 * shown exactly as before — case page, JSON export, PDF receipt, Mina sidor — after a new version
 * with a changed text and a changed shared fragment has been published.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbHandle } from '../../../db/client.ts';
import { auditEvents, etjanstFragments, etjanstVersions, serviceLifecycle, serviceLifecycleEvents, staffUsers, submissions } from '../../../db/schema.ts';
import { observe, scenario as scenarioSchema } from '../../domain/forms/document/scenario.ts';
import { translator } from '../../i18n/index.ts';
import { textParamsFor, displayLineWithLabel } from '../../i18n/display.ts';
import { testDatabases } from '../test-db.ts';
import { receiveSubmission, type Received } from '../submissions.ts';
import { receiptPdf } from '../receipts.ts';
import { buildCaseDocument } from '../delivery/case-document.ts';
import { handleCaseRequest } from '../case-page.ts';
import { listMyCases } from '../citizen/my-cases.ts';
import { createDraft, publishDraft, publishFragment, retireVersion, updateDraft } from './repository.ts';
import { loadSeed, seedEtjanster } from './seed.ts';
import { currentServices, getService, getServiceVersion, latestVersion } from './registry.ts';
import { exportVersion, importDraft } from './transfer.ts';

vi.stubEnv('COOKIE_SECRET', 'test-only-cookie-secret-0123456789abcdef');

const SEED = path.resolve('db/seed');
const readSeed = (file: string) => JSON.parse(readFileSync(path.join(SEED, file), 'utf8')) as Record<string, unknown>;
const TEXT_PARAMS = { municipality: 'Askersunds kommun', phone: '0583-810 00', email: 'socialtjansten@askersund.se' };
const PNR = '19450110-3297';

/** A copy of a JSON value with the first Swedish text found (depth first) changed. */
function changeFirstSwedish(value: unknown, suffix: string): unknown {
  let done = false;
  const walk = (v: unknown): unknown => {
    if (done || typeof v !== 'object' || v === null) return v;
    if (Array.isArray(v)) return v.map(walk);
    const o = v as Record<string, unknown>;
    if (typeof o.sv === 'string') {
      done = true;
      return { ...o, sv: `${o.sv}${suffix}` };
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, walk(x)]));
  };
  const out = walk(value);
  if (!done) throw new Error('no Swedish text to change');
  return out;
}

describe.each(testDatabases())('e-tjänster in the database on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  let staffId: string;

  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
    const [row] = await db.insert(staffUsers).values({ username: 'ella', displayName: 'Ella', passwordHash: 'not-a-login', roles: ['handlaggare'], areas: ['aldreomsorg'] }).returning();
    staffId = row!.id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('has the seed published once: every seeded version, trygghetslarm v1 superseded by v2, every fragment', async () => {
    const rows = await db.select({ id: etjanstVersions.serviceId, version: etjanstVersions.version, state: etjanstVersions.state, hash: etjanstVersions.hash }).from(etjanstVersions);
    const seed = loadSeed();
    expect(rows).toHaveLength(seed.documents.length);
    expect(rows.find((r) => r.id === 'trygghetslarm' && r.version === 1)?.state).toBe('superseded');
    expect(rows.find((r) => r.id === 'trygghetslarm' && r.version === 2)?.state).toBe('published');
    expect(rows.filter((r) => r.state === 'published')).toHaveLength(15);
    for (const d of seed.documents) expect(rows.find((r) => r.id === d.id && r.version === d.version)?.hash).toBe(d.hash);
    expect(await db.select().from(etjanstFragments)).toHaveLength(seed.fragments.length);
    // Loading it again (another instance starting, a restart) changes nothing.
    expect(await seedEtjanster(db)).toEqual([]);
    expect(await db.select().from(etjanstVersions)).toHaveLength(seed.documents.length);
    expect(await db.select().from(etjanstFragments)).toHaveLength(seed.fragments.length);
    expect((await currentServices(db)).map((s) => s.id)).toHaveLength(15);
  });

  it('refuses, in the database itself, to change or delete a published version or fragment', async () => {
    const tryIt = (q: ReturnType<typeof sql>) => db.execute(q).then(() => 'changed', () => 'refused');
    expect(await tryIt(sql`update etjanst_versions set document = '{}'::jsonb where service_id = 'tvatt' and version = 1`)).toBe('refused');
    expect(await tryIt(sql`update etjanst_versions set hash = 'x' where service_id = 'tvatt' and version = 1`)).toBe('refused');
    expect(await tryIt(sql`update etjanst_versions set state = 'draft' where service_id = 'tvatt' and version = 1`)).toBe('refused');
    expect(await tryIt(sql`delete from etjanst_versions where service_id = 'tvatt' and version = 1`)).toBe('refused');
    expect(await tryIt(sql`update etjanst_fragments set document = '{}'::jsonb where name = 'ifo-tolk'`)).toBe('refused');
    expect(await tryIt(sql`delete from etjanst_fragments where name = 'ifo-tolk'`)).toBe('refused');
    // One draft per e-tjänst: a second one is refused by the database as well.
    expect(await tryIt(sql`insert into etjanst_versions (service_id, version, state, document) values ('tvatt', 90, 'draft', '{}'::jsonb)`)).toBe('changed');
    expect(await tryIt(sql`insert into etjanst_versions (service_id, version, state, document) values ('tvatt', 91, 'draft', '{}'::jsonb)`)).toBe('refused');
    expect(await tryIt(sql`delete from etjanst_versions where service_id = 'tvatt' and version = 90`)).toBe('changed');
    const [tvatt] = await db.select().from(etjanstVersions).where(and(eq(etjanstVersions.serviceId, 'tvatt'), eq(etjanstVersions.version, 1)));
    expect(tvatt?.hash).toBe(loadSeed().documents.find((d) => d.id === 'tvatt')!.hash);
  });

  it('refuses a draft that is not a document, with the problems and nothing written', async () => {
    const before = await db.select().from(etjanstVersions);
    const r = await createDraft(db, { format: 1, id: 'Inte ett id', pages: 'nej' }, { actorId: staffId });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toContain('invalid');
    expect(await db.select().from(etjanstVersions)).toHaveLength(before.length);
  });

  it('answers "no such version" to ids and versions the database could not even be asked about, and refuses a document with a control character', async () => {
    // A NUL cannot be sent to PostgreSQL at all, and a version beyond the integer column is refused as an error.
    for (const id of ['kontakta-socialtjansten\u0000', '\u0000', 'Kontakta-Socialtjansten', 'x'.repeat(101)]) {
      expect(await getService(db, id)).toBeUndefined();
      expect(await latestVersion(db, id)).toBeUndefined();
      expect(await getServiceVersion(db, id, 1)).toBeUndefined();
    }
    for (const version of [0, -1, 1.5, 2_147_483_648, 1e20, Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(await getServiceVersion(db, 'kontakta-socialtjansten', version)).toBeUndefined();
      expect(await exportVersion(db, 'kontakta-socialtjansten', version, { actorId: staffId })).toBeUndefined();
      expect(await publishDraft(db, 'kontakta-socialtjansten', version, { actorId: staffId })).toMatchObject({ ok: false, problems: [{ code: 'noSuchDraft' }] });
      expect(await retireVersion(db, 'kontakta-socialtjansten', version, { actorId: staffId })).toMatchObject({ ok: false, problems: [{ code: 'notPublished' }] });
    }
    expect((await latestVersion(db, 'kontakta-socialtjansten'))?.id).toBe('kontakta-socialtjansten');

    const before = (await db.select().from(etjanstVersions)).length;
    const seeded = loadSeed().documents.find((d) => d.id === 'kontakta-socialtjansten')!.document;
    const withNul = changeFirstSwedish(seeded, ' \u0000');
    const r = await importDraft(db, { name: 'x.json', bytes: new TextEncoder().encode(JSON.stringify(withNul)) }, { actorId: staffId });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(['controlCharacter']);
    expect(r.ok ? [] : r.problems[0]!.path!.length).toBeGreaterThan(0);
    expect(await createDraft(db, { ...(seeded as object), ['id\u0007']: 'x' }, { actorId: staffId })).toMatchObject({ ok: false, problems: [{ code: 'controlCharacter' }] });
    expect((await db.select().from(etjanstVersions)).length).toBe(before);
  });

  it('exports a published version as its document, audited, and imports a file as a draft or refuses it with nothing written', async () => {
    const file = await exportVersion(db, 'kontakta-socialtjansten', 1, { actorId: staffId, ip: '192.0.2.1' });
    expect(file?.fileName).toBe('kontakta-socialtjansten-v1.json');
    expect(JSON.parse(file!.body)).toEqual(loadSeed().documents.find((d) => d.id === 'kontakta-socialtjansten')!.document);
    const [exported] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'etjanst.exported'), eq(auditEvents.subjectId, 'kontakta-socialtjansten')));
    expect(exported).toMatchObject({ actorId: staffId, ip: '192.0.2.1', details: { version: 1 } });
    expect(await exportVersion(db, 'kontakta-socialtjansten', 9, { actorId: staffId })).toBeUndefined();

    const before = (await db.select().from(etjanstVersions)).length;
    const bytes = (text: string) => ({ name: 'x.json', bytes: new TextEncoder().encode(text) });
    expect(await importDraft(db, undefined, { actorId: staffId })).toMatchObject({ ok: false, problems: [{ code: 'noFile' }] });
    expect(await importDraft(db, bytes('{ inte json'), { actorId: staffId })).toMatchObject({ ok: false, problems: [{ code: 'notJson' }] });
    expect(await importDraft(db, bytes(JSON.stringify({ ...JSON.parse(file!.body), pages: [] })), { actorId: staffId })).toMatchObject({ ok: false, problems: [{ code: 'invalid' }] });
    expect((await db.select().from(etjanstVersions)).length).toBe(before);

    expect(await importDraft(db, bytes(file!.body), { actorId: staffId })).toEqual({ ok: true, serviceId: 'kontakta-socialtjansten', version: 2 });
    const published = await publishDraft(db, 'kontakta-socialtjansten', 2, { actorId: staffId });
    expect(published.ok).toBe(true);
    // The same content under another version number: only the version differs.
    if (published.ok) expect({ ...published.document, version: 1 }).toEqual(JSON.parse(file!.body));
  });

  describe('a new version of a live e-tjänst, and a case sent under the one before', () => {
    let sent: Received;
    const key = 'trygghetslarm:proof-aaaaaaaaaaaaaaaaa';
    const ella = () => ({ id: staffId, roles: ['handlaggare' as const], areas: ['aldreomsorg' as const] });

    /** Everything a person sees of the case: the case page, the JSON export, the PDF receipt, Mina sidor. */
    async function seen(): Promise<{ casePage: string; exported: string; pdf: Buffer; minaSidor: string }> {
      const t = translator('sv');
      const outcome = await handleCaseRequest({ reference: sent.reference, method: 'GET', request: new Request('http://localhost/'), user: ella(), ip: undefined }, async () => db);
      if (outcome.kind !== 'page' || !outcome.view.def || !outcome.view.sub) throw new Error('no case page');
      const { def, sub, rows } = outcome.view;
      const params = textParamsFor(def, sub.answers, TEXT_PARAMS);
      const casePage = JSON.stringify({ title: t(def.title, params), rows: rows.map((r) => ({ label: t(r.field.label, params), lines: r.lines.map((l) => displayLineWithLabel(t, l, params)) })) });
      const doc = await buildCaseDocument(db, sent.id, { now: new Date('2026-12-01T12:00:00Z') });
      // The export's timeline grows as the case is read (each read is audited); the rest must not move.
      const { timeline: _timeline, ...exported } = doc!;
      const pdf = (await receiptPdf(db, { id: sent.id, token: key }, { t, lang: 'sv', textParams: TEXT_PARAMS }))!.pdf;
      const mine = (await listMyCases(db, PNR)).find((c) => c.reference === sent.reference)!;
      const version = (await getServiceVersion(db, mine.serviceId, mine.serviceVersion))!;
      return { casePage, exported: JSON.stringify(exported), pdf, minaSidor: t(version.title, TEXT_PARAMS) };
    }

    let before: Awaited<ReturnType<typeof seen>>;

    beforeAll(async () => {
      const def = (await getService(db, 'trygghetslarm'))!;
      expect(def.version).toBe(2);
      const check = def.pages.find((p) => p.kind === 'checkAnswers')!.id;
      const complete = loadSeed()
        .documents.find((d) => d.id === 'trygghetslarm' && d.version === 2)!
        .document.scenarios.map((s) => scenarioSchema.parse(s))
        .filter((s) => !s.rules)
        .find((s) => { const o = observe(def, s, { today: s.today ? new Date(s.today) : new Date() }); return o.complete && o.end === check; })!;
      sent = await receiveSubmission(db, {
        serviceId: def.id, serviceVersion: def.version, serviceHash: def.hash, area: def.area, answers: complete.answers as Record<string, unknown>,
        subjectPersonnummer: PNR, subjectName: 'Greta Testberg', submitterName: null, submitterPersonnummer: PNR, onBehalf: false, idempotencyKey: key,
      });
      before = await seen();
    });

    it('records the version and its hash with the case', async () => {
      const [row] = await db.select({ version: submissions.serviceVersion, hash: submissions.serviceHash }).from(submissions).where(eq(submissions.id, sent.id));
      expect(row).toEqual({ version: 2, hash: (await getService(db, 'trygghetslarm'))!.hash });
    });

    it('drafts, changes and publishes version 3 with a changed text and a changed shared fragment; the case is shown byte for byte as before', async () => {
      // A shared fragment changes: a new published version of it.
      const fragment = changeFirstSwedish(readSeed('fragments/forenklad-avgift.json'), ' (ändrad del)');
      const f = await publishFragment(db, fragment, { actorId: staffId });
      expect(f).toMatchObject({ ok: true, name: 'forenklad-avgift', version: 2, created: true });

      // A draft from the e-tjänst's own document, its title changed.
      const source = readSeed('e-tjanster/trygghetslarm/v2.json');
      const drafted = await createDraft(db, source, { actorId: staffId });
      expect(drafted).toEqual({ ok: true, serviceId: 'trygghetslarm', version: 3 });
      expect(await createDraft(db, source, { actorId: staffId })).toMatchObject({ ok: false, problems: [{ code: 'draftExists' }] });
      const changed = { ...source, version: 3, title: { sv: 'Ansök om trygghetslarm (ny version)', en: 'Apply for a personal safety alarm (new version)' } };
      expect(await updateDraft(db, 'trygghetslarm', 3, changed, { actorId: staffId })).toEqual({ ok: true });
      // A draft is not what citizens get.
      expect((await getService(db, 'trygghetslarm'))!.version).toBe(2);

      const published = await publishDraft(db, 'trygghetslarm', 3, { actorId: staffId });
      expect(published.ok ? [] : published.problems).toEqual([]);

      // The registry follows at once: version 3, with both changes in it.
      const now = (await getService(db, 'trygghetslarm'))!;
      expect(now.version).toBe(3);
      const t = translator('sv');
      expect(t(now.title, TEXT_PARAMS)).toBe('Ansök om trygghetslarm (ny version)');
      const doc = JSON.stringify((await db.select({ d: etjanstVersions.document }).from(etjanstVersions).where(and(eq(etjanstVersions.serviceId, 'trygghetslarm'), eq(etjanstVersions.version, 3))))[0]!.d);
      expect(doc).toContain('(ändrad del)');
      const states = await db.select({ version: etjanstVersions.version, state: etjanstVersions.state }).from(etjanstVersions).where(eq(etjanstVersions.serviceId, 'trygghetslarm'));
      expect(states.sort((a, b) => a.version - b.version).map((s) => s.state)).toEqual(['superseded', 'superseded', 'published']);

      // The earlier case: exactly as it was.
      const after = await seen();
      expect(after.casePage).toBe(before.casePage);
      expect(after.exported).toBe(before.exported);
      expect(Buffer.compare(after.pdf, before.pdf)).toBe(0);
      expect(after.minaSidor).toBe(before.minaSidor);
      expect(after.minaSidor).toBe('Ansök om trygghetslarm');
      expect(after.casePage).not.toContain('(ändrad del)');

      // Each step is an audit event, with who did it.
      const events = await db.select({ action: auditEvents.action, actorId: auditEvents.actorId }).from(auditEvents).where(eq(auditEvents.subjectId, 'trygghetslarm'));
      expect(events.filter((e) => e.actorId === staffId).map((e) => e.action)).toEqual(['etjanst.drafted', 'etjanst.draft.changed', 'etjanst.published']);
    });

    it('refuses to publish a draft whose scenario fails, and keeps it a draft', async () => {
      const source = readSeed('e-tjanster/tvatt/v1.json') as { scenarios: { expect: Record<string, unknown> }[] };
      const broken = { ...source, scenarios: [{ ...source.scenarios[0]!, expect: { complete: true, end: 'no-such-page' } }] };
      const drafted = await createDraft(db, broken, { actorId: staffId });
      expect(drafted).toMatchObject({ ok: true, version: 2 });
      const r = await publishDraft(db, 'tvatt', 2, { actorId: staffId });
      expect(r.ok ? [] : r.problems.map((p) => p.code)).toContain('scenarioFailed');
      const [row] = await db.select({ state: etjanstVersions.state }).from(etjanstVersions).where(and(eq(etjanstVersions.serviceId, 'tvatt'), eq(etjanstVersions.version, 2)));
      expect(row?.state).toBe('draft');
      expect((await getService(db, 'tvatt'))!.version).toBe(1);
    });

    it('retires the current version: the e-tjänst is avpublicerad, its cases still shown from their version', async () => {
      const eventsBefore = await db.select().from(serviceLifecycleEvents).where(eq(serviceLifecycleEvents.serviceId, 'trygghetslarm'));
      expect(await retireVersion(db, 'trygghetslarm', 3, { actorId: staffId })).toEqual({ ok: true });
      expect(await getService(db, 'trygghetslarm')).toBeUndefined();
      const [lc] = await db.select().from(serviceLifecycle).where(eq(serviceLifecycle.serviceId, 'trygghetslarm'));
      expect(lc?.state).toBe('avpublicerad');
      const eventsAfter = await db.select().from(serviceLifecycleEvents).where(eq(serviceLifecycleEvents.serviceId, 'trygghetslarm'));
      expect(eventsAfter.length - eventsBefore.length).toBe(1);
      expect((await getServiceVersion(db, 'trygghetslarm', 2))!.version).toBe(2);
      expect((await seen()).casePage).toBe(before.casePage);
      expect(await retireVersion(db, 'trygghetslarm', 3, { actorId: staffId })).toMatchObject({ ok: false });
    });
  });

});
