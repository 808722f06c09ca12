/**
 * The e-tjänst catalog's life cycle, the plan's measures, their targets and reported values.
 */
import { bigserial, boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Each e-tjänst's state: utkast → publicerad (launch date) → avpublicerad (retired, replaced by). */
export const serviceLifecycle = pgTable('service_lifecycle', {
  serviceId: text('service_id').primaryKey(),
  /** utkast | publicerad | avpublicerad */
  state: text('state').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
  /** The e-tjänst that replaces a retired one. */
  replacedBy: text('replaced_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

/** Every state change, kept: launches and retirements per year are counted from these. */
export const serviceLifecycleEvents = pgTable(
  'service_lifecycle_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    serviceId: text('service_id').notNull(),
    state: text('state').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
  },
  (t) => [index('service_lifecycle_events_idx').on(t.serviceId, t.at)],
);

/** Targets (and historic outcomes) per indicator and year: loaded from seed 001, editable by admins. */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    indicatorId: text('indicator_id').notNull(),
    year: integer('year').notNull(),
    /** target | outcome */
    kind: text('kind').notNull().default('target'),
    /** Null when the seed gives no number (shown as the note, never guessed). */
    value: text('value'),
    note: text('note'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.year, t.kind] })],
);

/**
 * The measures of the verksamhetsplan (seed 001, Nämndmål 1:1–1:8): seeded once from
 * src/domain/indicators/plan.ts. origin: computed (by the portal, method says how) | reported (an
 * analytiker enters the value per period in indicator_reported).
 */
export const indicatorMeasures = pgTable('indicator_measures', {
  id: text('id').primaryKey(),
  goal: text('goal').notNull(),
  /** count | percent */
  unit: text('unit').notNull(),
  /** increase | decrease: which way is better */
  direction: text('direction').notNull(),
  origin: text('origin').notNull(),
  /** survey | launched | forenklad (computed only) */
  method: text('method'),
  /** A count that accrues over the year (decisions), so a part of the year is compared pro rata. */
  accrues: boolean('accrues').notNull().default(false),
  position: integer('position').notNull(),
});

/**
 * A value an analytiker reported for a measure and period ("2025" or the half-year "2025-H1"),
 * with its source ("Lifecare, uttag 2026-01-15"). Every change is audited (indicator.reported).
 */
export const indicatorReported = pgTable(
  'indicator_reported',
  {
    measureId: text('measure_id').notNull(),
    period: text('period').notNull(),
    value: text('value').notNull(),
    /** "t.o.m. november" when the value covers part of the period. */
    note: text('note'),
    source: text('source').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.period] })],
);
