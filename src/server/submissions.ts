/**
 * The submissions repository: receiving a submission (one transaction: reference number, row,
 * audit event; idempotent on the form's token) and reading one back for handläggare.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { referenceSeq, submissions, uploads } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';
import { audit } from './audit.ts';
import { enqueueDeliveries } from './delivery/queue.ts';
import { thenDeliver } from './delivery/signal.ts';

export type NewSubmission = {
  serviceId: string;
  serviceVersion: number;
  area: string;
  answers: Record<string, unknown>;
  subjectPersonnummer: string | null;
  subjectName: string | null;
  submitterName: string | null;
  /** The submitter logged in with e-legitimation (`YYYYMMDD-NNNN`): the matter shows on their Mina sidor. */
  submitterPersonnummer?: string | null;
  onBehalf: boolean;
  /** The reporter stays anonymous (the answers on the path hold nothing identifying them). */
  anonymous?: boolean;
  /** Immediate danger according to the definition's urgency rule. */
  urgent?: boolean;
  /** The handling deadline from receipt, e.g. förhandsbedömning of an orosanmälan within 14 days. */
  dueAt?: Date | null;
  idempotencyKey: string;
  /** Uploads made during this journey (bound to the same idempotency key) that become attachments. */
  uploadIds?: string[];
};

export class MissingUploadError extends Error {
  readonly uploadIds: string[];
  constructor(uploadIds: string[]) {
    super('An uploaded file referred to by the answers is no longer stored');
    this.name = 'MissingUploadError';
    this.uploadIds = uploadIds;
  }
}

export type Received = { id: string; reference: string; submittedAt: Date; duplicate: boolean };

export function formatReference(year: number, seq: number): string {
  return `${year}-${String(seq).padStart(6, '0')}`;
}

/** Stores a submission exactly once per idempotency key; a repeat returns the first one. */
export async function receiveSubmission(db: Db, s: NewSubmission, now = new Date()): Promise<Received> {
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: submissions.id, reference: submissions.reference, submittedAt: submissions.submittedAt })
      .from(submissions)
      .where(eq(submissions.idempotencyKey, s.idempotencyKey));
    if (existing[0]) return { ...existing[0], duplicate: true };
    const [{ seq } = { seq: 0 }] = await tx.select({ seq: sql<string>`nextval(${referenceSeq.seqName})` }).from(sql`(select 1) as one`);
    const reference = formatReference(now.getUTCFullYear(), Number(seq));
    const { uploadIds = [], ...row0 } = s;
    const inserted = await tx
      .insert(submissions)
      .values({ ...row0, reference, submittedAt: now, updatedAt: now })
      .onConflictDoNothing({ target: submissions.idempotencyKey })
      .returning({ id: submissions.id, reference: submissions.reference, submittedAt: submissions.submittedAt });
    const row = inserted[0];
    if (!row) {
      // A concurrent request with the same token won the race: answer with its submission.
      const [other] = await tx
        .select({ id: submissions.id, reference: submissions.reference, submittedAt: submissions.submittedAt })
        .from(submissions)
        .where(eq(submissions.idempotencyKey, s.idempotencyKey));
      if (!other) throw new Error('submission vanished after idempotency conflict');
      return { ...other, duplicate: true };
    }
    if (uploadIds.length > 0) {
      const linked = await tx
        .update(uploads)
        .set({ submissionId: row.id })
        .where(and(inArray(uploads.id, uploadIds), eq(uploads.journeyKey, s.idempotencyKey), isNull(uploads.submissionId)))
        .returning({ id: uploads.id });
      // Never acknowledge a submission whose attachment is gone: the whole transaction is undone.
      if (linked.length !== uploadIds.length) throw new MissingUploadError(uploadIds.filter((id) => !linked.some((l) => l.id === id)));
    }
    await audit(tx, {
      actorType: 'citizen',
      action: 'submission.received',
      subjectType: 'submission',
      subjectId: row.id,
      details: { serviceId: s.serviceId, serviceVersion: s.serviceVersion, onBehalf: s.onBehalf, anonymous: s.anonymous ?? false, urgent: s.urgent ?? false, attachments: uploadIds.length },
    });
    // Hand-over to the verksamhetssystem commits with the case, or not at all.
    await enqueueDeliveries(tx, row.id, 'submitted');
    return { ...row, duplicate: false };
  }).then(thenDeliver); // committed: the delivery worker starts on it now, not at its next poll
}

// The handläggare inbox (filters, search, counts, keyset pages) is in ./inbox.ts.

export type SubmissionRecord = typeof submissions.$inferSelect;

/** A submission by reference, only if it belongs to one of the reader's areas (else undefined). */
export async function findSubmission(db: Db, reference: string, areas: string[]): Promise<SubmissionRecord | undefined> {
  if (areas.length === 0) return undefined;
  const [row] = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.reference, reference), inArray(submissions.area, areas)));
  return row;
}
