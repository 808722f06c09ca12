import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, like } from 'drizzle-orm';
import { tmpdir } from 'node:os';
import { openDatabase, type Db, type DbHandle } from '../../db/client.ts';
import { auditEvents, caseNotes, drafts, submissions, surveyInvitations, surveyPeriods, surveyResponses, surveySentForms, uploads } from '../../db/schema.ts';
import { testDatabases } from './test-db.ts';
import { receiveSubmission } from './submissions.ts';
import { planGallring, runGallring, type RetentionRule } from './gallring.ts';

// Skatteverket test personnummer.
const PNR = '19400104-2383';
const NAME = 'Gallring Testperson';
const NOW = new Date('2031-06-15T10:00:00Z');
const RULES: RetentionRule[] = [
  { id: 'synpunkter-och-klagomal', version: 1, retention: { yearsAfterClosed: 2 } },
  { id: 'ekonomiskt-bistand', version: 1, retention: { yearsAfterClosed: 5 } },
];

let n = 0;
async function closedCase(db: Db, serviceId: string, status: string, closedAt: Date | null, serviceVersion = 1): Promise<{ id: string; reference: string }> {
  const key = `gallring-${++n}`;
  const r = await receiveSubmission(db, {
    serviceId,
    serviceVersion,
    area: 'ifo',
    answers: { fornamn: 'Gallring', efternamn: 'Testperson', personnummer: PNR },
    subjectPersonnummer: PNR,
    subjectName: NAME,
    submitterName: null,
    onBehalf: false,
    idempotencyKey: key,
  }, new Date('2025-01-10T09:00:00Z'));
  await db.update(submissions).set({ status, closedAt }).where(eq(submissions.id, r.id));
  return r;
}

describe.each(testDatabases())('gallring on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  const ids: Record<string, string> = {};
  const refs: Record<string, string> = {};

  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
    // Synpunkt closed three years ago (rule: 2 years) → goes, with its attachment and note.
    const old = await closedCase(db, 'synpunkter-och-klagomal', 'avslutad', new Date('2028-05-01T00:00:00Z'));
    // Makulerad three years ago → goes too.
    const voided = await closedCase(db, 'synpunkter-och-klagomal', 'makulerad', new Date('2028-03-01T00:00:00Z'));
    // Synpunkt closed one year ago → kept.
    const recent = await closedCase(db, 'synpunkter-och-klagomal', 'avslutad', new Date('2030-06-01T00:00:00Z'));
    // Ekonomiskt bistånd closed three years ago (rule: 5 years) → kept.
    const longer = await closedCase(db, 'ekonomiskt-bistand', 'avslutad', new Date('2028-05-01T00:00:00Z'));
    // Still open, long ago → kept whatever its age.
    const open = await closedCase(db, 'synpunkter-och-klagomal', 'under_handlaggning', null);
    // Closed long ago under a version with no known rule → kept and reported.
    const unknown = await closedCase(db, 'synpunkter-och-klagomal', 'avslutad', new Date('2020-01-01T00:00:00Z'), 99);
    Object.assign(ids, { old: old.id, voided: voided.id, recent: recent.id, longer: longer.id, open: open.id, unknown: unknown.id });
    Object.assign(refs, { old: old.reference, voided: voided.reference });

    await db.insert(uploads).values([
      { journeyKey: 'k-old', serviceId: 'synpunkter-och-klagomal', fieldName: 'bilaga', fileName: 'intyg.pdf', kind: 'pdf', size: 3, data: new Uint8Array([1, 2, 3]), submissionId: old.id, createdAt: new Date('2025-01-10T09:00:00Z') },
      { journeyKey: 'k-recent', serviceId: 'synpunkter-och-klagomal', fieldName: 'bilaga', fileName: 'intyg.pdf', kind: 'pdf', size: 3, data: new Uint8Array([1, 2, 3]), submissionId: recent.id, createdAt: new Date('2025-01-10T09:00:00Z') },
      // Abandoned journeys: one two days old (goes), one an hour old (kept), one kept by a draft.
      { id: '00000000-0000-4000-8000-00000000a001', journeyKey: 'k-abandoned', serviceId: 'ekonomiskt-bistand', fieldName: 'bilaga', fileName: 'lon.pdf', kind: 'pdf', size: 3, data: new Uint8Array([1, 2, 3]), createdAt: new Date('2031-06-13T10:00:00Z') },
      { id: '00000000-0000-4000-8000-00000000a002', journeyKey: 'k-fresh', serviceId: 'ekonomiskt-bistand', fieldName: 'bilaga', fileName: 'lon.pdf', kind: 'pdf', size: 3, data: new Uint8Array([1, 2, 3]), createdAt: new Date('2031-06-15T09:00:00Z') },
      { id: '00000000-0000-4000-8000-00000000a003', journeyKey: 'k-draft', serviceId: 'ekonomiskt-bistand', fieldName: 'bilaga', fileName: 'lon.pdf', kind: 'pdf', size: 3, data: new Uint8Array([1, 2, 3]), createdAt: new Date('2031-06-01T09:00:00Z') },
    ]);
    await db.insert(caseNotes).values({ submissionId: old.id, authorId: '00000000-0000-4000-8000-0000000000aa', body: 'Anteckning om Gallring Testperson' });

    const [expired] = await db.insert(drafts).values({ ownerPersonnummer: PNR, serviceId: 'ekonomiskt-bistand', serviceVersion: 1, answers: { fornamn: 'Gallring' }, expiresAt: new Date('2031-06-14T00:00:00Z') }).returning({ id: drafts.id });
    const [live] = await db
      .insert(drafts)
      .values({ ownerPersonnummer: PNR, serviceId: 'ekonomiskt-bistand', serviceVersion: 1, answers: { bilaga: { id: '00000000-0000-4000-8000-00000000a003', name: 'lon.pdf' } }, expiresAt: new Date('2031-07-01T00:00:00Z') })
      .returning({ id: drafts.id });
    Object.assign(ids, { expiredDraft: expired!.id, liveDraft: live!.id });

    // Survey periods: one closed two years ago (codes go, answers stay), one closed last month (kept).
    const [oldPeriod] = await db.insert(surveyPeriods).values({ surveyId: 'hemtjanst', surveyVersion: 1, name: 'Våren 2029', opensOn: '2029-03-01', closesOn: '2029-04-30', status: 'closed' }).returning({ id: surveyPeriods.id });
    const [newPeriod] = await db.insert(surveyPeriods).values({ surveyId: 'hemtjanst', surveyVersion: 1, name: 'Våren 2031', opensOn: '2031-03-01', closesOn: '2031-05-15', status: 'closed' }).returning({ id: surveyPeriods.id });
    const batchId = '00000000-0000-4000-8000-0000000000bb';
    await db.insert(surveyInvitations).values([
      { codeHash: 'hash-old-1', periodId: oldPeriod!.id, batchId },
      { codeHash: 'hash-old-2', periodId: oldPeriod!.id, batchId },
      { codeHash: 'hash-new-1', periodId: newPeriod!.id, batchId },
    ]);
    await db.insert(surveyResponses).values({ periodId: oldPeriod!.id, surveyId: 'hemtjanst', surveyVersion: 1, answers: { q1: 4 }, submittedOn: '2029-04-01' });
    // Marks of sent survey forms: two from before the last two days, one from yesterday.
    await db.insert(surveySentForms).values([
      { tokenHash: 'sent-old-1', sentOn: '2031-06-01' },
      { tokenHash: 'sent-old-2', sentOn: '2031-06-12' },
      { tokenHash: 'sent-recent', sentOn: '2031-06-14' },
    ]);
    Object.assign(ids, { oldPeriod: oldPeriod!.id, newPeriod: newPeriod!.id });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('a dry run lists what the rules say may go and changes nothing', async () => {
    const before = (await db.select({ id: submissions.id }).from(submissions)).length;
    const report = await planGallring(db, { now: NOW, rules: RULES });
    const dry = await runGallring(db, { now: NOW, rules: RULES, dryRun: true });
    expect(dry.items).toEqual(report.items);
    const cases = report.items.filter((i) => i.kind === 'case').map((i) => i.id).sort();
    expect(cases).toEqual([ids.old, ids.voided].sort());
    expect(report.items.filter((i) => i.kind === 'draft').map((i) => i.id)).toEqual([ids.expiredDraft]);
    expect(report.items.filter((i) => i.kind === 'upload').map((i) => i.id)).toEqual(['00000000-0000-4000-8000-00000000a001']);
    expect(report.items.filter((i) => i.kind === 'surveyCodes')).toEqual([{ kind: 'surveyCodes', periodId: ids.oldPeriod, surveyId: 'hemtjanst', codes: 2 }]);
    expect(report.items.filter((i) => i.kind === 'surveySentForms')).toEqual([{ kind: 'surveySentForms', before: '2031-06-13', forms: 2 }]);
    expect(report.unknownRule).toEqual([{ serviceId: 'synpunkter-och-klagomal', serviceVersion: 99, cases: 1 }]);
    expect((await db.select({ id: submissions.id }).from(submissions)).length).toBe(before);
    expect(await db.select().from(auditEvents).where(like(auditEvents.action, 'gallring.%'))).toEqual([]);
  });

  it('removes handled cases past their rule with their attachments and notes, expired drafts, abandoned uploads and old survey codes', async () => {
    const report = await runGallring(db, { now: NOW, rules: RULES });
    expect(report.items).toHaveLength(6);
    expect((await db.select({ t: surveySentForms.tokenHash }).from(surveySentForms)).map((r) => r.t)).toEqual(['sent-recent']);
    const left = (await db.select({ id: submissions.id }).from(submissions)).map((r) => r.id).sort();
    expect(left).toEqual([ids.recent, ids.longer, ids.open, ids.unknown].sort());
    expect(await db.select().from(uploads).where(eq(uploads.submissionId, ids.old!))).toEqual([]);
    expect(await db.select().from(caseNotes)).toEqual([]);
    const uploadsLeft = await db.select({ id: uploads.id, submissionId: uploads.submissionId }).from(uploads);
    expect(uploadsLeft).toHaveLength(3);
    expect(uploadsLeft.map((u) => u.id)).toEqual(expect.arrayContaining(['00000000-0000-4000-8000-00000000a002', '00000000-0000-4000-8000-00000000a003']));
    expect(uploadsLeft.filter((u) => u.submissionId !== null).map((u) => u.submissionId)).toEqual([ids.recent]);
    expect((await db.select({ id: drafts.id }).from(drafts)).map((d) => d.id)).toEqual([ids.liveDraft]);
    expect((await db.select({ c: surveyInvitations.codeHash }).from(surveyInvitations)).map((r) => r.c)).toEqual(['hash-new-1']);
    // The anonymous answers of the period are kept.
    expect(await db.select().from(surveyResponses)).toHaveLength(1);
  });

  it('writes one audit event per removal with the reference and e-tjänst id but no personal data', async () => {
    const events = await db.select().from(auditEvents).where(like(auditEvents.action, 'gallring.%'));
    expect(events.map((e) => e.action).sort()).toEqual(
      ['gallring.case_deleted', 'gallring.case_deleted', 'gallring.draft_deleted', 'gallring.survey_codes_deleted', 'gallring.survey_sent_forms_deleted', 'gallring.upload_deleted'].sort(),
    );
    const caseEvents = events.filter((e) => e.action === 'gallring.case_deleted');
    expect(caseEvents.map((e) => e.details.reference).sort()).toEqual([refs.old, refs.voided].sort());
    expect(caseEvents.every((e) => e.details.serviceId === 'synpunkter-och-klagomal' && e.actorType === 'system')).toBe(true);
    const stored = JSON.stringify(events);
    for (const personal of ['194001042383', '19400104-2383', 'Gallring Testperson', 'Testperson', 'intyg.pdf', 'lon.pdf', 'hash-old']) expect(stored).not.toContain(personal);
  });

  it('a second run finds nothing more to remove', async () => {
    const again = await runGallring(db, { now: NOW, rules: RULES });
    expect(again.items).toEqual([]);
    const received = await db.select().from(auditEvents).where(inArray(auditEvents.subjectId, [ids.old!]));
    // The case's own history in the audit trail stays (append-only); only ids remain of it.
    expect(received.map((e) => e.action).sort()).toEqual(['gallring.case_deleted', 'submission.received']);
  });
});

// Every instance of the portal runs gallring (docs/deployment.md): runs at the same moment plan the
// same removals; each removal is done and audited by one of them, and what another run removed
// first is neither done twice nor reported as missed (which would tell administrators, wrongly,
// that something planned was kept).
describe.each(testDatabases())('gallring run by several instances at once on $name', (tdb) => {
  let handle: DbHandle & { url?: string };
  const others: DbHandle[] = [];

  beforeAll(async () => {
    handle = await tdb.open();
    // PostgreSQL: a pool of its own per instance; PGlite has one connection, shared.
    if (handle.url) for (let i = 0; i < 2; i++) others.push(await openDatabase({ databaseUrl: handle.url, dataDir: tmpdir() }));
  });
  afterAll(async () => {
    for (const o of others) await o.close();
    await handle?.close();
  });

  it('removes what is due exactly once, audited once, and reports nothing missed', async () => {
    const due = await handle.db
      .insert(drafts)
      .values(Array.from({ length: 40 }, (_, i) => ({ ownerPersonnummer: PNR, serviceId: 'ekonomiskt-bistand', serviceVersion: 1, answers: { n: i }, expiresAt: new Date('2031-06-14T00:00:00Z') })))
      .returning({ id: drafts.id });
    const closed = [];
    for (let i = 0; i < 10; i++) closed.push(await closedCase(handle.db, 'synpunkter-och-klagomal', 'avslutad', new Date('2028-05-01T00:00:00Z')));
    const dbs = [handle.db, ...others.map((o) => o.db)];
    const runs = await Promise.all([0, 1, 2].map((i) => runGallring(dbs[i % dbs.length]!, { now: NOW, rules: RULES })));
    const done = runs.flatMap((r) => r.items);
    expect(runs.flatMap((r) => r.missed)).toEqual([]);
    expect(done.filter((d) => d.kind === 'draft')).toHaveLength(due.length);
    expect(done.filter((d) => d.kind === 'case')).toHaveLength(closed.length);
    const events = await handle.db.select({ action: auditEvents.action, subjectId: auditEvents.subjectId }).from(auditEvents).where(like(auditEvents.action, 'gallring.%'));
    const perSubject = new Map<string, number>();
    for (const e of events) perSubject.set(e.subjectId!, (perSubject.get(e.subjectId!) ?? 0) + 1);
    for (const d of due) expect(perSubject.get(d.id), `draft ${d.id}`).toBe(1);
    for (const c of closed) expect(perSubject.get(c.id), `case ${c.reference}`).toBe(1);
    expect(await handle.db.select({ id: drafts.id }).from(drafts)).toEqual([]);
  });
});
