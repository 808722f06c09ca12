/**
 * The figures the portal computes for the plan's measures, per period, from the same IndicatorData
 * as the indicator pages. A period the portal has no data for (it ends before the portal's first
 * recorded event, or has not begun) gets no figure at all, so the follow-up says "uppgift saknas"
 * instead of a count of 0 the portal could not have known. Methods:
 *  - lanserade-etjanster (1:7): e-tjänster within IFO published at the period's end (or now);
 *  - forenklad-beslut (1:6): cases decided through förenklad biståndsbedömning in the period;
 *  - survey measures (1:1, 1:3): the share of positive answers to the question that feeds the
 *    measure in the portal's own survey, that year (suppressed results give no figure).
 */
import type { IndicatorData } from './data.ts';
import { periodKey, type Computed, type Period } from './followup.ts';
import { LAUNCHED_ID, LAUNCHED_TARGET_AREA } from './launched.ts';
import { statesAt } from './lifecycle.ts';
import type { PlanMeasure } from './plan.ts';
import { stockholmMidnight, stockholmMonth, stockholmYear, yearStart } from './time.ts';

/** The survey result per year and measure id, in percent; null when suppressed. */
export type SurveyByYear = ReadonlyMap<number, ReadonlyMap<string, number | null>>;

/** The first instant the portal has any data: its first life cycle event, submission or decision. */
export function portalStart(data: Pick<IndicatorData, 'lifecycleEvents' | 'volumes' | 'decisions'>): Date | null {
  let first: number | null = null;
  const take = (ms: number) => {
    if (first === null || ms < first) first = ms;
  };
  for (const e of data.lifecycleEvents) take(e.at.getTime());
  for (const v of data.volumes) take(monthStart(v.month).getTime());
  for (const d of data.decisions) take(monthStart(d.month).getTime());
  return first === null ? null : new Date(first);
}

function monthStart(month: string): Date {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return stockholmMidnight(y, m, 1);
}

export function periodStart(p: Period): Date {
  return yearStart(p.year);
}

export function periodEnd(p: Period): Date {
  return p.half ? stockholmMidnight(p.year, 7, 1) : yearStart(p.year + 1);
}

/** The share of the period's year passed at the period's end or now, whichever is earlier. */
export function yearFractionAt(p: Period, now: Date): number {
  const from = yearStart(p.year).getTime();
  const to = yearStart(p.year + 1).getTime();
  const at = Math.min(periodEnd(p).getTime(), now.getTime());
  return Math.min(1, Math.max(0, (at - from) / (to - from)));
}

export function computedFigures(data: IndicatorData, measures: readonly PlanMeasure[], periods: readonly Period[], surveys: SurveyByYear): Map<string, Map<string, Computed>> {
  const out = new Map<string, Map<string, Computed>>(measures.filter((m) => m.origin === 'computed').map((m) => [m.id, new Map()]));
  const start = portalStart(data);
  if (!start) return out;
  const nowMs = data.now.getTime();
  const areaOf = new Map(data.services.map((s) => [s.id, s.area]));
  const forenklad = new Set(data.services.filter((s) => s.category === 'forenklad').map((s) => s.id));
  const events = [...data.lifecycleEvents].sort((a, b) => a.at.getTime() - b.at.getTime());
  const currentMonth = stockholmMonth(data.now);
  for (const p of periods) {
    const end = periodEnd(p).getTime();
    if (end <= start.getTime() || periodStart(p).getTime() > nowMs) continue;
    const at = Math.min(end, nowMs + 1);
    const partial = at < end;
    const lateStart = start.getTime() > periodStart(p).getTime();
    const key = periodKey(p);
    for (const m of measures) {
      if (m.origin !== 'computed') continue;
      const slot = out.get(m.id)!;
      if (m.method === 'launched' || m.id === LAUNCHED_ID) {
        const live = [...statesAt(events, new Date(at))].filter(([id, s]) => s === 'publicerad' && areaOf.get(id) === LAUNCHED_TARGET_AREA);
        slot.set(key, { value: live.length, partial });
      } else if (m.method === 'forenklad') {
        const last = `${p.year}-${p.half ? '06' : '12'}`;
        const first = `${p.year}-01`;
        let n = 0;
        for (const d of data.decisions) if (forenklad.has(d.serviceId) && d.month >= first && d.month <= last && d.month <= currentMonth) n += d.count;
        slot.set(key, lateStart ? { value: n, partial, lateStart } : { value: n, partial });
      } else if (m.method === 'survey') {
        const v = surveys.get(p.year)?.get(m.id);
        if (v !== undefined && v !== null) slot.set(key, { value: v, partial: partial || stockholmYear(data.now) === p.year });
      }
    }
  }
  return out;
}
