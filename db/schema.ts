/**
 * The database schema: the one store for submissions, staff, sessions and the audit trail.
 * Migrations in db/migrations are generated from this file by drizzle-kit (`npm run db:generate`).
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** bytea that reads back as Uint8Array from both pg (Buffer) and PGlite (Uint8Array). */
const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength),
});

export const referenceSeq = pgSequence('submission_reference_seq', { startWith: 1, increment: 1 });

export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    serviceId: text('service_id').notNull(),
    serviceVersion: integer('service_version').notNull(),
    area: text('area').notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    status: text('status').notNull().default('inkommen'),
    /** Personnummer of the person the matter concerns (personal data: never logged). */
    subjectPersonnummer: text('subject_personnummer'),
    subjectName: text('subject_name'),
    /** Set when someone submits for another person ("X för Y"). */
    submitterName: text('submitter_name'),
    onBehalf: boolean('on_behalf').notNull().default(false),
    /** Token from the form: a resubmit or double click yields the same submission. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    lockVersion: integer('lock_version').notNull().default(1),
  },
  (t) => [
    index('submissions_area_submitted_idx').on(t.area, t.submittedAt.desc(), t.id),
    index('submissions_subject_pnr_idx').on(t.subjectPersonnummer),
  ],
);

export const staffUsers = pgTable('staff_users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
  areas: text('areas').array().notNull().default(sql`'{}'::text[]`),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const staffSessions = pgTable(
  'staff_sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    /** SHA-256 of the token's secret half; the secret itself is never stored. */
    secretHash: bytes('secret_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('staff_sessions_user_idx').on(t.userId)],
);

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
  },
  (t) => [index('audit_events_subject_idx').on(t.subjectType, t.subjectId, t.at)],
);

/**
 * Uploaded files. Stored when the citizen posts the question page (bound to that journey's
 * idempotency key), and linked to the submission in the transaction that receives it; until
 * then an upload is not part of any case, and one never linked is removed by gallring.
 */
export const uploads = pgTable(
  'uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    journeyKey: text('journey_key').notNull(),
    serviceId: text('service_id').notNull(),
    fieldName: text('field_name').notNull(),
    fileName: text('file_name').notNull(),
    kind: text('kind').notNull(),
    size: integer('size').notNull(),
    data: bytes('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    submissionId: uuid('submission_id').references(() => submissions.id, { onDelete: 'cascade' }),
  },
  (t) => [index('uploads_submission_idx').on(t.submissionId), index('uploads_journey_idx').on(t.journeyKey)],
);
