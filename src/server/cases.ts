/**
 * Staff reading cases. Every read of a case is audited before any of it is returned: no log, no view.
 */
import type { Db } from '../../db/client.ts';
import { audit } from './audit.ts';
import { findSubmission, type SubmissionRecord } from './submissions.ts';

export type Reader = { id: string; areas: string[] };

const REFERENCE = /^\d{4}-\d{6,}$/;

/** The case with this reference if it is in one of the reader's areas (else undefined), audited. */
export async function openCase(db: Db, reader: Reader, reference: string): Promise<SubmissionRecord | undefined> {
  if (!REFERENCE.test(reference)) return undefined;
  const sub = await findSubmission(db, reference, reader.areas);
  if (!sub) return undefined;
  await audit(db, { actorType: 'staff', actorId: reader.id, action: 'case.viewed', subjectType: 'submission', subjectId: sub.id, details: { serviceId: sub.serviceId } });
  return sub;
}
