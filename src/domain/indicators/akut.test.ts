import { describe, expect, it } from 'vitest';
import { akutResponse } from './akut.ts';

describe('how quickly akut reports are taken on', () => {
  it('is the share acknowledged within 15 minutes and the median minutes, from the data', () => {
    const r = akutResponse({ acknowledged: [{ minutes: 3, count: 2 }, { minutes: 14, count: 1 }, { minutes: 15, count: 1 }, { minutes: 40, count: 1 }], waiting: [] });
    expect(r.reports).toEqual({ kind: 'count', value: 5 });
    expect(r.shareWithinTarget).toBeCloseTo(3 / 5);
    expect(r.medianMinutes).toBe(14);
  });

  it('counts a report still waiting with the time it has waited, so it cannot improve the figures', () => {
    const r = akutResponse({ acknowledged: [{ minutes: 2, count: 3 }], waiting: [{ minutes: 300, count: 3 }] });
    expect(r.shareWithinTarget).toBeCloseTo(0.5);
    // Six reports: the lower middle one is the third, acknowledged after 2 minutes; one more waiting would move it.
    expect(r.medianMinutes).toBe(2);
    expect(akutResponse({ acknowledged: [{ minutes: 2, count: 3 }], waiting: [{ minutes: 300, count: 4 }] }).medianMinutes).toBe(300);
  });

  it('shows neither share nor median for fewer than five reports, and no reports as zero', () => {
    const few = akutResponse({ acknowledged: [{ minutes: 1, count: 4 }], waiting: [] });
    expect(few).toEqual({ reports: { kind: 'suppressed' }, shareWithinTarget: null, medianMinutes: null });
    expect(akutResponse({ acknowledged: [], waiting: [] })).toEqual({ reports: { kind: 'count', value: 0 }, shareWithinTarget: null, medianMinutes: null });
  });
});
