/**
 * Receiving the submissions that arrive at the same moment together: one statement and one commit
 * for all of them instead of one each (group commit). Each citizen's answer still waits for the
 * commit that stores their submission, so nothing is acknowledged before it is stored.
 *
 * A key (idempotency key, limit key = client address) is in at most one batch at a time, running
 * or being made, so every row of the statement is independent of the others and of the other
 * batch running, and the limit is counted exactly as one at a time would count it: a second
 * submission with a key waits for the batch after. At most MAX_RUNNING batches run at once; while
 * they run, the next submissions gather for the next batch.
 *
 * When a batch of several fails, each of its submissions is received again on its own
 * (`alone`), so one that the database refuses cannot make the others fail. A batch is one
 * statement: it is stored whole or not at all.
 */
import type { Db } from '../../db/client.ts';
import { resultRows } from '../../db/client.ts';
import type { LimitRule } from './staff/policy.ts';
import { receivedDetails, settle, type NewSubmission, type ReceiveOptions, type Received, type Row } from './submissions.ts';

export type Pending = { s: NewSubmission; now: Date; opts: ReceiveOptions & { backends: string[] } };
type Alone = (db: Db, s: NewSubmission, now: Date, opts: Pending['opts']) => Promise<Received>;
type Waiting = Pending & { resolve: (r: Received) => void; reject: (e: unknown) => void };

/** Batches running at once (each on a connection of its own). */
export const MAX_RUNNING = 2;
/** Submissions per statement at most. */
export const MAX_BATCH = 100;

/**
 * The statement. `$1` is a JSON array with one object per submission (`i` its place in the
 * batch), `$2`–`$4` the limit rule every limited submission of the batch shares: the window and the
 * lock in minutes, and the count that locks. The count towards the limit uses the staff login's
 * fixed-window counter (staff/rate-limit.ts failureCounting), with the submission's own time as
 * `excluded.window_start`. The lookups by key are lateral subqueries with a limit, which the
 * planner cannot turn into a join: each is an index lookup per submission, never a scan of the
 * table, whatever the statistics were when the statement was first planned.
 */
export const STATEMENT = `
with input as (
  select * from jsonb_to_recordset($1::jsonb) as x(
    i integer, idem text, service_id text, service_version integer, area text, answers jsonb,
    subject_personnummer text, subject_name text, submitter_name text, submitter_personnummer text,
    on_behalf boolean, anonymous boolean, urgent boolean, due_at timestamptz, at timestamptz, year text,
    limit_key text, details jsonb, backends jsonb, notify_to jsonb, template text, lang text)
),
limited as (
  select input.i, r.locked_until from input
  cross join lateral (select locked_until from rate_limits where key = input.limit_key and locked_until > input.at limit 1) r
),
existing as (
  select input.i, s.id, s.reference, s.submitted_at from input
  cross join lateral (select id, reference, submitted_at from submissions where idempotency_key = input.idem limit 1) s
),
fresh as (
  select input.*, gen_random_uuid() as id, nextval('submission_reference_seq') as n from input
  where not exists (select 1 from existing e where e.i = input.i) and not exists (select 1 from limited l where l.i = input.i)
),
ins as (
  insert into submissions (id, reference, service_id, service_version, area, answers, subject_personnummer, subject_name,
    submitter_name, submitter_personnummer, on_behalf, anonymous, urgent, due_at, idempotency_key, submitted_at, updated_at)
  select id, year || '-' || lpad(n::text, greatest(6, length(n::text)), '0'), service_id, service_version, area, answers,
    subject_personnummer, subject_name, submitter_name, submitter_personnummer, on_behalf, anonymous, urgent, due_at, idem, at, at
  from fresh
  on conflict (idempotency_key) do nothing
  returning id, reference, submitted_at, idempotency_key
),
got as (
  select input.*, ins.id, ins.reference, ins.submitted_at from ins join input on input.idem = ins.idempotency_key
),
audited as (
  insert into audit_events (actor_type, action, subject_type, subject_id, details)
  select 'citizen', 'submission.received', 'submission', got.id::text, got.details from got
),
queued as (
  insert into deliveries (submission_id, backend, event, status)
  select got.id, b, 'submitted', 'pending' from got, jsonb_array_elements_text(got.backends) as b
  on conflict (submission_id, backend, event) do nothing
),
notified as (
  insert into notifications (to_address, template, lang, submission_id, next_attempt_at, created_at)
  select a, got.template, got.lang, got.id, got.at, got.at from got, jsonb_array_elements_text(got.notify_to) as a
),
counted as (
  insert into rate_limits as r (key, window_start, count, locked_until)
  select got.limit_key, got.at, 1, case when $4::integer <= 1 then got.at + $3::integer * interval '1 minute' end
  from got where got.limit_key is not null
  on conflict (key) do update set
    window_start = case when r.window_start <= excluded.window_start - $2::integer * interval '1 minute' then excluded.window_start else r.window_start end,
    count = case when r.window_start <= excluded.window_start - $2::integer * interval '1 minute' then 1 else r.count + 1 end,
    locked_until = case
      when r.locked_until is not null and r.locked_until > excluded.window_start then r.locked_until
      when (case when r.window_start <= excluded.window_start - $2::integer * interval '1 minute' then 1 else r.count + 1 end) >= $4::integer
        then excluded.window_start + $3::integer * interval '1 minute'
      else null end
  returning 1
)
select i, 'new' as kind, id, reference, (extract(epoch from submitted_at) * 1000)::bigint as at_ms from got
union all
select i, 'existing', id, reference, (extract(epoch from submitted_at) * 1000)::bigint from existing
union all
select i, 'limited', null, null, (extract(epoch from locked_until) * 1000)::bigint from limited l where not exists (select 1 from existing e where e.i = l.i)
`;

type BatchRow = Pick<Row, 'kind' | 'id' | 'reference' | 'at_ms'> & { i: number };

const ruleKey = (rule: LimitRule) => `${rule.windowMinutes}/${rule.lockMinutes}/${rule.maxFailures}`;

function inputOf(p: Pending, i: number): Record<string, unknown> {
  const { s, now, opts } = p;
  return {
    i,
    idem: s.idempotencyKey,
    service_id: s.serviceId,
    service_version: s.serviceVersion,
    area: s.area,
    answers: s.answers,
    subject_personnummer: s.subjectPersonnummer,
    subject_name: s.subjectName,
    submitter_name: s.submitterName,
    submitter_personnummer: s.submitterPersonnummer ?? null,
    on_behalf: s.onBehalf,
    anonymous: s.anonymous ?? false,
    urgent: s.urgent ?? false,
    due_at: s.dueAt ? s.dueAt.toISOString() : null,
    at: now.toISOString(),
    year: String(now.getUTCFullYear()),
    limit_key: opts.limit?.key ?? null,
    details: receivedDetails(s),
    backends: opts.backends,
    notify_to: opts.notify?.to ?? [],
    template: opts.notify?.template ?? 'submission_received',
    lang: opts.notify?.lang ?? 'sv',
  };
}

/** Runs one batch as one statement; the rows per place in the batch. */
export async function receiveBatch(db: Db, batch: Pending[]): Promise<BatchRow[][]> {
  const rule = batch.find((p) => p.opts.limit)?.opts.limit?.rule ?? { windowMinutes: 0, lockMinutes: 0, maxFailures: 0 };
  if (batch.some((p) => p.opts.limit && ruleKey(p.opts.limit.rule) !== ruleKey(rule))) throw new Error('a batch holds submissions limited by different rules');
  const params = [JSON.stringify(batch.map(inputOf)), rule.windowMinutes, rule.lockMinutes, rule.maxFailures];
  // A named prepared statement: parsed and planned once per connection.
  const res = await db._.session.prepareQuery({ sql: STATEMENT, params }, undefined, 'receive_submissions', false).execute();
  const out: BatchRow[][] = batch.map(() => []);
  for (const r of resultRows<BatchRow>(res)) out[Number(r.i)]?.push(r);
  return out;
}

class Batches {
  private waiting: Waiting[] = [];
  private running = 0;
  /** Statements run and submissions received by them, for tests and diagnostics. */
  readonly counts = { statements: 0, submissions: 0 };
  /** The idempotency and limit keys of the batches running now. */
  private readonly busy = new Set<string>();
  private scheduled = false;

  private readonly db: Db;
  private readonly alone: Alone;

  constructor(db: Db, alone: Alone) {
    this.db = db;
    this.alone = alone;
  }

  receive(p: Pending): Promise<Received> {
    return new Promise<Received>((resolve, reject) => {
      this.waiting.push({ ...p, resolve, reject });
      this.schedule();
    });
  }

  /** Gathers what arrives within this turn of the event loop, then starts batches while there is room. */
  private schedule(): void {
    if (this.scheduled || this.running >= MAX_RUNNING || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.running < MAX_RUNNING && this.waiting.length > 0) {
        const batch = this.take();
        // Everything waiting has a key that a running batch holds: it goes when that one is done.
        if (batch.length === 0) break;
        this.start(batch);
      }
    });
  }

  /**
   * The next batch: in arrival order, skipping (for a later batch) a key already in it or in a
   * batch running now, and another limit rule. So the submissions of one key are received one
   * after the other, each seeing the one before: a double click is answered with the first one's
   * reference, and an address's limit is kept exactly.
   */
  private take(): Waiting[] {
    const batch: Waiting[] = [];
    const later: Waiting[] = [];
    const keys = this.busy;
    let rule: string | undefined;
    for (const w of this.waiting) {
      const limit = w.opts.limit;
      const fits =
        batch.length < MAX_BATCH &&
        !keys.has(`i:${w.s.idempotencyKey}`) &&
        !(limit && (keys.has(`l:${limit.key}`) || (rule !== undefined && rule !== ruleKey(limit.rule))));
      if (!fits) {
        later.push(w);
        continue;
      }
      batch.push(w);
      keys.add(`i:${w.s.idempotencyKey}`);
      if (limit) {
        keys.add(`l:${limit.key}`);
        rule ??= ruleKey(limit.rule);
      }
    }
    this.waiting = later;
    return batch;
  }

  private start(batch: Waiting[]): void {
    this.running++;
    this.run(batch).finally(() => {
      this.running--;
      for (const w of batch) {
        this.busy.delete(`i:${w.s.idempotencyKey}`);
        if (w.opts.limit) this.busy.delete(`l:${w.opts.limit.key}`);
      }
      this.schedule();
    });
  }

  private async run(batch: Waiting[]): Promise<void> {
    let rows: BatchRow[][];
    try {
      this.counts.statements++;
      this.counts.submissions += batch.length;
      rows = await receiveBatch(this.db, batch);
    } catch (e) {
      if (batch.length === 1) return batch[0]!.reject(e);
      // Nothing of the batch was stored: each is received on its own, so a failure is its own.
      await Promise.all(batch.map((w) => this.alone(this.db, w.s, w.now, w.opts).then(w.resolve, w.reject)));
      return;
    }
    await Promise.all(batch.map((w, i) => settle(this.db, rows[i] ?? [], w.s.idempotencyKey).then(w.resolve, w.reject)));
  }
}

const perDb = new WeakMap<Db, Batches>();

/** The batches of one database (one per pool, so that tests with several databases keep them apart). */
export function batchesFor(db: Db, alone: Alone): Batches {
  let b = perDb.get(db);
  if (!b) perDb.set(db, (b = new Batches(db, alone)));
  return b;
}
