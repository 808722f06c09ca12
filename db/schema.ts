/**
 * The database schema: the one store for submissions, staff, sessions and the audit trail, one
 * file per responsibility in db/schema/. Migrations in db/migrations are generated from it by
 * drizzle-kit (`npm run db:generate`); the application imports every table from here.
 */
export * from './schema/cases.ts';
export * from './schema/staff.ts';
export * from './schema/audit.ts';
export * from './schema/citizens.ts';
export * from './schema/catalog.ts';
export * from './schema/surveys.ts';
export * from './schema/indicators.ts';
export * from './schema/oversight.ts';
export * from './schema/rules.ts';
export * from './schema/etjanster.ts';
