/**
 * E-tjänster as versioned documents (docs/e-tjanst-document.md, ADR 0007 and 0014): one row per
 * version of an e-tjänst, and one per version of a fragment. A draft may change; a published row's
 * document and hash never do (the database refuses it, migration 0013), its state only moves on:
 * published → superseded (a newer version was published) or retired.
 */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const etjanstVersions = pgTable(
  'etjanst_versions',
  {
    serviceId: text('service_id').notNull(),
    version: integer('version').notNull(),
    /** draft | published | superseded | retired */
    state: text('state').notNull(),
    /** A draft as written (fragment references allowed), or the published, standalone document. */
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    /** SHA-256 of the published document's canonical JSON; null for a draft. */
    hash: text('hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    changedBy: uuid('changed_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    retiredBy: uuid('retired_by'),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.version] }),
    // What the registry asks on every request: the current published versions.
    index('etjanst_versions_state_idx').on(t.state, t.serviceId, t.version),
    // One draft per e-tjänst at a time, enforced by the database too.
    uniqueIndex('etjanst_versions_one_draft_idx').on(t.serviceId).where(sql`${t.state} = 'draft'`),
  ],
);

export const etjanstFragments = pgTable(
  'etjanst_fragments',
  {
    name: text('name').notNull(),
    version: integer('version').notNull(),
    /** draft | published | retired: publishing an e-tjänst expands the newest published version. */
    state: text('state').notNull(),
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    hash: text('hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [primaryKey({ columns: [t.name, t.version] })],
);
