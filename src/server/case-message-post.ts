/**
 * The case page's message form: a handläggare writes to the citizen, with up to
 * ATTACHMENTS_PER_MESSAGE files (PDF, JPEG, PNG). Its own form (not a case
 * action: it changes nothing in the case's state, so it carries no lock version). The message is
 * stored with its timeline and audit events, then the citizen is notified by e-mail (never failing
 * the message). Returns undefined when the post is not a message, for the case actions to handle.
 */
import type { Db } from '../../db/client.ts';
import { findSubmission } from './submissions.ts';
import { caseAreas } from './staff/authz.ts';
import type { StaffUser } from './staff/users.ts';
import { BadFormError, readForm } from './http.ts';
import { isUnavailable } from './db.ts';
import { log } from './log.ts';
import { MESSAGE_MAX, checkBody, checkFiles, sendStaffMessage, type IncomingFile, type MessageError } from './citizen/messages.ts';
import { notifySafely } from './notifications/outbox.ts';
import { auditRefusedCase } from './staff-reads.ts';

export type MessagePost =
  | { kind: 'done' }
  | { kind: 'bad' }
  | { kind: 'notFound' }
  /** `field`: the message ('message') or its files ('bilagor'). */
  | { kind: 'invalid'; code: MessageError; field: 'message' | 'bilagor'; typed: string }
  | { kind: 'unavailable'; typed: string };

export async function staffMessagePost(request: Request, db: () => Promise<Db>, user: Pick<StaffUser, 'id' | 'roles' | 'areas'>, reference: string, ip: string | null): Promise<MessagePost | undefined> {
  let form;
  try {
    form = await readForm(request);
  } catch (e) {
    if (e instanceof BadFormError) return { kind: 'bad' };
    throw e;
  }
  if (form.get('action') !== 'message') return undefined;
  const typed = (form.get('message') ?? '').slice(0, MESSAGE_MAX + 100);
  const body = checkBody(typed);
  const files: IncomingFile[] = [];
  for (const entry of form.raw.getAll('bilagor')) {
    if (entry instanceof File && entry.size > 0) files.push({ name: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) });
  }
  const checked = await checkFiles(files);
  try {
    const handle = await db();
    // Whether the case exists for this user is settled first: for anyone else it does not (404).
    const sub = await findSubmission(handle, reference, caseAreas(user));
    if (!sub) {
      await auditRefusedCase(handle, user, reference, 'case.action_refused', ip);
      return { kind: 'notFound' };
    }
    if (!body.ok) return { kind: 'invalid', code: body.code, field: 'message', typed };
    // A file that is not accepted must be chosen again (a browser never keeps a chosen file).
    if (!checked.ok) return { kind: 'invalid', code: checked.code, field: 'bilagor', typed };
    await sendStaffMessage(handle, { submissionId: sub.id, serviceId: sub.serviceId, staffId: user.id, body: body.body, files: files.map((f, i) => ({ ...f, kind: checked.kinds[i]! })), ip });
    await notifySafely(handle, sub.id, 'message_received');
    return { kind: 'done' };
  } catch (e) {
    if (!isUnavailable(e)) throw e;
    log('error', 'staff message: database unavailable', {}, e);
    return { kind: 'unavailable', typed };
  }
}
