import { describe, expect, it } from 'vitest';
import { forenkladIndicator } from './forenklad.ts';
import type { DecisionBucket, ServiceInfo } from './data.ts';
import { SEED_TARGETS } from './seed-targets.ts';

const services: ServiceInfo[] = [
  { id: 'tvatt', area: 'aldreomsorg', category: 'forenklad', forenkladInsats: 'tvatt' },
  { id: 'trygghetslarm', area: 'aldreomsorg', category: 'forenklad', forenkladInsats: 'trygghetslarm' },
  { id: 'kontakt', area: 'ifo', category: 'ifo' },
];
const d = (serviceId: string, month: string, outcome: string, insats: string | null, count: number): DecisionBucket => ({ serviceId, area: 'aldreomsorg', month, outcome, insats, sex: 'kvinna', count });

describe('Antal beslut genom förenklad biståndsbedömning', () => {
  const now = new Date('2026-03-15T10:00:00Z');
  const r = forenkladIndicator({
    services,
    targets: SEED_TARGETS,
    now,
    years: [2023, 2024, 2025, 2026, 2027],
    decisions: [
      d('tvatt', '2025-01', 'beviljad', 'tvatt', 50),
      d('trygghetslarm', '2025-12', 'avslag', 'trygghetslarm', 40),
      d('tvatt', '2026-01', 'beviljad', null, 3),
      d('kontakt', '2026-01', 'beviljad', 'samtal', 9),
    ],
  });
  const year = (y: number) => r.years.find((x) => x.year === y)!;

  it('counts decided förenklad cases per Swedish year, by insats and outcome, and nothing else', () => {
    expect(year(2025).count).toBe(90);
    expect(year(2025).byInsats).toEqual({ tvatt: 50, stadning: 0, trygghetslarm: 40, digitalaInkop: 0 });
    expect(year(2025).byOutcome).toEqual({ beviljad: 50, avslag: 40 });
    expect(year(2025).met).toBe(true);
  });

  it('shows the current year as year to date, and a decision without insats under its e-tjänst', () => {
    expect(year(2026).yearToDate).toBe(true);
    expect(year(2026).count).toBe(3);
    expect(year(2026).byInsats.tvatt).toBe(3);
    expect(year(2026).met).toBeNull();
    expect(year(2027).count).toBeNull();
  });

  it('shows the plan’s historic outcomes as outcomes, with "t.o.m. november" as text', () => {
    expect(year(2023).reportedOutcome).toBe(28);
    expect(year(2024).reportedOutcome).toBe(68);
    expect(year(2024).reportedNote).toBe('t.o.m. november');
    expect(year(2024).target).toBeNull();
    expect(year(2026).target).toBe(85);
  });
});

describe('whether hänvisad counts as a förenklad decision', () => {
  const services = [{ id: 'tvatt', area: 'aldreomsorg', category: 'forenklad', forenkladInsats: 'tvatt' }] as Parameters<typeof forenkladIndicator>[0]['services'];
  const decisions = [
    { serviceId: 'tvatt', area: 'aldreomsorg', month: '2026-02', outcome: 'beviljad', insats: 'tvatt', sex: 'okant', count: 3 },
    { serviceId: 'tvatt', area: 'aldreomsorg', month: '2026-03', outcome: 'hanvisad', insats: 'tvatt', sex: 'okant', count: 2 },
  ] as Parameters<typeof forenkladIndicator>[0]['decisions'];
  const at = (hanvisadCounts: boolean | undefined) =>
    forenkladIndicator({ services, decisions, targets: [], now: new Date('2026-06-01T10:00:00Z'), years: [2026], firstDataYear: 2026, ...(hanvisadCounts === undefined ? {} : { hanvisadCounts }) });

  it('counts it by default, and says so', () => {
    const f = at(undefined);
    expect(f.hanvisadCounts).toBe(true);
    expect(f.years[0]).toMatchObject({ count: 5, byOutcome: { beviljad: 3, hanvisad: 2 }, byInsats: { tvatt: 5 } });
  });

  it('leaves it out of the count, still showing it by outcome, when the setting says so', () => {
    const f = at(false);
    expect(f.hanvisadCounts).toBe(false);
    expect(f.years[0]).toMatchObject({ count: 3, byOutcome: { beviljad: 3, hanvisad: 2 }, byInsats: { tvatt: 3 } });
  });
});
