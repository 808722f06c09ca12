import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { and, eq } from 'drizzle-orm';
import type { Db, DbHandle } from '../../../db/client.ts';
import { auditEvents, caseEvents, decisions, staffUsers, submissionRulePeriods, submissions } from '../../../db/schema.ts';
import { translator } from '../../i18n/index.ts';
import { getServiceVersion } from '../etjanster/registry.ts';
import { testDatabases } from '../test-db.ts';
import { receiveSubmission } from '../submissions.ts';
import { readRulePeriods } from '../rules.ts';
import { storeUpload } from '../uploads.ts';
import { buildCaseDocument, type CaseDocument } from './case-document.ts';
import { exportCaseJson } from './export.ts';

vi.stubEnv('COOKIE_SECRET', 'test-only-cookie-secret-0123456789abcdef');

const schema = JSON.parse(readFileSync(path.resolve('docs/case-export.schema.json'), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
const validate = ajv.compile(schema);

function expectValid(doc: unknown) {
  const ok = validate(doc);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
}

// A PDF's bytes: "%PDF-" is what makes it one.
const PDF = new TextEncoder().encode('%PDF-1.7\n% test attachment\n%%EOF\n');

describe.each(testDatabases())('the case document on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  let caseId: string;
  let reference: string;
  let anna: { id: string; username: string; roles: string[]; areas: string[] };

  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
    const [u] = await db
      .insert(staffUsers)
      .values({ username: 'anna.handlaggare', displayName: 'Anna Handläggare', passwordHash: 'not-a-real-hash', roles: ['handlaggare'], areas: ['aldreomsorg'] })
      .returning();
    anna = { id: u!.id, username: u!.username, roles: u!.roles, areas: u!.areas };

    const key = `doc-${randomUUID()}`;
    const upload = await storeUpload(db, { journeyKey: key, serviceId: 'trygghetslarm', fieldName: 'intyg', fileName: 'läkarintyg.pdf', kind: 'pdf', bytes: PDF });
    const received = await receiveSubmission(
      db,
      {
        serviceId: 'trygghetslarm',
        serviceVersion: 1,
        area: 'aldreomsorg',
        answers: {
          personnummer: '19450110-3297',
          folkbokford: 'ja',
          boende: 'ordinart',
          larmtyp: 'mobilt',
          fornamn: 'Greta',
          efternamn: 'Testberg',
          adress: { street: 'Storgatan 1', postcode: '69630', city: 'Askersund' },
          telefon: '070-123 45 67',
          epost: null,
        },
        subjectPersonnummer: '19450110-3297',
        subjectName: 'Greta Testberg',
        submitterName: null,
        onBehalf: false,
        idempotencyKey: key,
        uploadIds: [upload.id],
      },
      new Date('2026-05-04T08:30:00Z'),
    );
    caseId = received.id;
    reference = received.reference;
    await db.insert(caseEvents).values({ submissionId: caseId, at: new Date('2026-05-05T09:00:00Z'), actorId: anna.id, kind: 'assigned', data: { to: anna.id } });
    await db.insert(decisions).values({
      submissionId: caseId,
      outcome: 'beviljad',
      insats: 'Trygghetslarm',
      omfattning: 'Mobilt larm',
      startDate: '2026-06-01',
      reasoning: 'Uppfyller villkoren för förenklad biståndsbedömning.',
      decidedBy: anna.id,
      decidedAt: new Date('2026-05-06T10:00:00Z'),
    });
    await db.update(submissions).set({ status: 'beslutad', decidedAt: new Date('2026-05-06T10:00:00Z'), assigneeId: anna.id }).where(eq(submissions.id, caseId));
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('validates against the published JSON Schema', async () => {
    const doc = await buildCaseDocument(db, caseId, { now: new Date('2026-05-07T12:00:00Z') });
    expectValid(doc);
  });

  it('fails the schema when a required part is missing or mistyped, so the check has teeth', async () => {
    const doc = (await buildCaseDocument(db, caseId)) as CaseDocument;
    const { timeline: _dropped, ...withoutTimeline } = doc;
    expect(validate(withoutTimeline)).toBe(false);
    expect(validate({ ...doc, schemaVersion: 2 })).toBe(false);
    expect(validate({ ...doc, attachments: [{ ...doc.attachments[0], data: 'JVBERi0=' }] })).toBe(false);
  });

  it('labels the answers in Swedish as the definition version the case was submitted under shows them', async () => {
    const doc = (await buildCaseDocument(db, caseId))!;
    const def = (await getServiceVersion(db, 'trygghetslarm', 1))!;
    const t = translator('sv');
    expect(doc.service).toEqual({ id: 'trygghetslarm', version: 1, hash: def.hash, title: t(def.title) });
    const byField = Object.fromEntries(doc.answers.map((a) => [a.field, a]));
    const fornamn = def.pages.flatMap((p) => (p.kind === 'question' ? p.fields : [])).find((f) => f.name === 'fornamn')!;
    expect(byField.fornamn).toMatchObject({ type: 'text', label: t(fornamn.label), value: 'Greta', display: ['Greta'] });
    expect(byField.fornamn!.label).not.toContain(':');
    expect(byField.folkbokford).toMatchObject({ type: 'yesNo', value: 'ja', display: [t('common:yesNo.ja')] });
    expect(byField.adress).toMatchObject({ value: { street: 'Storgatan 1', postcode: '69630', city: 'Askersund' }, display: ['Storgatan 1', '69630 Askersund'] });
    expect(byField.epost).toMatchObject({ value: null, display: [] });
    expect(doc.subject).toEqual({ personnummer: '194501103297', name: 'Greta Testberg' });
    expect(doc.submitter).toBeNull();
  });

  it('describes attachments by name, type, size and SHA-256, never their bytes', async () => {
    const doc = (await buildCaseDocument(db, caseId))!;
    expect(doc.attachments).toEqual([
      { id: expect.any(String), field: 'intyg', name: 'läkarintyg.pdf', type: 'application/pdf', size: PDF.byteLength, sha256: createHash('sha256').update(PDF).digest('hex') },
    ]);
    expect(JSON.stringify(doc)).not.toContain('%PDF');
  });

  it('carries the rule set the case was judged under: the period recorded when it was received', async () => {
    const [recorded] = await db.select().from(submissionRulePeriods).where(eq(submissionRulePeriods.submissionId, caseId));
    const period = (await readRulePeriods(db)).find((p) => p.id === recorded!.periodId)!;
    const doc = (await buildCaseDocument(db, caseId))!;
    expect(doc.ruleSet).toEqual({ periodId: period.id, validFrom: period.validFrom, values: period.rules });
  });

  it('carries the decisions and the timeline with the staff who acted', async () => {
    const doc = (await buildCaseDocument(db, caseId))!;
    const annaRef = { id: anna.id, username: 'anna.handlaggare', displayName: 'Anna Handläggare' };
    expect(doc).toMatchObject({ status: 'beslutad', decidedAt: '2026-05-06T10:00:00.000Z', assignee: annaRef });
    expect(doc.decisions).toEqual([
      {
        id: expect.any(String),
        outcome: 'beviljad',
        insats: 'Trygghetslarm',
        omfattning: 'Mobilt larm',
        startDate: '2026-06-01',
        reasoning: 'Uppfyller villkoren för förenklad biståndsbedömning.',
        decidedAt: '2026-05-06T10:00:00.000Z',
        decidedBy: annaRef,
      },
    ]);
    expect(doc.timeline.map((e) => [e.kind, e.at, e.actor?.username ?? null])).toEqual([
      ['submitted', '2026-05-04T08:30:00.000Z', null],
      ['assigned', '2026-05-05T09:00:00.000Z', 'anna.handlaggare'],
    ]);
  });

  describe('export', () => {
    const exportsOf = async () => db.select().from(auditEvents).where(and(eq(auditEvents.action, 'case.exported_json'), eq(auditEvents.subjectId, caseId)));

    it('gives a handläggare of the area the document as a file, and audits who exported it from where', async () => {
      const before = (await exportsOf()).length;
      const out = await exportCaseJson(db, anna, reference, { ip: '192.0.2.10' });
      expect(out?.fileName).toBe(`arende-${reference}.json`);
      const parsed: unknown = JSON.parse(out!.body);
      expectValid(parsed);
      expect(parsed).toMatchObject({ reference, id: caseId });
      const audited = await exportsOf();
      expect(audited).toHaveLength(before + 1);
      expect(audited.at(-1)).toMatchObject({ actorType: 'staff', actorId: anna.id, subjectType: 'submission', ip: '192.0.2.10', details: { serviceId: 'trygghetslarm', schemaVersion: 1 } });
      expect(JSON.stringify(audited)).not.toContain('Greta');
    });

    it('answers as if the case did not exist for another area, an admin without the area, or a malformed reference, and audits nothing', async () => {
      const before = (await exportsOf()).length;
      const ifo = { id: randomUUID(), roles: ['handlaggare'], areas: ['ifo'] };
      const admin = { id: randomUUID(), roles: ['admin'], areas: ['aldreomsorg'] };
      const analyst = { id: randomUUID(), roles: ['analytiker'], areas: [] };
      expect(await exportCaseJson(db, ifo, reference)).toBeUndefined();
      expect(await exportCaseJson(db, admin, reference)).toBeUndefined();
      expect(await exportCaseJson(db, analyst, reference)).toBeUndefined();
      expect(await exportCaseJson(db, anna, '2026-999999')).toBeUndefined();
      expect(await exportCaseJson(db, anna, "x' or 1=1")).toBeUndefined();
      expect(await exportsOf()).toHaveLength(before);
    });
  });
});
