import { describe, expect, it } from 'vitest';
import { launchedIndicator } from './launched.ts';
import type { ServiceInfo } from './data.ts';
import type { TargetCell } from './targets.ts';

const services: ServiceInfo[] = [
  { id: 'kontakt', area: 'ifo', category: 'ifo' },
  { id: 'oro', area: 'ifo', category: 'ifo' },
  { id: 'tvatt', area: 'aldreomsorg', category: 'forenklad', forenkladInsats: 'tvatt' },
];
const targets: TargetCell[] = [
  { indicatorId: 'lanserade-etjanster', year: 2024, kind: 'target', value: '7', note: null },
  { indicatorId: 'lanserade-etjanster', year: 2025, kind: 'target', value: '2', note: null },
  { indicatorId: 'lanserade-etjanster', year: 2026, kind: 'target', value: '20', note: null },
];
const ev = (serviceId: string, state: string, at: string) => ({ serviceId, state, at: new Date(at) });

describe('Antal lanserade e-tjänster', () => {
  it('counts a launch just after Swedish midnight on New Year in the new year', () => {
    const r = launchedIndicator({
      services,
      targets,
      now: new Date('2026-06-01T10:00:00Z'),
      years: [2024, 2025, 2026],
      events: [ev('kontakt', 'publicerad', '2024-12-31T23:30:00Z'), ev('tvatt', 'publicerad', '2024-12-31T22:30:00Z')],
    });
    const [y2024, y2025] = r.years;
    expect(y2024?.launched).toEqual({ total: 1, byArea: { aldreomsorg: 1, ifo: 0 } });
    expect(y2024?.liveAtYearEnd?.total).toBe(1);
    expect(y2025?.launched.byArea.ifo).toBe(1);
    expect(y2025?.liveAtYearEnd).toEqual({ total: 2, byArea: { aldreomsorg: 1, ifo: 1 } });
  });

  it('compares the IFO count with the target, and keeps the total beside it', () => {
    const r = launchedIndicator({
      services,
      targets,
      now: new Date('2026-06-01T10:00:00Z'),
      years: [2025, 2026, 2027],
      events: [ev('kontakt', 'publicerad', '2025-02-01T10:00:00Z'), ev('oro', 'publicerad', '2025-03-01T10:00:00Z'), ev('tvatt', 'publicerad', '2025-03-01T10:00:00Z')],
    });
    const [y2025, y2026, y2027] = r.years;
    expect(y2025?.comparedCount).toBe(2);
    expect(y2025?.liveAtYearEnd?.total).toBe(3);
    expect(y2025?.met).toBe(true);
    // The current year: compared with the count now; not judged until the year has ended.
    expect(y2026?.liveAtYearEnd).toBeNull();
    expect(y2026?.comparedCount).toBe(2);
    expect(y2026?.met).toBeNull();
    expect(y2027?.comparedCount).toBeNull();
    expect(r.now).toEqual({ total: 3, byArea: { aldreomsorg: 1, ifo: 2 } });
  });

  it('counts a retired-then-relaunched e-tjänst as launched once, retired once and relaunched once', () => {
    const r = launchedIndicator({
      services,
      targets,
      now: new Date('2026-06-01T10:00:00Z'),
      years: [2024, 2025, 2026],
      events: [
        ev('kontakt', 'publicerad', '2024-03-01T10:00:00Z'),
        ev('kontakt', 'avpublicerad', '2024-12-01T10:00:00Z'),
        ev('kontakt', 'publicerad', '2025-02-01T10:00:00Z'),
        ev('kontakt', 'avpublicerad', '2026-01-10T10:00:00Z'),
      ],
    });
    const [y2024, y2025, y2026] = r.years;
    expect(y2024?.launched.total).toBe(1);
    expect(y2024?.retired.total).toBe(1);
    expect(y2024?.liveAtYearEnd?.total).toBe(0);
    expect(y2025?.launched.total).toBe(0);
    expect(y2025?.relaunched.total).toBe(1);
    expect(y2025?.liveAtYearEnd?.total).toBe(1);
    expect(y2026?.retired.total).toBe(1);
    expect(r.now.total).toBe(0);
  });

  it('does not count a draft as live', () => {
    const r = launchedIndicator({ services, targets, now: new Date('2026-06-01T10:00:00Z'), years: [2026], events: [ev('oro', 'utkast', '2026-01-10T10:00:00Z')] });
    expect(r.now.total).toBe(0);
  });
});
