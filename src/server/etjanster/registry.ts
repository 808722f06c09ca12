/**
 * The e-tjänst registry: the published versions in the database (./repository.ts), compiled for the
 * runtime (domain/forms/document/compile.ts) with their texts added to i18next under the version's
 * own namespace. A published version never changes, so its compiled form is cached by id, version
 * and content hash for as long as the process lives. Which version is current is asked of the
 * database on every call (one indexed query of a few dozen rows), so a publish or a retirement shows
 * on every instance at once, with no restart (ADR 0017).
 */
import { and, eq, ne } from 'drizzle-orm';
import { etjanstVersions } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import type { ServiceDefinition } from '../../domain/forms/definition.ts';
import { compile } from '../../domain/forms/document/compile.ts';
import { publishedDocument, type PublishedDocument } from '../../domain/forms/document/schema.ts';
import { addTexts } from '../../i18n/index.ts';
import { isServiceId, namesAVersion } from './names.ts';

/** A published version as the runtime uses it: its definition, and the hash of its document. */
export type Service = ServiceDefinition & { hash: string };

/** Compiled versions by content hash (the hash names the document, whatever database it came from). */
const compiled = new Map<string, { service: Service; document: PublishedDocument }>();
/** Per database: id@version → hash of a published version (immutable once published). */
const hashes = new WeakMap<object, Map<string, string>>();

function hashesOf(db: Db): Map<string, string> {
  let m = hashes.get(db);
  if (!m) hashes.set(db, (m = new Map()));
  return m;
}

function compiledOf(document: unknown, hash: string): { service: Service; document: PublishedDocument } {
  const hit = compiled.get(hash);
  if (hit) return hit;
  const doc = publishedDocument.parse(document);
  const c = compile(doc);
  addTexts(c.namespace, c.texts as Record<string, Record<string, unknown>>);
  const entry = { service: Object.freeze({ ...c.definition, hash }) as Service, document: doc };
  compiled.set(hash, entry);
  return entry;
}

async function load(db: Db, serviceId: string, version: number): Promise<{ service: Service; document: PublishedDocument } | undefined> {
  if (!namesAVersion(serviceId, version)) return undefined;
  const known = hashesOf(db).get(`${serviceId}@${version}`);
  if (known && compiled.has(known)) return compiled.get(known);
  const [row] = await db
    .select({ document: etjanstVersions.document, hash: etjanstVersions.hash })
    .from(etjanstVersions)
    .where(and(eq(etjanstVersions.serviceId, serviceId), eq(etjanstVersions.version, version), ne(etjanstVersions.state, 'draft')));
  if (!row?.hash) return undefined;
  hashesOf(db).set(`${serviceId}@${version}`, row.hash);
  return compiledOf(row.document, row.hash);
}

type Current = { serviceId: string; version: number; hash: string };
const inFlight = new WeakMap<object, Promise<Current[]>>();

/** The current (published) version of every e-tjänst: concurrent callers share one query. */
async function current(db: Db): Promise<Current[]> {
  const running = inFlight.get(db);
  if (running) return running;
  const p = db
    .select({ serviceId: etjanstVersions.serviceId, version: etjanstVersions.version, hash: etjanstVersions.hash })
    .from(etjanstVersions)
    .where(eq(etjanstVersions.state, 'published'))
    .then((rows) => rows.filter((r): r is Current => r.hash !== null))
    .finally(() => inFlight.delete(db));
  inFlight.set(db, p);
  return p;
}

/** The e-tjänster citizens can use now, by id. */
export async function currentServices(db: Db): Promise<Service[]> {
  const rows = await current(db);
  const out: Service[] = [];
  for (const r of rows) {
    const hit = compiled.get(r.hash);
    if (hit) {
      hashesOf(db).set(`${r.serviceId}@${r.version}`, r.hash);
      out.push(hit.service);
    } else {
      const loaded = await load(db, r.serviceId, r.version);
      if (loaded) out.push(loaded.service);
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** The current version of an e-tjänst, or undefined when it has none (never published, or retired). */
export async function getService(db: Db, id: string | undefined): Promise<Service | undefined> {
  if (!id) return undefined;
  return (await currentServices(db)).find((s) => s.id === id);
}

/** The version a submission was made under (current, superseded or retired), to show it as it was asked. */
export async function getServiceVersion(db: Db, id: string, version: number): Promise<Service | undefined> {
  return (await load(db, id, version))?.service;
}

/** The published document of a version (for export). */
export async function getPublishedDocument(db: Db, id: string, version: number): Promise<PublishedDocument | undefined> {
  return (await load(db, id, version))?.document;
}

/** Every version ever published (current, superseded, retired), e.g. for gallring's retention rules. */
export async function allVersions(db: Db): Promise<Service[]> {
  const rows = await db
    .select({ serviceId: etjanstVersions.serviceId, version: etjanstVersions.version })
    .from(etjanstVersions)
    .where(ne(etjanstVersions.state, 'draft'));
  const out: Service[] = [];
  for (const r of rows) {
    const s = await load(db, r.serviceId, r.version);
    if (s) out.push(s.service);
  }
  return out.sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
}

/** The newest published version of an e-tjänst in any state (a retired one's name, for its notice). */
export async function latestVersion(db: Db, id: string): Promise<Service | undefined> {
  if (!isServiceId(id)) return undefined;
  const rows = await db
    .select({ version: etjanstVersions.version })
    .from(etjanstVersions)
    .where(and(eq(etjanstVersions.serviceId, id), ne(etjanstVersions.state, 'draft')));
  const newest = Math.max(0, ...rows.map((r) => r.version));
  return newest > 0 ? getServiceVersion(db, id, newest) : undefined;
}

/**
 * Every e-tjänst that has been published, as its newest version in any state (the current one, or
 * the last before it was retired): what the indicators and the catalog's life cycle count.
 */
export async function everyService(db: Db): Promise<Service[]> {
  const newest = new Map<string, Service>();
  for (const s of await allVersions(db)) if ((newest.get(s.id)?.version ?? 0) < s.version) newest.set(s.id, s);
  return [...newest.values()].sort((a, b) => a.id.localeCompare(b.id));
}
