/**
 * The geometry of a bar chart (server-rendered SVG): bars per category, optionally a target marker
 * per category. Pure layout; the markup is in the chart component, and every chart is accompanied
 * by a table with the same numbers and a text summary.
 */
export type ChartInput = { label: string; value: number | null; target?: number | null }[];

export type ChartLayout = {
  width: number;
  height: number;
  baseline: number;
  max: number;
  ticks: { value: number; y: number }[];
  bars: { label: string; x: number; y: number; w: number; h: number; value: number | null; labelX: number; targetY: number | null }[];
};

function niceMax(v: number): number {
  if (v <= 5) return 5;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

export function barChart(data: ChartInput, opts: { width?: number; height?: number } = {}): ChartLayout {
  const width = opts.width ?? 640;
  const height = opts.height ?? 240;
  const left = 48;
  const top = 12;
  const bottom = 36;
  const baseline = height - bottom;
  const plot = baseline - top;
  const max = niceMax(Math.max(1, ...data.map((d) => Math.max(d.value ?? 0, d.target ?? 0))));
  const slot = (width - left - 8) / Math.max(1, data.length);
  const w = Math.max(4, Math.min(48, slot * 0.6));
  const scale = (v: number) => (v / max) * plot;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => ({ value: Math.round(max * f * 100) / 100, y: baseline - plot * f }));
  const bars = data.map((d, i) => {
    const cx = left + slot * i + slot / 2;
    const h = d.value === null ? 0 : scale(d.value);
    return { label: d.label, x: cx - w / 2, y: baseline - h, w, h, value: d.value, labelX: cx, targetY: d.target === null || d.target === undefined ? null : baseline - scale(d.target) };
  });
  return { width, height, baseline, max, ticks, bars };
}
