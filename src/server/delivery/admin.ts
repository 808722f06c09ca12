/**
 * Deliveries as administrators see them: which cases reached which backend, which are still
 * waiting, which failed and why (error texts hold no personal data), and retrying a failed one.
 */
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
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

/** Position after a page's last row: its creation time to the microsecond, and its id. */
export type DeliveryCursor = { createdAt: string; id: string };

export function encodeDeliveryCursor(c: DeliveryCursor): string {
  return `${c.createdAt}~${c.id}`;
}

export function decodeDeliveryCursor(raw: string | null | undefined): DeliveryCursor | undefined {
  const m = raw ? /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)~([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(raw) : null;
  return m?.[1] && m[2] ? { createdAt: m[1], id: m[2] } : undefined;
}

export type DeliveryPage = { rows: DeliveryRow[]; next: DeliveryCursor | undefined };

/** Newest first, keyset-paginated on (created_at, id). */
export async function listDeliveries(db: Db, opts: { statuses: readonly DeliveryStatus[]; limit: number; after?: DeliveryCursor | undefined }): Promise<DeliveryPage> {
  if (opts.statuses.length === 0) return { rows: [], next: undefined };
  const conds: SQL[] = [inArray(deliveries.status, [...opts.statuses])];
  if (opts.after) {
    const a = opts.after;
    conds.push(sql`(${deliveries.createdAt} < ${a.createdAt}::timestamptz or (${deliveries.createdAt} = ${a.createdAt}::timestamptz and ${deliveries.id} < ${a.id}::uuid))`);
  }
  const found = await db
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
      createdAtText: sql<string>`to_char(${deliveries.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(deliveries)
    .innerJoin(submissions, eq(submissions.id, deliveries.submissionId))
    .where(and(...conds))
    .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
    .limit(opts.limit + 1);
  const rows = found.slice(0, opts.limit);
  const last = rows.at(-1);
  return {
    rows: rows.map(({ createdAtText: _c, ...r }) => r),
    next: found.length > opts.limit && last ? { createdAt: last.createdAtText, id: last.id } : undefined,
  };
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
