/**
 * Citizens: e-legitimation sessions, drafts, messages, notifications (Mina sidor).
 */
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytes } from './columns.ts';
import { submissions } from './cases.ts';

/** A citizen's session after e-legitimation (OIDC). Separate from staff sessions; the token's secret half is hashed. */
export const citizenSessions = pgTable(
  'citizen_sessions',
  {
    id: text('id').primaryKey(),
    secretHash: bytes('secret_hash').notNull(),
    personnummer: text('personnummer').notNull(),
    name: text('name').notNull(),
    /** The e-legitimation's assurance level (the ID token's acr), recorded with what the person confirms. */
    assurance: text('assurance'),
    /** The postal address the e-legitimation gave (the OIDC `address` claim), when it gave one: offered for the person's own address fields. */
    address: jsonb('address').$type<{ street: string; postcode: string; city: string }>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('citizen_sessions_pnr_idx').on(t.personnummer)],
);

/** A saved, unsent application: not an inkommen handling; only its author sees it; deleted after 30 days. */
export const drafts = pgTable(
  'drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerPersonnummer: text('owner_personnummer').notNull(),
    serviceId: text('service_id').notNull(),
    serviceVersion: integer('service_version').notNull(),
    /** The content hash of the version the answers were given under. */
    serviceHash: text('service_hash'),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    /** The page to resume on. */
    pageId: text('page_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('drafts_owner_idx').on(t.ownerPersonnummer, t.updatedAt), index('drafts_expires_idx').on(t.expiresAt)],
);

/** Messages between handläggare and citizen on a case (never internal notes). */
export const caseMessages = pgTable(
  'case_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    /** to_citizen | from_citizen */
    direction: text('direction').notNull(),
    authorStaffId: uuid('author_staff_id'),
    authorPersonnummer: text('author_personnummer'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('case_messages_submission_idx').on(t.submissionId, t.createdAt)],
);

/**
 * Notifications by e-mail and SMS, sent by the job worker with retries; they carry no sensitive
 * content. Each channel is its own kind of job on this one table.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** An e-mail address, or a mobile number (+46…) for an SMS. */
    toAddress: text('to_address').notNull(),
    /** email | sms */
    channel: text('channel').notNull().default('email'),
    /** submission_received | status_changed | message_received | admin_notice | akut_alert | citizen_message */
    template: text('template').notNull(),
    lang: text('lang').notNull().default('sv'),
    /** Where a notice to staff leads (a path in the back office); null: the template's own link. */
    linkPath: text('link_path'),
    submissionId: uuid('submission_id').references(() => submissions.id, { onDelete: 'cascade' }),
    /** pending | sent | failed */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('notifications_due_idx').on(t.status, t.nextAttemptAt), index('notifications_channel_due_idx').on(t.channel, t.status, t.nextAttemptAt)],
);

/**
 * "Requires confirmation by …": someone named in a submission (a medsökande, the other
 * vårdnadshavare) who must confirm it with their own e-legitimation before it is complete. One row
 * per submission and role, written with the submission; the person's answer (confirmed or
 * declined), when, under which name and at which assurance level is written once and never changed.
 */
export const confirmations = pgTable(
  'confirmations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    /** Who must confirm (`YYYYMMDD-NNNN`, from the answers): only that person's e-legitimation can answer. */
    personnummer: text('personnummer').notNull(),
    /** Their name as the applicant gave it. */
    name: text('name'),
    /** pending | confirmed | declined */
    state: text('state').notNull().default('pending'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The name from the e-legitimation of the person who answered. */
    decidedName: text('decided_name'),
    /** The e-legitimation's assurance level (acr) when they answered. */
    assurance: text('assurance'),
  },
  (t) => [uniqueIndex('confirmations_submission_role_idx').on(t.submissionId, t.role), index('confirmations_pnr_idx').on(t.personnummer, t.state)],
);
