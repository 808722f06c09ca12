/**
 * The akut cases pinned at the top of a handläggare's inbox: every urgent case of the reader's
 * case areas that no one has acknowledged yet, oldest first (it has waited longest), whatever the
 * inbox's filters and page. Few by nature; read through a partial index and bounded all the same.
 */
import { and, asc, inArray, isNull, eq } from 'drizzle-orm';
import { submissions } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { caseAreas } from '../staff/authz.ts';
import type { StaffUser } from '../staff/users.ts';

export const PINNED_MAX = 50;

export type PinnedCase = { reference: string; serviceId: string; submittedAt: Date; assigneeId: string | null };

export async function listPinnedAkut(db: Db, user: Pick<StaffUser, 'id' | 'roles' | 'areas'>, limit = PINNED_MAX): Promise<PinnedCase[]> {
  const areas = caseAreas(user);
  if (areas.length === 0) return [];
  return db
    .select({ reference: submissions.reference, serviceId: submissions.serviceId, submittedAt: submissions.submittedAt, assigneeId: submissions.assigneeId })
    .from(submissions)
    .where(and(inArray(submissions.area, areas), eq(submissions.urgent, true), isNull(submissions.akutAcknowledgedAt)))
    .orderBy(asc(submissions.submittedAt))
    .limit(limit);
}
