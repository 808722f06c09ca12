import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { BOLD, drawText, lineRuns, REGULAR, registerFonts } from './pdf-text.ts';
import { actualTexts, shownText } from './pdf-shown-text.ts';

describe('text in either direction', () => {
  it('keeps a personnummer, a Swedish name and a reference left to right inside Arabic, in their places', () => {
    // Reading order: "رقمك" (your number) · the personnummer · "و" (and) · the name.
    const runs = lineRuns('رقمك 19450110-3297 والاسم Tolvan Tolvansson.', true);
    // Drawn right to left: the first words read are the rightmost run.
    expect(runs.at(-1)).toEqual({ text: 'رقمك', rtl: true });
    const texts = runs.map((r) => r.text);
    expect(texts).toContain('19450110-3297');
    expect(texts).toContain('Tolvan Tolvansson');
    expect(texts.indexOf('Tolvan Tolvansson')).toBeLessThan(texts.indexOf('19450110-3297'));
    // The full stop ends the sentence: at its left end.
    expect(texts[0]).toBe('.');
  });

  it('keeps left-to-right text with an Arabic name in it left to right, the name in reading order for shaping', () => {
    const runs = lineRuns('Sökande: محمد علي, 19450110-3297', false);
    expect(runs.map((r) => r.text)).toEqual(['Sökande: ', 'محمد علي', ', 19450110-3297']);
    expect(runs.map((r) => r.rtl)).toEqual([false, true, false]);
  });

  it('mirrors brackets in right-to-left text, around the number they hold', () => {
    // Reading order: "the number (2026-000123)". Drawn left to right: the closing bracket mirrored,
    // the number, the opening bracket mirrored and the space, then the word.
    const runs = lineRuns('الرقم (2026-000123)', true);
    expect(runs.map((r) => r.text)).toEqual(['(', '2026-000123', ') ', 'الرقم']);
    expect(runs.map((r) => r.rtl)).toEqual([true, false, true, true]);
  });

  it('draws a tagged PDF in Arabic in the embedded font, each paragraph carrying its reading order', async () => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, tagged: true, lang: 'ar', pdfVersion: '1.7', compress: false });
    registerFonts(doc);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    const root = doc.struct('Document');
    doc.addStructure(root);
    const width = doc.page.width - 112;
    const text = 'استلمنا طلبك. رقم القضية 2026-000123، رقم الهوية الشخصية 19450110-3297، مقدم الطلب Tolvan Tolvansson. سنتصل بك خلال أسبوعين (14 يوماً).';
    root.add(doc.struct('H1', { actual: 'إيصال' }, () => { doc.font(BOLD).fontSize(20); drawText(doc, 'إيصال', { x: 56, width, rtl: true }); }));
    root.add(doc.struct('P', { actual: text }, () => { doc.font(REGULAR).fontSize(11); drawText(doc, text, { x: 56, width, rtl: true }); }));
    root.end();
    doc.end();
    const pdf = await done;
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).not.toContain('Helvetica');
    expect(actualTexts(pdf)).toEqual(['إيصال', text]);
    // Numbers and the Swedish name are drawn left to right, whole; nothing is drawn as a missing glyph.
    const shown = shownText(pdf);
    expect(shown).toEqual(expect.arrayContaining(['2026-000123', '19450110-3297', 'Tolvan Tolvansson']));
    expect(shown.join('')).not.toContain('\uFFFD');
  });
});
