/**
 * The e-tjänst catalog's life cycle in the database. A published e-tjänst (src/server/etjanster/)
 * without a row yet is publicerad from the moment the portal first sees it: ensureLifecycle inserts its row
 * and the publicerad event once (ON CONFLICT DO NOTHING, so instances starting together insert it
 * once). Admins change the state with changeLifecycle: the row, the event and the audit entry are
 * written in one transaction.
 */
import { eq } from 'drizzle-orm';
import { serviceLifecycle, serviceLifecycleEvents } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';
import { isLifecycleState, planLifecycleChange, type LifecycleState } from '../domain/indicators/lifecycle.ts';
import { everyService } from './etjanster/registry.ts';
import { audit } from './audit.ts';

export type LifecycleRow = { serviceId: string; state: LifecycleState; publishedAt: Date | null; retiredAt: Date | null; replacedBy: string | null; updatedAt: Date };

/** Inserts the publicerad row and event for every registered e-tjänst that has none yet. */
export async function ensureLifecycle(db: Db, given?: readonly string[], now = new Date()): Promise<void> {
  const ids = given ?? (await everyService(db)).map((s) => s.id);
  if (ids.length === 0) return;
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(serviceLifecycle)
      .values(ids.map((serviceId) => ({ serviceId, state: 'publicerad', publishedAt: now, updatedAt: now })))
      .onConflictDoNothing({ target: serviceLifecycle.serviceId })
      .returning({ serviceId: serviceLifecycle.serviceId });
    // Only the transaction that inserted a row records its launch, so the event is written once.
    if (inserted.length > 0) await tx.insert(serviceLifecycleEvents).values(inserted.map((r) => ({ serviceId: r.serviceId, state: 'publicerad', at: now })));
  });
}

/** Databases (handles) in which every registered e-tjänst is known to have its row. */
const ensuredAll = new WeakSet<object>();

/** Every e-tjänst's life cycle row, by id (rows for registered e-tjänster are created first). */
export async function readLifecycle(db: Db, now = new Date()): Promise<Map<string, LifecycleRow>> {
  if (!ensuredAll.has(db)) {
    await ensureLifecycle(db, undefined, now);
    ensuredAll.add(db);
  }
  const rows = await db.select().from(serviceLifecycle);
  return new Map(
    rows.map((r) => [r.serviceId, { serviceId: r.serviceId, state: isLifecycleState(r.state) ? r.state : 'utkast', publishedAt: r.publishedAt, retiredAt: r.retiredAt, replacedBy: r.replacedBy, updatedAt: r.updatedAt }]),
  );
}

export class ServiceNotFoundError extends Error {
  constructor() {
    super('no such e-tjänst');
    this.name = 'ServiceNotFoundError';
  }
}

const AUDIT_ACTION: Record<LifecycleState, string> = { utkast: 'service.drafted', publicerad: 'service.published', avpublicerad: 'service.retired' };

/** Changes an e-tjänst's state (the rules: domain/indicators/lifecycle.ts), audited and recorded as an event. */
export async function changeLifecycle(
  db: Db,
  req: { serviceId: string; to: LifecycleState; replacedBy: string | null; actorId: string; ip?: string | null | undefined; now?: Date },
): Promise<LifecycleRow> {
  const known = (await everyService(db)).map((s) => s.id);
  if (!known.includes(req.serviceId)) throw new ServiceNotFoundError();
  const now = req.now ?? new Date();
  await ensureLifecycle(db, [req.serviceId], now);
  return db.transaction(async (tx) => {
    // The row lock queues concurrent changes of one e-tjänst, so each sees the state before it.
    const [row] = await tx.select().from(serviceLifecycle).where(eq(serviceLifecycle.serviceId, req.serviceId)).for('update');
    if (!row) throw new ServiceNotFoundError();
    const from = isLifecycleState(row.state) ? row.state : 'utkast';
    const plan = planLifecycleChange(req.serviceId, from, req.to, req.replacedBy, known);
    const patch =
      plan.to === 'publicerad'
        ? { state: plan.to, publishedAt: now, retiredAt: null, replacedBy: null }
        : plan.to === 'avpublicerad'
          ? { state: plan.to, retiredAt: now, replacedBy: plan.replacedBy }
          : { state: plan.to };
    const [updated] = await tx
      .update(serviceLifecycle)
      .set({ ...patch, updatedAt: now, updatedBy: req.actorId })
      .where(eq(serviceLifecycle.serviceId, req.serviceId))
      .returning();
    if (!updated) throw new ServiceNotFoundError();
    await tx.insert(serviceLifecycleEvents).values({ serviceId: req.serviceId, state: plan.to, at: now, actorId: req.actorId });
    await audit(tx, {
      actorType: 'staff',
      actorId: req.actorId,
      action: AUDIT_ACTION[plan.to],
      subjectType: 'service',
      subjectId: req.serviceId,
      details: { from, to: plan.to, replacedBy: plan.replacedBy, relaunch: from === 'avpublicerad' && plan.to === 'publicerad' },
      ip: req.ip ?? null,
    });
    return { serviceId: updated.serviceId, state: plan.to, publishedAt: updated.publishedAt, retiredAt: updated.retiredAt, replacedBy: updated.replacedBy, updatedAt: updated.updatedAt };
  });
}
