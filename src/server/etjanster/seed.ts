/**
 * The seeded e-tjänster and fragments (db/seed): loaded into the database when it is migrated,
 * once. A seeded version that is not in the database yet is published (expanded with the seeded
 * fragments, checked, its scenarios run, hashed) and stored as published by the system; the versions
 * it follows become superseded. Versions already there are never touched, so a municipality's own
 * versions and retirements stay as they are, and running it again, or on several instances starting
 * together (the caller holds the migration lock), changes nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, lt, sql } from 'drizzle-orm';
import { etjanstVersions } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { fragment as fragmentSchema, type Fragment } from '../../domain/forms/document/fragment.ts';
import { publish } from '../../domain/forms/document/publish.ts';
import type { PublishedDocument } from '../../domain/forms/document/schema.ts';
import type { ServiceDefinition } from '../../domain/forms/definition.ts';
import { compile } from '../../domain/forms/document/compile.ts';
import { addTexts } from '../../i18n/index.ts';
import { publishFragment } from './repository.ts';

export type SeedDocument = { id: string; version: number; document: PublishedDocument; hash: string };
export type Seed = { fragments: Fragment[]; documents: SeedDocument[] };

export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedError';
  }
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

let memo: { dir: string; seed: Seed } | undefined;

/** The seed, published: read and published once per process (it is a pure function of the files). */
/**
 * The day the seeded documents' scenarios are judged on when they name none (the day
 * src/domain/forms/document/seed.test.ts judges them on): loading the seed must not depend on the
 * calendar, or a scenario about a birthday could stop the portal from starting one day.
 */
export const SEED_SCENARIO_DAY = new Date('2026-11-23T12:00:00Z');

export function loadSeed(dir = path.resolve(process.cwd(), 'db/seed'), today = SEED_SCENARIO_DAY): Seed {
  if (memo?.dir === dir) return memo.seed;
  const fragments = readdirSync(path.join(dir, 'fragments'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => fragmentSchema.parse(readJson(path.join(dir, 'fragments', f))));
  const byName = new Map(fragments.map((f) => [f.name, f]));
  const documents: SeedDocument[] = [];
  const root = path.join(dir, 'e-tjanster');
  for (const id of readdirSync(root).sort()) {
    for (const file of readdirSync(path.join(root, id)).filter((f) => /^v\d+\.json$/.test(f))) {
      const result = publish(readJson(path.join(root, id, file)), { fragments: (n) => byName.get(n), today });
      if (!result.ok) throw new SeedError(`db/seed/e-tjanster/${id}/${file} does not publish: ${JSON.stringify(result.problems)}`);
      if (result.document.id !== id || `v${result.document.version}.json` !== file) throw new SeedError(`db/seed/e-tjanster/${id}/${file} is e-tjänst ${result.document.id} version ${result.document.version}`);
      documents.push({ id, version: result.document.version, document: result.document, hash: result.hash });
    }
  }
  documents.sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
  memo = { dir, seed: { fragments, documents } };
  return memo.seed;
}

/** Loads the seed into the database (see above). Returns the versions it published. */
export async function seedEtjanster(db: Db, seed: Seed = loadSeed(), now = new Date()): Promise<string[]> {
  const published: string[] = [];
  await db.transaction(async (tx) => {
    for (const f of seed.fragments) {
      const r = await publishFragment(tx, f, { actorId: null });
      if (!r.ok) throw new SeedError(`fragment ${f.name}: ${JSON.stringify(r.problems)}`);
    }
    const existing = new Set((await tx.select({ id: etjanstVersions.serviceId, version: etjanstVersions.version }).from(etjanstVersions)).map((r) => `${r.id}@${r.version}`));
    for (const d of seed.documents) {
      if (existing.has(`${d.id}@${d.version}`)) continue;
      const inserted = await tx
        .insert(etjanstVersions)
        .values({ serviceId: d.id, version: d.version, state: 'published', document: d.document as unknown as Record<string, unknown>, hash: d.hash, createdAt: now, changedAt: now, publishedAt: now })
        .onConflictDoNothing()
        .returning({ version: etjanstVersions.version });
      if (inserted.length === 0) continue;
      // No audit event: nobody published it; the row says when it was loaded (published_by empty).
      published.push(`${d.id}@${d.version}`);
      await tx
        .update(etjanstVersions)
        .set({ state: 'superseded', changedAt: now })
        .where(and(eq(etjanstVersions.serviceId, d.id), eq(etjanstVersions.state, 'published'), lt(etjanstVersions.version, d.version)));
    }
    if (published.length > 0) {
      // Submissions and saved drafts from before the versions were in the database were made under
      // the seeded documents' versions (the documents were proven equal to the code they replace).
      await tx.execute(sql`update submissions s set service_hash = v.hash from etjanst_versions v where s.service_hash is null and v.service_id = s.service_id and v.version = s.service_version and v.hash is not null`);
      await tx.execute(sql`update drafts d set service_hash = v.hash from etjanst_versions v where d.service_hash is null and v.service_id = d.service_id and v.version = d.service_version and v.hash is not null`);
    }
  });
  return published;
}


/**
 * The current version of every seeded e-tjänst, compiled: what the registry serves from a freshly
 * seeded database (for the benchmarks, which seed such a database before the portal starts).
 */
export function seededServices(seed: Seed = loadSeed()): { definition: ServiceDefinition; document: PublishedDocument }[] {
  const newest = new Map<string, SeedDocument>();
  for (const d of seed.documents) if ((newest.get(d.id)?.version ?? 0) < d.version) newest.set(d.id, d);
  return [...newest.values()].map((d) => {
    const c = compile(d.document);
    addTexts(c.namespace, c.texts as Record<string, Record<string, unknown>>);
    return { definition: c.definition, document: d.document };
  });
}

let compiledSeed: ServiceDefinition[] | undefined;

/**
 * Every seeded version, compiled (texts added to i18next): the e-tjänster as a freshly seeded
 * database has them, for tests that judge a definition without a database.
 */
export function seededVersions(): ServiceDefinition[] {
  compiledSeed ??= loadSeed().documents.map((d) => {
    const c = compile(d.document);
    addTexts(c.namespace, c.texts as Record<string, Record<string, unknown>>);
    return c.definition;
  });
  return compiledSeed;
}

/** A seeded e-tjänst's version (default: its newest). */
export function seededService(id: string, version?: number): ServiceDefinition {
  const found = seededVersions().filter((d) => d.id === id && (version === undefined || d.version === version)).sort((a, b) => b.version - a.version)[0];
  if (!found) throw new Error(`no seeded e-tjänst ${id}${version ? ` v${version}` : ''}`);
  return found;
}
