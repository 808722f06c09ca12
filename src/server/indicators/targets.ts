/**
 * Targets and historic outcomes per indicator and year (indicator_targets). The defaults of seed 001
 * (src/domain/indicators/seed-targets.ts) are inserted on first use without overwriting anything an
 * admin has changed; an admin's change is written with its audit entry in one transaction.
 */
import { and, eq } from 'drizzle-orm';
import { indicatorTargets } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { SEED_TARGETS } from '../../domain/indicators/seed-targets.ts';
import type { TargetCell, TargetKind } from '../../domain/indicators/targets.ts';
import { audit } from '../audit.ts';

const seeded = new WeakSet<object>();

export async function ensureTargets(db: Db): Promise<void> {
  if (seeded.has(db)) return;
  await db
    .insert(indicatorTargets)
    .values(SEED_TARGETS.map((c) => ({ indicatorId: c.indicatorId, year: c.year, kind: c.kind, value: c.value, note: c.note })))
    .onConflictDoNothing();
  seeded.add(db);
}

export async function listTargets(db: Db): Promise<TargetCell[]> {
  await ensureTargets(db);
  return db.select({ indicatorId: indicatorTargets.indicatorId, year: indicatorTargets.year, kind: indicatorTargets.kind, value: indicatorTargets.value, note: indicatorTargets.note }).from(indicatorTargets);
}

export type TargetChange = { year: number; kind: TargetKind; value: string | null; note: string | null };

/** Saves an indicator's cells; only cells that change are written and audited (indicator.target_changed). */
export async function saveTargets(db: Db, req: { indicatorId: string; cells: TargetChange[]; actorId: string; ip?: string | null | undefined; now?: Date }): Promise<number> {
  const now = req.now ?? new Date();
  await ensureTargets(db);
  return db.transaction(async (tx) => {
    let changed = 0;
    for (const c of req.cells) {
      const key = and(eq(indicatorTargets.indicatorId, req.indicatorId), eq(indicatorTargets.year, c.year), eq(indicatorTargets.kind, c.kind));
      const [before] = await tx.select().from(indicatorTargets).where(key).for('update');
      if (before && before.value === c.value && before.note === c.note) continue;
      if (!before && c.value === null && c.note === null) continue;
      await tx
        .insert(indicatorTargets)
        .values({ indicatorId: req.indicatorId, year: c.year, kind: c.kind, value: c.value, note: c.note, updatedAt: now, updatedBy: req.actorId })
        .onConflictDoUpdate({ target: [indicatorTargets.indicatorId, indicatorTargets.year, indicatorTargets.kind], set: { value: c.value, note: c.note, updatedAt: now, updatedBy: req.actorId } });
      await audit(tx, {
        actorType: 'staff',
        actorId: req.actorId,
        action: 'indicator.target_changed',
        subjectType: 'indicator',
        subjectId: req.indicatorId,
        details: { year: c.year, kind: c.kind, from: before?.value ?? null, to: c.value, noteChanged: (before?.note ?? null) !== c.note },
        ip: req.ip ?? null,
      });
      changed += 1;
    }
    return changed;
  });
}
