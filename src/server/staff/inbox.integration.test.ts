import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '../../../db/client.ts';
import { testDatabases } from '../test-db.ts';
import { findSubmission, listInbox, receiveSubmission, type NewSubmission } from '../submissions.ts';

let key = 0;
function submission(area: 'aldreomsorg' | 'ifo'): NewSubmission {
  return {
    serviceId: area === 'ifo' ? 'ifo-kontakt' : 'trygghetslarm',
    serviceVersion: 1,
    area,
    answers: { personnummer: '189001019802' },
    subjectPersonnummer: '189001019802',
    subjectName: 'Tolvan Tolvansson',
    submitterName: null,
    onBehalf: false,
    idempotencyKey: `inbox-test-${++key}`,
  };
}

describe.each(testDatabases())('the handläggare inbox on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('keeps IFO cases secret from an äldreomsorg-only handläggare', async () => {
    const old = await receiveSubmission(db, submission('aldreomsorg'), new Date('2026-03-01T09:00:00Z'));
    const ifo = await receiveSubmission(db, submission('ifo'), new Date('2026-03-01T10:00:00Z'));

    const seen = await listInbox(db, { areas: ['aldreomsorg'], limit: 50 });
    expect(seen.map((r) => r.reference)).toEqual([old.reference]);
    expect(await findSubmission(db, ifo.reference, ['aldreomsorg'])).toBeUndefined();
    expect((await findSubmission(db, ifo.reference, ['ifo']))?.id).toBe(ifo.id);
    expect((await findSubmission(db, old.reference, ['aldreomsorg', 'ifo']))?.id).toBe(old.id);
  });

  it('shows nothing to a user without areas', async () => {
    expect(await listInbox(db, { areas: [], limit: 50 })).toEqual([]);
  });

  it('lists newest first and pages on with a keyset cursor, without gaps or repeats', async () => {
    const times = ['2026-03-05T08:00:00Z', '2026-03-05T08:00:00Z', '2026-03-06T08:00:00Z', '2026-03-07T08:00:00Z'];
    for (const t of times) await receiveSubmission(db, submission('ifo'), new Date(t));
    const all = await listInbox(db, { areas: ['ifo'], limit: 50 });
    const firstPage = await listInbox(db, { areas: ['ifo'], limit: 2 });
    const last = firstPage.at(-1);
    const secondPage = last ? await listInbox(db, { areas: ['ifo'], limit: 50, after: { submittedAt: last.submittedAt, id: last.id } }) : [];
    expect([...firstPage, ...secondPage].map((r) => r.id)).toEqual(all.map((r) => r.id));
    const stamps = all.map((r) => r.submittedAt.getTime());
    expect(stamps).toEqual([...stamps].sort((a, b) => b - a));
  });
});
