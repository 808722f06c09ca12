import { describe, expect, it } from 'vitest';
import { translator } from './index.ts';

describe('numbers and dates inside texts', () => {
  it('are shown as the format module shows them, in the reader’s language', () => {
    const sv = translator('sv');
    const en = translator('en');
    expect(sv('nonexistent:key', { defaultValue: 'högst {{max, number}} tecken', max: 12000 })).toBe('högst 12\u00a0000 tecken');
    expect(en('nonexistent:key', { defaultValue: 'at most {{max, number}} characters', max: 12000 })).toBe('at most 12,000 characters');
    expect(sv('nonexistent:key', { defaultValue: '{{value, number}} %', value: 12.5 })).toBe('12,5 %');
    expect(sv('nonexistent:key', { defaultValue: 'den {{date, longdate}}', date: '2026-03-01' })).toBe('den 1 mars 2026');
    expect(en('nonexistent:key', { defaultValue: 'on {{date, longdate}}', date: '2026-03-01' })).toBe('on 1 March 2026');
  });
});
