import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, ne } from 'drizzle-orm';
import type { Db, DbHandle } from '../../db/client.ts';
import { auditEvents, caseEvents, caseNotes, decisions, deliveries, notifications, staffUsers, submissions } from '../../db/schema.ts';
import type { DecisionInput } from '../domain/cases/forms.ts';
import { testDatabases } from './test-db.ts';
import { receiveSubmission } from './submissions.ts';
import { setRegisteredBackends } from './delivery/registry.ts';
import {
  AssigneeNotAllowedError,
  CaseNotFoundError,
  CaseRuleError,
  ConflictError,
  addNote,
  assignCase,
  cancelCase,
  changeStatus,
  listAssignableStaff,
  recordConsentCheck,
  recordDecision,
  sendAterkoppling,
  unassignCase,
  type Actor,
} from './case-actions.ts';

const GRANT: DecisionInput = {
  outcome: 'beviljad',
  insats: 'trygghetslarm',
  omfattning: 'Ett trygghetslarm i hemmet',
  startDate: '2026-04-01',
  reasoning: 'Sökanden är 81 år, bor i ordinärt boende och är folkbokförd i kommunen.',
};

const IP = '192.0.2.10';

describe.each(testDatabases())('handling a case on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  let anna: Actor; // handläggare, äldreomsorg
  let bo: Actor; // handläggare, äldreomsorg and IFO
  let cecilia: Actor; // handläggare, IFO only
  let dan: Actor; // admin and analytiker who lists äldreomsorg but is not a handläggare
  let erik: Actor; // a deactivated handläggare of äldreomsorg

  const person = async (username: string, displayName: string, roles: string[], areas: string[], active = true): Promise<Actor> => {
    const [row] = await db.insert(staffUsers).values({ username, displayName, passwordHash: 'not-a-login', roles, areas, active }).returning();
    if (!row) throw new Error('no staff row');
    return { id: row.id, roles: row.roles, areas: row.areas };
  };

  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
    // One backend, so that a decision has something to queue.
    setRegisteredBackends([{ id: 'test-backend', deliver: async () => {} }]);
    anna = await person('anna', 'Anna Andersson', ['handlaggare'], ['aldreomsorg']);
    bo = await person('bo', 'Bo Berg', ['handlaggare'], ['aldreomsorg', 'ifo']);
    cecilia = await person('cecilia', 'Cecilia Carlsson', ['handlaggare'], ['ifo']);
    dan = await person('dan', 'Dan Dahl', ['admin', 'analytiker'], ['aldreomsorg']);
    erik = await person('erik', 'Erik Ek', ['handlaggare'], ['aldreomsorg'], false);
  });
  afterAll(async () => {
    setRegisteredBackends(undefined);
    await handle?.close();
  });

  let n = 0;
  const submit = async (area = 'aldreomsorg') => {
    n += 1;
    return receiveSubmission(db, {
      serviceId: area === 'ifo' ? 'ifo-kontakt' : 'trygghetslarm', serviceVersion: 1, area, answers: {},
      subjectPersonnummer: '19450110-3297', subjectName: 'Greta Testberg', submitterName: null, onBehalf: false, idempotencyKey: `actions-${n}`,
    });
  };
  const row = async (id: string) => {
    const [r] = await db.select().from(submissions).where(eq(submissions.id, id));
    if (!r) throw new Error('no submission');
    return r;
  };
  /** Audit events of a case other than its receipt (which the citizen's submission wrote). */
  const auditOf = (id: string) => db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, id), ne(auditEvents.action, 'submission.received')));
  const eventsOf = (id: string) => db.select().from(caseEvents).where(eq(caseEvents.submissionId, id));
  const deliveriesOf = (id: string) => db.select().from(deliveries).where(and(eq(deliveries.submissionId, id), eq(deliveries.event, 'decided')));
  /** Everything an action could write about one case. */
  const snapshot = async (id: string) => ({
    submission: await row(id),
    audit: (await auditOf(id)).length,
    events: (await eventsOf(id)).length,
    notes: (await db.select().from(caseNotes).where(eq(caseNotes.submissionId, id))).length,
    decisions: (await db.select().from(decisions).where(eq(decisions.submissionId, id))).length,
    deliveries: (await deliveriesOf(id)).length,
  });
  const refusal = async (p: Promise<unknown>): Promise<unknown> => p.then(() => undefined, (e: unknown) => e);

  /** A case brought to `under_handlaggning` by Anna taking it; returns its reference, id and version. */
  const started = async () => {
    const s = await submit();
    const r = await assignCase(db, anna, { reference: s.reference, lockVersion: 1, assigneeId: anna.id });
    return { ...s, version: r.lockVersion };
  };

  describe('assigning', () => {
    it('to oneself starts the handling of an inkommen case and leaves one timeline entry and one audit event', async () => {
      const s = await submit();
      const r = await assignCase(db, anna, { reference: s.reference, lockVersion: 1, assigneeId: anna.id, ip: IP });
      expect(r).toEqual({ lockVersion: 2, status: 'under_handlaggning' });
      const sub = await row(s.id);
      expect(sub.assigneeId).toBe(anna.id);
      expect(sub.firstHandledAt).toBeInstanceOf(Date);
      const audit = await auditOf(s.id);
      expect(audit.map((a) => a.action)).toEqual(['case.assigned']);
      expect(audit[0]).toMatchObject({ actorType: 'staff', actorId: anna.id, subjectType: 'submission', ip: IP });
      expect(audit[0]?.details).toMatchObject({ assigneeId: anna.id, self: true, from: 'inkommen', to: 'under_handlaggning' });
      const events = await eventsOf(s.id);
      expect(events.map((e) => e.kind)).toEqual(['assigned']);
      expect(events[0]).toMatchObject({ actorId: anna.id, data: { assigneeId: anna.id, previousAssigneeId: null, from: 'inkommen', to: 'under_handlaggning' } });
    });

    it('to a colleague of the case’s area hands it over without changing a status already under handläggning', async () => {
      const c = await started();
      const r = await assignCase(db, anna, { reference: c.reference, lockVersion: c.version, assigneeId: bo.id });
      expect(r.status).toBe('under_handlaggning');
      expect((await row(c.id)).assigneeId).toBe(bo.id);
      const events = await eventsOf(c.id);
      expect(events.map((e) => e.kind)).toEqual(['assigned', 'assigned']);
      expect(events[1]?.data).toEqual({ assigneeId: bo.id, previousAssigneeId: anna.id });
      expect((await auditOf(c.id)).map((a) => a.action)).toEqual(['case.assigned', 'case.assigned']);
    });

    it('is refused to someone who may not handle the case’s area, to a deactivated account, and to an unknown id; nothing is written', async () => {
      const s = await submit();
      for (const who of [cecilia.id, dan.id, erik.id, '00000000-0000-4000-8000-00000000dead']) {
        const before = await snapshot(s.id);
        expect(await refusal(assignCase(db, anna, { reference: s.reference, lockVersion: 1, assigneeId: who }))).toBeInstanceOf(AssigneeNotAllowedError);
        expect(await snapshot(s.id)).toEqual(before);
      }
    });

    it('is refused to the person already assigned', async () => {
      const c = await started();
      const before = await snapshot(c.id);
      const e = await refusal(assignCase(db, anna, { reference: c.reference, lockVersion: c.version, assigneeId: anna.id }));
      expect(e).toBeInstanceOf(CaseRuleError);
      expect((e as CaseRuleError).code).toBe('alreadyAssigned');
      expect(await snapshot(c.id)).toEqual(before);
    });

    it('can be removed, leaving the status, with its own audit event', async () => {
      const c = await started();
      const r = await unassignCase(db, anna, { reference: c.reference, lockVersion: c.version });
      expect(r).toEqual({ lockVersion: c.version + 1, status: 'under_handlaggning' });
      expect((await row(c.id)).assigneeId).toBeNull();
      expect((await auditOf(c.id)).map((a) => a.action)).toEqual(['case.assigned', 'case.unassigned']);
      expect((await eventsOf(c.id)).at(-1)).toMatchObject({ kind: 'unassigned', data: { previousAssigneeId: anna.id } });
      const again = await refusal(unassignCase(db, anna, { reference: c.reference, lockVersion: r.lockVersion }));
      expect((again as CaseRuleError).code).toBe('notAssigned');
    });

    it('lists as possible assignees the active handläggare of the area only', async () => {
      expect((await listAssignableStaff(db, 'aldreomsorg')).map((p) => p.displayName)).toEqual(['Anna Andersson', 'Bo Berg']);
      expect((await listAssignableStaff(db, 'ifo')).map((p) => p.displayName)).toEqual(['Bo Berg', 'Cecilia Carlsson']);
    });
  });

  describe('changing status', () => {
    it('moves an inkommen case to under handläggning with one timeline entry and one audit event', async () => {
      const s = await submit();
      const r = await changeStatus(db, bo, { reference: s.reference, lockVersion: 1, to: 'under_handlaggning' });
      expect(r).toEqual({ lockVersion: 2, status: 'under_handlaggning' });
      expect((await auditOf(s.id)).map((a) => [a.action, a.details])).toEqual([['case.status_changed', { serviceId: 'trygghetslarm', from: 'inkommen', to: 'under_handlaggning' }]]);
      expect((await eventsOf(s.id)).map((e) => [e.kind, e.data])).toEqual([['status_changed', { from: 'inkommen', to: 'under_handlaggning' }]]);
    });

    it('closes a decided case, recording when', async () => {
      const c = await started();
      const d = await recordDecision(db, anna, { reference: c.reference, lockVersion: c.version, decision: GRANT });
      const r = await changeStatus(db, anna, { reference: c.reference, lockVersion: d.lockVersion, to: 'avslutad' });
      expect(r.status).toBe('avslutad');
      expect((await row(c.id)).closedAt).toBeInstanceOf(Date);
    });

    it.each([
      { from: 'inkommen', to: 'avslutad', code: 'illegalTransition' },
      { from: 'inkommen', to: 'inkommen', code: 'illegalTransition' },
      { from: 'inkommen', to: 'beslutad', code: 'decisionRequired' },
      { from: 'inkommen', to: 'makulerad', code: 'cancelReasonRequired' },
      { from: 'inkommen', to: 'klar', code: 'unknownStatus' },
    ])('refuses $from → $to with $code and writes nothing', async ({ to, code }) => {
      const s = await submit();
      const before = await snapshot(s.id);
      const e = await refusal(changeStatus(db, anna, { reference: s.reference, lockVersion: 1, to }));
      expect(e).toBeInstanceOf(CaseRuleError);
      expect((e as CaseRuleError).code).toBe(code);
      expect(await snapshot(s.id)).toEqual(before);
    });
  });

  describe('an internal note', () => {
    it('is stored with its author, on the timeline, and audited without its text', async () => {
      const s = await submit();
      const r = await addNote(db, anna, { reference: s.reference, lockVersion: 1, body: 'Ringde Greta Testberg, hon vill ha larmet snarast.' });
      expect(r.lockVersion).toBe(2);
      expect(r.status).toBe('inkommen');
      const [note] = await db.select().from(caseNotes).where(eq(caseNotes.submissionId, s.id));
      expect(note).toMatchObject({ id: r.noteId, authorId: anna.id, body: 'Ringde Greta Testberg, hon vill ha larmet snarast.' });
      const audit = await auditOf(s.id);
      expect(audit.map((a) => a.action)).toEqual(['case.note_added']);
      expect(JSON.stringify(audit[0]?.details)).not.toContain('Greta');
      expect((await eventsOf(s.id)).map((e) => [e.kind, e.data])).toEqual([['note_added', { noteId: r.noteId }]]);
      expect((await row(s.id)).firstHandledAt).toBeInstanceOf(Date);
    });
  });

  describe('a decision', () => {
    it('is stored, makes the case beslutad, sets decided_at, queues the delivery, and leaves one timeline entry and one audit event', async () => {
      const c = await started();
      const r = await recordDecision(db, anna, { reference: c.reference, lockVersion: c.version, decision: GRANT, ip: IP });
      expect(r.status).toBe('beslutad');
      const sub = await row(c.id);
      expect(sub.decidedAt).toBeInstanceOf(Date);
      const [d] = await db.select().from(decisions).where(eq(decisions.submissionId, c.id));
      expect(d).toMatchObject({ id: r.decisionId, outcome: 'beviljad', insats: 'trygghetslarm', omfattning: 'Ett trygghetslarm i hemmet', startDate: '2026-04-01', decidedBy: anna.id });
      expect(d?.decidedAt.getTime()).toBe(sub.decidedAt?.getTime());
      expect((await deliveriesOf(c.id)).map((x) => [x.backend, x.status])).toEqual([['test-backend', 'pending']]);
      const audit = await auditOf(c.id);
      expect(audit.map((a) => a.action)).toEqual(['case.assigned', 'case.decided']);
      expect(audit[1]?.details).toEqual({ serviceId: 'trygghetslarm', decisionId: r.decisionId, outcome: 'beviljad', from: 'under_handlaggning', to: 'beslutad' });
      expect((await eventsOf(c.id)).at(-1)).toMatchObject({ kind: 'decision_recorded', data: { decisionId: r.decisionId, outcome: 'beviljad' } });
    });

    it('is refused on a case nobody has started handling, with nothing written or queued', async () => {
      const s = await submit();
      const before = await snapshot(s.id);
      const e = await refusal(recordDecision(db, anna, { reference: s.reference, lockVersion: 1, decision: GRANT }));
      expect((e as CaseRuleError).code).toBe('illegalTransition');
      expect(await snapshot(s.id)).toEqual(before);
    });

    it('is refused a second time: a decided case is not decided again', async () => {
      const c = await started();
      const d = await recordDecision(db, anna, { reference: c.reference, lockVersion: c.version, decision: GRANT });
      const before = await snapshot(c.id);
      const e = await refusal(recordDecision(db, anna, { reference: c.reference, lockVersion: d.lockVersion, decision: { ...GRANT, outcome: 'avslag' } }));
      expect((e as CaseRuleError).code).toBe('illegalTransition');
      expect(await snapshot(c.id)).toEqual(before);
    });
  });

  describe('makulering', () => {
    it('closes an inkommen case as makulerad with its reason on the timeline, not in the audit log', async () => {
      const s = await submit();
      const r = await cancelCase(db, anna, { reference: s.reference, lockVersion: 1, reason: 'Dubblett av ett tidigare ärende' });
      expect(r.status).toBe('makulerad');
      expect((await row(s.id)).closedAt).toBeInstanceOf(Date);
      const audit = await auditOf(s.id);
      expect(audit.map((a) => [a.action, a.details])).toEqual([['case.cancelled', { serviceId: 'trygghetslarm', from: 'inkommen', to: 'makulerad' }]]);
      expect((await eventsOf(s.id)).map((e) => [e.kind, e.data])).toEqual([['cancelled', { from: 'inkommen', to: 'makulerad', reason: 'Dubblett av ett tidigare ärende' }]]);
    });

    it('is refused without a reason, and for a decided case', async () => {
      const s = await submit();
      expect(((await refusal(cancelCase(db, anna, { reference: s.reference, lockVersion: 1, reason: '  ' }))) as CaseRuleError).code).toBe('cancelReasonRequired');
      const c = await started();
      const d = await recordDecision(db, anna, { reference: c.reference, lockVersion: c.version, decision: GRANT });
      const before = await snapshot(c.id);
      expect(((await refusal(cancelCase(db, anna, { reference: c.reference, lockVersion: d.lockVersion, reason: 'Fel' }))) as CaseRuleError).code).toBe('illegalTransition');
      expect(await snapshot(c.id)).toEqual(before);
    });
  });

  /** Every action, run against a case at the version given. */
  const everyAction = (actor: Actor) => [
    { name: 'assign', run: (reference: string, lockVersion: number) => assignCase(db, actor, { reference, lockVersion, assigneeId: bo.id }) },
    { name: 'unassign', run: (reference: string, lockVersion: number) => unassignCase(db, actor, { reference, lockVersion }) },
    { name: 'status', run: (reference: string, lockVersion: number) => changeStatus(db, actor, { reference, lockVersion, to: 'makulerad' }) },
    { name: 'note', run: (reference: string, lockVersion: number) => addNote(db, actor, { reference, lockVersion, body: 'Anteckning' }) },
    { name: 'decide', run: (reference: string, lockVersion: number) => recordDecision(db, actor, { reference, lockVersion, decision: GRANT }) },
    { name: 'cancel', run: (reference: string, lockVersion: number) => cancelCase(db, actor, { reference, lockVersion, reason: 'Dubblett' }) },
  ];

  describe('optimistic locking', () => {
    it.each(['assign', 'unassign', 'status', 'note', 'decide', 'cancel'])('refuses %s from a form rendered before the case changed, writing nothing', async (name) => {
      const c = await started(); // version 2 now; the stale form still says 1
      const action = everyAction(anna).find((a) => a.name === name);
      const before = await snapshot(c.id);
      const e = await refusal(action!.run(c.reference, 1));
      expect(e).toBeInstanceOf(ConflictError);
      expect(e).toMatchObject({ expectedVersion: 1, currentVersion: c.version });
      expect(await snapshot(c.id)).toEqual(before);
    });

    it('lets only one of two simultaneous actions on the same version through', async () => {
      const s = await submit();
      const results = await Promise.allSettled([
        assignCase(db, anna, { reference: s.reference, lockVersion: 1, assigneeId: anna.id }),
        assignCase(db, bo, { reference: s.reference, lockVersion: 1, assigneeId: bo.id }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const failed = results.find((r) => r.status === 'rejected');
      expect(failed?.status === 'rejected' && failed.reason).toBeInstanceOf(ConflictError);
      expect((await row(s.id)).lockVersion).toBe(2);
      expect(await eventsOf(s.id)).toHaveLength(1);
      expect(await auditOf(s.id)).toHaveLength(1);
    });

    it('sets first_handled_at on the first action only', async () => {
      const c = await started();
      const first = (await row(c.id)).firstHandledAt;
      await addNote(db, anna, { reference: c.reference, lockVersion: c.version, body: 'Senare', now: new Date(Date.now() + 60_000) });
      expect((await row(c.id)).firstHandledAt?.getTime()).toBe(first?.getTime());
    });
  });

  describe('secrecy between areas', () => {
    it.each(['assign', 'unassign', 'status', 'note', 'decide', 'cancel'])('answers %s on another area’s case as not found, writing nothing', async (name) => {
      const s = await submit('aldreomsorg');
      const before = await snapshot(s.id);
      for (const outsider of [cecilia, dan]) {
        const action = everyAction(outsider).find((a) => a.name === name);
        // Even with the right version: the version must not reveal that the case exists.
        expect(await refusal(action!.run(s.reference, 1))).toBeInstanceOf(CaseNotFoundError);
        expect(await refusal(action!.run(s.reference, 99))).toBeInstanceOf(CaseNotFoundError);
      }
      expect(await snapshot(s.id)).toEqual(before);
    });

    it('answers an unknown or malformed reference as not found', async () => {
      expect(await refusal(addNote(db, anna, { reference: '2026-999999', lockVersion: 1, body: 'x' }))).toBeInstanceOf(CaseNotFoundError);
      expect(await refusal(addNote(db, anna, { reference: "2026-1' or '1'='1", lockVersion: 1, body: 'x' }))).toBeInstanceOf(CaseNotFoundError);
    });

    it('lets a handläggare of both areas act on an IFO case', async () => {
      const s = await submit('ifo');
      expect((await addNote(db, bo, { reference: s.reference, lockVersion: 1, body: 'Kontakt tagen' })).lockVersion).toBe(2);
    });
  });

  describe('kinds of decision, återkoppling and the consent check', () => {
    const report = async (answers: Record<string, unknown>, opts: { onBehalf?: boolean; serviceId?: string } = {}) => {
      n += 1;
      const s = await receiveSubmission(db, {
        serviceId: opts.serviceId ?? 'orosanmalan-barn', serviceVersion: 1, area: 'ifo', answers, language: 'fi',
        subjectPersonnummer: null, subjectName: null, submitterName: null, onBehalf: opts.onBehalf ?? false, idempotencyKey: `kinds-${n}`,
      });
      const r = await assignCase(db, bo, { reference: s.reference, lockVersion: 1, assigneeId: bo.id });
      return { ...s, version: r.lockVersion };
    };
    const teacher = { anmalare: 'yrkesverksam', anmalareEpost: 'Lena.Larare@skolan.example' };
    const forhandsbedomning: DecisionInput = { kind: 'anmalan', outcome: 'utredning', insats: null, omfattning: null, startDate: null, reasoning: 'Upprepad frånvaro.', details: { skyddsbedomningSammaDag: false } };
    const outbox = (id: string) => db.select().from(notifications).where(eq(notifications.submissionId, id));

    it('stores the kind and the details of a förhandsbedömning, and the language the report was sent in', async () => {
      const c = await report(teacher);
      const r = await recordDecision(db, bo, { reference: c.reference, lockVersion: c.version, decision: forhandsbedomning });
      const [d] = await db.select().from(decisions).where(eq(decisions.id, r.decisionId));
      expect(d).toMatchObject({ kind: 'anmalan', outcome: 'utredning', insats: null, details: { skyddsbedomningSammaDag: false }, aterkopplingSentAt: null });
      expect((await row(c.id)).language).toBe('fi');
    });

    it('sends the återkoppling once, to the reporter’s address in the report’s language, audited and on the timeline', async () => {
      const c = await report(teacher);
      const decided = await recordDecision(db, bo, { reference: c.reference, lockVersion: c.version, decision: forhandsbedomning });
      const sent = await sendAterkoppling(db, bo, { reference: c.reference, lockVersion: decided.lockVersion, ip: IP });
      const mails = (await outbox(c.id)).filter((m) => m.template.startsWith('aterkoppling'));
      expect(mails.map((m) => ({ to: m.toAddress, template: m.template, lang: m.lang }))).toEqual([{ to: 'lena.larare@skolan.example', template: 'aterkoppling_inleds', lang: 'fi' }]);
      const [d] = await db.select().from(decisions).where(eq(decisions.id, decided.decisionId));
      expect(d?.aterkopplingSentBy).toBe(bo.id);
      expect((await auditOf(c.id)).map((a) => a.action)).toContain('case.aterkoppling_sent');
      expect((await eventsOf(c.id)).at(-1)).toMatchObject({ kind: 'aterkoppling.sent', actorId: bo.id, data: { outcome: 'utredning' } });
      // A second time: refused, nothing more queued or written.
      const before = await snapshot(c.id);
      const again = await refusal(sendAterkoppling(db, bo, { reference: c.reference, lockVersion: sent.lockVersion }));
      expect(again).toBeInstanceOf(CaseRuleError);
      expect((again as CaseRuleError).code).toBe('aterkopplingSent');
      expect(await snapshot(c.id)).toEqual(before);
      expect((await outbox(c.id)).filter((m) => m.template.startsWith('aterkoppling'))).toHaveLength(1);
    });

    it('refuses an återkoppling to a private reporter, to a professional without an e-mail address, and before the förhandsbedömning', async () => {
      for (const answers of [{ anmalare: 'privatperson', anmalareEpost: 'a@b.se' }, { anmalare: 'yrkesverksam' }]) {
        const c = await report(answers);
        const decided = await recordDecision(db, bo, { reference: c.reference, lockVersion: c.version, decision: forhandsbedomning });
        const e = await refusal(sendAterkoppling(db, bo, { reference: c.reference, lockVersion: decided.lockVersion }));
        expect((e as CaseRuleError).code).toBe('aterkopplingNotPossible');
        expect((await outbox(c.id)).filter((m) => m.template.startsWith('aterkoppling'))).toHaveLength(0);
      }
      const c = await report(teacher);
      expect(((await refusal(sendAterkoppling(db, bo, { reference: c.reference, lockVersion: c.version }))) as CaseRuleError).code).toBe('aterkopplingNotPossible');
    });

    it('refuses an återkoppling on a report about an adult: the duty concerns reports about children (14 kap. 1 a § SoL)', async () => {
      const c = await report(teacher, { serviceId: 'orosanmalan-vuxen' });
      const decided = await recordDecision(db, bo, { reference: c.reference, lockVersion: c.version, decision: forhandsbedomning });
      const before = await snapshot(c.id);
      const e = await refusal(sendAterkoppling(db, bo, { reference: c.reference, lockVersion: decided.lockVersion }));
      expect((e as CaseRuleError).code).toBe('aterkopplingNotPossible');
      expect(await snapshot(c.id)).toEqual(before);
      expect((await outbox(c.id)).filter((m) => m.template.startsWith('aterkoppling'))).toHaveLength(0);
    });

    it('records the consent check on an on-behalf case once (who, when, how), and refuses it elsewhere', async () => {
      const c = await report({}, { onBehalf: true });
      const r = await recordConsentCheck(db, bo, { reference: c.reference, lockVersion: c.version, how: 'telefon', ip: IP });
      expect(await row(c.id)).toMatchObject({ consentCheckedBy: bo.id, consentCheckedHow: 'telefon' });
      expect((await row(c.id)).consentCheckedAt).toBeInstanceOf(Date);
      expect((await auditOf(c.id)).at(-1)).toMatchObject({ action: 'case.consent_checked', actorId: bo.id, ip: IP, details: { how: 'telefon' } });
      expect((await eventsOf(c.id)).at(-1)).toMatchObject({ kind: 'consent.checked', data: { how: 'telefon' } });
      expect(((await refusal(recordConsentCheck(db, bo, { reference: c.reference, lockVersion: r.lockVersion, how: 'fullmakt' }))) as CaseRuleError).code).toBe('consentChecked');
      const own = await report({});
      expect(((await refusal(recordConsentCheck(db, bo, { reference: own.reference, lockVersion: own.version, how: 'fullmakt' }))) as CaseRuleError).code).toBe('notOnBehalf');
    });
  });
});
