import { describe, expect, it } from 'vitest';
import { inboxQuery, isCalendarDate, parseInboxParams, parseSearch, type ParseContext } from './inbox-params.ts';
import { decodeCursor, encodeCursor } from './inbox-cursor.ts';
import { maskPersonnummer, stockholmDayStart } from './inbox-filters.ts';

const TODAY = new Date('2026-03-15T12:00:00Z');
const COLLEAGUE = '3f1c2a4e-8d7b-4c5a-9e6f-0a1b2c3d4e5f';
const ctx: ParseContext = { serviceIds: ['trygghetslarm', 'stadning'], areas: ['aldreomsorg'], colleagueIds: [COLLEAGUE], today: TODAY };
const parse = (q: string) => parseInboxParams(new URLSearchParams(q), ctx);

describe('reading the inbox query string', () => {
  it('reads every filter, the order and the cursor', () => {
    const p = parse('sok=2026-000123&etjanst=stadning&status=inkommen&omrade=aldreomsorg&handlaggare=jag&fran=2026-03-01&till=2026-03-31&sortering=forfallodatum&sida=abc');
    expect(p.errors).toEqual([]);
    expect(p.filters).toEqual({
      search: { kind: 'reference', reference: '2026-000123' },
      serviceId: 'stadning',
      status: 'inkommen',
      area: 'aldreomsorg',
      assignee: { kind: 'me' },
      receivedFrom: '2026-03-01',
      receivedTo: '2026-03-31',
      queue: { synpunkter: false, serviceIds: [] },
    });
    expect(p.sort).toBe('due');
    expect(p.cursor).toBe('abc');
  });

  it('reads the incomplete filter, refuses any other value and writes it back', () => {
    const p = parse('ofullstandiga=ja');
    expect(p.filters.incomplete).toBe(true);
    expect(inboxQuery(p.values)).toBe('?ofullstandiga=ja');
    const wrong = parse('ofullstandiga=kanske');
    expect(wrong.filters.incomplete).toBeUndefined();
    expect(wrong.errors).toEqual([{ field: 'incomplete', code: 'unknownIncomplete' }]);
  });

  it('reads "nobody" and a colleague as assignee', () => {
    expect(parse('handlaggare=ingen').filters.assignee).toEqual({ kind: 'unassigned' });
    expect(parse(`handlaggare=${COLLEAGUE}`).filters.assignee).toEqual({ kind: 'user', id: COLLEAGUE });
  });

  it('starts with no filters, newest first', () => {
    expect(parse('')).toMatchObject({ filters: {}, sort: 'newest', cursor: undefined, errors: [] });
    expect(parse('sok=&etjanst=&status=&fran=').errors).toEqual([]);
  });

  it.each([
    ['sok=hej', 'search', 'searchFormat'],
    ['sok=19450110-3298', 'search', 'personnummerInvalid'],
    ['sok=2026-12345', 'search', 'searchFormat'],
    ['etjanst=orosanmalan', 'service', 'unknownService'],
    ['status=borttagen', 'status', 'unknownStatus'],
    ['omrade=ifo', 'area', 'unknownArea'],
    ['handlaggare=00000000-0000-4000-8000-000000000000', 'assignee', 'unknownAssignee'],
    ['handlaggare=alla', 'assignee', 'unknownAssignee'],
    ['fran=2026-02-30', 'from', 'dateFormat'],
    ['till=1%2F3%202026', 'to', 'dateFormat'],
    ['fran=1999-12-31', 'from', 'dateFormat'],
    ['fran=2026-03-10&till=2026-03-01', 'to', 'dateOrder'],
    ['sortering=slumpvis', 'sort', 'unknownSort'],
  ])('explains %s next to the field and leaves the value out', (q, field, code) => {
    const p = parse(`${q}&status=avslutad`);
    expect(p.errors).toEqual([{ field, code }]);
    // The other filters still apply.
    expect(p.filters.status ?? 'avslutad').toBe('avslutad');
    expect(Object.keys(p.values)).not.toContain(field);
    expect(p.typed[field as keyof typeof p.typed]).toBeDefined();
  });

  it('uses neither date when the range is back to front', () => {
    const p = parse('fran=2026-03-10&till=2026-03-01');
    expect(p.filters.receivedFrom).toBeUndefined();
    expect(p.filters.receivedTo).toBeUndefined();
  });

  it('cuts very long values before looking at them', () => {
    const p = parse(`sok=${'9'.repeat(5000)}`);
    expect(p.typed.search?.length).toBe(100);
  });
});

describe('searching', () => {
  it.each(['194501103297', '19450110-3297', '4501103297', '450110-3297', ' 450110-3297 '])('reads %j as the personnummer 194501103297', (typed) => {
    expect(parseSearch(typed, TODAY)).toEqual({ kind: 'personnummer', normalized: '194501103297' });
  });

  it('refuses a + that contradicts the age (it means over a hundred)', () => {
    expect(parseSearch('19450110+3297', TODAY)).toBe('personnummerInvalid');
    expect(parseSearch('900101+9802', TODAY)).toEqual({ kind: 'personnummer', normalized: '189001019802' });
  });

  it('reads a reference number exactly', () => {
    expect(parseSearch('2026-000123', TODAY)).toEqual({ kind: 'reference', reference: '2026-000123' });
    expect(parseSearch('2026-0001234', TODAY)).toEqual({ kind: 'reference', reference: '2026-0001234' });
  });
});

describe('writing the query string back', () => {
  it('keeps the usable values in a stable order and replaces or drops what is asked', () => {
    const { values } = parse('status=inkommen&sok=2026-000123&fran=nej&sortering=aldst');
    expect(inboxQuery(values)).toBe('?sok=2026-000123&status=inkommen&sortering=aldst');
    expect(inboxQuery(values, { status: undefined, cursor: 'xyz' })).toBe('?sok=2026-000123&sortering=aldst&sida=xyz');
    expect(inboxQuery({})).toBe('');
  });
});

describe('calendar dates and Swedish days', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-3-1')).toBe(false);
  });

  it('begins a day at Swedish midnight in winter and in summer time', () => {
    expect(stockholmDayStart('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(stockholmDayStart('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    // The days the clocks change (29 March and 25 October 2026) begin before the change.
    expect(stockholmDayStart('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(stockholmDayStart('2026-03-29', 1).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(stockholmDayStart('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(stockholmDayStart('2026-10-25', 1).toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });
});

describe('masking personnummer', () => {
  it('shows ÅÅMMDD-**** whatever the stored form', () => {
    expect(maskPersonnummer('19450110-3297')).toBe('450110-****');
    expect(maskPersonnummer('194501103297')).toBe('450110-****');
    expect(maskPersonnummer('450110-3297')).toBe('450110-****');
    expect(maskPersonnummer('okänt')).toBe('******-****');
    expect(maskPersonnummer(null)).toBeNull();
  });
});

describe('the keyset cursor', () => {
  const id = '3f1c2a4e-8d7b-4c5a-9e6f-0a1b2c3d4e5f';

  it('reads back what it wrote, for its own order only', () => {
    const c = encodeCursor({ sort: 'newest', key: '2026-03-01T10:00:00.123456Z', id }, 'next');
    expect(decodeCursor(c, 'newest')).toEqual({ at: { sort: 'newest', key: '2026-03-01T10:00:00.123456Z', id }, dir: 'next' });
    expect(decodeCursor(c, 'oldest')).toBeUndefined();
    const undated = encodeCursor({ sort: 'due', key: null, id }, 'prev');
    expect(decodeCursor(undated, 'due')).toEqual({ at: { sort: 'due', key: null, id }, dir: 'prev' });
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'ab+/='],
    ['too long', 'A'.repeat(300)],
    ['another version', Buffer.from(`c0|newest|next|2026-03-01T10:00:00.000000Z|${id}`).toString('base64url')],
    ['a direction it does not know', Buffer.from(`c1|newest|up|2026-03-01T10:00:00.000000Z|${id}`).toString('base64url')],
    ['no key outside the due order', Buffer.from(`c1|newest|next|-|${id}`).toString('base64url')],
    ['a day that does not exist', Buffer.from(`c1|newest|next|2026-02-30T10:00:00.000000Z|${id}`).toString('base64url')],
    ['a bad id', Buffer.from('c1|newest|next|2026-03-01T10:00:00.000000Z|1; drop table').toString('base64url')],
  ])('refuses %s', (_name, raw) => {
    expect(decodeCursor(raw, 'newest')).toBeUndefined();
  });
});
