/**
 * A citizen's cases on Mina sidor: what they submitted themselves while logged in, and what was
 * applied for them (the subject's personnummer) in e-tjänster where the person is the applicant
 * (those that require e-legitimation). A report about someone (an orosanmälan, say) is never shown
 * to the person it concerns. Every read is bound to the reader's personnummer in the query itself:
 * anyone else's case does not exist here, by any URL. Each view of a case is audited.
 */
import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { caseMessages, decisions, submissions } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { etjanstVersions } from '../../../db/schema.ts';
import { audit } from '../audit.ts';
import { citizenSees, isDecisionKind } from '../../domain/cases/decision-kinds.ts';
import { citizenActorId } from './actor.ts';

/**
 * E-tjänster in which the subject is the applicant (a version of them requires e-legitimation): the
 * person may follow what was applied for them. Asked of the published versions within the query.
 */
const applicantServices = sql`(select ${etjanstVersions.serviceId} from ${etjanstVersions} where ${etjanstVersions.state} <> 'draft' and (${etjanstVersions.document} ->> 'requiresEid') = 'true')`;

/** Whose cases: the reader's own submissions, and applications for the reader. */
export function mineCondition(personnummer: string): SQL {
  const own = eq(submissions.submitterPersonnummer, personnummer);
  return or(own, and(eq(submissions.subjectPersonnummer, personnummer), sql`${submissions.serviceId} in ${applicantServices}`))!;
}

export type MyCaseDecision = { id: string; kind: string | null; outcome: string; insats: string | null; omfattning: string | null; startDate: string | null; reasoning: string | null; decidedAt: Date; texts: Record<string, Record<string, string>> };

export type MyCase = {
  id: string;
  reference: string;
  serviceId: string;
  serviceVersion: number;
  status: string;
  submittedAt: Date;
  onBehalf: boolean;
  submitterName: string | null;
  subjectName: string | null;
  decision: MyCaseDecision | undefined;
  unread: number;
};

async function decisionsOf(db: Db, ids: string[]): Promise<Map<string, MyCaseDecision>> {
  const latest = new Map<string, MyCaseDecision>();
  if (ids.length === 0) return latest;
  const rows = await db
    .select({ id: decisions.id, kind: decisions.kind, submissionId: decisions.submissionId, outcome: decisions.outcome, insats: decisions.insats, omfattning: decisions.omfattning, startDate: decisions.startDate, reasoning: decisions.reasoning, decidedAt: decisions.decidedAt, texts: decisions.texts })
    .from(decisions)
    .where(inArray(decisions.submissionId, ids))
    .orderBy(decisions.decidedAt);
  for (const { submissionId, ...d } of rows) {
    // What the citizen may read of a decision follows from its kind (decision-kinds.ts): nothing
    // of a förhandsbedömning, no internal reasoning of an answered question or synpunkt.
    const sees = isDecisionKind(d.kind) ? citizenSees(d.kind) : 'all';
    if (sees === 'nothing') latest.delete(submissionId);
    else latest.set(submissionId, sees === 'all' ? d : { ...d, reasoning: null });
  }
  return latest;
}

const COLUMNS = {
  id: submissions.id,
  reference: submissions.reference,
  serviceId: submissions.serviceId,
  serviceVersion: submissions.serviceVersion,
  status: submissions.status,
  submittedAt: submissions.submittedAt,
  onBehalf: submissions.onBehalf,
  submitterName: submissions.submitterName,
  subjectName: submissions.subjectName,
};

/** The reader's cases, newest first, each with its latest decision and unread messages. */
export async function listMyCases(db: Db, personnummer: string, limit = 200): Promise<MyCase[]> {
  const rows = await db.select(COLUMNS).from(submissions).where(mineCondition(personnummer)).orderBy(desc(submissions.submittedAt)).limit(limit);
  const ids = rows.map((r) => r.id);
  const decided = await decisionsOf(db, ids);
  const unread = new Map<string, number>();
  if (ids.length > 0) {
    const counts = await db
      .select({ submissionId: caseMessages.submissionId, n: sql<string>`count(*)` })
      .from(caseMessages)
      .where(and(inArray(caseMessages.submissionId, ids), eq(caseMessages.direction, 'to_citizen'), isNull(caseMessages.readAt)))
      .groupBy(caseMessages.submissionId);
    for (const c of counts) unread.set(c.submissionId, Number(c.n));
  }
  return rows.map((r) => ({ ...r, decision: decided.get(r.id), unread: unread.get(r.id) ?? 0 }));
}

const REFERENCE = /^\d{4}-\d{6,}$/;

/** One of the reader's cases by reference (audited as viewed), or undefined for anyone else's. */
export async function openMyCase(db: Db, personnummer: string, reference: string, ip?: string | null): Promise<MyCase | undefined> {
  const found = await findMyCase(db, personnummer, reference);
  if (!found) return undefined;
  await audit(db, { actorType: 'citizen', actorId: citizenActorId(personnummer), action: 'citizen.matter.viewed', subjectType: 'submission', subjectId: found.id, details: { serviceId: found.serviceId }, ip: ip ?? null });
  return found;
}

/** As openMyCase without the audit event (for a check before an action, which audits itself). */
export async function findMyCase(db: Db, personnummer: string, reference: string): Promise<MyCase | undefined> {
  if (!REFERENCE.test(reference)) return undefined;
  const [row] = await db.select(COLUMNS).from(submissions).where(and(eq(submissions.reference, reference), mineCondition(personnummer)));
  if (!row) return undefined;
  const decided = await decisionsOf(db, [row.id]);
  return { ...row, decision: decided.get(row.id), unread: 0 };
}
