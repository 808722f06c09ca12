/**
 * The delivery queue: when a case is submitted or decided, one `deliveries` row per registered
 * backend, written in the caller's transaction so a case and its deliveries commit together.
 * Idempotent: the unique (submission, backend, event) index makes a repeat a no-op, so a
 * delivered case is never queued (and so never delivered) twice for the same event.
 */
import type { Db } from '../../../db/client.ts';
import { deliveries } from '../../../db/schema.ts';
import type { DeliveryEvent } from './backend.ts';
import { registeredBackends } from './registry.ts';

/** A database or a transaction. */
export type Executor = Pick<Db, 'insert'>;

export async function enqueueDeliveries(tx: Executor, submissionId: string, event: DeliveryEvent, backendIds: string[] = registeredBackends().map((b) => b.id)): Promise<void> {
  if (backendIds.length === 0) return;
  await tx
    .insert(deliveries)
    .values(backendIds.map((backend) => ({ submissionId, backend, event, status: 'pending' })))
    .onConflictDoNothing({ target: [deliveries.submissionId, deliveries.backend, deliveries.event] });
}
