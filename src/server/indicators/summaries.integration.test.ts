/**
 * The summary tables the indicators read (kept by the database's triggers) hold exactly what a
 * computation from scratch over submissions and decisions gives, after a random mix of what really
 * happens: submissions (some concurrent, some resubmitted with the same token) at awkward Swedish
 * times (around midnight, the clock changes, New Year, holidays), first handlings by assignment,
 * status or note, cases inserted many at once, decisions, corrected decisions (later, earlier, at the same instant, several at
 * once), a personnummer corrected, and cases deleted as gallring does. On PGlite and (with
 * DATABASE_URL) PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { resultRows, type Db, type DbHandle } from '../../../db/client.ts';
import { decisions, staffUsers, submissions } from '../../../db/schema.ts';
import type { IndicatorData } from '../../domain/indicators/data.ts';
import { computeIndicators } from '../../domain/indicators/index.ts';
import { handlingBucket } from '../../domain/indicators/median.ts';
import { monthlyReport } from '../../domain/indicators/monthly.ts';
import { addNote, assignCase, changeStatus, recordDecision, type Actor } from '../case-actions.ts';
import { setRegisteredBackends } from '../delivery/registry.ts';
import { receiveSubmission } from '../submissions.ts';
import { testDatabases } from '../test-db.ts';
import { countFromScratch, type RawCounts } from './from-scratch.ts';
import { bucketMinutes, readSummaries } from './repository.ts';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PNR = readFileSync(path.resolve(process.cwd(), 'testdata/skatteverket-testpersonnummer.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => /^\d{12}$/.test(l))
  .slice(0, 40)
  .map((l) => `${l.slice(0, 8)}-${l.slice(8)}`);

const SERVICES = [
  { id: 'tvatt', area: 'aldreomsorg' },
  { id: 'trygghetslarm', area: 'aldreomsorg' },
  { id: 'ekonomiskt-bistand', area: 'ifo' },
  { id: 'orosanmalan-barn', area: 'ifo' },
];
const INSATSER = ['tvatt', 'stadning', 'trygghetslarm', null, ''];
const OUTCOMES = ['beviljad', 'avslag', 'hanvisad'] as const;

/** Instants near Swedish boundaries: midnight, 08 and 17, the clock changes, New Year, a holiday. */
const ANCHORS = [
  '2025-03-29T22:59:59.999Z', // 23.59 on Saturday, the night the clock goes forward
  '2025-03-30T00:30:00Z',
  '2025-10-25T23:30:00Z', // the night the clock goes back: 01.30 happens twice
  '2025-10-26T00:30:00Z',
  '2025-10-26T01:30:00Z',
  '2025-12-31T22:59:00Z', // 23.59 on nyårsafton
  '2025-12-31T23:00:00Z', // 00.00 on nyårsdagen
  '2026-01-06T09:00:00Z', // trettondedag jul, a weekday
  '2026-02-02T06:59:59Z', // 07.59 on a Monday
  '2026-02-02T07:00:00Z', // 08.00
  '2026-02-02T15:59:59Z', // 16.59
  '2026-02-02T16:00:00Z', // 17.00
  '2026-05-31T22:00:00Z', // midnight between May and June
].map((s) => new Date(s).getTime());

/** Counts in a canonical form: every bucket keyed, zero counts left out, same keys summed. */
function canonical(c: RawCounts): Record<string, Record<string, number>> {
  const sum = (rows: { key: unknown[]; count: number }[]) => {
    const m: Record<string, number> = {};
    for (const r of rows) {
      const k = JSON.stringify(r.key);
      m[k] = (m[k] ?? 0) + r.count;
    }
    return Object.fromEntries(Object.entries(m).filter(([, n]) => n !== 0).sort(([a], [b]) => a.localeCompare(b)));
  };
  return {
    volumes: sum(c.volumes.map((v) => ({ key: [v.serviceId, v.area, v.month, v.onBehalf], count: v.count }))),
    office: sum(c.office.map((o) => ({ key: [o.area, o.day, o.weekdayOfficeHour], count: o.count }))),
    handling: sum(c.handling.map((h) => ({ key: [h.area, h.month, h.minutes], count: h.count }))),
    decisions: sum(c.decisions.map((d) => ({ key: [d.serviceId, d.area, d.month, d.outcome, d.insats, d.sex], count: d.count }))),
  };
}

describe.each(testDatabases())('indicator summaries on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  let anna: Actor;
  let rand: () => number;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

  const rowsOf = async (q: ReturnType<typeof sql>) => resultRows<Record<string, unknown>>(await db.execute(q));
  // Every table's rows (a histogram as its non-empty buckets), leaving out counts of 0 that a deletion may leave.
  const contents: Record<string, string> = {
    indicator_volumes: 'select * from indicator_volumes where n <> 0',
    indicator_office_days: 'select * from indicator_office_days where n <> 0',
    indicator_handling: 'select area, month, k, n from indicator_handling, unnest(counts) with ordinality as u (n, k) where n <> 0',
    indicator_decisions: 'select * from indicator_decisions where n <> 0',
    indicator_decided_cases: 'select * from indicator_decided_cases',
    indicator_arrivals_pending: 'select * from indicator_arrivals_pending',
  };
  const tableContents = async () =>
    Object.fromEntries(await Promise.all(Object.entries(contents).map(async ([t, q]) => [t, (await rowsOf(sql.raw(q))).map((r) => JSON.stringify(r)).sort()] as const)));

  async function expectSameAsFromScratch(): Promise<void> {
    const [summaries, scratch] = await Promise.all([readSummaries(db), countFromScratch(db)]);
    expect(canonical(summaries)).toEqual(canonical(scratch));
    // And so every indicator and the monthly report come out the same.
    const services = SERVICES.map((s) => ({ ...s, category: s.area === 'aldreomsorg' ? 'forenklad' : 'ifo', forenkladInsats: s.area === 'aldreomsorg' ? s.id : undefined }));
    const data = (c: RawCounts): IndicatorData => ({ now: new Date('2026-06-10T12:00:00Z'), services, lifecycleEvents: [], targets: [], ...c });
    expect(computeIndicators(data(summaries), { monthsBack: 24 })).toEqual(computeIndicators(data(scratch), { monthsBack: 24 }));
    for (const month of ['2025-03', '2025-10', '2026-01', '2026-02']) expect(monthlyReport(data(summaries), month)).toEqual(monthlyReport(data(scratch), month));
    const negative = await rowsOf(sql`select 1 from indicator_volumes where n < 0 union all select 1 from indicator_office_days where n < 0
                                      union all select 1 from indicator_handling where 0 > any (counts) union all select 1 from indicator_decisions where n < 0`);
    expect(negative).toHaveLength(0);
  }

  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
    rand = random(20260610);
    setRegisteredBackends([]);
    const [row] = await db
      .insert(staffUsers)
      .values({ username: 'anna', displayName: 'Anna', passwordHash: 'not-a-login', roles: ['handlaggare'], areas: ['aldreomsorg', 'ifo'] })
      .returning();
    if (!row) throw new Error('no staff row');
    anna = { id: row.id, roles: row.roles, areas: row.areas };
  });
  afterAll(async () => {
    setRegisteredBackends(undefined);
    await handle?.close();
  });

  it('start empty, and stay equal to a computation from scratch through a random mix of submissions, handlings and (corrected) decisions', async () => {
    expect(Object.values(await tableContents()).every((rows) => rows.length === 0)).toBe(true);
    await expectSameAsFromScratch();

    // Submissions: near the anchors (± up to two hours) or anywhere in 2025–2026, some at once.
    const received: { id: string; reference: string; at: number }[] = [];
    const submit = async (i: number, at: number) => {
      const s = pick(SERVICES);
      const anonymous = rand() < 0.15;
      const r = await receiveSubmission(
        db,
        {
          serviceId: s.id,
          serviceVersion: 1,
          area: s.area,
          answers: {},
          subjectPersonnummer: anonymous ? null : pick(PNR),
          subjectName: anonymous ? null : 'Test Testsson',
          submitterName: null,
          onBehalf: rand() < 0.3,
          anonymous,
          idempotencyKey: `sum-${i}`,
        },
        new Date(at),
      );
      if (!r.duplicate) received.push({ id: r.id, reference: r.reference, at });
    };
    const when = () => (rand() < 0.6 ? pick(ANCHORS) + Math.round((rand() - 0.5) * 4 * 3_600_000) * (rand() < 0.5 ? 0 : 1) : Date.UTC(2025, 0, 1) + rand() * 540 * 86_400_000);
    for (let i = 0; i < 60; i++) await submit(i, when());
    await Promise.all(Array.from({ length: 20 }, (_, k) => submit(60 + k, when())));
    // The same token again (a double click, a retry): still one submission.
    await submit(3, when());
    await Promise.all([submit(61, when()), submit(61, when())]);
    expect(received).toHaveLength(80);
    await expectSameAsFromScratch();
    // Folding what is pending into the summaries, twice at once and while more arrive, changes nothing read.
    await Promise.all([db.execute(sql`select indicator_fold_pending()`), submit(80, when()), db.execute(sql`select indicator_fold_pending()`), submit(81, when())]);
    expect(received).toHaveLength(82);
    await expectSameAsFromScratch();

    // First handlings: a few seconds to a few months after arrival, by assignment, status or note.
    const versions = new Map<string, number>(received.map((r) => [r.reference, 1]));
    const handledAt = new Map<string, number>();
    for (const r of received) {
      if (rand() < 0.2) continue;
      const at = r.at + Math.floor(rand() ** 3 * 90 * 86_400_000);
      const req = { reference: r.reference, lockVersion: versions.get(r.reference) ?? 1, now: new Date(at) };
      const how = rand();
      const res = how < 0.4 ? await assignCase(db, anna, { ...req, assigneeId: anna.id }) : how < 0.8 ? await changeStatus(db, anna, { ...req, to: 'under_handlaggning' }) : await addNote(db, anna, { ...req, body: 'Noterat.' });
      versions.set(r.reference, res.lockVersion);
      handledAt.set(r.reference, at);
    }
    await expectSameAsFromScratch();

    // Decisions on cases under handläggning (a note leaves a case inkommen: it goes under handläggning first).
    const decided: typeof received = [];
    for (const r of received) {
      const first = handledAt.get(r.reference);
      if (first === undefined || rand() < 0.3) continue;
      let v = versions.get(r.reference) ?? 1;
      const [row] = await db.select({ status: submissions.status }).from(submissions).where(eq(submissions.id, r.id));
      const at = first + Math.floor(rand() * 40 * 86_400_000);
      if (row?.status === 'inkommen') v = (await changeStatus(db, anna, { reference: r.reference, lockVersion: v, to: 'under_handlaggning', now: new Date(at - 1) })).lockVersion;
      const res = await recordDecision(db, anna, {
        reference: r.reference,
        lockVersion: v,
        now: new Date(at),
        decision: { outcome: pick(OUTCOMES), insats: pick(INSATSER) ?? '', omfattning: null, startDate: null, reasoning: 'Beslut.' },
      });
      versions.set(r.reference, res.lockVersion);
      decided.push({ ...r, at });
    }
    await expectSameAsFromScratch();

    // Corrections: later (into another month), earlier than the first, at the same instant, several in one statement, some concurrently.
    const correction = (r: { id: string; at: number }) => {
      const shift = pick([3 * 86_400_000, 45 * 86_400_000, -20 * 86_400_000, 0]);
      return { submissionId: r.id, outcome: pick(OUTCOMES), insats: pick(INSATSER), reasoning: 'Rättat.', decidedBy: anna.id, decidedAt: new Date(r.at + shift) };
    };
    for (const r of decided) if (rand() < 0.4) await db.insert(decisions).values(correction(r));
    const some = decided.filter(() => rand() < 0.3);
    await db.insert(decisions).values(some.flatMap((r) => [correction(r), correction(r)]));
    await Promise.all(decided.filter(() => rand() < 0.3).map((r) => db.insert(decisions).values(correction(r))));
    await expectSameAsFromScratch();

    // A decision removed, a personnummer corrected, and a decision moved within one transaction.
    const [someDecision] = await db.select({ id: decisions.id }).from(decisions).limit(1);
    if (someDecision) await db.delete(decisions).where(eq(decisions.id, someDecision.id));
    const target = decided[0];
    if (target) await db.update(submissions).set({ subjectPersonnummer: PNR[1] === PNR[0] ? null : (PNR[1] ?? null) }).where(eq(submissions.id, target.id));
    const [a, b] = decided.slice(1, 3);
    if (a && b) {
      await db.transaction(async (tx) => {
        const [d] = await tx.insert(decisions).values(correction(a)).returning({ id: decisions.id });
        if (d) await tx.update(decisions).set({ submissionId: b.id, outcome: 'avslag' }).where(eq(decisions.id, d.id));
      });
    }
    // A transaction that is rolled back leaves nothing behind.
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(decisions).values(correction(decided[3] ?? decided[0]!));
        await tx.update(submissions).set({ firstHandledAt: new Date() }).where(eq(submissions.id, received[0]!.id));
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    await expectSameAsFromScratch();

    // Cases brought in many at once, already handled (as an import would): one statement, many buckets.
    await db.insert(submissions).values(
      Array.from({ length: 40 }, (_, i) => {
        const s = pick(SERVICES);
        const at = when();
        return {
          reference: `2099-${String(900_000 + i)}`,
          serviceId: s.id,
          serviceVersion: 1,
          area: s.area,
          answers: {},
          subjectPersonnummer: pick(PNR),
          onBehalf: rand() < 0.3,
          idempotencyKey: `sum-bulk-${i}`,
          submittedAt: new Date(at),
          firstHandledAt: rand() < 0.8 ? new Date(at + Math.floor(rand() ** 3 * 90 * 86_400_000)) : null,
        };
      }),
    );
    await expectSameAsFromScratch();

    // Gallring: whole cases deleted (their decisions go with them).
    const gone = [...decided.slice(4, 8).map((r) => r.id), ...received.filter((r) => !handledAt.has(r.reference)).slice(0, 3).map((r) => r.id)];
    await db.delete(submissions).where(inArray(submissions.id, gone));
    await expectSameAsFromScratch();

    // What the triggers kept, with what is pending folded in, is exactly what rebuilding from scratch gives.
    await db.execute(sql`select indicator_fold_pending()`);
    const kept = await tableContents();
    expect(kept.indicator_arrivals_pending).toEqual([]);
    await db.execute(sql`select indicator_summaries_rebuild()`);
    expect(await tableContents()).toEqual(kept);
  });
});

describe('handling-time bucket numbers', () => {
  it('map back to exactly the lower bounds of handlingBucket()', () => {
    // Every bucket up to 90 days: numbered in order from 0, without gaps, each bound once.
    const bounds = [...new Set(Array.from({ length: 90 * 1440 }, (_, m) => handlingBucket(m)))];
    expect(bounds.map((_, k) => bucketMinutes(k))).toEqual(bounds);
  });
});
