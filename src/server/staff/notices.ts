/**
 * Telling administrators: a notice on their start page (every administrator but the one whose
 * action it reports) and an e-mail to each active administrator with an address. Notices hold
 * kinds, ids and counts, never personal data; the e-mail says only that there is something to see.
 */
import { and, desc, eq, gte, isNotNull, ne, or, isNull, sql } from 'drizzle-orm';
import { adminNotices, notifications, staffUsers } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { log } from '../log.ts';
import { notificationsQueued } from '../notifications/signal.ts';

export const NOTICE_KINDS = ['staff_change_requested', 'staff_change_approved', 'staff_change_rejected', 'staff_change_withdrawn', 'staff_roles_reduced', 'gallring_incomplete', 'rules_period_added', 'rules_period_removed', 'decision_text_changed'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export type Notice = { id: string; kind: NoticeKind; actorId: string | null; details: Record<string, string | number | boolean | null>; createdAt: Date };

type Executor = Pick<Db, 'insert' | 'select'>;

/** Writes the notice and queues the e-mails; in the caller's transaction when given one. */
export async function noticeAdmins(db: Executor, n: { kind: NoticeKind; actorId?: string | null; details?: Notice['details'] }, now = new Date()): Promise<void> {
  await db.insert(adminNotices).values({ kind: n.kind, actorId: n.actorId ?? null, details: n.details ?? {}, createdAt: now });
  const admins = await db
    .select({ email: staffUsers.email })
    .from(staffUsers)
    .where(and(eq(staffUsers.active, true), sql`'admin' = any(${staffUsers.roles})`, isNotNull(staffUsers.email), n.actorId ? ne(staffUsers.id, n.actorId) : undefined));
  const to = [...new Set(admins.flatMap((a) => (a.email ? [a.email.trim().toLowerCase()] : [])))];
  if (to.length > 0) await db.insert(notifications).values(to.map((toAddress) => ({ toAddress, template: 'admin_notice', lang: 'sv', nextAttemptAt: now, createdAt: now })));
}

/** As noticeAdmins, never failing the action that caused it (the action itself is audited). */
export async function noticeAdminsSafely(db: Db, n: Parameters<typeof noticeAdmins>[1]): Promise<void> {
  try {
    await noticeAdmins(db, n);
    notificationsQueued();
  } catch (e) {
    log('error', 'admin notice not written', { kind: n.kind }, e);
  }
}

/** The notices of the last `days` days for this administrator (not those of their own actions), newest first. */
export async function recentNotices(db: Db, viewerId: string, now = new Date(), days = 30, limit = 20): Promise<Notice[]> {
  const since = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const rows = await db
    .select()
    .from(adminNotices)
    .where(and(gte(adminNotices.createdAt, since), or(isNull(adminNotices.actorId), ne(adminNotices.actorId, viewerId))))
    .orderBy(desc(adminNotices.createdAt), desc(adminNotices.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, kind: r.kind as NoticeKind }));
}
