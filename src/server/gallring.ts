/**
 * Gallring (retention): removing what the retention rules say may no longer be kept.
 *
 *  - drafts past their `expires_at` (30 days after they were saved);
 *  - handled cases (status avslutad or makulerad) whose `closed_at` is older than their
 *    definition's `retention.yearsAfterClosed`; their attachments, notes, events, decisions,
 *    messages, deliveries and notifications go with them (foreign keys with ON DELETE CASCADE);
 *  - uploads never linked to a case (an abandoned journey) after a day, unless a saved draft
 *    still refers to them;
 *  - the invitation codes (hashes) of closed survey periods whose last day is older than
 *    `surveyCodeMonths`; the anonymous answers are kept;
 *  - the marks of survey forms already sent (token hashes, kept only to recognise a form sent
 *    twice) older than `sentFormDays`;
 *  - the chunks of an upload that never got its row (interrupted) after a day, and the upload
 *    quota counters of earlier days.
 *
 * Every deletion writes one audit event (`gallring.*`) holding only ids, the reference and the
 * e-tjänst id: never the deleted personal data. Cases of an e-tjänst whose definition is not known
 * are never deleted, only reported. The caller supplies the retention rules (the server from its
 * registry, `scripts/gallring.ts` from the definition files), so this module runs in both.
 */
import { and, eq, inArray, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm';
import { drafts, submissions, surveyInvitations, surveyPeriods, surveySentForms, uploadChunks, uploadQuotaCounters, uploads } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';
import { audit } from './audit.ts';
import { stockholmDay } from './upload-quota.ts';

export type RetentionRule = { id: string; version: number; retention: { yearsAfterClosed: number } };

export type GallringOptions = {
  now?: Date;
  /** Every published version of every e-tjänst with its retention rule. */
  rules: RetentionRule[];
  /** Invitation codes of closed periods are kept this many months after the period's last day. */
  surveyCodeMonths?: number;
  /** Unlinked uploads are kept this long (the journey itself ends after three idle hours). */
  orphanUploadHours?: number;
  /** Marks of sent survey forms are kept this many days (a survey in progress ends after three idle hours). */
  sentFormDays?: number;
  dryRun?: boolean;
};

export type GallringItem =
  | { kind: 'draft'; id: string; serviceId: string }
  | { kind: 'case'; id: string; reference: string; serviceId: string; closedAt: Date; yearsAfterClosed: number }
  | { kind: 'upload'; id: string; serviceId: string }
  | { kind: 'surveyCodes'; periodId: string; surveyId: string; codes: number }
  /** The marks of survey forms sent before the day `before`. */
  | { kind: 'surveySentForms'; before: string; forms: number }
  /** Chunks of an upload that never got its row (interrupted), written before `before`. */
  | { kind: 'uploadChunks'; uploadId: string; before: string }
  /** Upload quota counters of days before `before` (docs/adr/0009). */
  | { kind: 'uploadQuotaCounters'; before: string; counters: number };

export type GallringReport = {
  dryRun: boolean;
  /** What was removed (in a dry run: what would be). */
  items: GallringItem[];
  /**
   * Planned but not removed: each still matched the rules when planned and was gone, changed or
   * kept when its turn came. Never silent: the script exits non-zero, the server logs and tells
   * the administrators (gallring-in-process.ts).
   */
  missed: GallringItem[];
  /**
   * Planned but already gone when its turn came: removed (and audited) meanwhile by another run,
   * another instance's most often (every instance runs gallring), or by the citizen (a draft).
   * Nothing is kept that should not be, so this is not missed.
   */
  alreadyGone: GallringItem[];
  /** Closed cases of an e-tjänst (version) with no known retention rule: kept, for a person to judge. */
  unknownRule: { serviceId: string; serviceVersion: number; cases: number }[];
};

/** `date` minus whole calendar years (29 February becomes 28 February or 1 March as Date does). */
function yearsBefore(date: Date, years: number): Date {
  const d = new Date(date);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}

function monthsBefore(date: Date, months: number): Date {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/** What gallring would remove now (nothing is changed). */
export async function planGallring(db: Db, opts: GallringOptions): Promise<GallringReport> {
  const now = opts.now ?? new Date();
  const items: GallringItem[] = [];

  for (const d of await db.select({ id: drafts.id, serviceId: drafts.serviceId }).from(drafts).where(lte(drafts.expiresAt, now))) {
    items.push({ kind: 'draft', ...d });
  }

  const ruleOf = new Map(opts.rules.map((r) => [`${r.id}@${r.version}`, r.retention.yearsAfterClosed]));
  const closed = await db
    .select({ id: submissions.id, reference: submissions.reference, serviceId: submissions.serviceId, serviceVersion: submissions.serviceVersion, closedAt: submissions.closedAt })
    .from(submissions)
    .where(and(inArray(submissions.status, ['avslutad', 'makulerad']), isNotNull(submissions.closedAt), lt(submissions.closedAt, yearsBefore(now, 1))));
  const unknown = new Map<string, { serviceId: string; serviceVersion: number; cases: number }>();
  for (const c of closed) {
    const years = ruleOf.get(`${c.serviceId}@${c.serviceVersion}`);
    if (years === undefined) {
      const key = `${c.serviceId}@${c.serviceVersion}`;
      const u = unknown.get(key) ?? { serviceId: c.serviceId, serviceVersion: c.serviceVersion, cases: 0 };
      u.cases += 1;
      unknown.set(key, u);
      continue;
    }
    if (c.closedAt && c.closedAt < yearsBefore(now, years)) {
      items.push({ kind: 'case', id: c.id, reference: c.reference, serviceId: c.serviceId, closedAt: c.closedAt, yearsAfterClosed: years });
    }
  }

  const orphanBefore = new Date(now.getTime() - (opts.orphanUploadHours ?? 24) * 60 * 60 * 1000);
  const orphans = await db
    .select({ id: uploads.id, serviceId: uploads.serviceId })
    .from(uploads)
    .where(
      and(
        isNull(uploads.submissionId),
        isNull(uploads.messageId),
        lt(uploads.createdAt, orphanBefore),
        // A saved draft keeps its files (its answers refer to them by id).
        sql`not exists (select 1 from ${drafts} where ${drafts.answers}::text like '%' || ${uploads.id}::text || '%')`,
      ),
    );
  for (const u of orphans) items.push({ kind: 'upload', ...u });

  const codesBefore = monthsBefore(now, opts.surveyCodeMonths ?? 12).toISOString().slice(0, 10);
  const periods = await db
    .select({ periodId: surveyPeriods.id, surveyId: surveyPeriods.surveyId, codes: sql<number>`count(${surveyInvitations.codeHash})::int` })
    .from(surveyPeriods)
    .innerJoin(surveyInvitations, eq(surveyInvitations.periodId, surveyPeriods.id))
    .where(and(eq(surveyPeriods.status, 'closed'), lt(surveyPeriods.closesOn, codesBefore)))
    .groupBy(surveyPeriods.id, surveyPeriods.surveyId);
  for (const p of periods) items.push({ kind: 'surveyCodes', ...p, codes: Number(p.codes) });

  const sentBefore = new Date(now.getTime() - (opts.sentFormDays ?? 2) * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const [sent] = await db.select({ forms: sql<number>`count(*)::int` }).from(surveySentForms).where(lt(surveySentForms.sentOn, sentBefore));
  if (sent && Number(sent.forms) > 0) items.push({ kind: 'surveySentForms', before: sentBefore, forms: Number(sent.forms) });

  const interrupted = await db
    .selectDistinct({ uploadId: uploadChunks.uploadId })
    .from(uploadChunks)
    .where(and(lt(uploadChunks.createdAt, orphanBefore), sql`not exists (select 1 from ${uploads} where ${uploads.id} = ${uploadChunks.uploadId})`));
  for (const c of interrupted) items.push({ kind: 'uploadChunks', uploadId: c.uploadId, before: orphanBefore.toISOString() });

  const today = stockholmDay(now);
  const [counters] = await db.select({ n: sql<number>`count(*)::int` }).from(uploadQuotaCounters).where(lt(uploadQuotaCounters.day, today));
  if (counters && Number(counters.n) > 0) items.push({ kind: 'uploadQuotaCounters', before: today, counters: Number(counters.n) });

  return { dryRun: true, items, missed: [], alreadyGone: [], unknownRule: [...unknown.values()] };
}

/**
 * Removes what `planGallring` lists, each item in its own transaction with its audit event, so a
 * failure part way leaves every removal either done and audited or not done at all.
 */
export async function runGallring(db: Db, opts: GallringOptions): Promise<GallringReport> {
  const report = await planGallring(db, opts);
  if (opts.dryRun) return report;
  const done: GallringItem[] = [];
  const missed: GallringItem[] = [];
  const alreadyGone: GallringItem[] = [];
  for (const item of report.items) {
    const outcome = await db.transaction(async (tx): Promise<'removed' | 'gone' | 'kept'> => {
      const removed = await removeItem(tx, item, opts.now ?? new Date());
      if (removed) return 'removed';
      return (await stillThere(tx, item)) ? 'kept' : 'gone';
    });
    if (outcome === 'removed') done.push(item);
    else if (outcome === 'gone') alreadyGone.push(item);
    else missed.push(item);
  }
  return { ...report, dryRun: false, items: done, missed, alreadyGone };
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Whether anything of a planned item is still stored (in the removal's transaction, after it
 * removed nothing): if not, another run removed it first.
 */
async function stillThere(tx: Tx, item: GallringItem): Promise<boolean> {
  const any = async (rows: Promise<unknown[]>) => (await rows).length > 0;
  switch (item.kind) {
    case 'draft':
      return any(tx.select({ id: drafts.id }).from(drafts).where(eq(drafts.id, item.id)).limit(1));
    case 'case':
      return any(tx.select({ id: submissions.id }).from(submissions).where(eq(submissions.id, item.id)).limit(1));
    case 'upload':
      return any(tx.select({ id: uploads.id }).from(uploads).where(eq(uploads.id, item.id)).limit(1));
    case 'surveyCodes':
      return any(tx.select({ p: surveyInvitations.periodId }).from(surveyInvitations).where(eq(surveyInvitations.periodId, item.periodId)).limit(1));
    case 'uploadChunks':
      return any(tx.select({ seq: uploadChunks.seq }).from(uploadChunks).where(and(eq(uploadChunks.uploadId, item.uploadId), lt(uploadChunks.createdAt, new Date(item.before)))).limit(1));
    case 'uploadQuotaCounters':
      return any(tx.select({ day: uploadQuotaCounters.day }).from(uploadQuotaCounters).where(lt(uploadQuotaCounters.day, item.before)).limit(1));
    case 'surveySentForms':
      return any(tx.select({ t: surveySentForms.tokenHash }).from(surveySentForms).where(lt(surveySentForms.sentOn, item.before)).limit(1));
  }
}

/** Removes one planned item if the rules still say so, with its audit event; false when nothing was removed. */
async function removeItem(tx: Tx, item: GallringItem, now: Date): Promise<boolean> {
  switch (item.kind) {
    case 'draft': {
      const gone = await tx.delete(drafts).where(and(eq(drafts.id, item.id), lte(drafts.expiresAt, now))).returning({ id: drafts.id });
      if (gone.length === 0) return false;
      await audit(tx, { actorType: 'system', action: 'gallring.draft_deleted', subjectType: 'draft', subjectId: item.id, details: { serviceId: item.serviceId } });
      return true;
    }
    case 'case': {
      // By id, and only if it is still closed past its retention (not reopened in between). The
      // rule is checked again in the database: closed_at may carry microseconds that a
      // JavaScript Date cannot hold, so it is never compared for equality with the planned value.
      const gone = await tx
        .delete(submissions)
        .where(and(eq(submissions.id, item.id), inArray(submissions.status, ['avslutad', 'makulerad']), lt(submissions.closedAt, yearsBefore(now, item.yearsAfterClosed))))
        .returning({ id: submissions.id });
      if (gone.length === 0) return false;
      await audit(tx, {
        actorType: 'system',
        action: 'gallring.case_deleted',
        subjectType: 'submission',
        subjectId: item.id,
        details: { reference: item.reference, serviceId: item.serviceId, yearsAfterClosed: item.yearsAfterClosed },
      });
      return true;
    }
    case 'upload': {
      const gone = await tx.delete(uploads).where(and(eq(uploads.id, item.id), isNull(uploads.submissionId), isNull(uploads.messageId))).returning({ id: uploads.id });
      if (gone.length === 0) return false;
      await audit(tx, { actorType: 'system', action: 'gallring.upload_deleted', subjectType: 'upload', subjectId: item.id, details: { serviceId: item.serviceId } });
      return true;
    }
    case 'surveyCodes': {
      const gone = await tx.delete(surveyInvitations).where(eq(surveyInvitations.periodId, item.periodId)).returning({ periodId: surveyInvitations.periodId });
      if (gone.length === 0) return false;
      await audit(tx, {
        actorType: 'system',
        action: 'gallring.survey_codes_deleted',
        subjectType: 'survey_period',
        subjectId: item.periodId,
        details: { surveyId: item.surveyId, codes: gone.length },
      });
      return true;
    }
    case 'uploadChunks': {
      const gone = await tx
        .delete(uploadChunks)
        .where(and(eq(uploadChunks.uploadId, item.uploadId), lt(uploadChunks.createdAt, new Date(item.before)), sql`not exists (select 1 from ${uploads} where ${uploads.id} = ${item.uploadId})`))
        .returning({ seq: uploadChunks.seq });
      if (gone.length === 0) return false;
      await audit(tx, { actorType: 'system', action: 'gallring.upload_chunks_deleted', subjectType: 'upload', subjectId: item.uploadId, details: { chunks: gone.length } });
      return true;
    }
    case 'uploadQuotaCounters': {
      const gone = await tx.delete(uploadQuotaCounters).where(lt(uploadQuotaCounters.day, item.before)).returning({ day: uploadQuotaCounters.day });
      if (gone.length === 0) return false;
      await audit(tx, { actorType: 'system', action: 'gallring.upload_quota_counters_deleted', subjectType: 'upload_quota_counters', subjectId: item.before, details: { counters: gone.length } });
      return true;
    }
    case 'surveySentForms': {
      const gone = await tx.delete(surveySentForms).where(lt(surveySentForms.sentOn, item.before)).returning({ t: surveySentForms.tokenHash });
      if (gone.length === 0) return false;
      await audit(tx, { actorType: 'system', action: 'gallring.survey_sent_forms_deleted', subjectType: 'survey_sent_forms', subjectId: item.before, details: { forms: gone.length } });
      return true;
    }
  }
}

/** One line per item, for the script's output (ids and references only). */
export function describeItem(item: GallringItem): string {
  switch (item.kind) {
    case 'draft':
      return `utkast ${item.id} (${item.serviceId})`;
    case 'case':
      return `ärende ${item.reference} (${item.serviceId}, avslutat ${item.closedAt.toISOString().slice(0, 10)}, sparas ${item.yearsAfterClosed} år)`;
    case 'upload':
      return `bilaga utan ärende ${item.id} (${item.serviceId})`;
    case 'surveyCodes':
      return `${item.codes} inbjudningskoder, enkätperiod ${item.periodId} (${item.surveyId})`;
    case 'surveySentForms':
      return `${item.forms} markeringar av skickade enkätformulär från före ${item.before}`;
    case 'uploadChunks':
      return `delar av en avbruten uppladdning ${item.uploadId}`;
    case 'uploadQuotaCounters':
      return `${item.counters} räknare för uppladdningskvoter från före ${item.before}`;
  }
}
