/**
 * Deliveries as administrators see them: which cases reached which backend, which are still
 * waiting, which failed and why (error texts hold no personal data), and retrying a failed one.
 */
import { and, desc, eq, inArray, lt, or } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { deliveries, submissions } from '../../../db/schema.ts';
import { audit } from '../audit.ts';

export const DELIVERY_STATUSES = ['pending', 'success', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export function isDeliveryStatus(v: unknown): v is DeliveryStatus {
  return typeof v === 'string' && (DELIVERY_STATUSES as readonly string[]).includes(v);
}

export type DeliveryRow = {
  id: string;
  reference: string;
  backend: string;
  event: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type DeliveryCursor = { createdAt: Date; id: string };

/** Newest first, keyset-paginated on (created_at, id). */
export async function listDeliveries(db: Db, opts: { statuses: readonly DeliveryStatus[]; limit: number; after?: DeliveryCursor | undefined }): Promise<DeliveryRow[]> {
  if (opts.statuses.length === 0) return [];
  const conds = [inArray(deliveries.status, [...opts.statuses])];
  if (opts.after) {
    const a = opts.after;
    const older = or(lt(deliveries.createdAt, a.createdAt), and(eq(deliveries.createdAt, a.createdAt), lt(deliveries.id, a.id)));
    if (older) conds.push(older);
  }
  return db
    .select({
      id: deliveries.id,
      reference: submissions.reference,
      backend: deliveries.backend,
      event: deliveries.event,
      status: deliveries.status,
      attempts: deliveries.attempts,
      nextAttemptAt: deliveries.nextAttemptAt,
      lastError: deliveries.lastError,
      createdAt: deliveries.createdAt,
      updatedAt: deliveries.updatedAt,
    })
    .from(deliveries)
    .innerJoin(submissions, eq(submissions.id, deliveries.submissionId))
    .where(and(...conds))
    .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
    .limit(opts.limit);
}

/**
 * A failed delivery goes back to pending with a fresh set of attempts, due now; audited. False
 * when there is no such delivery or it is not failed (e.g. retried already by someone else).
 */
export async function retryDelivery(db: Db, r: { deliveryId: string; actorId: string; ip?: string | undefined; now?: Date }): Promise<boolean> {
  const now = r.now ?? new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(deliveries)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now, updatedAt: now })
      .where(and(eq(deliveries.id, r.deliveryId), eq(deliveries.status, 'failed')))
      .returning({ submissionId: deliveries.submissionId, backend: deliveries.backend, event: deliveries.event });
    if (!row) return false;
    await audit(tx, {
      actorType: 'staff',
      actorId: r.actorId,
      action: 'delivery.retried',
      subjectType: 'submission',
      subjectId: row.submissionId,
      details: { deliveryId: r.deliveryId, backend: row.backend, event: row.event },
      ip: r.ip,
    });
    return true;
  });
}
