import { describe, expect, it } from 'vitest';
import { computedFigures, portalStart, yearFractionAt } from './computed.ts';
import type { IndicatorData } from './data.ts';
import { followUp, outcomeOf, parsePeriod, PLAN_SOURCE, statusOf, trendOf, type Computed, type MeasureYear } from './followup.ts';
import { PLAN_GOALS, PLAN_MEASURES } from './plan.ts';
import { parseReportedInput } from './reported.ts';
import { SEED_TARGETS } from './seed-targets.ts';

const measure = (id: string) => PLAN_MEASURES.find((m) => m.id === id)!;
const noComputed = new Map<string, Map<string, Computed>>();
const cells = SEED_TARGETS;

describe('the plan as data', () => {
  it('has every measure of Nämndmål 1:1–1:8 of seed 001, each with its targets 2025–2028', () => {
    expect(new Set(PLAN_MEASURES.map((m) => m.goal))).toEqual(new Set(PLAN_GOALS));
    expect(PLAN_MEASURES).toHaveLength(19);
    for (const m of PLAN_MEASURES) {
      for (const year of [2025, 2026, 2027, 2028]) expect(cells.some((c) => c.indicatorId === m.id && c.year === year && c.kind === 'target' && c.value !== null), `${m.id} ${year}`).toBe(true);
    }
    expect(new Set(PLAN_MEASURES.map((m) => m.id)).size).toBe(PLAN_MEASURES.length);
  });

  it('writes the plan’s figures as stated: 1:6 2023 is 28, 2024 is 68 t.o.m. november, 1:1 personal 22 → 15', () => {
    const cell = (id: string, year: number, kind: 'target' | 'outcome') => cells.find((c) => c.indicatorId === id && c.year === year && c.kind === kind);
    expect(cell('forenklad-beslut', 2023, 'outcome')).toMatchObject({ value: '28', note: null });
    expect(cell('forenklad-beslut', 2024, 'outcome')).toMatchObject({ value: '68', note: 't.o.m. november' });
    expect(cell('hemtjanst-antal-personal', 2024, 'outcome')?.value).toBe('22');
    expect(cell('hemtjanst-antal-personal', 2025, 'target')?.value).toBe('15');
    expect(cell('sarskilt-boende-hansyn-onskemal', 2024, 'outcome')?.value).toBe('61');
    expect(cell('lanserade-etjanster', 2022, 'outcome')).toMatchObject({ value: null, note: 'ej redovisat' });
  });
});

describe('missing is not zero', () => {
  it('a year before the portal’s data without a plan figure is missing, never 0', () => {
    const r = outcomeOf({ cells: [], reported: [], computed: noComputed }, 'lanserade-etjanster', { year: 2024, half: null });
    expect(r.outcome).toEqual({ kind: 'missing', note: null });
  });

  it('a plan cell with only a note keeps the note (ny indikator, ej redovisat)', () => {
    const r = outcomeOf({ cells, reported: [], computed: noComputed }, 'lss-daglig-verksamhet-trivs', { year: 2023, half: null });
    expect(r.outcome).toEqual({ kind: 'missing', note: 'ny indikator' });
  });

  it('the portal computes nothing for a period that ends before its first data', () => {
    const data: IndicatorData = {
      now: new Date('2026-09-01T10:00:00Z'),
      services: [{ id: 'kontakt', area: 'ifo', category: 'ifo' }, { id: 'tvatt', area: 'aldreomsorg', category: 'forenklad', forenkladInsats: 'tvatt' }],
      lifecycleEvents: [{ serviceId: 'kontakt', state: 'publicerad', at: new Date('2026-03-01T10:00:00Z') }],
      volumes: [],
      office: [],
      handling: [],
      decisions: [],
      targets: [],
    };
    expect(portalStart(data)?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    const figures = computedFigures(data, PLAN_MEASURES, [2024, 2025, 2026].map((year) => ({ year, half: null })), new Map());
    expect(figures.get('lanserade-etjanster')?.has('2025')).toBe(false);
    expect(figures.get('forenklad-beslut')?.has('2025')).toBe(false);
    // The portal was running in 2026: there a 0 is a count, marked as so far and as begun in March.
    expect(figures.get('lanserade-etjanster')?.get('2026')).toEqual({ value: 1, partial: true });
    expect(figures.get('forenklad-beslut')?.get('2026')).toEqual({ value: 0, partial: true, lateStart: true });
  });

  it('counts a first half up to the end of June only', () => {
    const data: IndicatorData = {
      now: new Date('2026-09-01T10:00:00Z'),
      services: [{ id: 'tvatt', area: 'aldreomsorg', category: 'forenklad', forenkladInsats: 'tvatt' }],
      lifecycleEvents: [{ serviceId: 'tvatt', state: 'publicerad', at: new Date('2026-01-05T10:00:00Z') }],
      volumes: [],
      office: [],
      handling: [],
      decisions: [
        { serviceId: 'tvatt', area: 'aldreomsorg', month: '2026-02', outcome: 'beviljad', insats: 'tvatt', sex: 'kvinna', count: 3 },
        { serviceId: 'tvatt', area: 'aldreomsorg', month: '2026-08', outcome: 'beviljad', insats: 'tvatt', sex: 'man', count: 4 },
      ],
      targets: [],
    };
    const f = computedFigures(data, PLAN_MEASURES, [{ year: 2026, half: 1 }, { year: 2026, half: null }], new Map()).get('forenklad-beslut');
    expect(f?.get('2026-H1')).toEqual({ value: 3, partial: false, lateStart: true });
    expect(f?.get('2026')).toEqual({ value: 7, partial: true, lateStart: true });
  });
});

describe('reported and computed', () => {
  it('a value an analytiker reported wins, with its source; else the plan’s own; else the portal’s', () => {
    const computed = new Map([['forenklad-beslut', new Map([['2024', { value: 5, partial: false }], ['2026', { value: 40, partial: true }]])]]);
    const reported = [{ measureId: 'forenklad-beslut', period: '2024', value: '70', note: null, source: 'Lifecare, uttag 2025-01-15' }];
    expect(outcomeOf({ cells, reported, computed }, 'forenklad-beslut', { year: 2024, half: null }).outcome).toEqual({ kind: 'reported', value: 70, note: null, source: 'Lifecare, uttag 2025-01-15', plan: false });
    expect(outcomeOf({ cells, reported: [], computed }, 'forenklad-beslut', { year: 2024, half: null }).outcome).toEqual({ kind: 'reported', value: 68, note: 't.o.m. november', source: PLAN_SOURCE, plan: true });
    expect(outcomeOf({ cells, reported: [], computed }, 'forenklad-beslut', { year: 2026, half: null }).outcome).toEqual({ kind: 'computed', value: 40, partial: true });
  });

  it('keeps the portal’s own survey beside the national figure it does not replace', () => {
    const computed = new Map([['hemtjanst-paverka-tider', new Map([['2024', { value: 70, partial: false }]])]]);
    const r = outcomeOf({ cells, reported: [], computed }, 'hemtjanst-paverka-tider', { year: 2024, half: null });
    expect(r.outcome).toMatchObject({ kind: 'reported', value: 50, plan: true });
    expect(r.portal).toEqual({ value: 70, partial: false });
  });
});

describe('status against the target', () => {
  const o = (value: number) => ({ kind: 'reported' as const, value, note: null, source: 'x', plan: false });
  it('is met, near (within 10 %) or missed, for measures that should increase', () => {
    const m = measure('genomforandeplan-aktuell');
    expect(statusOf(m, 93, o(93), 1)).toBe('met');
    expect(statusOf(m, 93, o(84), 1)).toBe('near');
    expect(statusOf(m, 93, o(83), 1)).toBe('missed');
  });
  it('turns round for measures that should decrease (at most the target)', () => {
    const m = measure('hemtjanst-antal-personal');
    expect(statusOf(m, 15, o(15), 1)).toBe('met');
    expect(statusOf(m, 15, o(16), 1)).toBe('near');
    expect(statusOf(m, 15, o(22), 1)).toBe('missed');
  });
  it('compares part of a year pro rata for counts that accrue, not for levels', () => {
    expect(statusOf(measure('forenklad-beslut'), 80, { kind: 'computed', value: 40, partial: true }, 0.5)).toBe('met');
    expect(statusOf(measure('lanserade-etjanster'), 20, { kind: 'computed', value: 10, partial: true }, 0.5)).toBe('missed');
  });
  it('holds no count against its target when the portal began part-way through the period', () => {
    expect(statusOf(measure('forenklad-beslut'), 80, { kind: 'computed', value: 0, partial: true, lateStart: true }, 0.9)).toBe('early');
    // A level (e-tjänster live at the end) does not depend on when counting began.
    expect(statusOf(measure('lanserade-etjanster'), 20, { kind: 'computed', value: 20, partial: true, lateStart: true }, 0.9)).toBe('met');
  });
  it('cannot be assessed without a target or an outcome', () => {
    expect(statusOf(measure('forenklad-beslut'), null, o(3), 1)).toBe('none');
    expect(statusOf(measure('forenklad-beslut'), 80, { kind: 'missing', note: null }, 1)).toBe('none');
  });
  it('gives the share of the year at the period’s end or now', () => {
    expect(yearFractionAt({ year: 2025, half: null }, new Date('2026-03-01T00:00:00Z'))).toBe(1);
    expect(yearFractionAt({ year: 2025, half: 1 }, new Date('2026-03-01T00:00:00Z'))).toBeCloseTo(181 / 365, 2);
  });
});

describe('trend', () => {
  const y = (year: number, value: number | null): MeasureYear => ({
    period: String(year),
    year,
    outcome: value === null ? { kind: 'missing', note: null } : { kind: 'reported', value, note: null, source: 'x', plan: true },
    portal: null,
    target: null,
    targetNote: null,
  });
  it('compares with the latest earlier outcome with a number, skipping missing years', () => {
    const t = trendOf(measure('sarskilt-boende-hansyn-onskemal'), [y(2023, 75), y(2024, 61), y(2025, null)], { kind: 'computed', value: 70, partial: false });
    expect(t).toEqual({ fromYear: 2024, from: 61, to: 70, change: 'better' });
  });
  it('calls a rise worse for a measure that should decrease', () => {
    expect(trendOf(measure('hemtjanst-antal-personal'), [y(2024, 22)], { kind: 'computed', value: 25, partial: false })?.change).toBe('worse');
    expect(trendOf(measure('hemtjanst-antal-personal'), [y(2024, 22)], { kind: 'computed', value: 22, partial: false })?.change).toBe('same');
  });
  it('waits for the whole period before comparing a count that accrues with whole years', () => {
    expect(trendOf(measure('forenklad-beslut'), [y(2024, 68)], { kind: 'computed', value: 0, partial: true })).toBeNull();
    expect(trendOf(measure('forenklad-beslut'), [y(2024, 68)], { kind: 'computed', value: 50, partial: false, lateStart: true })).toBeNull();
    expect(trendOf(measure('forenklad-beslut'), [y(2024, 68)], { kind: 'computed', value: 90, partial: false })?.change).toBe('better');
  });
  it('is absent when there is nothing to compare', () => {
    expect(trendOf(measure('trygg-hemgang-nojd'), [y(2024, null)], { kind: 'computed', value: 80, partial: false })).toBeNull();
  });
});

describe('the follow-up of a period', () => {
  it('has every measure in the plan’s order with baselines 2022 onwards, the target and later targets', () => {
    const r = followUp({ measures: PLAN_MEASURES, cells, reported: [], computed: noComputed, period: { year: 2025, half: null }, yearFraction: 1 });
    expect(r.map((m) => m.measure.id)).toEqual(PLAN_MEASURES.map((m) => m.id));
    const f = r.find((m) => m.measure.id === 'forenklad-beslut')!;
    expect(f.baselines.map((b) => b.year)).toEqual([2022, 2023, 2024]);
    expect(f.current).toMatchObject({ period: '2025', target: 80, outcome: { kind: 'missing', note: null } });
    expect(f.later.map((l) => l.target)).toEqual([85, 90, 90]);
    expect(f.status).toBe('none');
  });
  it('changes when a value is reported for the period', () => {
    const reported = [{ measureId: 'forsorjningsstod-unga', period: '2025-H1', value: '12', note: null, source: 'Procapita, uttag 2025-07-02' }];
    const [m] = followUp({ measures: [measure('forsorjningsstod-unga')], cells, reported, computed: noComputed, period: { year: 2025, half: 1 }, yearFraction: 0.5 });
    expect(m?.current.outcome).toMatchObject({ kind: 'reported', value: 12, source: 'Procapita, uttag 2025-07-02' });
    expect(m?.status).toBe('missed');
    expect(m?.trend).toEqual({ fromYear: 2024, from: 7, to: 12, change: 'worse' });
  });
});

describe('a reported value as entered', () => {
  const ok = { period: '2025-H1', value: '85,5', note: '', source: 'Lifecare, uttag 2026-01-15' };
  it('accepts a year or a first half, a decimal comma, and a source', () => {
    expect(parseReportedInput(ok, { unit: 'percent', currentYear: 2026 })).toEqual({ input: { period: '2025-H1', value: '85.5', note: null, source: 'Lifecare, uttag 2026-01-15' }, errors: [] });
    expect(parsePeriod('2025')).toEqual({ year: 2025, half: null });
    expect(parsePeriod('2025-H2')).toBeNull();
  });
  it('refuses each bad field with its own code', () => {
    const codes = (raw: Partial<typeof ok>, unit: 'percent' | 'count' = 'percent') => parseReportedInput({ ...ok, ...raw }, { unit, currentYear: 2026 }).errors.map((e) => `${e.field}:${e.code}`);
    expect(codes({ period: '25' })).toEqual(['period:periodInvalid']);
    expect(codes({ period: '2030' })).toEqual(['period:periodOutOfRange']);
    expect(codes({ value: 'tio' })).toEqual(['value:valueInvalid']);
    expect(codes({ value: '101' })).toEqual(['value:percentTooLarge']);
    expect(codes({ value: '1000001' }, 'count')).toEqual(['value:valueTooLarge']);
    expect(codes({ source: ' ' })).toEqual(['source:sourceMissing']);
    expect(codes({ source: 'x'.repeat(201) })).toEqual(['source:sourceTooLong']);
    expect(codes({ note: 'x'.repeat(201) })).toEqual(['note:noteTooLong']);
  });
  it('takes an empty value as removing the reported value (no source needed)', () => {
    expect(parseReportedInput({ ...ok, value: '', source: '' }, { unit: 'count', currentYear: 2026 }).input).toMatchObject({ value: null });
  });
});
