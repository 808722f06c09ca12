/**
 * Separation of duties among administrators and what they are told: changes to staff accounts
 * that open case data wait for a second administrator's approval (docs/adr/0008), and notices on
 * the administrators' start page (approvals waiting, gallring that did not do what it planned).
 */
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staffUsers } from './staff.ts';

/**
 * A change to a staff account that takes effect only when a different administrator approves it:
 * a case role or area granted (also to a new account), a second factor reset or a reactivation of
 * an account that holds a case role. pending → approved | rejected | withdrawn.
 */
export const staffChangeRequests = pgTable(
  'staff_change_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** grant | reset_second_factor | reactivate */
    kind: text('kind').notNull(),
    targetId: uuid('target_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    requestedBy: uuid('requested_by').notNull(),
    /** For a grant: the roles and areas the account is to have once approved. */
    roles: text('roles').array(),
    areas: text('areas').array(),
    status: text('status').notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('staff_change_requests_status_idx').on(t.status, t.createdAt), index('staff_change_requests_target_idx').on(t.targetId, t.status)],
);

/** A notice for administrators (never personal data: kinds, ids, counts). */
export const adminNotices = pgTable(
  'admin_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** staff_change_requested | staff_change_approved | staff_change_rejected | gallring_incomplete … */
    kind: text('kind').notNull(),
    /** The administrator whose action it reports (not told of their own action); null for the system. */
    actorId: uuid('actor_id'),
    details: jsonb('details').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('admin_notices_created_idx').on(t.createdAt)],
);
