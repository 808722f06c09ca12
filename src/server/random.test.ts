import { describe, expect, it } from 'vitest';
import { randomBytesPooled, randomToken } from './random.ts';

describe('pooled random bytes', () => {
  it('hands out the asked number of bytes, never the same bytes twice, across pool refills', () => {
    const seen = new Set<string>();
    // 2,000 × 18 bytes: several refills of the 4 KB pool.
    for (let i = 0; i < 2000; i++) {
      const b = randomBytesPooled(18);
      expect(b.length).toBe(18);
      const hex = b.toString('hex');
      expect(seen.has(hex)).toBe(false);
      seen.add(hex);
    }
  });

  it('returns copies that later calls do not change', () => {
    const a = randomBytesPooled(12);
    const copy = Buffer.from(a);
    for (let i = 0; i < 1000; i++) randomBytesPooled(12);
    expect(a.equals(copy)).toBe(true);
  });

  it('serves large requests directly', () => {
    expect(randomBytesPooled(5000).length).toBe(5000);
  });

  it('makes base64url tokens of the asked strength', () => {
    const t = randomToken();
    expect(t).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(randomToken(32)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(t);
  });

  it('has bytes spread over every value (not a constant or a counter)', () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 4000; i++) for (const byte of randomBytesPooled(16)) counts[byte]!++;
    // 64,000 bytes: each value expected 250 times; all appear, none wildly over.
    expect(Math.min(...counts)).toBeGreaterThan(150);
    expect(Math.max(...counts)).toBeLessThan(360);
  });
});
