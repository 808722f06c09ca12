import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/index.ts';
import { renderDecisionLetterPdf, type DecisionLetterInput } from './decision-letter.ts';
import { flowingText } from './pdf-shown-text.ts';

const textOf = flowingText;

const base = (kind: DecisionLetterInput['kind'], outcome: string, lang: 'sv' | 'en' | 'so' = 'sv'): DecisionLetterInput => ({
  municipality: 'Exempelkommun',
  serviceTitle: 'Ansök om trygghetslarm',
  reference: '2026-000123',
  lang,
  kind,
  outcome,
  omfattning: null,
  startDate: null,
  reasoning: 'Du bor i särskilt boende där det redan finns larm.',
  decidedBy: 'Anna Andersson',
  decidedAt: new Date('2026-03-02T09:00:00Z'),
  t: translator(lang),
  textParams: { phone: '010-123 45 67', address: 'Socialnämnden, Box 1, 123 45 Exempelstad' },
  ordinaryApplicationUrl: 'https://portal.example/ansok-om-bistand',
});

describe('the beslutsbrev', () => {
  it('of a förenklad avslag says nothing about appeal and shows how to apply the ordinary way', async () => {
    const text = textOf(await renderDecisionLetterPdf(base('ansokanForenklad', 'avslag'), { compress: false }));
    expect(text).toContain('Avslag');
    expect(text).toContain('Anna Andersson');
    expect(text).toContain('särskilt boende');
    expect(text).toContain('ansöka om bistånd på vanligt sätt');
    expect(text).toContain('https://portal.example/ansok-om-bistand');
    expect(text.toLowerCase()).not.toContain('överklag');
    expect(text).not.toContain('förvaltningsrätt');
  });

  it('of an ordinary avslag carries a besvärshänvisning: to förvaltningsrätten via the nämnd, within three weeks', async () => {
    const text = textOf(await renderDecisionLetterPdf(base('ansokan', 'avslag'), { compress: false }));
    expect(text).toContain('Hur du överklagar');
    expect(text).toContain('förvaltningsrätten');
    expect(text).toContain('Socialnämnden, Box 1');
    expect(text).toContain('inom tre veckor');
    expect(text).not.toContain('vanligt sätt');
  });

  it('in Somali carries the besvärshänvisning in Somali, the court and the nämnd named in Swedish too', async () => {
    const pdf = await renderDecisionLetterPdf(base('ansokan', 'avslag', 'so'), { compress: false });
    expect(pdf.toString('latin1')).toContain('/Lang (so)');
    const text = textOf(pdf);
    expect(text).toContain('Sida racfaan loo qaato');
    expect(text).toContain('Waa la diiday');
    expect(text).toContain('(förvaltningsrätten)');
    expect(text).toContain('(socialnämnden), Socialnämnden, Box 1');
    expect(text).toContain("saddex toddobaad gudahood");
    expect(text).not.toContain('\uFFFD');
  });

  it('is tagged, in its language, and titled by the e-tjänst', async () => {
    const pdf = (await renderDecisionLetterPdf(base('ansokan', 'beviljad', 'en'), { compress: false })).toString('latin1');
    expect(pdf).toContain('/StructTreeRoot');
    expect(pdf).toContain('/Lang (en)');
    expect(pdf).toContain('Decision');
    expect(textOf(Buffer.from(pdf, 'latin1'))).toContain('How to appeal');
  });
});
