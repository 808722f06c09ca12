/**
 * Akut cases pinned until acknowledged (once, by a handläggare of the area, audited and in the
 * timeline), the public figures on how quickly they were taken on, and replies from citizens that
 * are seen: the unread mark, the inbox filter, the handläggare's notice and the read mark.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Db, DbHandle } from '../../../db/client.ts';
import { auditEvents, caseEvents, caseMessages, notifications, staffUsers, submissions } from '../../../db/schema.ts';
import { testDatabases } from '../test-db.ts';
import { receiveSubmission, type NewSubmission } from '../submissions.ts';
import { acknowledgeAkut, CaseNotFoundError, CaseRuleError, type Actor } from '../case-actions.ts';
import { listInbox } from '../inbox.ts';
import { sendCitizenMessage } from '../citizen/messages.ts';
import { listPinnedAkut } from './pinned.ts';
import { loadAkutResponse } from './response.ts';
import { markMessagesRead } from './unread.ts';

vi.stubEnv('COOKIE_SECRET', 'test-only-cookie-secret-0123456789abcdef');

let n = 0;
function report(over: Partial<NewSubmission> = {}): NewSubmission {
  return {
    serviceId: 'orosanmalan-barn', serviceVersion: 1, area: 'ifo', answers: {}, subjectPersonnummer: null, subjectName: null,
    submitterName: null, onBehalf: false, anonymous: true, urgent: true, idempotencyKey: `pinned-${++n}`, ...over,
  };
}

describe.each(testDatabases())('akut cases and unread replies on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  let cecilia: Actor; // handläggare, IFO
  let anna: Actor; // handläggare, äldreomsorg
  const person = async (username: string, roles: string[], areas: string[], email: string | null = null): Promise<Actor> => {
    const [row] = await db.insert(staffUsers).values({ username, displayName: username, passwordHash: 'not-a-login', roles, areas, email }).returning();
    return { id: row!.id, roles: row!.roles, areas: row!.areas };
  };
  const row = async (id: string) => (await db.select().from(submissions).where(eq(submissions.id, id)))[0]!;

  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
    cecilia = await person('cecilia', ['handlaggare'], ['ifo'], 'cecilia@askersund.example.se');
    anna = await person('anna', ['handlaggare'], ['aldreomsorg']);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('pins an akut case for the handläggare of its area until one of them acknowledges it, once', async () => {
    const at = new Date('2026-03-07T22:30:00Z');
    const akut = await receiveSubmission(db, report(), at);
    const calm = await receiveSubmission(db, report({ urgent: false }), at);
    expect((await listPinnedAkut(db, cecilia)).map((p) => p.reference)).toContain(akut.reference);
    expect((await listPinnedAkut(db, cecilia)).map((p) => p.reference)).not.toContain(calm.reference);
    expect(await listPinnedAkut(db, anna)).toEqual([]);

    // Not for another area's handläggare (as if the case did not exist), nor for a case that is not akut.
    await expect(acknowledgeAkut(db, anna, { reference: akut.reference, lockVersion: 1 })).rejects.toBeInstanceOf(CaseNotFoundError);
    await expect(acknowledgeAkut(db, cecilia, { reference: calm.reference, lockVersion: 1 })).rejects.toMatchObject({ code: 'notAkut' });

    const seen = new Date(at.getTime() + 7 * 60_000);
    await acknowledgeAkut(db, cecilia, { reference: akut.reference, lockVersion: 1, ip: '192.0.2.1', now: seen });
    const after = await row(akut.id);
    expect(after.akutAcknowledgedAt?.getTime()).toBe(seen.getTime());
    expect(after.akutAcknowledgedBy).toBe(cecilia.id);
    expect((await listPinnedAkut(db, cecilia)).map((p) => p.reference)).not.toContain(akut.reference);
    const events = await db.select().from(caseEvents).where(and(eq(caseEvents.submissionId, akut.id), eq(caseEvents.kind, 'akut.acknowledged')));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: cecilia.id, data: { waitedSeconds: 420 } });
    const audited = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, akut.id), eq(auditEvents.action, 'case.akut_acknowledged')));
    expect(audited).toHaveLength(1);
    expect(audited[0]!.actorId).toBe(cecilia.id);

    const again = acknowledgeAkut(db, cecilia, { reference: akut.reference, lockVersion: after.lockVersion });
    await expect(again).rejects.toBeInstanceOf(CaseRuleError);
    await expect(acknowledgeAkut(db, cecilia, { reference: akut.reference, lockVersion: after.lockVersion })).rejects.toMatchObject({ code: 'alreadyAcknowledged' });
  });

  it('says how quickly akut reports were acknowledged, counting those still waiting', async () => {
    const now = new Date('2026-05-01T12:00:00Z');
    const received = new Date('2026-04-30T12:00:00Z');
    const minutes = [2, 4, 9, 30];
    for (const m of minutes) {
      const r = await receiveSubmission(db, report(), received);
      const lockVersion = (await row(r.id)).lockVersion;
      await acknowledgeAkut(db, cecilia, { reference: r.reference, lockVersion, now: new Date(received.getTime() + m * 60_000) });
    }
    // Two still waiting (a day so far), and one received only 5 minutes ago, not yet counted.
    await receiveSubmission(db, report(), received);
    await receiveSubmission(db, report(), received);
    await receiveSubmission(db, report(), new Date(now.getTime() - 5 * 60_000));
    const r = await loadAkutResponse(db, now);
    // Earlier test's reports are within the 365 days too: one acknowledged after 7 minutes, one not akut.
    expect(r.reports).toEqual({ kind: 'count', value: 7 });
    expect(r.shareWithinTarget).toBeCloseTo(4 / 7);
    expect(r.medianMinutes).toBe(9);
  });

  it('marks a case with a reply from the citizen unread, tells its handläggare, and is read when opened', async () => {
    const r = await receiveSubmission(db, report({ urgent: false, anonymous: false, submitterPersonnummer: '19450110-3297' }));
    await db.update(submissions).set({ assigneeId: cecilia.id }).where(eq(submissions.id, r.id));
    const sentAt = new Date('2026-06-01T08:00:00Z');
    await sendCitizenMessage(db, { submissionId: r.id, serviceId: 'orosanmalan-barn', personnummer: '19450110-3297', body: 'Här är svaret på er fråga.', files: [] }, sentAt);
    await sendCitizenMessage(db, { submissionId: r.id, serviceId: 'orosanmalan-barn', personnummer: '19450110-3297', body: 'Och en sak till.', files: [] }, new Date(sentAt.getTime() + 60_000));
    expect((await row(r.id)).unreadMessagesSince?.getTime()).toBe(sentAt.getTime());

    const unread = await listInbox(db, cecilia, { unread: true }, { sort: 'newest', limit: 50 });
    expect(unread.rows.map((x) => x.reference)).toEqual([r.reference]);
    expect(unread.rows[0]!.unreadMessagesSince).not.toBeNull();

    const notices = await db.select().from(notifications).where(and(eq(notifications.submissionId, r.id), eq(notifications.template, 'citizen_message')));
    expect(notices.map((x) => `${x.channel}:${x.toAddress}:${x.linkPath}`)).toEqual([
      `email:cecilia@askersund.example.se:/handlaggning/arenden/${r.reference}`,
      `email:cecilia@askersund.example.se:/handlaggning/arenden/${r.reference}`,
    ]);

    expect(await markMessagesRead(db, cecilia, r.id, null)).toBe(2);
    expect((await row(r.id)).unreadMessagesSince).toBeNull();
    expect((await listInbox(db, cecilia, { unread: true }, { sort: 'newest', limit: 50 })).rows).toEqual([]);
    const messages = await db.select().from(caseMessages).where(eq(caseMessages.submissionId, r.id));
    expect(messages.every((m) => m.readAt !== null)).toBe(true);
    const read = await db.select().from(caseEvents).where(and(eq(caseEvents.submissionId, r.id), eq(caseEvents.kind, 'messages.read')));
    expect(read).toMatchObject([{ actorId: cecilia.id, data: { count: 2 } }]);
    // Opening again reads nothing and records nothing.
    expect(await markMessagesRead(db, cecilia, r.id, null)).toBe(0);
    expect(await db.select().from(caseEvents).where(and(eq(caseEvents.submissionId, r.id), eq(caseEvents.kind, 'messages.read')))).toHaveLength(1);
  });

  it('tells no one when the case has no handläggare yet, and still marks it unread', async () => {
    const r = await receiveSubmission(db, report({ urgent: false, anonymous: false }));
    await sendCitizenMessage(db, { submissionId: r.id, serviceId: 'orosanmalan-barn', personnummer: '19450110-3297', body: 'Hej', files: [] });
    expect((await row(r.id)).unreadMessagesSince).not.toBeNull();
    expect(await db.select().from(notifications).where(eq(notifications.submissionId, r.id))).toEqual([]);
  });
});
