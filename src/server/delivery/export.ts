/**
 * Exporting one case as a JSON document, for staff who may handle the case's area. Anyone else
 * gets nothing (the route answers 404, as if there were no such case). The export is audited
 * before the document is handed out: no log, no export.
 */
import type { Db } from '../../../db/client.ts';
import { audit } from '../audit.ts';
import { auditRefusedCase } from '../staff-reads.ts';
import { canHandleArea, caseAreas } from '../staff/authz.ts';
import type { StaffUser } from '../staff/users.ts';
import { findSubmission } from '../submissions.ts';
import { buildCaseDocument, type CaseDocument, type DocumentTexts } from './case-document.ts';

const REFERENCE = /^\d{4}-\d{6,}$/;

export type CaseExport = { fileName: string; document: CaseDocument; body: string };

export async function exportCaseJson(
  db: Db,
  user: Pick<StaffUser, 'id' | 'roles' | 'areas'>,
  reference: string,
  opts: { ip?: string | undefined; now?: Date; texts?: DocumentTexts } = {},
): Promise<CaseExport | undefined> {
  if (!REFERENCE.test(reference)) return undefined;
  const sub = await findSubmission(db, reference, caseAreas(user));
  if (!sub || !canHandleArea(user, sub.area)) {
    await auditRefusedCase(db, user, reference, 'case.view_refused', opts.ip);
    return undefined;
  }
  const document = await buildCaseDocument(db, sub.id, { ...(opts.now ? { now: opts.now } : {}), ...(opts.texts ? { texts: opts.texts } : {}) });
  if (!document) return undefined;
  await audit(db, {
    actorType: 'staff',
    actorId: user.id,
    action: 'case.exported_json',
    subjectType: 'submission',
    subjectId: sub.id,
    details: { serviceId: sub.serviceId, schemaVersion: document.schemaVersion },
    ip: opts.ip,
  });
  return { fileName: `arende-${sub.reference}.json`, document, body: `${JSON.stringify(document, null, 2)}\n` };
}
