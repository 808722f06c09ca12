/**
 * The inbox's keyset cursor: an opaque string holding the sort order, the direction and the sort
 * key plus id of the row a page starts after (or, going back, before). It carries no personal data,
 * only a timestamp and a case id. Anything unreadable decodes to undefined, and the inbox then
 * starts from the beginning instead of failing.
 */
export const INBOX_SORTS = ['newest', 'oldest', 'due'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

export type Direction = 'next' | 'prev';

/** key: the sort column's exact value (UTC, microseconds) or null for a case without due date. */
export type CursorPosition = { sort: InboxSort; key: string | null; id: string };

const VERSION = 'c1';
const KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Rejects look-alikes such as 30 February, which the database would refuse to cast. */
function realInstant(key: string): boolean {
  const ms = `${key.slice(0, 23)}Z`;
  const d = new Date(ms);
  return !Number.isNaN(d.getTime()) && d.toISOString() === ms;
}

export function encodeCursor(at: CursorPosition, dir: Direction): string {
  return Buffer.from([VERSION, at.sort, dir, at.key ?? '-', at.id].join('|'), 'utf8').toString('base64url');
}

/** The cursor's position and direction if it is well-formed and made for `sort`; else undefined. */
export function decodeCursor(raw: string | null | undefined, sort: InboxSort): { at: CursorPosition; dir: Direction } | undefined {
  if (!raw || raw.length > 200 || !/^[A-Za-z0-9_-]+$/.test(raw)) return undefined;
  const parts = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  if (parts.length !== 5) return undefined;
  const [version, s, dir, key, id] = parts;
  if (version !== VERSION || s !== sort || (dir !== 'next' && dir !== 'prev') || !id || !UUID.test(id)) return undefined;
  if (key === '-') {
    // Only the due-date order has rows without a key (no due date).
    return sort === 'due' ? { at: { sort, key: null, id }, dir } : undefined;
  }
  if (!key || !KEY.test(key) || !realInstant(key)) return undefined;
  return { at: { sort, key, id }, dir };
}
