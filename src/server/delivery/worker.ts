/**
 * Deliveries as jobs of the portal's one job queue (../jobs/queue.ts): a due delivery's case is
 * handed to its registration backend and the outcome recorded.
 *
 * - Success is final: a `success` row is never claimed again.
 * - A failure is retried with the queue's backoff until the attempts run out; then the delivery is
 *   `failed`, shown to admins, who may retry it. Receivers deduplicate on the delivery id, which is
 *   the same on every attempt.
 * - Every attempt whose outcome is recorded leaves a case event (`delivery.succeeded` /
 *   `delivery.failed`) for the timeline, in the same transaction as the outcome.
 */
import type { Db } from '../../../db/client.ts';
import { caseEvents, deliveries } from '../../../db/schema.ts';
import { log } from '../log.ts';
import { processDue, type Claimed, type JobKind, type QueueDeps, type RoundResult } from '../jobs/queue.ts';
import { DeliveryError, type DeliveryEvent, type RegistrationBackend } from './backend.ts';
import { buildCaseDocument, type CaseDocument } from './case-document.ts';
import { registeredBackends } from './registry.ts';

export { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffMs } from '../jobs/queue.ts';
export type { RoundResult } from '../jobs/queue.ts';

export type WorkerDeps = QueueDeps & {
  backends?: () => RegistrationBackend[];
  /** Attempts before a delivery is marked failed. */
  maxAttempts: number;
  buildDocument?: (db: Db, submissionId: string, now: Date) => Promise<CaseDocument | undefined>;
};

export type DeliveryJob = Claimed & { submissionId: string; backend: string; event: string };

/** Texts stored for admins: never personal data, so only our own error messages pass. */
function failureText(e: unknown): string {
  if (e instanceof DeliveryError) return e.message.slice(0, 500);
  log('error', 'delivery: unexpected error', {}, e);
  return 'internal error';
}

/** The delivery kind of job. */
export function deliveryJobs(deps: WorkerDeps): JobKind<DeliveryJob> {
  return {
    name: 'delivery',
    table: deliveries,
    columns: { id: deliveries.id, status: deliveries.status, attempts: deliveries.attempts, nextAttemptAt: deliveries.nextAttemptAt },
    fields: { submissionId: deliveries.submissionId, backend: deliveries.backend, event: deliveries.event },
    doneStatus: 'success',
    maxAttempts: deps.maxAttempts,
    async perform(d, now, db) {
      const backend = (deps.backends ?? registeredBackends)().find((b) => b.id === d.backend);
      if (!backend) throw new DeliveryError(`backend "${d.backend}" is not configured`);
      const doc = await (deps.buildDocument ?? ((db2, id, at) => buildCaseDocument(db2, id, { now: at })))(db, d.submissionId, now);
      if (!doc) throw new DeliveryError('case not found');
      await backend.deliver(doc, { id: d.id, event: d.event as DeliveryEvent, attempt: d.attempts });
    },
    failureText,
    settledValues: (_outcome, at) => ({ updatedAt: at }),
    async onSettled(tx, d, outcome, at) {
      const base = { deliveryId: d.id, backend: d.backend, event: d.event, attempt: d.attempts };
      await tx.insert(caseEvents).values({
        submissionId: d.submissionId,
        at,
        kind: outcome.ok ? 'delivery.succeeded' : 'delivery.failed',
        data: outcome.ok ? base : { ...base, error: outcome.error, final: outcome.final, ...(outcome.final ? {} : { nextAttemptAt: outcome.nextAttemptAt.toISOString() }) },
      });
    },
    report(d, outcome) {
      const fields = { deliveryId: d.id, backend: d.backend, event: d.event, attempt: d.attempts };
      if (outcome.ok) log('info', 'delivery succeeded', fields);
      else log('warn', 'delivery failed', { ...fields, error: outcome.error });
    },
  };
}

/** One round: claims up to `batchSize` due deliveries and tries each once. */
export function processDueDeliveries(db: Db, deps: WorkerDeps): Promise<RoundResult> {
  return processDue(db, deliveryJobs(deps), deps);
}
