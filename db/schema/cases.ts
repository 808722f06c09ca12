/**
 * Submissions (cases) and what belongs to each: uploads, the timeline, notes, decisions and the
 * deliveries to the verksamhetssystem.
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, date, boolean, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytes } from './columns.ts';

export const referenceSeq = pgSequence('submission_reference_seq', { startWith: 1, increment: 1 });

export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    serviceId: text('service_id').notNull(),
    serviceVersion: integer('service_version').notNull(),
    /** The content hash of the published version it was sent under (etjanst_versions.hash). */
    serviceHash: text('service_hash'),
    area: text('area').notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    /** The answers sent as prefilled, unchanged: field name → where the value came from ('folkbokforing', 'eid'). */
    prefilled: jsonb('prefilled').$type<Record<string, 'folkbokforing' | 'eid'>>(),
    status: text('status').notNull().default('inkommen'),
    /** Personnummer of the person the submission concerns (personal data: never logged). */
    subjectPersonnummer: text('subject_personnummer'),
    subjectName: text('subject_name'),
    /** Set when someone submits for another person ("X för Y"). */
    submitterName: text('submitter_name'),
    /** The logged-in submitter's personnummer (e-legitimation): their Mina sidor shows the submission too. */
    submitterPersonnummer: text('submitter_personnummer'),
    onBehalf: boolean('on_behalf').notNull().default(false),
    /** The reporter chose to stay anonymous: nothing identifying them is stored (nor their address). */
    anonymous: boolean('anonymous').notNull().default(false),
    /** The answers say someone is in immediate danger (e.g. an orosanmälan): shown first and flagged. */
    urgent: boolean('urgent').notNull().default(false),
    /** Token from the form: a resubmit or double click yields the same submission. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    lockVersion: integer('lock_version').notNull().default(1),
    /** The handläggare the case is assigned to. */
    assigneeId: uuid('assignee_id'),
    /** When the case should be handled by (e.g. the orosanmälan deadline); null when none applies. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** First time a handläggare acted on the case (assign, status, note, decision): for indicators. */
    firstHandledAt: timestamp('first_handled_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** An urgent case is pinned at the top of the inbox until a handläggare acknowledges it (who, when). */
    akutAcknowledgedAt: timestamp('akut_acknowledged_at', { withTimezone: true }),
    akutAcknowledgedBy: uuid('akut_acknowledged_by'),
    /** Since when a message from the citizen waits unread (null: none); cleared when a handläggare opens the case. */
    unreadMessagesSince: timestamp('unread_messages_since', { withTimezone: true }),
    /** The language the citizen sent the matter in (the beslutsbrev is written in it); null before it was recorded. */
    language: text('language'),
    /** On an on-behalf case: the recorded check of consent or fullmakt (who, when, how). */
    consentCheckedAt: timestamp('consent_checked_at', { withTimezone: true }),
    consentCheckedBy: uuid('consent_checked_by'),
    /** fullmakt | telefon */
    consentCheckedHow: text('consent_checked_how'),
  },
  // The inbox (src/server/inbox.ts) reads one area at a time: each index is the area, the
  // equality filters, then the sort key and id, all ascending so one index serves both directions
  // and the keyset comparison (key, id) > (…) is an index condition. Status, e-tjänst and
  // assignee are in the indexes that the bounded status counts walk, so those stay index-only.
  (t) => [
    index('submissions_area_submitted_idx').on(t.area, t.submittedAt, t.id),
    index('submissions_area_status_submitted_idx').on(t.area, t.status, t.submittedAt, t.id),
    index('submissions_area_service_status_submitted_idx').on(t.area, t.serviceId, t.status, t.submittedAt, t.id),
    index('submissions_area_assignee_status_submitted_idx').on(t.area, t.assigneeId, t.status, t.submittedAt, t.id),
    // Due date order: no due date sorts last, as if due at infinity (the inbox uses this expression).
    index('submissions_area_due_idx').on(t.area, sql`coalesce(${t.dueAt}, 'infinity'::timestamptz)`, t.id),
    index('submissions_area_status_due_idx').on(t.area, t.status, sql`coalesce(${t.dueAt}, 'infinity'::timestamptz)`, t.id),
    index('submissions_subject_pnr_idx').on(t.subjectPersonnummer),
    // The few cases pinned at the top of the inbox, and those with unread messages from the citizen.
    index('submissions_akut_waiting_idx').on(t.area, t.submittedAt).where(sql`${t.urgent} and ${t.akutAcknowledgedAt} is null`),
    index('submissions_unread_idx').on(t.area, t.submittedAt, t.id).where(sql`${t.unreadMessagesSince} is not null`),
    index('submissions_submitter_pnr_idx').on(t.submitterPersonnummer),
  ],
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
    /** Files stored before upload_chunks; newer files keep their bytes there. */
    data: bytes('data'),
    /** SHA-256 of the whole file (hex), for deliveries. */
    sha256: text('sha256'),
    /**
     * Keyed hashes (with a key that changes daily) of the person and the client address that
     * uploaded it, for the quota of uploads not yet sent. Cleared when the upload joins a case
     * (a trigger), so nothing links a sent case to where it came from.
     */
    quotaPersonKey: text('quota_person_key'),
    quotaAddressKey: text('quota_address_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    submissionId: uuid('submission_id').references(() => submissions.id, { onDelete: 'cascade' }),
    /** An attachment to a message on Mina sidor (then also linked to the message's submission). */
    messageId: uuid('message_id'),
  },
  (t) => [
    index('uploads_submission_idx').on(t.submissionId),
    index('uploads_journey_idx').on(t.journeyKey),
    index('uploads_message_idx').on(t.messageId),
    index('uploads_quota_person_idx').on(t.quotaPersonKey),
    index('uploads_quota_address_idx').on(t.quotaAddressKey),
  ],
);

/**
 * The bytes of an upload, a few hundred kilobytes a row, each row written in a statement of its
 * own so that other requests are answered between them (docs/adr/0009). The upload's row is
 * written after its last chunk: chunks without one are an interrupted upload, removed by gallring.
 */
export const uploadChunks = pgTable(
  'upload_chunks',
  {
    uploadId: uuid('upload_id').notNull(),
    seq: integer('seq').notNull(),
    data: bytes('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.seq] }), index('upload_chunks_created_idx').on(t.createdAt)],
);

/** Bytes and files uploaded per keyed hash of a person or an address per day (the daily quota); removed the day after. */
export const uploadQuotaCounters = pgTable(
  'upload_quota_counters',
  {
    key: text('key').notNull(),
    day: date('day').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    files: integer('files').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.day] })],
);

/** The case timeline: what happened to a case, in order (status, assignment, notes, decisions). */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    /** status_changed, assigned, note_added, decision_recorded, … */
    kind: text('kind').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('case_events_submission_idx').on(t.submissionId, t.at)],
);

/** Internal notes: never shown to the citizen. */
export const caseNotes = pgTable(
  'case_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_notes_submission_idx').on(t.submissionId, t.createdAt)],
);

/** A decision on a case; decisions on förenklad e-tjänster feed the indicator of seed 001 (1:6). */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    /** beviljad | avslag | hanvisad */
    outcome: text('outcome').notNull(),
    insats: text('insats'),
    omfattning: text('omfattning'),
    startDate: date('start_date'),
    reasoning: text('reasoning').notNull(),
    /** The kind of decision (src/domain/cases/decision-kinds.ts); null on decisions from before kinds. */
    kind: text('kind'),
    /** What the outcome records besides the reasoning: how a question was answered, avvikelse, skyddsbedömning … */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    /** When the återkoppling to a professional reporter was sent for this decision, and by whom. */
    aterkopplingSentAt: timestamp('aterkoppling_sent_at', { withTimezone: true }),
    aterkopplingSentBy: uuid('aterkoppling_sent_by'),
    /**
     * The municipality's own wording of the decision texts in force when the decision was made
     * (src/domain/cases/decision-texts.ts): text key → language → text. Empty: the portal's defaults.
     * The beslutsbrev and Mina sidor read the decision's texts from here, never the current ones.
     */
    texts: jsonb('texts').$type<Record<string, Record<string, string>>>().notNull().default({}),
    decidedBy: uuid('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('decisions_submission_idx').on(t.submissionId), index('decisions_decided_idx').on(t.decidedAt)],
);

/**
 * Deliveries of cases to registration backends (verksamhetssystem): one row per case, backend and
 * event; idempotent by that triple, retried with backoff until success.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    backend: text('backend').notNull(),
    /** submitted | decided */
    event: text('event').notNull(),
    /** pending | success | failed */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('deliveries_once_idx').on(t.submissionId, t.backend, t.event), index('deliveries_due_idx').on(t.status, t.nextAttemptAt)],
);
