/**
 * The e-tjänst catalog's life cycle and the indicators' targets.
 */
import { bigserial, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
