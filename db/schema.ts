/**
 * The database schema: the one store for submissions, staff, sessions and the audit trail.
 * Migrations in db/migrations are generated from this file by drizzle-kit (`npm run db:generate`).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  date,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
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
    /** The logged-in submitter's personnummer (e-legitimation): their Mina sidor shows the matter too. */
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
    index('submissions_submitter_pnr_idx').on(t.submitterPersonnummer),
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
  /** TOTP secret, encrypted with a key derived from COOKIE_SECRET; null until enrolled. */
  totpSecret: bytes('totp_secret'),
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  /** Last accepted TOTP time step, so a code cannot be used twice. */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
});

/** One-time recovery codes for the second factor; only their SHA-256 is stored. */
export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    codeHash: bytes('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('staff_recovery_codes_user_idx').on(t.userId)],
);

/**
 * Fixed-window counters for rate limits (failed logins per account and per address, submissions
 * per address, invitation-code guesses). Shared by every instance through the database.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  count: integer('count').notNull(),
  /** Set when the key is locked out (e.g. an account after too many failed logins). */
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
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
    /** False between the password and the second factor: such a session opens nothing but the TOTP step. */
    twoFactorVerified: boolean('two_factor_verified').notNull().default(false),
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
    /** The client address the action came from ("from where"). */
    ip: text('ip'),
  },
  (t) => [index('audit_events_subject_idx').on(t.subjectType, t.subjectId, t.at), index('audit_events_actor_idx').on(t.actorId, t.at)],
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
    /** An attachment to a message on Mina sidor (then also linked to the message's submission). */
    messageId: uuid('message_id'),
  },
  (t) => [index('uploads_submission_idx').on(t.submissionId), index('uploads_journey_idx').on(t.journeyKey), index('uploads_message_idx').on(t.messageId)],
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

// ---------------------------------------------------------------------------------------------
// Citizens: e-legitimation sessions, drafts, messages, notifications (Mina sidor).

/** A citizen's session after e-legitimation (OIDC). Separate from staff sessions; the token's secret half is hashed. */
export const citizenSessions = pgTable(
  'citizen_sessions',
  {
    id: text('id').primaryKey(),
    secretHash: bytes('secret_hash').notNull(),
    personnummer: text('personnummer').notNull(),
    name: text('name').notNull(),
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

/** E-mail notifications, sent by a worker with retries; they carry no sensitive content. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    /** submission_received | status_changed | message_received */
    template: text('template').notNull(),
    lang: text('lang').notNull().default('sv'),
    submissionId: uuid('submission_id').references(() => submissions.id, { onDelete: 'cascade' }),
    /** pending | sent | failed */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('notifications_due_idx').on(t.status, t.nextAttemptAt)],
);

// ---------------------------------------------------------------------------------------------
// The e-tjänst catalog's life cycle and the indicators' targets.

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

// ---------------------------------------------------------------------------------------------
// Brukarenkäter: anonymous surveys.

/** A unit a survey period is run for: a hemtjänstgrupp, a boende, a daglig verksamhet … */
export const surveyUnits = pgTable('survey_units', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  area: text('area').notNull(),
  /** hemtjanst | sarskilt-boende | daglig-verksamhet | gruppboende | ifo | … */
  kind: text('kind').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A survey open for answers during a period, for some units. */
export const surveyPeriods = pgTable(
  'survey_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: text('survey_id').notNull(),
    surveyVersion: integer('survey_version').notNull(),
    name: text('name').notNull(),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    /** open | closed */
    status: text('status').notNull().default('open'),
    /** Anyone with the link may answer (else only with an invitation code). */
    openLink: boolean('open_link').notNull().default(false),
    /** The open link's unguessable token. */
    linkToken: text('link_token').unique(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('survey_periods_survey_idx').on(t.surveyId, t.opensOn)],
);

export const surveyPeriodUnits = pgTable(
  'survey_period_units',
  {
    periodId: uuid('period_id')
      .notNull()
      .references(() => surveyPeriods.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => surveyUnits.id),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.unitId] })],
);

/**
 * Single-use invitation codes, stored as hashes. Using one marks it used in the same transaction as
 * the answer is stored; the answer never refers to the code, so it cannot be traced to a recipient.
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    codeHash: text('code_hash').primaryKey(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => surveyPeriods.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').references(() => surveyUnits.id),
    batchId: uuid('batch_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('survey_invitations_batch_idx').on(t.batchId)],
);

/** One anonymous answer: no code, no identity, no client address, and only the day it came in. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => surveyPeriods.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').references(() => surveyUnits.id),
    surveyId: text('survey_id').notNull(),
    surveyVersion: integer('survey_version').notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    answeredWithHelp: boolean('answered_with_help').notNull().default(false),
    submittedOn: date('submitted_on').notNull(),
  },
  (t) => [index('survey_responses_period_idx').on(t.periodId, t.unitId)],
);

/** The optional one-question rating after an e-tjänst submission, stored without identity. */
export const serviceRatings = pgTable(
  'service_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id').notNull(),
    rating: smallint('rating').notNull(),
    comment: text('comment'),
    createdOn: date('created_on').notNull(),
  },
  (t) => [index('service_ratings_service_idx').on(t.serviceId, t.createdOn)],
);

// ---------------------------------------------------------------------------------------------
// Indicator summaries: what src/server/indicators/repository.ts reads instead of the whole
// submissions and decisions tables. Kept up to date by triggers in the database (migration
// 0008_indicator_summaries), in the same transaction as every write to submissions and decisions,
// whoever writes (receiving a submission, a handläggare's action, a corrected decision, gallring);
// `select indicator_summaries_rebuild()` recomputes them from scratch. Months and days are
// Swedish (Europe/Stockholm). A count may be 0 after a deletion; readers skip those rows.

/** Submissions per e-tjänst, Swedish month of submission and whether sent on behalf of someone. */
export const indicatorVolumes = pgTable(
  'indicator_volumes',
  {
    serviceId: text('service_id').notNull(),
    area: text('area').notNull(),
    /** YYYY-MM */
    month: text('month').notNull(),
    onBehalf: boolean('on_behalf').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.area, t.month, t.onBehalf] })],
);

/** Submissions per area and Swedish day, split by Monday–Friday 08–17 or not (holidays are applied when read). */
export const indicatorOfficeDays = pgTable(
  'indicator_office_days',
  {
    area: text('area').notNull(),
    /** YYYY-MM-DD */
    day: text('day').notNull(),
    weekdayOfficeHour: boolean('weekday_office_hour').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.area, t.day, t.weekdayOfficeHour] })],
);

/**
 * New submissions not yet added to indicator_volumes and indicator_office_days: the insert trigger
 * appends here (one row per e-tjänst, area, month, day and office-hour flag of the statement), so
 * that concurrent submissions never wait for each other on a shared counter row.
 * indicator_fold_pending() moves them into the two summaries (the server does so every few
 * seconds); the indicators read the summaries and this table together, so a submission counts from
 * the moment it commits.
 */
export const indicatorArrivalsPending = pgTable('indicator_arrivals_pending', {
  serviceId: text('service_id').notNull(),
  area: text('area').notNull(),
  /** YYYY-MM */
  month: text('month').notNull(),
  onBehalf: boolean('on_behalf').notNull(),
  /** YYYY-MM-DD */
  day: text('day').notNull(),
  weekdayOfficeHour: boolean('weekday_office_hour').notNull(),
  n: integer('n').notNull(),
});

/**
 * Handled cases per area and Swedish month of submission, as a histogram of the time to the first
 * handling: counts[k + 1] is the number of cases in bucket k of handlingBucket() in
 * src/domain/indicators/median.ts, numbered from the shortest (0–59: each minute under an hour,
 * 60–197: ten minutes under a day, 198–893: each hour under 30 days, 894 on: each day beyond);
 * null where there are none. One row per area and month, however many buckets are in use.
 */
export const indicatorHandling = pgTable(
  'indicator_handling',
  {
    area: text('area').notNull(),
    /** YYYY-MM */
    month: text('month').notNull(),
    counts: integer('counts').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.area, t.month] })],
);

/** Decided cases per e-tjänst, Swedish month of the first decision, latest outcome and insats, and the applicant's sex. */
export const indicatorDecisions = pgTable(
  'indicator_decisions',
  {
    serviceId: text('service_id').notNull(),
    area: text('area').notNull(),
    /** YYYY-MM */
    month: text('month').notNull(),
    outcome: text('outcome').notNull(),
    insats: text('insats'),
    /** kvinna | man | okant */
    sex: text('sex').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [unique('indicator_decisions_cell').on(t.serviceId, t.area, t.month, t.outcome, t.insats, t.sex).nullsNotDistinct()],
);

/** Each decided case's place in indicator_decisions, so a corrected decision moves the case from its old cell to its new one. */
export const indicatorDecidedCases = pgTable('indicator_decided_cases', {
  /** No foreign key: when a case is deleted its row must still be there to take the case out of its cell. */
  submissionId: uuid('submission_id').primaryKey(),
  serviceId: text('service_id').notNull(),
  area: text('area').notNull(),
  month: text('month').notNull(),
  outcome: text('outcome').notNull(),
  insats: text('insats'),
  sex: text('sex').notNull(),
});
