/**
 * The editor's storage, on PGlite and (with DATABASE_URL) PostgreSQL: a new e-tjänst written with
 * the editor's changes is saved step by step with the optimistic check (a change from an outdated
 * reading is refused, nothing overwritten), its dry run shows the failing scenario and the preview's
 * compiled form under a namespace of its own, publishing by its author is refused when the setting
 * asks for a second person and accepted from another, a discarded draft is gone, and every change
 * is an audit event.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Db, DbHandle } from '../../../db/client.ts';
import { auditEvents, etjanstVersions, staffUsers } from '../../../db/schema.ts';
import type { FormInput } from '../../domain/forms/answers.ts';
import { addPage, addScenario, editField, editPage, editSettings, newDocument } from '../../domain/forms/document/edit.ts';
import { testDatabases } from '../test-db.ts';
import { dryRun, fieldTypesOf, readDraft, saveDraft, stamp } from './editor.ts';
import { createDraft, discardDraft, publishDraft } from './repository.ts';
import { getService } from './registry.ts';

vi.stubEnv('COOKIE_SECRET', 'test-only-cookie-secret-0123456789abcdef');

const form = (values: Record<string, string>): FormInput => ({ get: (n) => values[n] ?? null, getAll: (n) => (values[n] === undefined ? [] : [values[n]!]) });

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
