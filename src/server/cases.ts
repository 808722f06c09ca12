/**
 * Staff reading cases. Every read of a case is audited before any of it is returned: no log, no
 * view. A case outside the reader's areas (or read by someone who is not a handläggare) does not
 * exist here.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { caseEvents, caseNotes, decisions, deliveries, staffUsers, submissions } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';
import type { DeliveryState, RecordedEvent } from '../domain/cases/timeline.ts';
import { audit } from './audit.ts';
import { caseAreas } from './staff/authz.ts';
import type { StaffUser } from './staff/users.ts';
import { findSubmission, type SubmissionRecord } from './submissions.ts';
import { auditRefusedCase } from './staff-reads.ts';
import { findAttachment, type Attachment } from './uploads.ts';

export type Reader = Pick<StaffUser, 'id' | 'roles' | 'areas'>;

const REFERENCE = /^\d{4}-\d{6,}$/;

/**
 * The case with this reference if it is in one of the reader's areas (else undefined), audited;
 * a case that exists outside them is audited as a refused read (./staff-reads.ts).
 */
export async function openCase(db: Db, reader: Reader, reference: string, ip?: string | null): Promise<SubmissionRecord | undefined> {
  if (!REFERENCE.test(reference)) return undefined;
  const sub = await findSubmission(db, reference, caseAreas(reader));
  if (!sub) {
    await auditRefusedCase(db, reader, reference, 'case.view_refused', ip);
    return undefined;
  }
  await audit(db, { actorType: 'staff', actorId: reader.id, action: 'case.viewed', subjectType: 'submission', subjectId: sub.id, details: { serviceId: sub.serviceId }, ip: ip ?? null });
  return sub;
}

/**
 * Which e-tjänst (and version) a case was made with and the version the case is at, for checking
 * a posted action form before the action runs. Returns nothing of the case's content, so it is not
 * a view and is not audited; the action itself is.
 */
export async function caseForAction(db: Db, reader: Reader, reference: string, ip?: string | null): Promise<{ serviceId: string; serviceVersion: number; lockVersion: number } | undefined> {
  const areas = caseAreas(reader);
  if (!REFERENCE.test(reference)) return undefined;
  const [row] = areas.length === 0 ? [] : await db
    .select({ serviceId: submissions.serviceId, serviceVersion: submissions.serviceVersion, lockVersion: submissions.lockVersion })
    .from(submissions)
    .where(and(eq(submissions.reference, reference), inArray(submissions.area, areas)));
  if (!row) await auditRefusedCase(db, reader, reference, 'case.action_refused', ip);
  return row;
}

/**
 * An attachment of a case the reader may open: the case read and the file read are both audited,
 * with the client address. Undefined (and a refused read audited) for anyone else.
 */
export async function openAttachment(db: Db, reader: Reader, reference: string, uploadId: string, ip?: string | null): Promise<Attachment | undefined> {
  const sub = await openCase(db, reader, reference, ip);
  const file = sub ? await findAttachment(db, sub.id, uploadId) : undefined;
  if (!sub || !file) return undefined;
  await audit(db, { actorType: 'staff', actorId: reader.id, action: 'attachment.viewed', subjectType: 'submission', subjectId: sub.id, details: { uploadId: file.id }, ip: ip ?? null });
  return file;
}

export type CaseNote = { id: string; authorId: string; body: string; createdAt: Date };
export type CaseDecision = typeof decisions.$inferSelect;

/** Everything recorded about a case besides the submission itself. */
export type CaseFile = {
  notes: CaseNote[];
  decisions: CaseDecision[];
  events: RecordedEvent[];
  deliveries: DeliveryState[];
  /** Display names of every member of staff the file mentions (actors, assignees, authors). */
  staffNames: Map<string, string>;
};

/**
 * The notes, decisions, timeline events and deliveries of a case the caller has already opened
 * (and so audited) with `openCase`.
 */
export async function loadCaseFile(db: Db, sub: Pick<SubmissionRecord, 'id' | 'assigneeId'>): Promise<CaseFile> {
  const [notes, decided, events, sent] = await Promise.all([
    db.select({ id: caseNotes.id, authorId: caseNotes.authorId, body: caseNotes.body, createdAt: caseNotes.createdAt }).from(caseNotes).where(eq(caseNotes.submissionId, sub.id)).orderBy(asc(caseNotes.createdAt), asc(caseNotes.id)),
    db.select().from(decisions).where(eq(decisions.submissionId, sub.id)).orderBy(asc(decisions.decidedAt), asc(decisions.id)),
    db.select({ id: caseEvents.id, at: caseEvents.at, actorId: caseEvents.actorId, kind: caseEvents.kind, data: caseEvents.data }).from(caseEvents).where(eq(caseEvents.submissionId, sub.id)).orderBy(asc(caseEvents.at), asc(caseEvents.id)),
    db
      .select({ id: deliveries.id, backend: deliveries.backend, event: deliveries.event, status: deliveries.status, attempts: deliveries.attempts, createdAt: deliveries.createdAt, updatedAt: deliveries.updatedAt })
      .from(deliveries)
      .where(eq(deliveries.submissionId, sub.id))
      .orderBy(asc(deliveries.createdAt), asc(deliveries.id)),
  ]);
  const ids = new Set<string>();
  if (sub.assigneeId) ids.add(sub.assigneeId);
  for (const n of notes) ids.add(n.authorId);
  for (const d of decided) ids.add(d.decidedBy);
  for (const e of events) {
    if (e.actorId) ids.add(e.actorId);
    for (const k of ['assigneeId', 'previousAssigneeId']) {
      const v = e.data[k];
      if (typeof v === 'string') ids.add(v);
    }
  }
  const staffNames = new Map<string, string>();
  if (ids.size > 0) {
    const people = await db.select({ id: staffUsers.id, displayName: staffUsers.displayName }).from(staffUsers).where(inArray(staffUsers.id, [...ids]));
    for (const p of people) staffNames.set(p.id, p.displayName);
  }
  return { notes, decisions: decided, events, deliveries: sent, staffNames };
}
