/**
 * E-tjänst versions and fragments in the database (db/schema/etjanster.ts): drafts are created and
 * changed, published (fragments expanded, checks, scenarios, hash: domain/forms/document/publish.ts)
 * and retired here, each step in one transaction with its audit event. Publishing a version makes
 * the one it replaces superseded and the e-tjänst publicerad in the catalog's life cycle; retiring
 * the current version makes it avpublicerad. A published row is immutable (the database refuses a
 * change of its document or hash, migration 0013).
 */
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { etjanstFragments, etjanstVersions, serviceLifecycle, serviceLifecycleEvents } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { draftDocument, type PublishedDocument } from '../../domain/forms/document/schema.ts';
import { fragment as fragmentSchema, type Fragment } from '../../domain/forms/document/fragment.ts';
import { publish } from '../../domain/forms/document/publish.ts';
import { controlCharacters, schemaProblems, type Problem } from '../../domain/forms/document/problems.ts';
import { audit } from '../audit.ts';
import { namesAVersion } from './names.ts';

export type VersionState = 'draft' | 'published' | 'superseded' | 'retired';
export type Actor = { actorId: string | null; ip?: string | null | undefined };
export type VersionRow = typeof etjanstVersions.$inferSelect;
export type Outcome<T> = ({ ok: true } & T) | { ok: false; problems: Problem[] };

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const problem = (code: string, params: Record<string, string | number> = {}): Problem => ({ code, params, path: [] });

/** The newest published version of every fragment, for expanding a draft. */
export async function publishedFragments(db: Db | Tx): Promise<Map<string, Fragment>> {
  const rows = await db
    .select({ name: etjanstFragments.name, version: etjanstFragments.version, document: etjanstFragments.document })
    .from(etjanstFragments)
    .where(eq(etjanstFragments.state, 'published'))
    .orderBy(etjanstFragments.name, desc(etjanstFragments.version));
  const out = new Map<string, Fragment>();
  for (const r of rows) if (!out.has(r.name)) out.set(r.name, fragmentSchema.parse(r.document));
  return out;
}

/** A fragment as a new published version (a published fragment is never changed), unless its newest is the same. */
export async function publishFragment(db: Db | Tx, raw: unknown, actor: Actor): Promise<Outcome<{ name: string; version: number; created: boolean }>> {
  const unstorable = controlCharacters(raw);
  if (unstorable.length > 0) return { ok: false, problems: unstorable };
  const parsed = fragmentSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: schemaProblems(raw, parsed.error) };
  const { contentHash } = await import('../../domain/forms/document/hash.ts');
  const hash = contentHash(parsed.data);
  const [latest] = await db.select().from(etjanstFragments).where(eq(etjanstFragments.name, parsed.data.name)).orderBy(desc(etjanstFragments.version)).limit(1);
  if (latest?.hash === hash && latest.state === 'published') return { ok: true, name: latest.name, version: latest.version, created: false };
  const version = (latest?.version ?? 0) + 1;
  const inserted = await db
    .insert(etjanstFragments)
    .values({ name: parsed.data.name, version, state: 'published', document: parsed.data as unknown as Record<string, unknown>, hash, createdBy: actor.actorId })
    .onConflictDoNothing()
    .returning({ version: etjanstFragments.version });
  // Loading the seed is no one's act; a redaktör's fragment is audited.
  if (inserted.length > 0 && actor.actorId) await audit(db, { actorType: 'staff', actorId: actor.actorId, action: 'etjanst.fragment.published', subjectType: 'etjanst-fragment', subjectId: parsed.data.name, details: { version, hash }, ip: actor.ip ?? null });
  return { ok: true, name: parsed.data.name, version, created: inserted.length > 0 };
}

export async function getVersionRow(db: Db | Tx, serviceId: string, version: number): Promise<VersionRow | undefined> {
  if (!namesAVersion(serviceId, version)) return undefined;
  const [row] = await db.select().from(etjanstVersions).where(and(eq(etjanstVersions.serviceId, serviceId), eq(etjanstVersions.version, version)));
  return row;
}

/** Every version of every e-tjänst, newest first per e-tjänst, without the documents. */
export async function listVersions(db: Db): Promise<Omit<VersionRow, 'document'>[]> {
  return db
    .select({
      serviceId: etjanstVersions.serviceId,
      version: etjanstVersions.version,
      state: etjanstVersions.state,
      hash: etjanstVersions.hash,
      createdAt: etjanstVersions.createdAt,
      createdBy: etjanstVersions.createdBy,
      changedAt: etjanstVersions.changedAt,
      changedBy: etjanstVersions.changedBy,
      publishedAt: etjanstVersions.publishedAt,
      publishedBy: etjanstVersions.publishedBy,
      retiredAt: etjanstVersions.retiredAt,
      retiredBy: etjanstVersions.retiredBy,
    })
    .from(etjanstVersions)
    .orderBy(etjanstVersions.serviceId, desc(etjanstVersions.version));
}

/**
 * A new draft from a document (a new e-tjänst, or a new version of one: its version is the next
 * free one whatever the document says). One draft per e-tjänst at a time.
 */
export async function createDraft(db: Db, raw: unknown, actor: Actor, now = new Date()): Promise<Outcome<{ serviceId: string; version: number }>> {
  const unstorable = controlCharacters(raw);
  if (unstorable.length > 0) return { ok: false, problems: unstorable };
  const parsed = draftDocument.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: schemaProblems(raw, parsed.error) };
  const serviceId = parsed.data.id;
  return db.transaction(async (tx) => {
    // Serialises drafts of one e-tjänst, so two cannot take the same version number.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`etjanst:${serviceId}`}))`);
    const existing = await tx.select({ version: etjanstVersions.version, state: etjanstVersions.state }).from(etjanstVersions).where(eq(etjanstVersions.serviceId, serviceId));
    const draft = existing.find((r) => r.state === 'draft');
    if (draft) return { ok: false as const, problems: [problem('draftExists', { id: serviceId, version: draft.version })] };
    const version = Math.max(0, ...existing.map((r) => r.version)) + 1;
    const document = { ...(raw as Record<string, unknown>), version };
    await tx.insert(etjanstVersions).values({ serviceId, version, state: 'draft', document, hash: null, createdAt: now, createdBy: actor.actorId, changedAt: now, changedBy: actor.actorId });
    await audit(tx, { actorType: actor.actorId ? 'staff' : 'system', actorId: actor.actorId, action: 'etjanst.drafted', subjectType: 'etjanst', subjectId: serviceId, details: { version }, ip: actor.ip ?? null });
    return { ok: true as const, serviceId, version };
  });
}

/**
 * Replaces a draft's document (its id and version stay the draft's). With `expectedChangedAt` (when
 * the editor read the draft), a draft someone else has changed since is refused (`staleDraft`)
 * rather than overwritten.
 */
export async function updateDraft(
  db: Db,
  serviceId: string,
  version: number,
  raw: unknown,
  actor: Actor,
  now = new Date(),
  expectedChangedAt?: Date,
): Promise<Outcome<object>> {
  const unstorable = controlCharacters(raw);
  if (unstorable.length > 0) return { ok: false, problems: unstorable };
  const parsed = draftDocument.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: schemaProblems(raw, parsed.error) };
  if (parsed.data.id !== serviceId || parsed.data.version !== version) return { ok: false, problems: [problem('notThisDraft', { id: serviceId, version })] };
  if (!namesAVersion(serviceId, version)) return { ok: false, problems: [problem('noSuchDraft', { id: serviceId, version })] };
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(etjanstVersions)
      .set({ document: raw as Record<string, unknown>, changedAt: now, changedBy: actor.actorId })
      .where(
        and(
          eq(etjanstVersions.serviceId, serviceId),
          eq(etjanstVersions.version, version),
          eq(etjanstVersions.state, 'draft'),
          expectedChangedAt ? eq(etjanstVersions.changedAt, expectedChangedAt) : undefined,
        ),
      )
      .returning({ version: etjanstVersions.version });
    if (updated.length === 0) {
      const [still] = await tx.select({ state: etjanstVersions.state }).from(etjanstVersions).where(and(eq(etjanstVersions.serviceId, serviceId), eq(etjanstVersions.version, version)));
      const code = expectedChangedAt && still?.state === 'draft' ? 'staleDraft' : 'noSuchDraft';
      return { ok: false as const, problems: [problem(code, { id: serviceId, version })] };
    }
    await audit(tx, { actorType: actor.actorId ? 'staff' : 'system', actorId: actor.actorId, action: 'etjanst.draft.changed', subjectType: 'etjanst', subjectId: serviceId, details: { version }, ip: actor.ip ?? null });
    return { ok: true as const };
  });
}

/** Marks the e-tjänst publicerad in the catalog's life cycle if it is not (a launch, or a relaunch). */
async function launch(tx: Tx, serviceId: string, actorId: string | null, now: Date): Promise<void> {
  const [row] = await tx.select().from(serviceLifecycle).where(eq(serviceLifecycle.serviceId, serviceId)).for('update');
  if (row?.state === 'publicerad') return;
  if (!row) await tx.insert(serviceLifecycle).values({ serviceId, state: 'publicerad', publishedAt: now, updatedAt: now, updatedBy: actorId }).onConflictDoNothing();
  else await tx.update(serviceLifecycle).set({ state: 'publicerad', publishedAt: now, retiredAt: null, replacedBy: null, updatedAt: now, updatedBy: actorId }).where(eq(serviceLifecycle.serviceId, serviceId));
  await tx.insert(serviceLifecycleEvents).values({ serviceId, state: 'publicerad', at: now, actorId });
}

/**
 * Publishes a draft: expands it with the newest published fragments, runs the checks and its
 * scenarios, and stores the standalone document with its hash, who published it and when. The
 * version it replaces becomes superseded.
 */
export async function publishDraft(
  db: Db,
  serviceId: string,
  version: number,
  actor: Actor,
  opts: { now?: Date; today?: Date; requireSecondPerson?: boolean } = {},
): Promise<Outcome<{ document: PublishedDocument; hash: string }>> {
  const now = opts.now ?? new Date();
  if (!namesAVersion(serviceId, version)) return { ok: false, problems: [problem('noSuchDraft', { id: serviceId, version })] };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(etjanstVersions)
      .where(and(eq(etjanstVersions.serviceId, serviceId), eq(etjanstVersions.version, version)))
      .for('update');
    if (!row || row.state !== 'draft') return { ok: false as const, problems: [problem('noSuchDraft', { id: serviceId, version })] };
    // Four eyes: whoever created the draft or changed it last may not be the one who publishes it.
    if (opts.requireSecondPerson && (!actor.actorId || actor.actorId === row.createdBy || actor.actorId === row.changedBy))
      return { ok: false as const, problems: [problem('secondPersonRequired', { id: serviceId, version })] };
    const fragments = await publishedFragments(tx);
    const result = publish(row.document, { fragments: (n) => fragments.get(n), today: opts.today ?? now });
    if (!result.ok) return { ok: false as const, problems: result.problems };
    await tx
      .update(etjanstVersions)
      .set({ state: 'published', document: result.document as unknown as Record<string, unknown>, hash: result.hash, changedAt: now, changedBy: actor.actorId, publishedAt: now, publishedBy: actor.actorId })
      .where(and(eq(etjanstVersions.serviceId, serviceId), eq(etjanstVersions.version, version)));
    await tx
      .update(etjanstVersions)
      .set({ state: 'superseded', changedAt: now, changedBy: actor.actorId })
      .where(and(eq(etjanstVersions.serviceId, serviceId), eq(etjanstVersions.state, 'published'), ne(etjanstVersions.version, version)));
    await launch(tx, serviceId, actor.actorId, now);
    await audit(tx, { actorType: actor.actorId ? 'staff' : 'system', actorId: actor.actorId, action: 'etjanst.published', subjectType: 'etjanst', subjectId: serviceId, details: { version, hash: result.hash }, ip: actor.ip ?? null });
    return { ok: true as const, document: result.document, hash: result.hash };
  });
}

/** Retires a published version; when it was the current one, the e-tjänst becomes avpublicerad. */
export async function retireVersion(db: Db, serviceId: string, version: number, actor: Actor, now = new Date()): Promise<Outcome<object>> {
  if (!namesAVersion(serviceId, version)) return { ok: false, problems: [problem('notPublished', { id: serviceId, version })] };
  return db.transaction(async (tx) => {
    const retired = await tx
      .update(etjanstVersions)
      .set({ state: 'retired', changedAt: now, changedBy: actor.actorId, retiredAt: now, retiredBy: actor.actorId })
      .where(and(eq(etjanstVersions.serviceId, serviceId), eq(etjanstVersions.version, version), inArray(etjanstVersions.state, ['published', 'superseded'])))
      .returning({ state: etjanstVersions.state });
    if (retired.length === 0) return { ok: false as const, problems: [problem('notPublished', { id: serviceId, version })] };
    const [still] = await tx.select({ version: etjanstVersions.version }).from(etjanstVersions).where(and(eq(etjanstVersions.serviceId, serviceId), eq(etjanstVersions.state, 'published')));
    if (!still) {
      const [lc] = await tx.select().from(serviceLifecycle).where(eq(serviceLifecycle.serviceId, serviceId)).for('update');
      if (lc?.state !== 'avpublicerad') {
        if (lc) await tx.update(serviceLifecycle).set({ state: 'avpublicerad', retiredAt: now, updatedAt: now, updatedBy: actor.actorId }).where(eq(serviceLifecycle.serviceId, serviceId));
        else await tx.insert(serviceLifecycle).values({ serviceId, state: 'avpublicerad', retiredAt: now, updatedAt: now, updatedBy: actor.actorId });
        await tx.insert(serviceLifecycleEvents).values({ serviceId, state: 'avpublicerad', at: now, actorId: actor.actorId });
      }
    }
    await audit(tx, { actorType: actor.actorId ? 'staff' : 'system', actorId: actor.actorId, action: 'etjanst.retired', subjectType: 'etjanst', subjectId: serviceId, details: { version }, ip: actor.ip ?? null });
    return { ok: true as const };
  });
}

/** Throws a draft away (only a draft: a published version is kept for ever). */
export async function discardDraft(db: Db, serviceId: string, version: number, actor: Actor): Promise<Outcome<object>> {
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(etjanstVersions)
      .where(and(eq(etjanstVersions.serviceId, serviceId), eq(etjanstVersions.version, version), eq(etjanstVersions.state, 'draft')))
      .returning({ version: etjanstVersions.version });
    if (gone.length === 0) return { ok: false as const, problems: [problem('noSuchDraft', { id: serviceId, version })] };
    await audit(tx, { actorType: 'staff', actorId: actor.actorId, action: 'etjanst.draft.discarded', subjectType: 'etjanst', subjectId: serviceId, details: { version }, ip: actor.ip ?? null });
    return { ok: true as const };
  });
}

/** The draft of an e-tjänst, if it has one. */
export async function getDraft(db: Db, serviceId: string): Promise<VersionRow | undefined> {
  const [row] = await db.select().from(etjanstVersions).where(and(eq(etjanstVersions.serviceId, serviceId), eq(etjanstVersions.state, 'draft')));
  return row;
}
