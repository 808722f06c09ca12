/**
 * The municipality's rule set for förenklad biståndsbedömning as dated configuration
 * (docs/forenklad-regler.md), which rule-set period each submission was judged and shown under,
 * and the portal's settings that administrators change in the portal.
 *
 * A period starts on a Stockholm date and runs until the day before the next period starts; the
 * last one is open. Periods are never changed once written, so a submission that names its period
 * is shown with the same values forever; a period that has not yet been used may be removed.
 */
import { date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { submissions } from './cases.ts';

export const rulePeriods = pgTable('rule_periods', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** First day (Europe/Stockholm) the values are in force; unique, so periods never overlap. */
  validFrom: date('valid_from', { mode: 'string' }).notNull().unique(),
  /** The ForenkladRules value (src/domain/rules/forenklad.ts). */
  rules: jsonb('rules').$type<Record<string, unknown>>().notNull(),
  /** The administrator who added the period; null when seeded from the environment. */
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The rule-set period a submission was judged under (and is shown with on every receipt). */
export const submissionRulePeriods = pgTable(
  'submission_rule_periods',
  {
    submissionId: uuid('submission_id')
      .primaryKey()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    // No cascade: a period a submission was judged under can never be removed.
    periodId: uuid('period_id')
      .notNull()
      .references(() => rulePeriods.id, { onDelete: 'restrict' }),
  },
  (t) => [index('submission_rule_periods_period_idx').on(t.periodId)],
);

/** Settings administrators change in the portal (src/server/settings.ts), one row per key. */
export const portalSettings = pgTable('portal_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The municipality's own wording of the texts a person reads about a decision
 * (src/domain/cases/decision-texts.ts), one row per change and never changed: the newest row of a
 * key and language is in force; a row without text puts the portal's default back.
 */
export const decisionTexts = pgTable(
  'decision_texts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    lang: text('lang').notNull(),
    /** Null: back to the portal's default. */
    text: text('text'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('decision_texts_key_lang_idx').on(t.key, t.lang, t.createdAt)],
);
