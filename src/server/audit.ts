/**
 * The audit trail: who did what to which case, when. Append-only (the database refuses updates and
 * deletes). Details hold ids and codes, never personal data.
 */
import { auditEvents } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';

export type AuditEvent = {
  actorType: 'staff' | 'citizen' | 'system';
  actorId?: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  details?: Record<string, string | number | boolean | null>;
  /** The client address, when the action came from a request. */
  ip?: string | null | undefined;
};

type Executor = Pick<Db, 'insert'>;

export async function audit(db: Executor, e: AuditEvent): Promise<void> {
  await db.insert(auditEvents).values({
    actorType: e.actorType,
    actorId: e.actorId ?? null,
    action: e.action,
    subjectType: e.subjectType ?? null,
    subjectId: e.subjectId ?? null,
    details: e.details ?? {},
    ip: e.ip ?? null,
  });
}
