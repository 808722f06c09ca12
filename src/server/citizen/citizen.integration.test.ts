/**
 * Citizens on Mina sidor: sessions, whose cases are whose, messages, attachments and drafts.
 * Citizen A can never reach citizen B's case, draft, message or attachment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db, DbHandle } from '../../../db/client.ts';
import { auditEvents, caseEvents, citizenSessions } from '../../../db/schema.ts';
import { testDatabases } from '../test-db.ts';
import { receiveSubmission, type NewSubmission } from '../submissions.ts';
import { createCitizenSession, deleteExpiredCitizenSessions, validateCitizenToken } from './session.ts';
import { findMyCase, listMyCases, openMyCase } from './my-cases.ts';
import { findMessageFile, listMessages, markReadByCitizen, sendCitizenMessage, sendStaffMessage } from './messages.ts';
import { deleteDraft, findDraft, listDrafts, saveDraft } from './drafts.ts';

process.env.COOKIE_SECRET ??= 'a-test-secret-that-is-long-enough-for-config';

// Skatteverket test personnummer.
const GRETA = '19450110-3297';
const ANNA = '19850101-2382';
const TOLVAN = '19400104-2383';
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');

let n = 0;
function application(over: Partial<NewSubmission> = {}): NewSubmission {
  return {
    serviceId: 'stadning',
    serviceVersion: 1,
    area: 'aldreomsorg',
    answers: { soker: 'sjalv', personnummer: GRETA },
    subjectPersonnummer: GRETA,
    subjectName: 'Greta Dottersson',
    submitterName: null,
    submitterPersonnummer: GRETA,
    onBehalf: false,
    idempotencyKey: `citizen-${++n}`,
    ...over,
  };
}

describe.each(testDatabases())('citizens on Mina sidor on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
  });
  afterAll(async () => {
    await handle?.close();
  });

  describe('sessions', () => {
    const policy = { idleMinutes: 20, absoluteHours: 8 };
    it('give back the person for the token, and only the SHA-256 of its secret is stored', async () => {
      const t0 = new Date('2026-03-01T10:00:00Z');
      const address = { street: 'Kyrkogatan 8', postcode: '696 30', city: 'Askersund' };
      const { token, session } = await createCitizenSession(db, { personnummer: GRETA, name: 'Greta Dottersson', assurance: 'http://id.elegnamnden.se/loa/1.0/loa3', address }, t0);
      const [row] = await db.select().from(citizenSessions).where(eq(citizenSessions.id, session.id));
      expect(Buffer.from(row!.secretHash).toString('latin1')).not.toContain(token.split('.')[1]);
      expect((await validateCitizenToken(db, token, new Date(t0.getTime() + 60_000), policy))?.citizen).toEqual({ personnummer: GRETA, name: 'Greta Dottersson', assurance: 'http://id.elegnamnden.se/loa/1.0/loa3', address });
    });

    it('refuse a wrong secret without ending the session, and end after the idle time', async () => {
      const t0 = new Date('2026-03-01T10:00:00Z');
      const { token } = await createCitizenSession(db, { personnummer: ANNA, name: 'Anna Dottersson' }, t0);
      const [id] = token.split('.');
      expect(await validateCitizenToken(db, `${id}.${'a'.repeat(32)}`, t0, policy)).toBeUndefined();
      expect(await validateCitizenToken(db, token, new Date(t0.getTime() + 19 * 60_000), policy)).toBeDefined();
      // 19 minutes later it was used, so it lives 20 more; 41 minutes after that it has ended.
      expect(await validateCitizenToken(db, token, new Date(t0.getTime() + 60 * 60_000), policy)).toBeUndefined();
      expect(await validateCitizenToken(db, token, new Date(t0.getTime() + 20 * 60_000), policy)).toBeUndefined();
    });

    it('end at the absolute expiry however busy, and expired ones are removed', async () => {
      const t0 = new Date('2026-03-02T08:00:00Z');
      const { token } = await createCitizenSession(db, { personnummer: TOLVAN, name: 'Tolvan Tolvansson' }, t0);
      for (let m = 15; m < 8 * 60; m += 15) expect(await validateCitizenToken(db, token, new Date(t0.getTime() + m * 60_000), policy)).toBeDefined();
      expect(await validateCitizenToken(db, token, new Date(t0.getTime() + 8 * 3_600_000), policy)).toBeUndefined();
      await createCitizenSession(db, { personnummer: TOLVAN, name: 'Tolvan Tolvansson' }, t0);
      expect(await deleteExpiredCitizenSessions(db, new Date('2026-03-03T00:00:00Z'), policy)).toBeGreaterThan(0);
      expect(await validateCitizenToken(db, 'not-a-token', t0, policy)).toBeUndefined();
    });
  });

  describe('whose cases', () => {
    it('shows a case to the person who sent it and to the person it was applied for, and to no one else', async () => {
      const own = await receiveSubmission(db, application());
      const forMother = await receiveSubmission(db, application({ answers: { soker: 'annan' }, onBehalf: true, submitterName: 'Anna Dottersson', submitterPersonnummer: ANNA }));
      const greta = (await listMyCases(db, GRETA)).map((m) => m.reference);
      const anna = (await listMyCases(db, ANNA)).map((m) => m.reference);
      const tolvan = (await listMyCases(db, TOLVAN)).map((m) => m.reference);
      expect(greta).toEqual(expect.arrayContaining([own.reference, forMother.reference]));
      expect(anna).toEqual([forMother.reference]);
      expect(tolvan).toEqual([]);
      expect(await findMyCase(db, TOLVAN, own.reference)).toBeUndefined();
      expect(await openMyCase(db, ANNA, own.reference)).toBeUndefined();
      expect((await openMyCase(db, ANNA, forMother.reference))?.id).toBe(forMother.id);
    });

    it('never shows a report about someone to the person it is about', async () => {
      const report = await receiveSubmission(db, application({ serviceId: 'orosanmalan-vuxen', area: 'ifo', submitterPersonnummer: null, subjectPersonnummer: GRETA }));
      expect((await listMyCases(db, GRETA)).map((m) => m.reference)).not.toContain(report.reference);
      expect(await findMyCase(db, GRETA, report.reference)).toBeUndefined();
    });

    it('audits each view by a pseudonym, never the personnummer', async () => {
      const own = await receiveSubmission(db, application());
      await openMyCase(db, GRETA, own.reference, '127.0.0.1');
      const events = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, own.id));
      const viewed = events.find((e) => e.action === 'citizen.matter.viewed');
      expect(viewed?.actorType).toBe('citizen');
      expect(viewed?.actorId).toMatch(/^medborgare:[0-9a-f]{32}$/);
      expect(JSON.stringify(events)).not.toContain('19450110');
    });
  });

  describe('messages', () => {
    it('go both ways with files, in the timeline and the audit log, and a file is only reachable through its own case', async () => {
      const mine = await receiveSubmission(db, application());
      const other = await receiveSubmission(db, application({ subjectPersonnummer: TOLVAN, submitterPersonnummer: TOLVAN }));
      const staffId = '00000000-0000-4000-8000-000000000001';
      await sendStaffMessage(db, { submissionId: mine.id, serviceId: 'stadning', staffId, body: 'Hej Greta, när passar det med ett hembesök?' });
      expect((await listMyCases(db, GRETA)).find((m) => m.id === mine.id)?.unread).toBe(1);
      await markReadByCitizen(db, mine.id);
      expect((await listMyCases(db, GRETA)).find((m) => m.id === mine.id)?.unread).toBe(0);
      await sendCitizenMessage(db, { submissionId: mine.id, serviceId: 'stadning', personnummer: GRETA, body: 'Tisdagar passar bra.', files: [{ name: 'intyg.pdf', bytes: PDF, kind: 'pdf' }] });
      const messages = await listMessages(db, mine.id);
      expect(messages.map((m) => m.direction)).toEqual(['to_citizen', 'from_citizen']);
      const file = messages[1]!.attachments[0]!;
      expect(file.fileName).toBe('intyg.pdf');
      expect(await findMessageFile(db, mine.id, file.id)).toBeDefined();
      expect(await findMessageFile(db, other.id, file.id)).toBeUndefined();
      expect(await listMessages(db, other.id)).toEqual([]);
      const kinds = (await db.select().from(caseEvents).where(eq(caseEvents.submissionId, mine.id))).map((e) => e.kind);
      expect(kinds).toEqual(['message.sent', 'message.received']);
      const actions = (await db.select().from(auditEvents).where(eq(auditEvents.subjectId, mine.id))).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['case.message.sent', 'citizen.message.sent']));
    });

    it('from the handläggare carry files too, which the citizen opens through the case and which go with it', async () => {
      const mine = await receiveSubmission(db, application());
      const other = await receiveSubmission(db, application({ subjectPersonnummer: TOLVAN, submitterPersonnummer: TOLVAN }));
      const staffId = '00000000-0000-4000-8000-000000000002';
      await sendStaffMessage(db, { submissionId: mine.id, serviceId: 'stadning', staffId, body: 'Här är beslutet.', files: [{ name: 'beslut.pdf', bytes: PDF, kind: 'pdf' }, { name: 'karta.pdf', bytes: PDF, kind: 'pdf' }] });
      const [sent] = await listMessages(db, mine.id);
      expect(sent?.direction).toBe('to_citizen');
      expect(sent?.attachments.map((a) => a.fileName).sort()).toEqual(['beslut.pdf', 'karta.pdf']);
      const file = await findMessageFile(db, mine.id, sent!.attachments[0]!.id);
      expect(Buffer.from(file!.data).equals(Buffer.from(PDF))).toBe(true);
      expect(await findMessageFile(db, other.id, sent!.attachments[0]!.id)).toBeUndefined();
      const [event] = (await db.select().from(caseEvents).where(eq(caseEvents.submissionId, mine.id))).filter((e) => e.kind === 'message.sent');
      expect(event?.data).toEqual({ messageId: sent!.id, attachments: 2 });
      const [audited] = (await db.select().from(auditEvents).where(eq(auditEvents.subjectId, mine.id))).filter((e) => e.action === 'case.message.sent');
      expect(audited?.details).toEqual({ messageId: sent!.id, attachments: 2 });
      expect(JSON.stringify(audited)).not.toContain('beslut.pdf');
    });
  });

  describe('drafts', () => {
    it('are seen, resumed and removed only by their author, and replaced when saved again', async () => {
      const d = await saveDraft(db, GRETA, { serviceId: 'tvatt', serviceVersion: 1, answers: { soker: 'sjalv' }, pageId: 'personnummer' });
      expect(await findDraft(db, ANNA, d.id)).toBeUndefined();
      expect(await deleteDraft(db, ANNA, d.id)).toBe(false);
      expect((await listDrafts(db, ANNA)).map((x) => x.id)).not.toContain(d.id);
      const again = await saveDraft(db, GRETA, { serviceId: 'tvatt', serviceVersion: 1, answers: { soker: 'sjalv', folkbokford: 'ja' }, pageId: 'boende' });
      const mine = (await listDrafts(db, GRETA)).filter((x) => x.serviceId === 'tvatt');
      expect(mine.map((x) => x.id)).toEqual([again.id]);
      expect((await findDraft(db, GRETA, again.id))?.answers).toEqual({ soker: 'sjalv', folkbokford: 'ja' });
      expect(await findDraft(db, GRETA, 'not-a-uuid')).toBeUndefined();
    });

    it('expire 30 days after they were saved: from then on no one is shown them (gallring removes them, audited)', async () => {
      const saved = new Date('2026-01-01T12:00:00Z');
      const d = await saveDraft(db, TOLVAN, { serviceId: 'stadning', serviceVersion: 1, answers: {}, pageId: null }, saved);
      expect(d.expiresAt.toISOString()).toBe('2026-01-31T12:00:00.000Z');
      expect(await findDraft(db, TOLVAN, d.id, new Date('2026-01-31T11:59:00Z'))).toBeDefined();
      expect(await findDraft(db, TOLVAN, d.id, new Date('2026-01-31T12:00:01Z'))).toBeUndefined();
      expect((await listDrafts(db, TOLVAN, new Date('2026-01-31T11:59:00Z'))).map((x) => x.id)).toContain(d.id);
      expect((await listDrafts(db, TOLVAN, new Date('2026-01-31T12:00:01Z'))).map((x) => x.id)).not.toContain(d.id);
    });
  });
});
