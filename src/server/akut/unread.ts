/**
 * Replies from citizens are seen. A message from the citizen marks its case as having unread
 * messages (`submissions.unread_messages_since`, in the message's own transaction) and tells the
 * assigned handläggare by e-mail that something was written (no content; the link leads to the
 * case in the back office). The mark is per case, not per handläggare: the first handläggare of
 * the area who opens the case has read them for everyone, recorded on the messages (read_at),
 * in the timeline (who) and in the audit log — a case has one responsible team, and a mark that
 * stayed for every colleague who never needs to read the case would only be noise (docs/adr).
 */
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { caseEvents, caseMessages, notifications, staffUsers, submissions } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { audit } from '../audit.ts';
import { casePath } from './alerts.ts';

type Tx = Pick<Db, 'select' | 'update' | 'insert'>;

/**
 * In the transaction of a citizen's message: the case has unread messages (since the first one
 * not yet read), and its assigned handläggare, if any and with an e-mail address, gets a notice.
 * Returns whether a notice was queued.
 */
export async function markUnreadAndNotify(tx: Tx, submissionId: string, now: Date): Promise<boolean> {
  await tx.update(submissions).set({ unreadMessagesSince: now }).where(and(eq(submissions.id, submissionId), isNull(submissions.unreadMessagesSince)));
  const [row] = await tx
    .select({ reference: submissions.reference, email: staffUsers.email, active: staffUsers.active })
    .from(submissions)
    .innerJoin(staffUsers, eq(staffUsers.id, submissions.assigneeId))
    .where(eq(submissions.id, submissionId));
  if (!row?.email || !row.active) return false;
  await tx.insert(notifications).values({ toAddress: row.email, channel: 'email', template: 'citizen_message', lang: 'sv', submissionId, linkPath: casePath(row.reference), createdAt: now, nextAttemptAt: now });
  return true;
}

/**
 * A handläggare has opened the case: its unread messages from the citizen are read. Does nothing
 * (and writes nothing) when none wait. Returns how many were marked.
 */
export async function markMessagesRead(db: Db, reader: { id: string }, submissionId: string, ip: string | null, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const [cleared] = await tx
      .update(submissions)
      .set({ unreadMessagesSince: null })
      .where(and(eq(submissions.id, submissionId), isNotNull(submissions.unreadMessagesSince)))
      .returning({ id: submissions.id });
    if (!cleared) return 0;
    const read = await tx
      .update(caseMessages)
      .set({ readAt: now })
      .where(and(eq(caseMessages.submissionId, submissionId), eq(caseMessages.direction, 'from_citizen'), isNull(caseMessages.readAt)))
      .returning({ id: caseMessages.id });
    await tx.insert(caseEvents).values({ submissionId, at: now, actorId: reader.id, kind: 'messages.read', data: { count: read.length } });
    await audit(tx, { actorType: 'staff', actorId: reader.id, action: 'case.messages_read', subjectType: 'submission', subjectId: submissionId, details: { count: read.length }, ip });
    return read.length;
  });
}
