/**
 * What a handläggare does to a case: assign, change status, write an internal note, record a
 * decision, makulera. Every action is one transaction that
 *  - finds the case only within the actor's areas (another area's case is "not found", never
 *    revealed: CaseNotFoundError),
 *  - checks the version the form was rendered with against submissions.lock_version (a mismatch
 *    is a ConflictError and nothing is written), and bumps it,
 *  - asks the state machine (src/domain/cases/status.ts) whether the move is legal,
 *  - appends one case_events row (the timeline) and writes exactly one audit event,
 *  - sets first_handled_at on the first action.
 * Recording a decision also queues the case's delivery to the verksamhetssystem in the same
 * transaction, so a decision and its hand-over commit together or not at all.
 */
import { and, asc, arrayContains, desc, eq, sql } from 'drizzle-orm';
import { caseEvents, caseNotes, decisions, staffUsers, submissions } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';
import { planAssignment, planCancellation, planDecision, planStatusChange, planUnassignment, type CaseStatus } from '../domain/cases/status.ts';
import type { ConsentHow, DecisionInput } from '../domain/cases/forms.ts';
import { aterkopplingState, reporterOf } from '../domain/cases/aterkoppling.ts';
import { currentOwnTexts } from './decision-texts.ts';
import { mailLang, queueNotifications } from './notifications/outbox.ts';
import { notificationsQueued } from './notifications/signal.ts';
import { audit, type AuditEvent } from './audit.ts';
import { enqueueDeliveries } from './delivery/queue.ts';
import { deliveriesQueued } from './delivery/signal.ts';
import { canHandleArea } from './staff/authz.ts';
import type { StaffUser } from './staff/users.ts';

import { CaseRuleError } from '../domain/cases/status.ts';

export { CaseRuleError };

export type Actor = Pick<StaffUser, 'id' | 'roles' | 'areas'>;

/** Which case, in which version the form saw it, and where the request came from. */
export type CaseRequest = { reference: string; lockVersion: number; ip?: string | null | undefined; now?: Date };

export type ActionResult = { lockVersion: number; status: CaseStatus | string };

/** No such case for this actor: it does not exist, or it belongs to an area they may not handle. */
export class CaseNotFoundError extends Error {
  constructor() {
    super('No such case for this user');
    this.name = 'CaseNotFoundError';
  }
}

/** The case has changed since the form was rendered: nothing was written. */
export class ConflictError extends Error {
  readonly expectedVersion: number;
  readonly currentVersion: number;
  constructor(expectedVersion: number, currentVersion: number) {
    super(`Case changed since the form was rendered (version ${expectedVersion}, now ${currentVersion})`);
    this.name = 'ConflictError';
    this.expectedVersion = expectedVersion;
    this.currentVersion = currentVersion;
  }
}

/** The chosen colleague is not an active handläggare of the case's area. */
export class AssigneeNotAllowedError extends Error {
  readonly code = 'assigneeNotAllowed';
  constructor() {
    super('The assignee may not handle cases of this area');
    this.name = 'AssigneeNotAllowedError';
  }
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Submission = typeof submissions.$inferSelect;

type Change = {
  patch: Partial<Pick<Submission, 'status' | 'assigneeId' | 'decidedAt' | 'closedAt' | 'akutAcknowledgedAt' | 'akutAcknowledgedBy' | 'consentCheckedAt' | 'consentCheckedBy' | 'consentCheckedHow'>>;
  event: { kind: string; data: Record<string, unknown> };
  audit: { action: string; details: NonNullable<AuditEvent['details']> };
};

const REFERENCE = /^\d{4}-\d{6,}$/;

async function act(db: Db, actor: Actor, req: CaseRequest, decide: (tx: Tx, sub: Submission, now: Date) => Promise<Change>): Promise<ActionResult> {
  if (!REFERENCE.test(req.reference)) throw new CaseNotFoundError();
  const now = req.now ?? new Date();
  return db.transaction(async (tx) => {
    // The row lock makes concurrent actions on one case queue up behind each other, so the
    // version check below sees the latest committed version.
    const [sub] = await tx.select().from(submissions).where(eq(submissions.reference, req.reference)).for('update');
    // Area before version: another area's case must look exactly like a missing one.
    if (!sub || !canHandleArea(actor, sub.area)) throw new CaseNotFoundError();
    if (sub.lockVersion !== req.lockVersion) throw new ConflictError(req.lockVersion, sub.lockVersion);
    const change = await decide(tx, sub, now);
    const [updated] = await tx
      .update(submissions)
      .set({ ...change.patch, lockVersion: sql`${submissions.lockVersion} + 1`, updatedAt: now, firstHandledAt: sub.firstHandledAt ?? now })
      .where(and(eq(submissions.id, sub.id), eq(submissions.lockVersion, req.lockVersion)))
      .returning({ lockVersion: submissions.lockVersion, status: submissions.status });
    // Belt and braces: the conditional update is what guarantees no silent overwrite.
    if (!updated) throw new ConflictError(req.lockVersion, sub.lockVersion);
    await tx.insert(caseEvents).values({ submissionId: sub.id, at: now, actorId: actor.id, kind: change.event.kind, data: change.event.data });
    await audit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: change.audit.action,
      subjectType: 'submission',
      subjectId: sub.id,
      details: { serviceId: sub.serviceId, ...change.audit.details },
      ip: req.ip ?? null,
    });
    return updated;
  });
}

/** Assigns the case to `assigneeId` (the actor themself, or a handläggare of the case's area). */
export async function assignCase(db: Db, actor: Actor, req: CaseRequest & { assigneeId: string }): Promise<ActionResult> {
  return act(db, actor, req, async (tx, sub) => {
    const status = planAssignment(sub.status, sub.assigneeId, req.assigneeId);
    const [colleague] = await tx
      .select({ id: staffUsers.id, roles: staffUsers.roles, areas: staffUsers.areas, active: staffUsers.active })
      .from(staffUsers)
      .where(eq(staffUsers.id, req.assigneeId));
    if (!colleague?.active || !canHandleArea(colleague, sub.area)) throw new AssigneeNotAllowedError();
    const statusChanged = status !== sub.status;
    return {
      patch: { assigneeId: req.assigneeId, status },
      event: {
        kind: 'assigned',
        data: { assigneeId: req.assigneeId, previousAssigneeId: sub.assigneeId, ...(statusChanged ? { from: sub.status, to: status } : {}) },
      },
      audit: {
        action: 'case.assigned',
        details: { assigneeId: req.assigneeId, previousAssigneeId: sub.assigneeId, self: req.assigneeId === actor.id, ...(statusChanged ? { from: sub.status, to: status } : {}) },
      },
    };
  });
}

export async function unassignCase(db: Db, actor: Actor, req: CaseRequest): Promise<ActionResult> {
  return act(db, actor, req, async (_tx, sub) => {
    planUnassignment(sub.status, sub.assigneeId);
    return {
      patch: { assigneeId: null },
      event: { kind: 'unassigned', data: { previousAssigneeId: sub.assigneeId } },
      audit: { action: 'case.unassigned', details: { previousAssigneeId: sub.assigneeId } },
    };
  });
}

/** A plain status change (under handläggning, avslutad); decisions and makulering have their own actions. */
export async function changeStatus(db: Db, actor: Actor, req: CaseRequest & { to: string }): Promise<ActionResult> {
  return act(db, actor, req, async (_tx, sub, now) => {
    const to = planStatusChange(sub.status, req.to);
    return {
      patch: { status: to, ...(to === 'avslutad' ? { closedAt: now } : {}) },
      event: { kind: 'status_changed', data: { from: sub.status, to } },
      audit: { action: 'case.status_changed', details: { from: sub.status, to } },
    };
  });
}

/** An internal note: never shown to the applicant. Its text stays out of the audit log. */
export async function addNote(db: Db, actor: Actor, req: CaseRequest & { body: string }): Promise<ActionResult & { noteId: string }> {
  let noteId = '';
  const result = await act(db, actor, req, async (tx, sub, now) => {
    const [note] = await tx.insert(caseNotes).values({ submissionId: sub.id, authorId: actor.id, body: req.body, createdAt: now }).returning({ id: caseNotes.id });
    if (!note) throw new Error('note insert returned nothing');
    noteId = note.id;
    return { patch: {}, event: { kind: 'note_added', data: { noteId } }, audit: { action: 'case.note_added', details: { noteId } } };
  });
  return { ...result, noteId };
}

/** Records a decision: the case becomes beslutad and its delivery to the verksamhetssystem is queued. */
export async function recordDecision(db: Db, actor: Actor, req: CaseRequest & { decision: DecisionInput }): Promise<ActionResult & { decisionId: string }> {
  let decisionId = '';
  const result = await act(db, actor, req, async (tx, sub, now) => {
    const to = planDecision(sub.status);
    const d = req.decision;
    // The decision keeps the wording in force now: a later change of the texts does not reach its letter.
    const texts = await currentOwnTexts(tx);
    const [row] = await tx
      .insert(decisions)
      .values({ submissionId: sub.id, kind: d.kind ?? null, outcome: d.outcome, insats: d.insats, omfattning: d.omfattning, startDate: d.startDate, reasoning: d.reasoning, details: d.details ?? {}, texts, decidedBy: actor.id, decidedAt: now })
      .returning({ id: decisions.id });
    if (!row) throw new Error('decision insert returned nothing');
    decisionId = row.id;
    await enqueueDeliveries(tx, sub.id, 'decided');
    return {
      patch: { status: to, decidedAt: now },
      event: { kind: 'decision_recorded', data: { decisionId, outcome: d.outcome, from: sub.status, to } },
      audit: { action: 'case.decided', details: { decisionId, outcome: d.outcome, from: sub.status, to } },
    };
  });
  // Committed: the delivery worker sends the decision now rather than at its next poll.
  deliveriesQueued();
  return { ...result, decisionId };
}

/** Makulering: the case is closed as one that should not be handled, with the reason on its timeline. */
export async function cancelCase(db: Db, actor: Actor, req: CaseRequest & { reason: string }): Promise<ActionResult> {
  return act(db, actor, req, async (_tx, sub, now) => {
    const to = planCancellation(sub.status, req.reason);
    return {
      patch: { status: to, closedAt: now },
      // The reason is part of the case (shown on its timeline), not of the audit log.
      event: { kind: 'cancelled', data: { from: sub.status, to, reason: req.reason.trim() } },
      audit: { action: 'case.cancelled', details: { from: sub.status, to } },
    };
  });
}

export type Colleague = { id: string; displayName: string };

/** Active handläggare of `area`: the people a case of that area may be assigned to. */
export async function listAssignableStaff(db: Db, area: string): Promise<Colleague[]> {
  return db
    .select({ id: staffUsers.id, displayName: staffUsers.displayName })
    .from(staffUsers)
    .where(and(eq(staffUsers.active, true), arrayContains(staffUsers.roles, ['handlaggare']), arrayContains(staffUsers.areas, [area])))
    .orderBy(asc(staffUsers.displayName), asc(staffUsers.id));
}

/**
 * Acknowledges an akut case: a handläggare of its area has seen that someone may be in immediate
 * danger and takes it on, so the case is no longer pinned at the top of the inbox. Once per case.
 */
export async function acknowledgeAkut(db: Db, actor: Actor, req: CaseRequest): Promise<ActionResult> {
  return act(db, actor, req, async (_tx, sub, now) => {
    if (!sub.urgent) throw new CaseRuleError('notAkut');
    if (sub.akutAcknowledgedAt) throw new CaseRuleError('alreadyAcknowledged');
    const waitedSeconds = Math.max(0, Math.round((now.getTime() - sub.submittedAt.getTime()) / 1000));
    return {
      patch: { akutAcknowledgedAt: now, akutAcknowledgedBy: actor.id },
      event: { kind: 'akut.acknowledged', data: { waitedSeconds } },
      audit: { action: 'case.akut_acknowledged', details: { waitedSeconds } },
    };
  });
}

/**
 * Återkoppling (src/domain/cases/aterkoppling.ts): after the förhandsbedömning of an orosanmälan
 * from a professional, one e-mail to the address the reporter gave, saying only whether an
 * investigation was started, not started or is already going on. Queued in the same transaction
 * that marks the decision as having had its återkoppling, so it is sent once.
 */
export async function sendAterkoppling(db: Db, actor: Actor, req: CaseRequest): Promise<ActionResult> {
  const result = await act(db, actor, req, async (tx, sub, now) => {
    const [d] = await tx
      .select({ id: decisions.id, kind: decisions.kind, outcome: decisions.outcome, aterkopplingSentAt: decisions.aterkopplingSentAt, aterkopplingSentBy: decisions.aterkopplingSentBy })
      .from(decisions)
      .where(eq(decisions.submissionId, sub.id))
      .orderBy(desc(decisions.decidedAt), desc(decisions.id))
      .limit(1);
    const state = aterkopplingState(sub.serviceId, sub.answers, d);
    if (state.kind === 'sent') throw new CaseRuleError('aterkopplingSent');
    const reporter = reporterOf(sub.answers);
    if (state.kind !== 'ready' || !d || !reporter.professional || !reporter.email) throw new CaseRuleError('aterkopplingNotPossible');
    await tx.update(decisions).set({ aterkopplingSentAt: now, aterkopplingSentBy: actor.id }).where(eq(decisions.id, d.id));
    await queueNotifications(tx, { submissionId: sub.id, to: [reporter.email], template: state.template, lang: mailLang(sub.language ?? undefined) });
    return {
      patch: {},
      event: { kind: 'aterkoppling.sent', data: { decisionId: d.id, outcome: d.outcome } },
      audit: { action: 'case.aterkoppling_sent', details: { decisionId: d.id, template: state.template } },
    };
  });
  notificationsQueued();
  return result;
}

/**
 * The check of consent or fullmakt on a case sent on someone's behalf: who, when and how (fullmakt
 * seen, consent confirmed by phone). Clears "Kontrollera samtycke"; once per case.
 */
export async function recordConsentCheck(db: Db, actor: Actor, req: CaseRequest & { how: ConsentHow }): Promise<ActionResult> {
  return act(db, actor, req, async (_tx, sub, now) => {
    if (!sub.onBehalf) throw new CaseRuleError('notOnBehalf');
    if (sub.consentCheckedAt) throw new CaseRuleError('consentChecked');
    return {
      patch: { consentCheckedAt: now, consentCheckedBy: actor.id, consentCheckedHow: req.how },
      event: { kind: 'consent.checked', data: { how: req.how } },
      audit: { action: 'case.consent_checked', details: { how: req.how } },
    };
  });
}
