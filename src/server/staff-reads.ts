/**
 * Audit events for what staff read and for what they are refused: every read of personal data and
 * every refused attempt is an event, with the client address.
 *
 *  - `inbox.listed` / `inbox.searched`: each inbox page, with its filters; a searched reference is
 *    kept as the case it names, a searched personnummer only as a keyed hash (`personKey`), so
 *    Granskningslogg can answer "who searched for this person?" without the log holding the number;
 *  - `case.view_refused` / `case.action_refused`: a case outside the reader's areas (or read by
 *    someone who is not a handläggare) that was asked for; the answer stays 404, as if it did not exist.
 */
import { eq } from 'drizzle-orm';
import { submissions } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';
import { audit } from './audit.ts';
import type { InboxFilters } from './inbox-filters.ts';
import { auditedFilters } from './inbox-export.ts';

type Reader = { id: string };

/** One inbox page looked at: listed, or searched when a search term was given. */
export async function auditInboxView(db: Db, reader: Reader, f: InboxFilters, sort: string, ip?: string | null): Promise<void> {
  let subject: { subjectType: string; subjectId: string } | undefined;
  if (f.search?.kind === 'reference') {
    const [s] = await db.select({ id: submissions.id }).from(submissions).where(eq(submissions.reference, f.search.reference));
    if (s) subject = { subjectType: 'submission', subjectId: s.id };
  }
  await audit(db, { actorType: 'staff', actorId: reader.id, action: f.search ? 'inbox.searched' : 'inbox.listed', ...subject, details: auditedFilters(f, sort), ip: ip ?? null });
}

/**
 * A case asked for that the reader may not see: audited when it exists (its id, never its
 * content). Nothing is written for a reference that names no case.
 */
export async function auditRefusedCase(db: Db, reader: Reader, reference: string, action: 'case.view_refused' | 'case.action_refused', ip?: string | null): Promise<void> {
  const [s] = await db.select({ id: submissions.id, area: submissions.area }).from(submissions).where(eq(submissions.reference, reference));
  if (!s) return;
  await audit(db, { actorType: 'staff', actorId: reader.id, action, subjectType: 'submission', subjectId: s.id, details: { area: s.area }, ip: ip ?? null });
}
