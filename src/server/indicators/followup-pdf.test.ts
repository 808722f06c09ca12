import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/index.ts';
import { followUp, type Computed } from '../../domain/indicators/followup.ts';
import { PLAN_MEASURES } from '../../domain/indicators/plan.ts';
import { SEED_TARGETS } from '../../domain/indicators/seed-targets.ts';
import { renderFollowUpPdf } from './followup-pdf.ts';
import { flowingText } from '../pdf-shown-text.ts';
import type { FollowUpView } from './followup.ts';

function view(): FollowUpView {
  const reported = [{ measureId: 'forsorjningsstod-unga', period: '2025', value: '9', note: null, source: 'Procapita, uttag 2026-01-20' }];
  const period = { year: 2025, half: null };
  return { period, now: new Date('2026-02-01T10:00:00Z'), measures: followUp({ measures: PLAN_MEASURES, cells: SEED_TARGETS, reported, computed: new Map<string, Map<string, Computed>>(), period, yearFraction: 1 }) };
}

async function render(lang: 'sv' | 'en'): Promise<Buffer> {
  return renderFollowUpPdf(view(), { t: translator(lang), lang, municipality: 'Askersunds kommun', compress: false });
}
const text = (pdf: Buffer) => flowingText(pdf);

describe('the follow-up as PDF', () => {
  it('is a tagged PDF with headings and tables, a title shown by viewers and the language of its texts', async () => {
    const pdf = (await render('sv')).toString('latin1');
    expect(pdf.startsWith('%PDF-1.7')).toBe(true);
    expect(pdf).toContain('/StructTreeRoot');
    expect(pdf).toContain('/Marked true');
    expect(pdf).toContain('/Lang (sv)');
    expect(pdf).toContain('/DisplayDocTitle true');
    for (const tag of ['/H1', '/H2', '/H3', '/Table', '/TR', '/TH', '/TD']) expect(pdf, tag).toContain(`/S ${tag}`);
  });

  it('has every goal, the reported value with its source, the plan’s note and missing as missing', async () => {
    const t = text(await render('sv'));
    for (const goal of ['1:1', '1:2', '1:3', '1:4', '1:5', '1:6', '1:7', '1:8']) expect(t).toContain(`Nämndmål ${goal}:`);
    expect(t).toContain('rapporterat: Procapita, uttag 2026-01-20');
    expect(t).toContain('68 t.o.m. november');
    expect(t).toContain('uppgift saknas (ej redovisat)');
    expect(t).toContain('Grön – målet nås');
  });

  it('is in English when the reader uses English', async () => {
    const pdf = await render('en');
    expect(pdf.toString('latin1')).toContain('/Lang (en)');
    expect(text(pdf)).toContain('Board goal 1:6:');
  });
});
