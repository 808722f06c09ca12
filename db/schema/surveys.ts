/**
 * Brukarenkäter: anonymous surveys, and the ratings given after sending an e-tjänst.
 */
import { date, boolean, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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

/**
 * The survey forms already sent, so that one sent twice (a double click, a resend after a timeout)
 * is stored once. Each started survey gets a random form token, kept in its sealed cookie; its hash
 * is written here in the transaction that stores the answer. Nothing links it to the answer or to
 * the person: no period, no unit, only the day. Gallring removes it after a few days.
 */
export const surveySentForms = pgTable(
  'survey_sent_forms',
  {
    tokenHash: text('token_hash').primaryKey(),
    sentOn: date('sent_on').notNull(),
  },
  (t) => [index('survey_sent_forms_sent_on_idx').on(t.sentOn)],
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
