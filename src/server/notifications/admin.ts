/**
 * Notifications by e-mail and SMS as admins see them: the ones that failed or still wait, with the
 * address or number masked, and a retry. Audited.
 */
import { and, count, desc, eq } from 'drizzle-orm';
import { notifications } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { audit } from '../audit.ts';

export type NotificationRow = { id: string; to: string; channel: string; template: string; status: string; attempts: number; lastError: string | null; createdAt: Date; nextAttemptAt: Date };

/** "a•••@example.se": enough to tell addresses apart, not to read them. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${address[0]}•••${address.slice(at)}`;
}

/** "+46•••05": enough to tell numbers apart, not to call them. */
export function maskPhone(number: string): string {
  return number.length < 7 ? '•••' : `${number.slice(0, 3)}•••${number.slice(-2)}`;
}

export async function listNotifications(db: Db, status: 'failed' | 'pending' | 'sent', limit = 100): Promise<NotificationRow[]> {
  const rows = await db
    .select({ id: notifications.id, to: notifications.toAddress, channel: notifications.channel, template: notifications.template, status: notifications.status, attempts: notifications.attempts, lastError: notifications.lastError, createdAt: notifications.createdAt, nextAttemptAt: notifications.nextAttemptAt })
    .from(notifications)
    .where(eq(notifications.status, status))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, to: r.channel === 'sms' ? maskPhone(r.to) : maskAddress(r.to) }));
}

export async function countNotifications(db: Db): Promise<Record<string, number>> {
  const rows = await db.select({ status: notifications.status, n: count() }).from(notifications).groupBy(notifications.status);
  const counts: Record<string, number> = { failed: 0, pending: 0, sent: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** Puts a failed notification back in the queue for a new round of attempts. */
export async function retryNotification(db: Db, id: string, adminId: string, ip: string | null, now = new Date()): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return false;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(notifications)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now })
      .where(and(eq(notifications.id, id), eq(notifications.status, 'failed')))
      .returning({ id: notifications.id });
    if (!row) return false;
    await audit(tx, { actorType: 'staff', actorId: adminId, action: 'notification.retried', subjectType: 'notification', subjectId: id, ip });
    return true;
  });
}
