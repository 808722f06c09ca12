/**
 * The submissions repository: receiving a submission (one statement, alone or together with
 * others arriving at the same moment (submission-batch.ts): reference number, row,
 * audit event, deliveries, notifications; idempotent on the form's token) and reading one back
 * for handläggare.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { submissions } from '../../db/schema.ts';
import { resultRows, type Db } from '../../db/client.ts';
import { registeredBackends } from './delivery/registry.ts';
import { deliveriesQueued } from './delivery/signal.ts';
import { notificationsQueued } from './notifications/signal.ts';
import type { Template } from './notifications/outbox.ts';
import { failureCounting } from './staff/rate-limit.ts';
import { batchesFor } from './submission-batch.ts';
import type { LimitRule } from './staff/policy.ts';

export type NewSubmission = {
  serviceId: string;
  serviceVersion: number;
  area: string;
  answers: Record<string, unknown>;
  subjectPersonnummer: string | null;
  subjectName: string | null;
  submitterName: string | null;
  /** The submitter logged in with e-legitimation (`YYYYMMDD-NNNN`): the matter shows on their Mina sidor. */
  submitterPersonnummer?: string | null;
  onBehalf: boolean;
  /** The reporter stays anonymous (the answers on the path hold nothing identifying them). */
  anonymous?: boolean;
  /** Immediate danger according to the definition's urgency rule. */
  urgent?: boolean;
  /** The handling deadline from receipt, e.g. förhandsbedömning of an orosanmälan within 14 days. */
  dueAt?: Date | null;
  idempotencyKey: string;
  /** Uploads made during this journey (bound to the same idempotency key) that become attachments. */
  uploadIds?: string[];
};

export class MissingUploadError extends Error {
  readonly uploadIds: string[];
  constructor(uploadIds: string[]) {
    super('An uploaded file referred to by the answers is no longer stored');
    this.name = 'MissingUploadError';
    this.uploadIds = uploadIds;
  }
}

export type Received = { id: string; reference: string; submittedAt: Date; duplicate: boolean };

export function formatReference(year: number, seq: number): string {
  return `${year}-${String(seq).padStart(6, '0')}`;
}

/** The address has sent its limit of new submissions: nothing was written. */
export class SubmissionLimitedError extends Error {
  readonly until: Date;
  constructor(until: Date) {
    super('The client address has reached its limit of new submissions');
    this.name = 'SubmissionLimitedError';
    this.until = until;
  }
}

export type ReceiveOptions = {
  /**
   * A limit on new submissions per key (the client address, submission-rate-limit.ts): while the
   * key is locked a new submission is refused with SubmissionLimitedError and nothing is written; a
   * new one received is counted. A resubmit of one already received is always answered.
   */
  limit?: { key: string; rule: LimitRule };
  /** E-mail notifications queued with the submission (outbox.ts decides to whom). */
  notify?: { to: string[]; template: Template; lang: 'sv' | 'en' };
  /** The backends the case is handed over to (default: every registered one). */
  backends?: string[];
};

export type Row = { kind: 'new' | 'existing' | 'limited'; id: string | null; reference: string | null; at_ms: string | number; linked: string | null };

const dialect = new PgDialect();

/**
 * Runs the statement as a named prepared statement: PostgreSQL parses and plans it once per
 * connection instead of for every submission. Its text differs only with and without a limit,
 * hence one name for each.
 */
async function rowsOfPrepared<T>(db: Pick<Db, '_'>, name: string, q: SQL): Promise<T[]> {
  return resultRows<T>(await db._.session.prepareQuery(dialect.sqlToQuery(q), undefined, name, false).execute());
}

/**
 * Stores a submission exactly once per idempotency key; a repeat returns the first one.
 *
 * Either all of it is stored or none of it: the limit check, the reference number, the
 * submission, its audit event, its deliveries to the verksamhetssystem, its e-mail notifications,
 * the count towards the limit, and the uploads it links. A submission without uploads is received
 * together with the others arriving at the same moment, in one statement and one commit
 * (submission-batch.ts); one with uploads in a transaction of its own.
 */
export async function receiveSubmission(db: Db, s: NewSubmission, now = new Date(), opts: ReceiveOptions = {}): Promise<Received> {
  const backends = opts.backends ?? registeredBackends().map((b) => b.id);
  const full = { ...opts, backends };
  const received = (s.uploadIds?.length ?? 0) > 0 ? await receiveAlone(db, s, now, full) : await batchesFor(db, receiveAlone).receive({ s, now, opts: full });
  if (!received.duplicate) {
    if (backends.length > 0) deliveriesQueued();
    if ((opts.notify?.to.length ?? 0) > 0) notificationsQueued();
  }
  return received;
}

/** The audit event's details: what was received, without any personal data. */
export function receivedDetails(s: NewSubmission): Record<string, unknown> {
  return { serviceId: s.serviceId, serviceVersion: s.serviceVersion, onBehalf: s.onBehalf, anonymous: s.anonymous ?? false, urgent: s.urgent ?? false, attachments: s.uploadIds?.length ?? 0 };
}

/**
 * The outcome of one submission from the statement's rows: new, the earlier one with the same
 * key, or refused by the limit; with none of these, a concurrent request with the same key won
 * the race (its insert committed while this one waited): answered with its submission.
 */
export async function settle(db: Db, rows: Pick<Row, 'kind' | 'id' | 'reference' | 'at_ms'>[], idempotencyKey: string): Promise<Received> {
  const row = rows.find((r) => r.kind === 'new') ?? rows.find((r) => r.kind === 'existing');
  if (row?.id && row.reference) return { id: row.id, reference: row.reference, submittedAt: new Date(Number(row.at_ms)), duplicate: row.kind === 'existing' };
  const limited = rows.find((r) => r.kind === 'limited');
  if (limited) throw new SubmissionLimitedError(new Date(Number(limited.at_ms)));
  const [other] = await db
    .select({ id: submissions.id, reference: submissions.reference, submittedAt: submissions.submittedAt })
    .from(submissions)
    .where(eq(submissions.idempotencyKey, idempotencyKey));
  if (!other) throw new Error('submission vanished after idempotency conflict');
  return { ...other, duplicate: true };
}

/**
 * One submission in one statement (one round trip, one commit); with uploads inside a
 * transaction, undone when an upload is gone. Signals nothing: receiveSubmission does.
 */
async function receiveAlone(db: Db, s: NewSubmission, now: Date, opts: ReceiveOptions & { backends: string[] }): Promise<Received> {
  const { uploadIds = [] } = s;
  const { backends } = opts;
  const to = opts.notify?.to ?? [];
  const nowIso = now.toISOString();
  const limit = opts.limit;
  const counting = limit ? failureCounting(limit.rule, now) : undefined;
  const details = receivedDetails(s);
  const statement = sql`
    with limited as (
      select locked_until from rate_limits
      where ${limit ? sql`key = ${limit.key} and locked_until > ${nowIso}::timestamptz` : sql`false`}
    ),
    existing as (
      select id, reference, submitted_at from submissions where idempotency_key = ${s.idempotencyKey}
    ),
    fresh as (
      select gen_random_uuid() as id, nextval('submission_reference_seq') as n
      where not exists (select 1 from existing) and not exists (select 1 from limited)
    ),
    ins as (
      insert into submissions (id, reference, service_id, service_version, area, answers, subject_personnummer, subject_name,
        submitter_name, submitter_personnummer, on_behalf, anonymous, urgent, due_at, idempotency_key, submitted_at, updated_at)
      select id, ${String(now.getUTCFullYear())}::text || '-' || lpad(n::text, greatest(6, length(n::text)), '0'),
        ${s.serviceId}::text, ${s.serviceVersion}::integer, ${s.area}::text, ${JSON.stringify(s.answers)}::jsonb,
        ${s.subjectPersonnummer}::text, ${s.subjectName}::text, ${s.submitterName}::text, ${s.submitterPersonnummer ?? null}::text,
        ${s.onBehalf}::boolean, ${s.anonymous ?? false}::boolean, ${s.urgent ?? false}::boolean, ${s.dueAt ? s.dueAt.toISOString() : null}::timestamptz,
        ${s.idempotencyKey}::text, ${nowIso}::timestamptz, ${nowIso}::timestamptz
      from fresh
      on conflict (idempotency_key) do nothing
      returning id, reference, submitted_at
    ),
    linked as (
      update uploads set submission_id = ins.id from ins
      where uploads.id in (select v::uuid from jsonb_array_elements_text(${JSON.stringify(uploadIds)}::jsonb) as v)
        and uploads.journey_key = ${s.idempotencyKey} and uploads.submission_id is null
      returning uploads.id
    ),
    audited as (
      insert into audit_events (actor_type, action, subject_type, subject_id, details)
      select 'citizen', 'submission.received', 'submission', ins.id::text, ${JSON.stringify(details)}::jsonb from ins
    ),
    queued as (
      insert into deliveries (submission_id, backend, event, status)
      select ins.id, b, 'submitted', 'pending' from ins, jsonb_array_elements_text(${JSON.stringify(backends)}::jsonb) as b
      on conflict (submission_id, backend, event) do nothing
    ),
    notified as (
      insert into notifications (to_address, template, lang, submission_id, next_attempt_at, created_at)
      select a, ${opts.notify?.template ?? 'submission_received'}::text, ${opts.notify?.lang ?? 'sv'}::text, ins.id, ${nowIso}::timestamptz, ${nowIso}::timestamptz
      from ins, jsonb_array_elements_text(${JSON.stringify(to)}::jsonb) as a
    ),
    counted as (
      ${
        limit && counting
          ? sql`insert into rate_limits (key, window_start, count, locked_until)
              select ${limit.key}::text, ${nowIso}::timestamptz, 1, ${counting.firstLock?.toISOString() ?? null}::timestamptz from ins
              on conflict (key) do update set window_start = ${counting.set.windowStart}, count = ${counting.set.count}, locked_until = ${counting.set.lockedUntil}
              returning 1`
          : sql`select 1 where false`
      }
    )
    select 'new' as kind, id, reference, (extract(epoch from submitted_at) * 1000)::bigint as at_ms, (select coalesce(jsonb_agg(id), '[]'::jsonb)::text from linked) as linked from ins
    union all
    select 'existing', id, reference, (extract(epoch from submitted_at) * 1000)::bigint, null from existing
    union all
    select 'limited', null, null, (extract(epoch from locked_until) * 1000)::bigint, null from limited where not exists (select 1 from existing)
  `;
  const run = async (ex: Pick<Db, '_'>): Promise<Row[]> => {
    const rows = await rowsOfPrepared<Row>(ex, limit ? 'receive_submission_limited' : 'receive_submission', statement);
    const inserted = rows.find((r) => r.kind === 'new');
    // Never acknowledge a submission whose attachment is gone: the whole transaction is undone.
    if (inserted && uploadIds.length > 0) {
      const linked = JSON.parse(inserted.linked ?? '[]') as string[];
      const missing = uploadIds.filter((id) => !linked.includes(id));
      if (missing.length > 0) throw new MissingUploadError(missing);
    }
    return rows;
  };
  const rows = uploadIds.length > 0 ? await db.transaction((tx) => run(tx)) : await run(db);
  return settle(db, rows, s.idempotencyKey);
}

// The handläggare inbox (filters, search, counts, keyset pages) is in ./inbox.ts.

export type SubmissionRecord = typeof submissions.$inferSelect;

/** A submission by reference, only if it belongs to one of the reader's areas (else undefined). */
export async function findSubmission(db: Db, reference: string, areas: string[]): Promise<SubmissionRecord | undefined> {
  if (areas.length === 0) return undefined;
  const [row] = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.reference, reference), inArray(submissions.area, areas)));
  return row;
}
