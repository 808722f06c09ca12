/**
 * Drafts: a logged-in citizen's unsent answers, saved to continue later. A draft is not an inkommen
 * handling (no reference, never in the inbox), only its author can see, resume or remove it (every
 * query is bound to the owner's personnummer), and it is deleted DRAFT_DAYS after it was last saved.
 * One draft per person and e-tjänst: saving again replaces it.
 */
import { and, desc, eq } from 'drizzle-orm';
import { drafts } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';

export const DRAFT_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export type Draft = typeof drafts.$inferSelect;

export async function saveDraft(
  db: Db,
  owner: string,
  d: { serviceId: string; serviceVersion: number; serviceHash?: string | null; answers: Record<string, unknown>; pageId: string | null },
  now = new Date(),
): Promise<Draft> {
  const expiresAt = new Date(now.getTime() + DRAFT_DAYS * DAY_MS);
  return db.transaction(async (tx) => {
    await tx.delete(drafts).where(and(eq(drafts.ownerPersonnummer, owner), eq(drafts.serviceId, d.serviceId)));
    const [row] = await tx
      .insert(drafts)
      .values({ ownerPersonnummer: owner, serviceId: d.serviceId, serviceVersion: d.serviceVersion, serviceHash: d.serviceHash ?? null, answers: d.answers, pageId: d.pageId, createdAt: now, updatedAt: now, expiresAt })
      .returning();
    if (!row) throw new Error('draft not saved');
    return row;
  });
}

/** The owner's drafts that have not expired, newest first. */
export async function listDrafts(db: Db, owner: string, now = new Date()): Promise<Draft[]> {
  const rows = await db.select().from(drafts).where(eq(drafts.ownerPersonnummer, owner)).orderBy(desc(drafts.updatedAt));
  return rows.filter((r) => r.expiresAt > now);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The draft if it is the owner's and has not expired; anyone else's does not exist. */
export async function findDraft(db: Db, owner: string, id: string, now = new Date()): Promise<Draft | undefined> {
  if (!UUID.test(id)) return undefined;
  const [row] = await db.select().from(drafts).where(and(eq(drafts.id, id), eq(drafts.ownerPersonnummer, owner)));
  return row && row.expiresAt > now ? row : undefined;
}

export async function deleteDraft(db: Db, owner: string, id: string): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const gone = await db.delete(drafts).where(and(eq(drafts.id, id), eq(drafts.ownerPersonnummer, owner))).returning({ id: drafts.id });
  return gone.length > 0;
}

/** Sent: the draft for that e-tjänst is no longer needed. */
export async function deleteDraftFor(db: Db, owner: string, serviceId: string): Promise<void> {
  await db.delete(drafts).where(and(eq(drafts.ownerPersonnummer, owner), eq(drafts.serviceId, serviceId)));
}

