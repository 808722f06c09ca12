import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/index.ts';
import { renderReceiptPdf, type ReceiptPdfInput } from './receipt-pdf.ts';
import { actualTexts, flowingText, shownText, shownTextByStream } from './pdf-shown-text.ts';

const PNR = '19450110-3297';

function input(overrides: Partial<ReceiptPdfInput> = {}): ReceiptPdfInput {
  return {
    municipality: 'Askersunds kommun',
    serviceTitle: 'Ansök om trygghetslarm',
    reference: '2026-000042',
    submittedAt: new Date('2026-11-23T13:05:00Z'),
    lang: 'sv',
    rows: [
      { label: 'Personnummer', lines: [PNR] },
      { label: 'Förnamn', lines: ['Greta'] },
      { label: 'Adress', lines: ['Storgatan 1', '696 30 Askersund'] },
    ],
    t: translator('sv'),
    contact: { phone: '0583-810 00', email: 'socialtjansten@askersund.se' },
    ...overrides,
  };
}

async function render(i: ReceiptPdfInput): Promise<Buffer> {
  return renderReceiptPdf(i, { compress: false });
}

/** A PDF literal string "(…)" decoded: escapes undone, UTF-16BE when it starts with a byte-order mark. */
function literal(s: string): string {
  const raw = s.slice(1, -1).replace(/\\([nrtbf\\()])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' })[c] ?? c);
  const bytes = Buffer.from(raw, 'latin1');
  return bytes[0] === 0xfe && bytes[1] === 0xff ? new TextDecoder('utf-16be').decode(bytes.subarray(2)) : raw;
}

/** The document information dictionary (Title, Author, …), found through the trailer, values decoded. */
function info(pdf: string): Record<string, string> {
  const object = (n: string) => new RegExp(`\\n${n} 0 obj\\n([\\s\\S]*?)\\nendobj`).exec(pdf)?.[1] ?? '';
  const dict = object(/\/Info (\d+) 0 R/.exec(pdf)?.[1] ?? 'none');
  return Object.fromEntries([...dict.matchAll(/\/(\w+) (\d+) 0 R/g)].map((m) => [m[1]!, literal(object(m[2]!))]));
}

function pageCount(pdf: string): number {
  return Number(/\/Type \/Pages\n\/Count (\d+)/.exec(pdf)?.[1]);
}

describe('the PDF receipt of a submission', () => {
  it('is a PDF showing the municipality, the e-tjänst, the reference and the time in Swedish time', async () => {
    const pdf = await render(input());
    expect(pdf.toString('latin1').startsWith('%PDF-1.7')).toBe(true);
    const text = shownText(pdf);
    expect(text).toEqual(expect.arrayContaining(['Askersunds kommun', 'Kvittens', 'Ansök om trygghetslarm', 'Ärendenummer: 2026-000042']));
    expect(text).toContain('Skickad: 23 november 2026 kl. 14:05');
  });

  it('shows each answer as its label followed by its value lines', async () => {
    const text = shownText(await render(input()));
    const at = text.indexOf('Adress');
    expect(text.slice(at, at + 3)).toEqual(['Adress', 'Storgatan 1', '696 30 Askersund']);
  });

  it('tells what happens next and whom to contact, quoting the reference', async () => {
    const text = flowingText(await render(input({ next: ['En handläggare kontaktar dig inom fem arbetsdagar.'] })));
    expect(text).toContain('Vad händer nu?');
    expect(text).toContain('En handläggare kontaktar dig inom fem arbetsdagar.');
    expect(text).toContain('Ring 0583-810 00 eller skicka e-post till socialtjansten@askersund.se. Ange ärendenummer 2026-000042.');
  });

  it('names who sent it for whom when someone applied for another person', async () => {
    const text = flowingText(await render(input({ onBehalf: { submitter: 'Nils Testberg', subject: 'Greta Testberg' } })));
    expect(text).toContain('Skickad av Nils Testberg för Greta Testberg.');
    expect(flowingText(await render(input()))).not.toContain('Skickad av');
  });

  it('shows the confirmations as pending at sending, and as recorded in a dated section of a later copy', async () => {
    const confirmations = ['Elva Testsson (medsökande) bekräftade ansökan 24 november 2026 kl. 09:12 med e-legitimation, tillitsnivå 3.'];
    const atSending = flowingText(await render(input({ confirmations: ['Elva Testsson (medsökande) har inte bekräftat ansökan än.'] })));
    expect(atSending).toContain('Bekräftelse av ansökan');
    expect(atSending).not.toContain('läget');
    const copy = flowingText(await render(input({ confirmations, confirmationsAsOf: new Date('2026-11-25T08:00:00Z') })));
    expect(copy).toContain('Bekräftelser – läget 25 november 2026 kl. 09:00');
    expect(copy).toContain('Kvittensen visar ansökan som den skickades.');
    // (A line may break after the hyphen of "e-legitimation".)
    expect(copy).toContain('Elva Testsson (medsökande) bekräftade ansökan 24 november 2026 kl. 09:12');
    expect(copy).toContain('tillitsnivå 3.');
    // The answers are still those sent, at the time sent.
    expect(copy).toContain('Skickad: 23 november 2026 kl. 14:05');
  });

  it('is a tagged PDF with a structure tree, a title shown by viewers and the language of the texts', async () => {
    const pdf = (await render(input())).toString('latin1');
    expect(pdf).toContain('/StructTreeRoot');
    expect(pdf).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(pdf).toContain('/Marked true');
    expect(pdf).toContain('/Lang (sv)');
    expect(pdf).toContain('/DisplayDocTitle true');
    for (const tag of ['/Document', '/H1', '/H2', '/P', '/L', '/LI', '/Lbl', '/LBody']) expect(pdf).toContain(`/S ${tag}\n`);
  });

  it('is in English with English texts when the citizen used English', async () => {
    const pdf = await render(input({ lang: 'en', t: translator('en') }));
    expect(pdf.toString('latin1')).toContain('/Lang (en)');
    const text = shownText(pdf);
    expect(text).toEqual(expect.arrayContaining(['Receipt', 'Reference number: 2026-000042', 'Sent: 23 November 2026 at 14:05']));
  });

  it('is in Somali with Somali texts, every letter drawn, when the citizen used Somali', async () => {
    const t = translator('so');
    const pdf = await render(input({ lang: 'so', t, serviceTitle: 'La xiriir adeegyada bulshada', rows: [{ label: "Su'aashaada", lines: ["Ma heli karaa caawimaad?"] }] }));
    expect(pdf.toString('latin1')).toContain('/Lang (so)');
    const text = shownText(pdf);
    expect(text).toEqual(expect.arrayContaining(['Rasiid', 'La xiriir adeegyada bulshada', 'Lambarka tixraaca: 2026-000042', 'La diray: Noofeembar 23, 2026 ee 14:05', "Su'aashaada", 'Ma heli karaa caawimaad?']));
    expect(text.join('')).not.toContain('\uFFFD');
  });

  it('is in Arabic, right to left, when the citizen used Arabic: each text in its reading order, numbers whole', async () => {
    const t = translator('ar');
    const pdf = await render(input({ lang: 'ar', t, serviceTitle: 'اتصل بالخدمات الاجتماعية', rows: [{ label: 'رقم الهوية الشخصية', lines: [PNR] }, { label: 'الاسم', lines: ['Greta Testberg'] }] }));
    expect(pdf.toString('latin1')).toContain('/Lang (ar)');
    const actual = actualTexts(pdf);
    expect(actual).toEqual(expect.arrayContaining([t('receipt:title'), 'اتصل بالخدمات الاجتماعية', 'رقم الهوية الشخصية']));
    expect(actual.some((a) => a.includes('2026-000042'))).toBe(true);
    const shown = shownText(pdf);
    expect(shown).toEqual(expect.arrayContaining([PNR, 'Greta Testberg', '2026-000042']));
    expect(shown.join('')).not.toContain('\uFFFD');
  });

  it('spreads a long list of answers over several pages, numbered, never ending a page on a label', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ label: `Fråga ${i + 1}`, lines: [`Svar ${i + 1} rad 1`, `Svar ${i + 1} rad 2`] }));
    const pdf = await render(input({ rows }));
    const pages = pageCount(pdf.toString('latin1'));
    expect(pages).toBeGreaterThan(1);
    const text = shownText(pdf);
    for (let p = 1; p <= pages; p++) expect(text).toContain(`Kvittens 2026-000042 – sida ${p} av ${pages}`);
    // Pages are written one after another; on each, a label is followed by its first value.
    const perPage = pdf.toString('latin1').split('/Type /Page\n').length - 1;
    expect(perPage).toBe(pages);
    for (let i = 1; i <= 40; i++) expect(text[text.indexOf(`Fråga ${i}`) + 1]).toBe(`Svar ${i} rad 1`);
    const streams = shownTextByStream(pdf).filter((s) => s.length > 0);
    for (const page of streams) expect(page.at(-2)).not.toMatch(/^Fråga \d+$/);
  });

  it('keeps personal data out of the document metadata', async () => {
    const pdf = (await render(input({ rows: [{ label: 'Personnummer', lines: [PNR] }, { label: 'Namn', lines: ['Greta Testberg'] }] }))).toString('latin1');
    const meta = info(pdf);
    expect(meta).toMatchObject({ Title: 'Kvittens – Ansök om trygghetslarm', Author: 'Askersunds kommun' });
    expect(Object.keys(meta).sort()).toEqual(['Author', 'CreationDate', 'Creator', 'Producer', 'Title']);
    expect(Object.values(meta).join(' ')).not.toMatch(/19450110|3297|Greta|Testberg/);
    // The XMP packet (PDF 1.4+) repeats the title and author for PDF/UA readers; nothing more.
    const xmp = Buffer.from(/<x:xmpmeta[\s\S]*<\/x:xmpmeta>/.exec(pdf)?.[0] ?? '', 'latin1').toString('utf8');
    expect(xmp).toContain('Kvittens – Ansök om trygghetslarm');
    expect(xmp).not.toMatch(/19450110|3297|Greta|Testberg/);
  });
});
