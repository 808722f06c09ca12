import { describe, expect, it } from 'vitest';
import { referenceNumber } from './reference.ts';

describe('referenceNumber', () => {
  it.each([
    ['2026-03-12T09:00:00Z', 123, '2026-000123'],
    // 00:30 on 1 January in Stockholm (UTC+1) is still 31 December in UTC: the Swedish year counts.
    ['2025-12-31T23:30:00Z', 1, '2026-000001'],
    // 23:59:59 on 31 December in Stockholm: still the old year.
    ['2026-12-31T22:59:59Z', 42, '2026-000042'],
    // Midsummer, UTC+2: 00:30 on 1 July in Stockholm is 30 June in UTC, the same year either way.
    ['2026-06-30T22:30:00Z', 7, '2026-000007'],
    ['2027-01-01T00:00:00Z', 1_234_567, '2027-1234567'],
  ])('a case received at %s with number %i is %s', (at, n, want) => {
    expect(referenceNumber(new Date(at), n)).toBe(want);
  });

  it('refuses a sequence value that is not a positive whole number', () => {
    expect(() => referenceNumber(new Date(), 0)).toThrow(RangeError);
    expect(() => referenceNumber(new Date(), 1.5)).toThrow(RangeError);
  });
});
