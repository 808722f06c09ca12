/**
 * A scripted session of staff actions, compared with the audit log event for event: inbox lists
 * and searches (by reference and by personnummer), a case opened, an attachment downloaded, another
 * area's case asked for (page, action, export) and a case that does not exist; then an
 * administrator asks Granskningslogg who searched for the person.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { Db, DbHandle } from '../../db/client.ts';
import { auditEvents, submissions, uploads } from '../../db/schema.ts';
import { testDatabases } from './test-db.ts';
import { caseForAction, openAttachment, openCase } from './cases.ts';
import { exportCaseJson } from './delivery/export.ts';
import { searchAudit } from './audit-search.ts';
import { parseInboxParams } from './inbox-params.ts';
import { personKey } from './person-key.ts';
import { auditInboxView } from './staff-reads.ts';
import { storeUpload } from './uploads.ts';
import { createStaffUser } from './staff/users.ts';

vi.stubEnv('COOKIE_SECRET', 'test-only-cookie-secret-0123456789abcdef');

// Skatteverket test personnummer.
const PNR = '19400104-2383';
const IP = '198.51.100.23';

describe.each(testDatabases())('what staff read is in the audit log on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
  });
  afterAll(async () => handle?.close());

  it('has one event per read and per refused attempt, with the address, and the searched personnummer only as its keyed hash', async () => {
    const anna = await createStaffUser(db, { username: 'anna', displayName: 'Anna Handläggare', password: 'ett-langt-losenord', roles: ['handlaggare'], areas: ['aldreomsorg'] });
    const adam = await createStaffUser(db, { username: 'adam', displayName: 'Adam Admin', password: 'ett-langt-losenord', roles: ['admin'], areas: [] });
    const [own] = await db.insert(submissions).values({ reference: '2026-000101', serviceId: 'tvatt', serviceVersion: 1, area: 'aldreomsorg', answers: {}, subjectPersonnummer: PNR, idempotencyKey: 'reads-own' }).returning();
    const [other] = await db.insert(submissions).values({ reference: '2026-000102', serviceId: 'kontakta-socialtjansten', serviceVersion: 1, area: 'ifo', answers: {}, subjectPersonnummer: PNR, idempotencyKey: 'reads-other' }).returning();
    const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
    const file = await storeUpload(db, { journeyKey: 'reads-own', serviceId: 'tvatt', fieldName: 'intyg', fileName: 'intyg.pdf', kind: 'pdf', bytes: pdf });
    await db.update(uploads).set({ submissionId: own!.id }).where(eq(uploads.id, file.id));
    const ctx = { serviceIds: ['tvatt'], areas: ['aldreomsorg'], colleagueIds: [], today: new Date(), synpunkterServiceIds: [] };
    const inbox = (q: string) => parseInboxParams(new URLSearchParams(q), ctx);

    // The session, as the pages do it.
    await auditInboxView(db, anna, inbox('').filters, 'newest', IP);
    await auditInboxView(db, anna, inbox('sok=2026-000101').filters, 'newest', IP);
    await auditInboxView(db, anna, inbox(`sok=${PNR}`).filters, 'newest', IP);
    expect(await openCase(db, anna, own!.reference, IP)).toBeDefined();
    expect(await openAttachment(db, anna, own!.reference, file.id, IP)).toBeDefined();
    expect(await openCase(db, anna, other!.reference, IP)).toBeUndefined();
    expect(await caseForAction(db, anna, other!.reference, IP)).toBeUndefined();
    expect(await exportCaseJson(db, anna, other!.reference, { ip: IP })).toBeUndefined();
    expect(await openCase(db, anna, '2099-999999', IP)).toBeUndefined();
    const found = await searchAudit(db, { id: adam.id, ip: IP }, { personnummer: PNR }, { limit: 50 });

    const log = await db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    const key = personKey(PNR);
    expect(log.map((e) => [e.action, e.actorId, e.subjectId, e.ip])).toEqual([
      ['inbox.listed', anna.id, null, IP],
      ['inbox.searched', anna.id, own!.id, IP],
      ['inbox.searched', anna.id, null, IP],
      ['case.viewed', anna.id, own!.id, IP],
      ['case.viewed', anna.id, own!.id, IP],
      ['attachment.viewed', anna.id, own!.id, IP],
      ['case.view_refused', anna.id, other!.id, IP],
      ['case.action_refused', anna.id, other!.id, IP],
      ['case.view_refused', anna.id, other!.id, IP],
      ['audit.searched', adam.id, null, IP],
    ]);
    expect(log[1]?.details).toMatchObject({ search: 'reference', searchReference: '2026-000101' });
    expect(log[2]?.details).toMatchObject({ search: 'personnummer', personKey: key });
    expect(log[5]?.details).toMatchObject({ uploadId: file.id });
    expect(log[6]?.details).toEqual({ area: 'ifo' });
    expect(log[9]?.details).toMatchObject({ personKey: key });
    // "Who searched for this person?": the inbox search, found by the same keyed hash (and this very search).
    expect(found.rows.map((r) => [r.action, r.actor?.username])).toEqual([['audit.searched', 'adam'], ['inbox.searched', 'anna']]);
    // The number itself is nowhere in the log, in any form.
    const dump = JSON.stringify(log);
    for (const form of [PNR, PNR.replace('-', ''), PNR.slice(2)]) expect(dump).not.toContain(form);
  });
});
