import { describe, expect, it } from 'vitest';
import { periodFigures, volumesByServiceMonth } from './submissions.ts';
import { handlingBucket, medianMinutes } from './median.ts';

describe('submissions, office hours and handling time', () => {
  const data = {
    volumes: [
      { serviceId: 'tvatt', area: 'aldreomsorg', month: '2025-12', onBehalf: false, count: 6 },
      { serviceId: 'tvatt', area: 'aldreomsorg', month: '2025-12', onBehalf: true, count: 2 },
      { serviceId: 'oro', area: 'ifo', month: '2026-01', onBehalf: false, count: 4 },
    ],
    office: [
      { area: 'aldreomsorg', day: '2025-12-22', weekdayOfficeHour: true, count: 3 }, // an ordinary Monday
      { area: 'aldreomsorg', day: '2025-12-24', weekdayOfficeHour: true, count: 2 }, // julafton: closed
      { area: 'aldreomsorg', day: '2025-12-27', weekdayOfficeHour: false, count: 3 }, // a Saturday
      { area: 'ifo', day: '2026-01-02', weekdayOfficeHour: true, count: 4 },
    ],
    handling: [
      { area: 'aldreomsorg', month: '2025-12', minutes: 30, count: 1 },
      { area: 'aldreomsorg', month: '2025-12', minutes: 120, count: 1 },
      { area: 'aldreomsorg', month: '2025-12', minutes: 2880, count: 1 },
    ],
  };

  it('counts the share on behalf and outside office hours, with closed days outside', () => {
    const f = periodFigures(data, '2025', 'aldreomsorg');
    expect(f.submissions).toBe(8);
    expect(f.onBehalf).toBe(2);
    expect(f.outsideOfficeHours).toBe(5);
    expect(f.officeBase).toBe(8);
    expect(f.medianMinutes).toBe(120);
  });

  it('keeps years apart and sums areas when none is given', () => {
    expect(periodFigures(data, '2026').submissions).toBe(4);
    expect(periodFigures(data, '2026').medianMinutes).toBeNull();
    expect(periodFigures(data, '2025-12').submissions).toBe(8);
  });

  it('tabulates per e-tjänst and month', () => {
    expect(volumesByServiceMonth(data.volumes, ['tvatt', 'oro'], ['2025-12', '2026-01'])).toEqual([
      { serviceId: 'tvatt', counts: [8, 0], total: 8 },
      { serviceId: 'oro', counts: [0, 4], total: 4 },
    ]);
  });

  it('buckets durations finer when short and takes the lower middle as the median', () => {
    expect([59, 61, 125, 1530, 50_000].map(handlingBucket)).toEqual([59, 60, 120, 1500, 48_960]);
    expect(medianMinutes([{ minutes: 10, count: 2 }, { minutes: 20, count: 2 }])).toBe(10);
    expect(medianMinutes([])).toBeNull();
  });
});
