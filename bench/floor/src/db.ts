/** The floor's one table, on a pg pool of the portal's size (db/client.ts: 10). */
import { drizzle } from 'drizzle-orm/node-postgres';
import { bigserial, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import pg from 'pg';

export const floorRows = pgTable('bench_floor_rows', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  body: text('body').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
pool.on('error', () => undefined);
export const db = drizzle(pool);
