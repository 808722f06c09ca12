/**
 * Indicator summaries: what src/server/indicators/repository.ts reads instead of the whole
 * submissions and decisions tables. Kept up to date by triggers in the database (migration
 * 0008_indicator_summaries; new submissions are appended to indicator_arrivals_pending and folded
 * in, migration 0009), in the same transaction as every write to submissions and decisions,
 * whoever writes (receiving a submission, a handläggare's action, a corrected decision, gallring);
 * `select indicator_summaries_rebuild()` recomputes them from scratch. Months and days are Swedish
 * (Europe/Stockholm). A count may be 0 after a deletion; readers skip those rows.
 */
import { boolean, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';

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
