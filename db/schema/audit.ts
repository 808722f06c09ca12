/**
 * The audit trail.
 */
import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Append-only: the application has no code path that updates or deletes these rows. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    /** Never personal data: ids, service ids, counts. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    /** The client address the action came from ("from where"). */
    ip: text('ip'),
  },
  (t) => [
    index('audit_events_subject_idx').on(t.subjectType, t.subjectId, t.at),
    index('audit_events_actor_idx').on(t.actorId, t.at),
    // "Who searched for this person?": a searched personnummer is kept only as a keyed hash.
    index('audit_events_person_idx').on(sql`(${t.details}->>'personKey')`, t.at),
  ],
);
