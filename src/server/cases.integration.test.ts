import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Db, DbHandle } from '../../db/client.ts';
import { auditEvents } from '../../db/schema.ts';
import { testDatabases } from './test-db.ts';
import { receiveSubmission } from './submissions.ts';
import { openCase } from './cases.ts';

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
    const reader = { id: '00000000-0000-4000-8000-000000000001', areas: ['aldreomsorg'] };
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
    const reader = { id: '00000000-0000-4000-8000-000000000002', areas: ['aldreomsorg'] };
    expect(await openCase(db, reader, r.reference)).toBeUndefined();
    expect(await openCase(db, reader, "2026-1' or '1'='1")).toBeUndefined();
    expect(await reads(r.id)).toHaveLength(0);
  });
});
