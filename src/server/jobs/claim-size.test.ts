import { describe, expect, it } from 'vitest';
import { claimSize, DEFAULT_BATCH } from './queue.ts';

describe('how many jobs one claim takes', () => {
  it('no more than can be done one after another, each as slow as its timeout, within the lease', () => {
    for (const [lease, call] of [[300_000, 10_000], [8_000, 3_000], [60_000, 10_000], [11_000, 10_000], [30_000, 2_500]] as const) {
      const n = claimSize(lease, call);
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(DEFAULT_BATCH);
      // One call's time to spare, for the database writes around the calls.
      if (lease >= 2 * call) expect((n + 1) * call).toBeLessThanOrEqual(lease);
    }
    expect(claimSize(300_000, 10_000)).toBe(DEFAULT_BATCH);
    expect(claimSize(60_000, 10_000)).toBe(5);
    expect(claimSize(8_000, 3_000)).toBe(1);
  });
});
