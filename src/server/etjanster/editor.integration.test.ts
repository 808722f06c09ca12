/**
 * The editor's storage, on PGlite and (with DATABASE_URL) PostgreSQL: a new e-tjänst written with
 * the editor's changes is saved step by step with the optimistic check (a change from an outdated
 * reading is refused, nothing overwritten), its dry run shows the failing scenario and the preview's
 * compiled form under a namespace of its own, publishing by its author is refused when the setting
 * asks for a second person and accepted from another, a discarded draft is gone, and every change
 * is an audit event. Fragments with their parameters, a repeating group, an any-route and renamed
 * ids are stored as the editor made them and published expanded.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Db, DbHandle } from '../../../db/client.ts';
import { auditEvents, etjanstVersions, staffUsers } from '../../../db/schema.ts';
import type { FormInput } from '../../domain/forms/answers.ts';
import { addField, addFragment, addInnerField, addPage, addScenario, editField, editPage, editSettings, moveInDocument, newDocument, renamePage, type Edit } from '../../domain/forms/document/edit.ts';
import type { DraftDocument } from '../../domain/forms/document/schema.ts';
import { testDatabases } from '../test-db.ts';
import { dryRun, fieldTypesOf, readDraft, saveDraft, stamp } from './editor.ts';
import { createDraft, discardDraft, publishDraft, publishedFragments } from './repository.ts';
import { getPublishedDocument, getService } from './registry.ts';

vi.stubEnv('COOKIE_SECRET', 'test-only-cookie-secret-0123456789abcdef');

const form = (values: Record<string, string | string[]>): FormInput => ({
  get: (n) => {
    const v = values[n];
    return v === undefined ? null : Array.isArray(v) ? (v[0] ?? null) : v;
  },
  getAll: (n) => {
    const v = values[n];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  },
});
const ok = (e: Edit): DraftDocument => {
  if (!e.ok) throw new Error(`refused: ${JSON.stringify(e.errors)}`);
  return e.doc;
};

describe.each(testDatabases())('the e-tjänst editor on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  let ada: string;
  let bo: string;

  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
    const rows = await db
      .insert(staffUsers)
      .values([
        { username: 'ada', displayName: 'Ada', passwordHash: 'not-a-login', roles: ['redaktor'], areas: [] },
        { username: 'bo', displayName: 'Bo', passwordHash: 'not-a-login', roles: ['redaktor'], areas: [] },
      ])
      .returning();
    ada = rows[0]!.id;
    bo = rows[1]!.id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('saves a new e-tjänst change by change, refuses a stale change, runs its scenarios and publishes it by a second person', async () => {
    const created = newDocument(form({ id: 'stodsamtal-prov', 'title.sv': 'Stödsamtal prov', 'summary.sv': 'Samtal.', area: 'ifo', matter: 'ansokan' }));
    if (!created.ok) throw new Error('refused');
    const c = await createDraft(db, created.doc, { actorId: ada });
    expect(c).toEqual({ ok: true, serviceId: 'stodsamtal-prov', version: 1 });

    let draft = (await readDraft(db, 'stodsamtal-prov'))!;
    const seenByBo = stamp(draft.row);
    const withExit = addPage(draft.doc, form({ id: 'nej', kind: 'exit', 'title.sv': 'Tyvärr', 'body.sv': 'Ring oss.' }));
    if (!withExit.ok) throw new Error('refused');
    expect(await saveDraft(db, draft, withExit.doc, stamp(draft.row), { actorId: ada })).toBe('ok');

    // Bo read the draft before Ada's change: his change is refused, hers stays.
    const settings = editSettings(draft.doc, form({ 'title.sv': 'Bos namn', area: 'ifo', category: 'ifo', matter: 'ansokan', submitters: 'self', retentionYears: '2' }));
    if (!settings.ok) throw new Error('refused');
    expect(await saveDraft(db, draft, settings.doc, seenByBo, { actorId: bo })).toBe('stale');
    draft = (await readDraft(db, 'stodsamtal-prov'))!;
    expect(draft.doc.title).toEqual({ sv: 'Stödsamtal prov' });
    expect((draft.doc.pages as { id: string }[]).map((p) => p.id)).toContain('nej');

    // A route to the exit page and a scenario that expects the wrong page: the dry run says so.
    const labelled = editField(draft.doc, 'fraga', 'svar', form({ 'field.name': 'svar', 'field.label.sv': 'Vad vill du?' }));
    if (!labelled.ok) throw new Error('refused');
    const routed = editPage(labelled.doc, 'fraga', form({ 'title.sv': 'Vad vill du?', 'route.0.0.field': 'svar', 'route.0.0.value': 'inget', 'route.0.goto': 'nej' }));
    if (!routed.ok) throw new Error('refused');
    const withScenario = addScenario(routed.doc, form({ 'scenario.name': 'inget leder ut', 'scenario.answers': 'svar = inget', 'scenario.end': 'kontrollera' }), await fieldTypesOf(db, routed.doc));
    if (!withScenario.ok) throw new Error('refused');
    expect(await saveDraft(db, draft, withScenario.doc, stamp(draft.row), { actorId: ada })).toBe('ok');
    draft = (await readDraft(db, 'stodsamtal-prov'))!;
    const run = await dryRun(db, draft.doc);
    expect(run.problems.map((p) => p.code)).toEqual(['scenarioFailed']);
    expect(run.scenarios?.map((s) => s.passed)).toEqual([false]);
    // The preview has the draft's texts under a namespace of its own, not the version's.
    expect(run.compiled?.namespace).toMatch(/^etj-preview\.stodsamtal-prov\./);
    expect(run.compiled?.definition.title).toMatch(/^etj-preview\.stodsamtal-prov\.[0-9a-f]+:title$/);
    expect((await publishDraft(db, 'stodsamtal-prov', 1, { actorId: bo })).ok).toBe(false);

    const fixed = { ...draft.doc, scenarios: [{ ...draft.doc.scenarios[0]!, expect: { end: 'nej' } }] };
    expect(await saveDraft(db, draft, fixed as typeof draft.doc, stamp(draft.row), { actorId: ada })).toBe('ok');
    expect((await dryRun(db, (await readDraft(db, 'stodsamtal-prov'))!.doc)).problems).toEqual([]);

    // Four eyes: Ada wrote it and may not publish it; Bo may.
    const byAda = await publishDraft(db, 'stodsamtal-prov', 1, { actorId: ada }, { requireSecondPerson: true });
    expect(byAda.ok ? [] : byAda.problems.map((p) => p.code)).toEqual(['secondPersonRequired']);
    expect(await getService(db, 'stodsamtal-prov')).toBeUndefined();
    const byBo = await publishDraft(db, 'stodsamtal-prov', 1, { actorId: bo }, { requireSecondPerson: true });
    expect(byBo.ok).toBe(true);
    expect((await getService(db, 'stodsamtal-prov'))?.version).toBe(1);

    const events = await db.select({ action: auditEvents.action, actorId: auditEvents.actorId }).from(auditEvents).where(eq(auditEvents.subjectId, 'stodsamtal-prov'));
    expect(events.map((e) => e.action)).toEqual(['etjanst.drafted', 'etjanst.draft.changed', 'etjanst.draft.changed', 'etjanst.draft.changed', 'etjanst.published']);
    expect(events.at(-1)?.actorId).toBe(bo);
  });

  it('saves fragments with their parameters, a repeating group, an any-route and renames, and publishes them expanded', async () => {
    const fragments = await publishedFragments(db);
    const source = (n: string) => fragments.get(n);
    let doc = ok(newDocument(form({ id: 'familjestod-prov', 'title.sv': 'Familjestöd prov', 'summary.sv': 'Stöd.', area: 'ifo', matter: 'ansokan' })));
    expect((await createDraft(db, doc, { actorId: ada })).ok).toBe(true);
    doc = ok(addFragment(doc, fragments.get('ifo-sekretess')!, form({})));
    doc = ok(addFragment(doc, fragments.get('ifo-tolk')!, form({ 'param.then': 'kontrollera' })));
    doc = ok(moveInDocument(doc, 'start', 0, 'remove'));
    doc = ok(addField(doc, 'fraga', form({ 'field.type': 'repeat', 'field.name': 'barn', 'field.label.sv': 'Dina barn', 'field.optional': 'ja', 'repeat.itemLabel.sv': 'Barn {{n}}', 'repeat.min': '0', 'repeat.max': '3', 'repeat.first.type': 'text', 'repeat.first.name': 'barnNamn', 'repeat.first.label.sv': 'Barnets namn' })));
    doc = ok(addInnerField(doc, 'fraga', 'barn', form({ 'field.type': 'personnummer', 'field.name': 'barnPnr', 'field.label.sv': 'Barnets personnummer' })));
    doc = ok(addPage(doc, form({ id: 'ingen-hjalp', kind: 'exit', 'title.sv': 'Vi kan inte hjälpa dig här', 'body.sv': 'Ring oss på {{phone}}.' })));
    doc = ok(editPage(doc, 'fraga', form({ 'title.sv': 'Vad behöver du?', 'route.0.goto': 'ingen-hjalp', 'route.0.combine': 'any', 'route.0.0.field': 'svar', 'route.0.0.value': 'nej', 'route.0.1.field': 'svar', 'route.0.1.value': 'vet inte' })));
    doc = ok(editField(doc, 'fraga', 'svar', form({ 'field.name': 'behov', 'field.label.sv': 'Vad behöver du?' })));
    doc = ok(renamePage(doc, 'fraga', 'behov', source));
    doc = ok(addScenario(doc, form({ 'scenario.name': 'vet inte leder ut', 'scenario.answers': 'behov = vet inte\nbarn =', 'scenario.end': 'ingen-hjalp' }), await fieldTypesOf(db, doc)));
    const draft = (await readDraft(db, 'familjestod-prov'))!;
    expect(await saveDraft(db, draft, doc, stamp(draft.row), { actorId: ada })).toBe('ok');

    const stored = (await readDraft(db, 'familjestod-prov'))!.doc;
    // The template's start section was removed; the fragment is the start page now.
    expect(stored.start).toEqual([{ fragment: 'ifo-sekretess', params: {} }]);
    expect((stored.pages as { fragment?: string; params?: object }[]).find((p) => p.fragment === 'ifo-tolk')?.params).toEqual({ then: 'kontrollera' });
    const run = await dryRun(db, stored);
    expect(run.problems).toEqual([]);
    expect(run.scenarios?.map((r) => r.passed)).toEqual([true]);
    // Published, the fragments are expanded: the document stands alone.
    const published = await publishDraft(db, 'familjestod-prov', 1, { actorId: bo });
    expect(published.ok).toBe(true);
    expect((await getService(db, 'familjestod-prov'))?.version).toBe(1);
    const pages = (await getPublishedDocument(db, 'familjestod-prov', 1))!.pages;
    expect(pages.map((p) => p.id)).toEqual(['behov', 'tolk', 'tolk-sprak', 'ingen-hjalp', 'kontrollera', 'klart']);
    const behov = pages.find((p) => p.id === 'behov')!;
    expect(behov.kind === 'question' && behov.next).toEqual([{ when: { any: [{ field: 'behov', equals: 'nej' }, { field: 'behov', equals: 'vet inte' }] }, goto: 'ingen-hjalp' }]);
    expect(behov.kind === 'question' && behov.fields.find((f) => f.type === 'repeat')).toMatchObject({ min: 0, max: 3, fields: [{ name: 'barnNamn' }, { name: 'barnPnr' }] });
  });

  it('throws a draft away, audited, and never a published version', async () => {
    const created = newDocument(form({ id: 'kastas', 'title.sv': 'Kastas', area: 'ifo', matter: 'fraga' }));
    if (!created.ok) throw new Error('refused');
    await createDraft(db, created.doc, { actorId: ada });
    expect((await discardDraft(db, 'kastas', 1, { actorId: ada })).ok).toBe(true);
    expect(await db.select().from(etjanstVersions).where(eq(etjanstVersions.serviceId, 'kastas'))).toEqual([]);
    expect((await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, 'kastas'), eq(auditEvents.action, 'etjanst.draft.discarded')))).length).toBe(1);
    expect((await discardDraft(db, 'tvatt', 1, { actorId: ada })).ok).toBe(false);
  });
});
