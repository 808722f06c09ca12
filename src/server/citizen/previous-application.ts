/**
 * Fortsatt ansökan: the applicant's previous application in an e-tjänst, the one the next starts
 * from. Only the reader's own application for themselves (submitted and concerning the same
 * personnummer, bound in the query): never one someone else sent for them, never one they sent
 * for someone else. Reading it to start from is audited, as a view of the matter on Mina sidor is.
 */
import { and, desc, eq } from 'drizzle-orm';
import { submissions } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { audit } from '../audit.ts';
import { citizenActorId } from './actor.ts';

export type PreviousApplication = { id: string; reference: string; serviceVersion: number; submittedAt: Date; answers: Record<string, unknown> };

/** The newest application `personnummer` sent for themselves in `serviceId`, if any. */
export async function previousApplication(db: Db, personnummer: string, serviceId: string): Promise<PreviousApplication | undefined> {
  const [row] = await db
    .select({ id: submissions.id, reference: submissions.reference, serviceVersion: submissions.serviceVersion, submittedAt: submissions.submittedAt, answers: submissions.answers })
    .from(submissions)
    .where(and(eq(submissions.serviceId, serviceId), eq(submissions.submitterPersonnummer, personnummer), eq(submissions.subjectPersonnummer, personnummer)))
    .orderBy(desc(submissions.submittedAt), desc(submissions.id))
    .limit(1);
  return row;
}

/** Records that the applicant started a new application from this one. */
export async function auditContinued(db: Db, personnummer: string, previous: PreviousApplication, serviceId: string, ip: string | undefined): Promise<void> {
  await audit(db, { actorType: 'citizen', actorId: citizenActorId(personnummer), action: 'citizen.matter.continued', subjectType: 'submission', subjectId: previous.id, details: { serviceId }, ip: ip ?? null });
}
