/**
 * Exporting the filtered inbox as CSV: read every row (up to the cap) in one consistent snapshot,
 * write the audit event with the filters and the row count in the same transaction, and only then
 * hand out the file: no audit row, no file. The audit details hold codes and ids, never a
 * personnummer: a personnummer search is recorded as "a personnummer search" only.
 */
import type { Db } from '../../db/client.ts';
import { audit } from './audit.ts';
import { personKey } from './person-key.ts';
import { inboxCsv, type CsvContext } from './inbox-csv.ts';
import { exportInbox } from './inbox.ts';
import { COUNT_CAP, type InboxFilters, type InboxUser } from './inbox-filters.ts';
import type { InboxSort } from './inbox-cursor.ts';

export const EXPORT_ACTION = 'inbox.exported_csv';

export type ExportRequest = {
  filters: InboxFilters;
  sort: InboxSort;
  /** The client address, for the audit trail. */
  ip?: string | undefined;
  cap?: number;
};

/** What the audit trail records about the filters (no personal data). */
/** The filters as audit events keep them: a searched personnummer only as its keyed hash. */
export function auditedFilters(f: InboxFilters, sort: string): Record<string, string | null> {
  const assignee = f.assignee?.kind === 'user' ? f.assignee.id : (f.assignee?.kind ?? null);
  return {
    sort,
    serviceId: f.serviceId ?? null,
    status: f.status ?? null,
    area: f.area ?? null,
    assignee,
    receivedFrom: f.receivedFrom ?? null,
    receivedTo: f.receivedTo ?? null,
    search: f.search?.kind ?? null,
    searchReference: f.search?.kind === 'reference' ? f.search.reference : null,
    ...(f.search?.kind === 'personnummer' ? { personKey: personKey(f.search.normalized) } : {}),
  };
}

/** The CSV text and its row count; throws ExportTooLargeError above the cap (nothing audited then). */
export async function exportInboxCsv(db: Db, user: InboxUser, req: ExportRequest, ctx: CsvContext): Promise<{ csv: string; rows: number }> {
  const rows = await db.transaction(
    async (tx) => {
      const found = await exportInbox(tx, user, req.filters, req.sort, req.cap ?? COUNT_CAP);
      await audit(tx, {
        actorType: 'staff',
        actorId: user.id,
        action: EXPORT_ACTION,
        subjectType: 'inbox',
        details: { ...auditedFilters(req.filters, req.sort), rows: found.length },
        ip: req.ip,
      });
      return found;
    },
    { isolationLevel: 'repeatable read' },
  );
  return { csv: inboxCsv(rows, ctx), rows: rows.length };
}
