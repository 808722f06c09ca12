import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Db, DbHandle } from '../../../db/client.ts';
import { auditEvents, confirmations, staffUsers, submissions } from '../../../db/schema.ts';
import { testDatabases } from '../test-db.ts';
import { findSubmission, receiveSubmission } from '../submissions.ts';
import { ExportTooLargeError, exportInbox, listInbox, type InboxRow } from '../inbox.ts';
import { countInboxByStatus, listColleagues } from '../inbox-counts.ts';
import type { InboxFilters, InboxUser } from '../inbox-filters.ts';
import type { InboxSort } from '../inbox-cursor.ts';
import { encodeCursor } from '../inbox-cursor.ts';
import { parseSearch } from '../inbox-params.ts';
import { EXPORT_ACTION, exportInboxCsv } from '../inbox-export.ts';

// A searched personnummer is audited as a keyed hash, under a key derived from the portal's secret.
vi.stubEnv('COOKIE_SECRET', 'test-only-cookie-secret-0123456789abcdef');

// Skatteverket test personnummer (testdata/), never real people.
const PNR_1945 = '19450110-3297';
const PNR_1945_B = '19450112-8278';
const PNR_1938 = '19380102-9202';
const PNR_1890 = '189001019802';
const TODAY = new Date('2026-03-15T12:00:00Z');

type Area = 'aldreomsorg' | 'ifo';
let seq = 0;

type Extra = Partial<typeof submissions.$inferInsert>;

/** A submission row as the case actions would leave it (status, assignee, due date set directly). */
async function add(db: Db, area: Area, at: string, extra: Extra = {}): Promise<string> {
  seq += 1;
  const [row] = await db
    .insert(submissions)
    .values({
      reference: `2026-${String(seq).padStart(6, '0')}`,
      serviceId: area === 'ifo' ? 'ifo-kontakt' : 'trygghetslarm',
      serviceVersion: 1,
      area,
      answers: {},
      subjectPersonnummer: PNR_1945,
      subjectName: 'Tolvan Tolvansson',
      idempotencyKey: `inbox-${seq}`,
      submittedAt: new Date(at),
      ...extra,
    })
    .returning({ id: submissions.id });
  if (!row) throw new Error('insert failed');
  return row.id;
}

async function addStaff(db: Db, name: string, roles: string[], areas: string[]): Promise<InboxUser> {
  const [row] = await db
    .insert(staffUsers)
    .values({ username: `${name.toLowerCase()}-${++seq}`, displayName: name, passwordHash: 'not-used', roles, areas })
    .returning({ id: staffUsers.id, roles: staffUsers.roles, areas: staffUsers.areas });
  if (!row) throw new Error('insert failed');
  return row;
}

/** Every row for the filters, page by page (size 2), following the next cursor to the end. */
async function walk(db: Db, user: InboxUser, filters: InboxFilters, sort: InboxSort, between?: () => Promise<void>): Promise<InboxRow[]> {
  const seen: InboxRow[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const page = await listInbox(db, user, filters, { sort, cursor, limit: 2 });
    seen.push(...page.rows);
    if (!page.next) return seen;
    cursor = page.next;
    if (between) await between();
  }
  throw new Error('pagination did not end');
}

const refs = (rows: { reference: string }[]) => rows.map((r) => r.reference);

describe.each(testDatabases())('the handläggare inbox on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  let anna: InboxUser; // äldreomsorg
  let bo: InboxUser; // IFO
  let both: InboxUser; // both areas
  let admin: InboxUser; // admin, no handläggare role

  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
  });
  afterAll(async () => {
    await handle?.close();
  });
  beforeEach(async () => {
    await db.delete(submissions);
    await db.delete(staffUsers);
    anna = await addStaff(db, 'Anna', ['handlaggare'], ['aldreomsorg']);
    bo = await addStaff(db, 'Bo', ['handlaggare'], ['ifo']);
    both = await addStaff(db, 'Cecilia', ['handlaggare'], ['aldreomsorg', 'ifo']);
    admin = await addStaff(db, 'Admin', ['admin'], ['aldreomsorg', 'ifo']);
  });

  describe('secrecy between areas', () => {
    it('keeps IFO cases secret from an äldreomsorg-only handläggare, in lists, counts, search and export', async () => {
      await add(db, 'aldreomsorg', '2026-03-01T09:00:00Z');
      await add(db, 'ifo', '2026-03-01T10:00:00Z', { subjectPersonnummer: PNR_1938 });
      const ifoRef = `2026-${String(seq).padStart(6, '0')}`;

      const page = await listInbox(db, anna, {}, { sort: 'newest', limit: 50 });
      expect(page.rows.map((r) => r.area)).toEqual(['aldreomsorg']);
      expect(await listInbox(db, anna, { area: 'ifo' }, { sort: 'newest', limit: 50 })).toEqual({ rows: [], next: null, prev: null });
      expect((await listInbox(db, anna, { search: { kind: 'reference', reference: ifoRef } }, { sort: 'newest', limit: 50 })).rows).toEqual([]);
      expect((await listInbox(db, anna, { search: { kind: 'personnummer', normalized: '193801029202' } }, { sort: 'newest', limit: 50 })).rows).toEqual([]);
      expect((await countInboxByStatus(db, anna, { area: 'ifo' })).total).toEqual({ count: 0, capped: false });
      expect((await countInboxByStatus(db, anna, {})).total.count).toBe(1);
      expect((await exportInbox(db, anna, {}, 'newest')).map((r) => r.area)).toEqual(['aldreomsorg']);
      expect(await findSubmission(db, ifoRef, ['aldreomsorg'])).toBeUndefined();
      expect((await listInbox(db, bo, {}, { sort: 'newest', limit: 50 })).rows.map((r) => r.reference)).toEqual([ifoRef]);
    });

    it('shows nothing to staff who are not handläggare, whatever areas their account lists', async () => {
      await add(db, 'aldreomsorg', '2026-03-01T09:00:00Z');
      expect((await listInbox(db, admin, {}, { sort: 'newest', limit: 50 })).rows).toEqual([]);
      expect((await countInboxByStatus(db, admin, {})).total.count).toBe(0);
      expect(await exportInbox(db, admin, {}, 'newest')).toEqual([]);
      expect(await listColleagues(db, admin)).toEqual([]);
    });

    it('lists as colleagues only active handläggare who share an area', async () => {
      const inactive = await addStaff(db, 'Dag', ['handlaggare'], ['aldreomsorg']);
      await db.update(staffUsers).set({ active: false }).where(eq(staffUsers.id, inactive.id));
      expect((await listColleagues(db, anna)).map((c) => c.displayName)).toEqual(['Cecilia']);
      expect((await listColleagues(db, both)).map((c) => c.displayName)).toEqual(['Anna', 'Bo']);
    });
  });

  describe('filters', () => {
    it('filters by e-tjänst, status, area and assignee (me, a colleague, nobody)', async () => {
      await add(db, 'aldreomsorg', '2026-03-01T08:00:00Z', { serviceId: 'trygghetslarm', status: 'inkommen' });
      await add(db, 'aldreomsorg', '2026-03-01T09:00:00Z', { serviceId: 'stadning', status: 'under_handlaggning', assigneeId: both.id });
      await add(db, 'aldreomsorg', '2026-03-01T10:00:00Z', { serviceId: 'trygghetslarm', status: 'under_handlaggning', assigneeId: anna.id });
      await add(db, 'ifo', '2026-03-01T11:00:00Z', { status: 'inkommen', assigneeId: both.id });
      const list = async (u: InboxUser, f: InboxFilters) => (await listInbox(db, u, f, { sort: 'oldest', limit: 50 })).rows.map((r) => r.submittedAt.toISOString().slice(11, 13));

      expect(await list(both, { serviceId: 'trygghetslarm' })).toEqual(['08', '10']);
      expect(await list(both, { status: 'under_handlaggning' })).toEqual(['09', '10']);
      expect(await list(both, { status: 'inkommen', area: 'ifo' })).toEqual(['11']);
      expect(await list(both, { area: 'aldreomsorg' })).toEqual(['08', '09', '10']);
      expect(await list(both, { assignee: { kind: 'me' } })).toEqual(['09', '11']);
      expect(await list(anna, { assignee: { kind: 'me' } })).toEqual(['10']);
      expect(await list(anna, { assignee: { kind: 'user', id: both.id } })).toEqual(['09']);
      expect(await list(both, { assignee: { kind: 'unassigned' } })).toEqual(['08']);
      expect(await list(both, { serviceId: 'trygghetslarm', status: 'under_handlaggning', assignee: { kind: 'user', id: anna.id } })).toEqual(['10']);
    });

    it('takes the received dates as whole days in Swedish time, both ends included', async () => {
      // 23:30 UTC on 1 March is 00:30 on 2 March in Stockholm (winter time, UTC+1).
      await add(db, 'aldreomsorg', '2026-03-01T22:59:59Z'); // 1 March 23:59:59
      await add(db, 'aldreomsorg', '2026-03-01T23:30:00Z'); // 2 March 00:30
      await add(db, 'aldreomsorg', '2026-03-02T22:59:59.999Z'); // 2 March 23:59:59.999
      await add(db, 'aldreomsorg', '2026-03-02T23:00:00Z'); // 3 March 00:00
      // Summer time (UTC+2): 22:30 UTC on 30 June is 00:30 on 1 July.
      await add(db, 'aldreomsorg', '2026-06-30T22:30:00Z');
      const days = async (f: InboxFilters) => (await listInbox(db, anna, f, { sort: 'oldest', limit: 50 })).rows.map((r) => r.submittedAt.toISOString());

      expect(await days({ receivedFrom: '2026-03-02', receivedTo: '2026-03-02' })).toEqual(['2026-03-01T23:30:00.000Z', '2026-03-02T22:59:59.999Z']);
      expect(await days({ receivedTo: '2026-03-01' })).toEqual(['2026-03-01T22:59:59.000Z']);
      expect(await days({ receivedFrom: '2026-03-03', receivedTo: '2026-06-30' })).toEqual(['2026-03-02T23:00:00.000Z']);
      expect(await days({ receivedFrom: '2026-07-01' })).toEqual(['2026-06-30T22:30:00.000Z']);
    });
  });

  describe('search', () => {
    it('finds a case by its exact reference number', async () => {
      await add(db, 'aldreomsorg', '2026-03-01T08:00:00Z');
      const wanted = await add(db, 'aldreomsorg', '2026-03-01T09:00:00Z');
      const [row] = await db.select({ reference: submissions.reference }).from(submissions).where(eq(submissions.id, wanted));
      const search = parseSearch(row?.reference ?? '', TODAY);
      expect(search).toEqual({ kind: 'reference', reference: row?.reference });
      const page = await listInbox(db, anna, { search: search as InboxFilters['search'] }, { sort: 'newest', limit: 50 });
      expect(page.rows.map((r) => r.id)).toEqual([wanted]);
    });

    it.each(['194501103297', '19450110-3297', '4501103297', '450110-3297', ' 450110-3297 '])('finds a person by personnummer typed as "%s"', async (typed) => {
      const stored = await add(db, 'aldreomsorg', '2026-03-01T08:00:00Z', { subjectPersonnummer: PNR_1945 });
      // An older row stored with bare digits is found as well.
      const bare = await add(db, 'aldreomsorg', '2026-03-01T07:00:00Z', { subjectPersonnummer: '194501103297' });
      await add(db, 'aldreomsorg', '2026-03-01T09:00:00Z', { subjectPersonnummer: PNR_1945_B });
      await add(db, 'aldreomsorg', '2026-03-01T10:00:00Z', { subjectPersonnummer: null });
      const search = parseSearch(typed, TODAY);
      expect(search).toEqual({ kind: 'personnummer', normalized: '194501103297' });
      const page = await listInbox(db, anna, { search: search as InboxFilters['search'] }, { sort: 'newest', limit: 50 });
      expect(page.rows.map((r) => r.id)).toEqual([stored, bare]);
    });

    it('reads a ten-digit personnummer with + as someone over a hundred', async () => {
      const id = await add(db, 'aldreomsorg', '2026-03-01T08:00:00Z', { subjectPersonnummer: '18900101-9802' });
      const search = parseSearch('900101+9802', TODAY);
      expect(search).toEqual({ kind: 'personnummer', normalized: PNR_1890 });
      expect((await listInbox(db, anna, { search: search as InboxFilters['search'] }, { sort: 'newest', limit: 5 })).rows.map((r) => r.id)).toEqual([id]);
    });

    it('combines the search with the other filters', async () => {
      await add(db, 'aldreomsorg', '2026-03-01T08:00:00Z', { status: 'avslutad' });
      const open = await add(db, 'aldreomsorg', '2026-03-02T08:00:00Z', { status: 'inkommen' });
      const f: InboxFilters = { search: { kind: 'personnummer', normalized: '194501103297' }, status: 'inkommen' };
      expect((await listInbox(db, anna, f, { sort: 'newest', limit: 5 })).rows.map((r) => r.id)).toEqual([open]);
      expect((await countInboxByStatus(db, anna, f)).byStatus).toMatchObject({ inkommen: { count: 1 }, avslutad: { count: 1 } });
    });
  });

  describe('counts per status', () => {
    it('counts every status under the other filters, ignoring the status filter', async () => {
      await add(db, 'aldreomsorg', '2026-03-01T08:00:00Z', { status: 'inkommen' });
      await add(db, 'aldreomsorg', '2026-03-01T09:00:00Z', { status: 'inkommen' });
      await add(db, 'aldreomsorg', '2026-03-01T10:00:00Z', { status: 'beslutad', serviceId: 'stadning' });
      await add(db, 'aldreomsorg', '2026-03-05T10:00:00Z', { status: 'avslutad' });
      await add(db, 'ifo', '2026-03-01T10:00:00Z', { status: 'inkommen' });

      const all = await countInboxByStatus(db, both, { status: 'beslutad' });
      expect(all.byStatus).toEqual({
        inkommen: { count: 3, capped: false },
        under_handlaggning: { count: 0, capped: false },
        beslutad: { count: 1, capped: false },
        avslutad: { count: 1, capped: false },
        makulerad: { count: 0, capped: false },
      });
      expect(all.total).toEqual({ count: 5, capped: false });
      const narrowed = await countInboxByStatus(db, both, { area: 'aldreomsorg', serviceId: 'trygghetslarm', receivedTo: '2026-03-02' });
      expect(narrowed.byStatus.inkommen.count).toBe(2);
      expect(narrowed.byStatus.beslutad.count).toBe(0);
      expect(narrowed.byStatus.avslutad.count).toBe(0);
    });

    it('stops counting at the cap and says so', async () => {
      for (let i = 0; i < 4; i++) await add(db, 'aldreomsorg', `2026-03-0${i + 1}T08:00:00Z`, { status: 'inkommen' });
      await add(db, 'aldreomsorg', '2026-03-06T08:00:00Z', { status: 'avslutad' });
      const counts = await countInboxByStatus(db, anna, {}, 3);
      expect(counts.byStatus.inkommen).toEqual({ count: 3, capped: true });
      expect(counts.byStatus.avslutad).toEqual({ count: 1, capped: false });
      expect(counts.total).toEqual({ count: 4, capped: true });
      expect((await countInboxByStatus(db, anna, {}, 4)).byStatus.inkommen).toEqual({ count: 4, capped: false });
    });
  });

  describe('sorting and keyset pagination', () => {
    /** Rows in both areas with equal timestamps and equal (and missing) due dates. */
    async function mixed(): Promise<void> {
      const stamps = ['2026-03-05T08:00:00Z', '2026-03-05T08:00:00Z', '2026-03-06T08:00:00Z', '2026-03-04T08:00:00Z', '2026-03-05T08:00:00Z', '2026-03-07T08:00:00Z', '2026-03-07T08:00:00.000001Z'];
      const dues = ['2026-04-01T00:00:00Z', null, '2026-03-20T00:00:00Z', '2026-04-01T00:00:00Z', null, '2026-03-10T00:00:00Z', null];
      for (const [i, at] of stamps.entries()) {
        const due = dues[i];
        await add(db, i % 2 === 0 ? 'aldreomsorg' : 'ifo', '2026-01-01T00:00:00Z', { dueAt: due ? new Date(due) : null });
        // Exact microseconds, as a row written by the database itself could have.
        await db.execute(sql`update ${submissions} set submitted_at = ${at}::timestamptz where reference = ${`2026-${String(seq).padStart(6, '0')}`}`);
      }
    }

    async function ordered(sort: InboxSort): Promise<string[]> {
      const order =
        sort === 'newest'
          ? sql`submitted_at desc, id desc`
          : sort === 'oldest'
            ? sql`submitted_at asc, id asc`
            : sql`due_at asc nulls last, id asc`;
      const rows = await db.select({ reference: submissions.reference }).from(submissions).orderBy(order);
      return refs(rows);
    }

    it.each(['newest', 'oldest', 'due'] as const)('walks every row exactly once, in %s order, across areas and ties', async (sort) => {
      await mixed();
      const seen = await walk(db, both, {}, sort);
      expect(refs(seen)).toEqual(await ordered(sort));
    });

    it.each(['newest', 'oldest', 'due'] as const)('goes back page by page to the first page in %s order', async (sort) => {
      await mixed();
      const expected = await ordered(sort);
      // Forward to the last page, then back with the previous-page cursors.
      let page = await listInbox(db, both, {}, { sort, limit: 2 });
      while (page.next) page = await listInbox(db, both, {}, { sort, cursor: page.next, limit: 2 });
      const back: string[][] = [refs(page.rows)];
      while (page.prev) {
        page = await listInbox(db, both, {}, { sort, cursor: page.prev, limit: 2 });
        back.unshift(refs(page.rows));
      }
      expect(back.flat()).toEqual(expected);
      expect(back[0]).toEqual(expected.slice(0, 2));
    });

    it('sorts by due date soonest first with cases without a due date last', async () => {
      await add(db, 'aldreomsorg', '2026-03-01T08:00:00Z', { dueAt: null });
      await add(db, 'aldreomsorg', '2026-03-02T08:00:00Z', { dueAt: new Date('2026-03-30T10:00:00Z') });
      await add(db, 'aldreomsorg', '2026-03-03T08:00:00Z', { dueAt: new Date('2026-03-10T10:00:00Z') });
      const rows = (await listInbox(db, anna, {}, { sort: 'due', limit: 10 })).rows;
      expect(rows.map((r) => r.dueAt?.toISOString() ?? null)).toEqual(['2026-03-10T10:00:00.000Z', '2026-03-30T10:00:00.000Z', null]);
    });

    it.each(['newest', 'oldest', 'due'] as const)('has no repeats or gaps in %s order while new cases arrive between pages', async (sort) => {
      await mixed();
      const before = await ordered(sort);
      let arrivals = 0;
      const seen = await walk(db, both, {}, sort, async () => {
        arrivals += 1;
        await add(db, arrivals % 2 === 0 ? 'ifo' : 'aldreomsorg', new Date(Date.UTC(2026, 2, 10, arrivals)).toISOString(), {
          dueAt: arrivals % 3 === 0 ? null : new Date(Date.UTC(2026, 2, 1, arrivals)),
        });
      });
      const got = refs(seen);
      expect(new Set(got).size).toBe(got.length);
      // Every row that existed at the start is seen, in order; new ones only where the order puts them.
      expect(got.filter((r) => before.includes(r))).toEqual(before);
      const after = await ordered(sort);
      expect(got).toEqual(after.filter((r) => got.includes(r)));
    });

    it('starts from the beginning with an unreadable cursor or one made for another order', async () => {
      await mixed();
      const first = await listInbox(db, both, {}, { sort: 'newest', limit: 2 });
      const firstRow = first.rows[0];
      if (!firstRow) throw new Error('no rows');
      const foreign = encodeCursor({ sort: 'oldest', key: '2026-03-05T08:00:00.000000Z', id: firstRow.id }, 'next');
      const bogus = ['', 'x', '!!!', Buffer.from('c1|newest|next|2026-02-30T08:00:00.000000Z|' + firstRow.id).toString('base64url'), foreign, 'a'.repeat(500)];
      for (const cursor of bogus) {
        const page = await listInbox(db, both, {}, { sort: 'newest', cursor, limit: 2 });
        expect(refs(page.rows)).toEqual(refs(first.rows));
        expect(page.prev).toBeNull();
      }
    });
  });

  describe('personnummer in lists', () => {
    it('masks the personnummer as ÅÅMMDD-**** and never returns it in full', async () => {
      await add(db, 'aldreomsorg', '2026-03-01T08:00:00Z', { subjectPersonnummer: PNR_1945 });
      await add(db, 'aldreomsorg', '2026-03-01T09:00:00Z', { subjectPersonnummer: null, onBehalf: true, submitterName: 'Anhörig Andersson' });
      const page = await listInbox(db, anna, {}, { sort: 'oldest', limit: 10 });
      expect(page.rows.map((r) => r.personnummerMasked)).toEqual(['450110-****', null]);
      expect(JSON.stringify(page)).not.toContain('3297');
      expect(page.rows[1]).toMatchObject({ onBehalf: true, submitterName: 'Anhörig Andersson' });
    });

    it('shows the assignee by name', async () => {
      await add(db, 'aldreomsorg', '2026-03-01T08:00:00Z', { assigneeId: both.id });
      const [row] = (await listInbox(db, anna, {}, { sort: 'oldest', limit: 10 })).rows;
      expect(row).toMatchObject({ assigneeId: both.id, assigneeName: 'Cecilia' });
    });
  });

  describe('CSV export', () => {
    it('exports every filtered row with the full personnummer and audits the filters and the count', async () => {
      await add(db, 'aldreomsorg', '2026-03-01T08:00:00Z', { subjectPersonnummer: PNR_1945, subjectName: '=HYPERLINK("http://x")', status: 'inkommen' });
      await add(db, 'aldreomsorg', '2026-03-02T08:00:00Z', { subjectPersonnummer: PNR_1938, status: 'inkommen' });
      await add(db, 'aldreomsorg', '2026-03-03T08:00:00Z', { status: 'avslutad' });
      await add(db, 'ifo', '2026-03-03T08:00:00Z', { status: 'inkommen' });
      const before = await db.select().from(auditEvents);

      const out = await exportInboxCsv(
        db,
        anna,
        { filters: { status: 'inkommen', search: { kind: 'personnummer', normalized: '194501103297' } }, sort: 'oldest', ip: '192.0.2.10' },
        { serviceTitle: (id) => `Titel ${id}` },
      );
      expect(out.rows).toBe(1);
      const lines = out.csv.split('\r\n');
      expect(out.csv.startsWith('\uFEFFarendenummer;')).toBe(true);
      expect(lines[1]).toContain(';19450110-3297;');
      expect(lines[1]).toContain(`;"'=HYPERLINK(""http://x"")";`);
      expect(lines[1]).toContain(';2026-03-01T09:00:00+01:00;');

      const events = (await db.select().from(auditEvents)).slice(before.length);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actorType: 'staff',
        actorId: anna.id,
        action: EXPORT_ACTION,
        subjectType: 'inbox',
        ip: '192.0.2.10',
        details: { rows: 1, status: 'inkommen', sort: 'oldest', search: 'personnummer', serviceId: null, area: null },
      });
      // The audit trail never holds the personnummer searched for.
      expect(JSON.stringify(events[0])).not.toContain('3297');
    });

    it('refuses more rows than the cap, and audits nothing then', async () => {
      for (let i = 0; i < 3; i++) await add(db, 'aldreomsorg', `2026-03-0${i + 1}T08:00:00Z`);
      const before = (await db.select().from(auditEvents)).length;
      await expect(exportInboxCsv(db, anna, { filters: {}, sort: 'newest', cap: 2 }, { serviceTitle: (id) => id })).rejects.toBeInstanceOf(ExportTooLargeError);
      expect((await db.select().from(auditEvents)).length).toBe(before);
      expect((await exportInboxCsv(db, anna, { filters: {}, sort: 'newest', cap: 3 }, { serviceTitle: (id) => id })).rows).toBe(3);
    });
  });

  it('marks an application waiting for a confirmation, or refused one, as incomplete, and filters on it', async () => {
    const confirm = (submissionId: string, state: string, role = 'medsokande') =>
      db.insert(confirmations).values({ submissionId, role, personnummer: PNR_1945_B, name: 'Elva Testsson', state, requestedAt: new Date('2026-03-01T10:00:00Z') });
    const alone = await add(db, 'ifo', '2026-03-01T09:00:00Z');
    const waiting = await add(db, 'ifo', '2026-03-01T10:00:00Z');
    await confirm(waiting, 'pending');
    const confirmed = await add(db, 'ifo', '2026-03-01T11:00:00Z');
    await confirm(confirmed, 'confirmed');
    // Two asked: one confirmed, one refused. Refused is what the list says.
    const refused = await add(db, 'ifo', '2026-03-01T12:00:00Z');
    await confirm(refused, 'confirmed', 'vardnadshavare');
    await confirm(refused, 'declined');

    const all = await listInbox(db, bo, {}, { sort: 'oldest', limit: 50 });
    expect(all.rows.map((r) => [r.id, r.confirmation])).toEqual([
      [alone, null],
      [waiting, 'pending'],
      [confirmed, null],
      [refused, 'declined'],
    ]);
    const incomplete = await walk(db, bo, { incomplete: true }, 'newest');
    expect(incomplete.map((r) => r.id)).toEqual([refused, waiting]);
    expect((await countInboxByStatus(db, bo, { incomplete: true })).total.count).toBe(2);
    expect((await exportInbox(db, bo, { incomplete: true }, 'newest')).map((r) => r.id)).toEqual([refused, waiting]);
    // Secrecy between areas holds for the filter too.
    expect((await listInbox(db, anna, { incomplete: true }, { sort: 'newest', limit: 50 })).rows).toEqual([]);
  });

  it('still lists submissions received through the citizen journey', async () => {
    const r = await receiveSubmission(db, {
      serviceId: 'trygghetslarm',
      serviceVersion: 1,
      area: 'aldreomsorg',
      answers: {},
      subjectPersonnummer: PNR_1945,
      subjectName: 'Tolvan Tolvansson',
      submitterName: null,
      onBehalf: false,
      idempotencyKey: `journey-${++seq}`,
    });
    const page = await listInbox(db, anna, {}, { sort: 'newest', limit: 5 });
    expect(page.rows.map((x) => x.reference)).toEqual([r.reference]);
  });

  describe('the synpunkter queue', () => {
    const synpunkter = ['synpunkter-och-klagomal'];
    it('keeps synpunkter och klagomål out of the cases queue and shows only them in their own', async () => {
      const orosanmalan = await add(db, 'ifo', '2026-03-02T09:00:00Z', { serviceId: 'orosanmalan-barn' });
      const klagomal = await add(db, 'ifo', '2026-03-03T09:00:00Z', { serviceId: 'synpunkter-och-klagomal' });
      const ids = async (filters: InboxFilters) => (await listInbox(db, bo, filters, { sort: 'newest', limit: 10 })).rows.map((r) => r.id);
      expect(await ids({ queue: { synpunkter: false, serviceIds: synpunkter } })).toEqual([orosanmalan]);
      expect(await ids({ queue: { synpunkter: true, serviceIds: synpunkter } })).toEqual([klagomal]);
      // Counts follow the queue too.
      const counts = await countInboxByStatus(db, bo, { queue: { synpunkter: true, serviceIds: synpunkter } });
      expect(counts.total).toEqual(counts.byStatus.inkommen);
      expect(counts.byStatus.inkommen).toMatchObject({ count: 1 });
      // An empty synpunkter list shows nothing rather than everything.
      expect(await ids({ queue: { synpunkter: true, serviceIds: [] } })).toEqual([]);
    });

    it('shows which cases are urgent and which were reported anonymously', async () => {
      const urgent = await add(db, 'ifo', '2026-03-02T09:00:00Z', { serviceId: 'orosanmalan-barn', urgent: true, anonymous: true, dueAt: new Date('2026-03-16T09:00:00Z') });
      const calm = await add(db, 'ifo', '2026-03-03T09:00:00Z', { serviceId: 'orosanmalan-barn' });
      const rows = (await listInbox(db, bo, {}, { sort: 'due', limit: 10 })).rows;
      expect(rows.map((r) => [r.id, r.urgent, r.anonymous])).toEqual([
        [urgent, true, true],
        [calm, false, false],
      ]);
    });
  });
});
