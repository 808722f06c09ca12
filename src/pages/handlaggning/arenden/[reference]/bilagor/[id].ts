/**
 * An attachment of a case, for staff who may open the case. Both the case read and the file read
 * are audited; the file is always a download, never rendered by the browser as a page.
 */
import type { APIRoute } from 'astro';
import { attachmentResponse } from '../../../../../server/attachment-response.ts';
import { audit } from '../../../../../server/audit.ts';
import { openCase } from '../../../../../server/cases.ts';
import { getDb } from '../../../../../server/db.ts';
import { findAttachment } from '../../../../../server/uploads.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const GET: APIRoute = async ({ params, locals, rewrite }) => {
  const staff = locals.staff;
  if (!staff || !params.id || !UUID.test(params.id)) return rewrite('/404');
  const db = await getDb();
  const sub = await openCase(db, staff.user, params.reference ?? '');
  const file = sub ? await findAttachment(db, sub.id, params.id) : undefined;
  if (!sub || !file) return rewrite('/404');
  await audit(db, { actorType: 'staff', actorId: staff.user.id, action: 'attachment.viewed', subjectType: 'submission', subjectId: sub.id, details: { uploadId: file.id } });
  return attachmentResponse(file);
};
