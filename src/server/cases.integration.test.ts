import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Db, DbHandle } from '../../db/client.ts';
import { auditEvents, staffUsers } from '../../db/schema.ts';
import { testDatabases } from './test-db.ts';
import { receiveSubmission } from './submissions.ts';
import { caseForAction, loadCaseFile, openCase } from './cases.ts';
import { addNote, assignCase, recordDecision } from './case-actions.ts';

describe.each(testDatabases())('handläggare opening a case on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
  });
  afterAll(async () => {
    await handle?.close();
  });

  const reads = (subjectId: string) =>
    db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, subjectId), eq(auditEvents.action, 'case.viewed')));

  it('writes an audit event naming the reader for every read of a case', async () => {
    const r = await receiveSubmission(db, {
      serviceId: 'trygghetslarm', serviceVersion: 1, area: 'aldreomsorg', answers: {}, subjectPersonnummer: '19450110-3297',
      subjectName: 'Greta Testberg', submitterName: null, onBehalf: false, idempotencyKey: 'case-read',
    });
    const reader = { id: '00000000-0000-4000-8000-000000000001', roles: ['handlaggare'], areas: ['aldreomsorg'] };
    expect((await openCase(db, reader, r.reference))?.id).toBe(r.id);
    await openCase(db, reader, r.reference);
    const events = await reads(r.id);
    expect(events).toHaveLength(2);
    expect(events[0]?.actorId).toBe(reader.id);
    expect(events[0]?.actorType).toBe('staff');
  });

  it('neither shows nor logs a case of another area, nor a malformed reference', async () => {
    const r = await receiveSubmission(db, {
      serviceId: 'ifo-kontakt', serviceVersion: 1, area: 'ifo', answers: {}, subjectPersonnummer: null,
      subjectName: null, submitterName: null, onBehalf: false, idempotencyKey: 'case-secret',
    });
    const reader = { id: '00000000-0000-4000-8000-000000000002', roles: ['handlaggare'], areas: ['aldreomsorg'] };
    expect(await openCase(db, reader, r.reference)).toBeUndefined();
    expect(await openCase(db, reader, "2026-1' or '1'='1")).toBeUndefined();
    expect(await reads(r.id)).toHaveLength(0);
  });

  it('neither shows nor logs a case to someone who is not a handläggare, whatever areas the account lists', async () => {
    const r = await receiveSubmission(db, {
      serviceId: 'trygghetslarm', serviceVersion: 1, area: 'aldreomsorg', answers: {}, subjectPersonnummer: null,
      subjectName: null, submitterName: null, onBehalf: false, idempotencyKey: 'case-admin',
    });
    const admin = { id: '00000000-0000-4000-8000-000000000003', roles: ['admin', 'analytiker'], areas: ['aldreomsorg'] };
    expect(await openCase(db, admin, r.reference)).toBeUndefined();
    expect(await reads(r.id)).toHaveLength(0);
  });

  it('tells an action form which e-tjänst and version a case is at, without reading or logging its content, and only within the areas', async () => {
    const r = await receiveSubmission(db, {
      serviceId: 'trygghetslarm', serviceVersion: 2, area: 'aldreomsorg', answers: {}, subjectPersonnummer: '19510115-1818',
      subjectName: 'Sven Testsson', submitterName: null, onBehalf: false, idempotencyKey: 'case-for-action',
    });
    const reader = { id: '00000000-0000-4000-8000-000000000004', roles: ['handlaggare'], areas: ['aldreomsorg'] };
    expect(await caseForAction(db, reader, r.reference)).toEqual({ serviceId: 'trygghetslarm', serviceVersion: 2, lockVersion: 1 });
    expect(await caseForAction(db, { ...reader, areas: ['ifo'] }, r.reference)).toBeUndefined();
    expect(await caseForAction(db, { ...reader, roles: ['admin'] }, r.reference)).toBeUndefined();
    expect(await reads(r.id)).toHaveLength(0);
  });

  it('gathers a case’s notes, decisions and timeline events with the names of the staff they mention', async () => {
    const [anna] = await db.insert(staffUsers).values({ username: 'anna-file', displayName: 'Anna Andersson', passwordHash: 'x', roles: ['handlaggare'], areas: ['aldreomsorg'] }).returning();
    if (!anna) throw new Error('no staff row');
    const actor = { id: anna.id, roles: anna.roles, areas: anna.areas };
    const r = await receiveSubmission(db, {
      serviceId: 'trygghetslarm', serviceVersion: 2, area: 'aldreomsorg', answers: {}, subjectPersonnummer: '19510115-1818',
      subjectName: 'Sven Testsson', submitterName: null, onBehalf: false, idempotencyKey: 'case-file',
    });
    const a = await assignCase(db, actor, { reference: r.reference, lockVersion: 1, assigneeId: anna.id });
    const n = await addNote(db, actor, { reference: r.reference, lockVersion: a.lockVersion, body: 'Ringt' });
    await recordDecision(db, actor, {
      reference: r.reference, lockVersion: n.lockVersion,
      decision: { outcome: 'avslag', insats: 'trygghetslarm', omfattning: null, startDate: null, reasoning: 'Bor i särskilt boende.' },
    });
    const file = await loadCaseFile(db, { id: r.id, assigneeId: anna.id });
    expect(file.notes.map((x) => x.body)).toEqual(['Ringt']);
    expect(file.decisions.map((x) => x.outcome)).toEqual(['avslag']);
    expect(file.events.map((e) => e.kind)).toEqual(['assigned', 'note_added', 'decision_recorded']);
    expect(file.staffNames.get(anna.id)).toBe('Anna Andersson');
  });
});
