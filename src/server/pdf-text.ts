/**
 * Text in the portal's PDFs in any script the embedded font has (DejaVu Sans: Latin, Cyrillic,
 * Greek, Arabic, Hebrew …), in either direction. PDFKit lays a string out left to right only and
 * fontkit, which shapes it, turns a whole string around when its first strong letter is Arabic
 * (digits and Latin included), so right-to-left text, and left-to-right text holding Arabic, is
 * broken into lines here, each line ordered into runs (the base direction's text with the other
 * direction's stretches as isolates, as the Unicode Bidirectional Algorithm orders them), and each
 * run drawn where it belongs: an Arabic run shaped by fontkit, a personnummer or a
 * Swedish name inside Arabic kept left to right. The paragraph's structure element carries its
 * text in reading order as ActualText, so it is read and copied as written, not as drawn.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

type Doc = PDFKit.PDFDocument;

export const REGULAR = 'Regular';
export const BOLD = 'Bold';

const FONT_DIR = path.resolve(process.cwd(), 'assets/fonts');
let fontBytes: { regular: Buffer; bold: Buffer } | undefined;

/** Registers the embedded fonts (read once) under REGULAR and BOLD. */
export function registerFonts(doc: Doc): void {
  fontBytes ??= { regular: readFileSync(path.join(FONT_DIR, 'DejaVuSans.ttf')), bold: readFileSync(path.join(FONT_DIR, 'DejaVuSans-Bold.ttf')) };
  doc.registerFont(REGULAR, fontBytes.regular);
  doc.registerFont(BOLD, fontBytes.bold);
}

/** Letters of the right-to-left scripts. */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

export type TextOptions = { x: number; width: number; rtl: boolean; align?: 'start' | 'center' };

/** Whether PDFKit's own left-to-right layout is right for this text. */
const plainLtr = (text: string, o: Pick<TextOptions, 'rtl'>) => !reordered(text, o);

/**
 * Laid out as one run: without features PDFKit lays a string out word by word (for its cache), and
 * fontkit then turns each Arabic word round in place instead of the run, the spaces with them.
 */
const WHOLE = { features: [] as PDFKit.Mixins.OpenTypeFeatures[] };

type Line = { start: number; end: number }; // indices into the paragraph, end exclusive

/** Greedy lines at spaces (a word longer than the width is broken between characters). */
function wrap(doc: Doc, text: string, width: number): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let end = 0; // end of the last word that fits
  const fits = (s: number, e: number) => doc.widthOfString(text.slice(s, e).trimEnd(), WHOLE) <= width;
  const words = [...text.matchAll(/\S+\s*/g)].map((m) => ({ s: m.index, e: m.index + m[0].length }));
  for (const w of words) {
    if (fits(start, w.e)) {
      end = w.e;
      continue;
    }
    if (end > start) {
      lines.push({ start, end });
      start = w.s;
    }
    // The word alone does not fit: break it where it must.
    let e = w.e;
    while (!fits(start, e)) {
      let cut = start + 1;
      while (cut < e && fits(start, cut + 1)) cut++;
      lines.push({ start, end: cut });
      start = cut;
      e = w.e;
    }
    end = w.e;
  }
  if (end > start || lines.length === 0) lines.push({ start, end: Math.max(end, start) });
  return lines;
}

export type Run = { text: string; rtl: boolean };

/** Letters (and digits) that are written left to right: every letter not of a right-to-left script. */
const LTR_STRONG = /[\p{L}\p{Nd}]/u;
const MIRROR: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«', '‹': '›', '›': '‹' };
const strength = (c: string): 'rtl' | 'ltr' | 'neutral' => (RTL_LETTER.test(c) ? 'rtl' : LTR_STRONG.test(c) ? 'ltr' : 'neutral');

/**
 * A line's runs in visual order, left to right, each in the form fontkit lays out correctly. The
 * line's base direction holds its neutrals (spaces, punctuation); a stretch of the other direction
 * is an island from its first strong letter to its last before the base direction's next — a
 * personnummer, a date or a Swedish name inside Arabic, an Arabic name inside Swedish — kept whole
 * and in its own order, as an isolate in the Unicode Bidirectional Algorithm would be.
 */
function visualRuns(text: string, rtlBase: boolean): Run[] {
  const other = rtlBase ? 'ltr' : 'rtl';
  const base = rtlBase ? 'rtl' : 'ltr';
  const chars = [...text];
  const kinds = chars.map(strength);
  const segments: { text: string; island: boolean }[] = [];
  let i = 0;
  while (i < chars.length) {
    if (kinds[i] !== other) {
      let j = i;
      while (j < chars.length && kinds[j] !== other) j++;
      segments.push({ text: chars.slice(i, j).join(''), island: false });
      i = j;
      continue;
    }
    // The island runs to its last letter of its own direction before the base direction's next.
    let j = i;
    let lastStrong = i;
    while (j < chars.length && kinds[j] !== base) {
      if (kinds[j] === other) lastStrong = j;
      j++;
    }
    segments.push({ text: chars.slice(i, lastStrong + 1).join(''), island: true });
    i = lastStrong + 1;
  }
  const mirrored = (t: string) => [...t].map((c) => MIRROR[c] ?? c).join('');
  if (!rtlBase) {
    // Left to right: islands of Arabic (or Hebrew) go to fontkit in reading order; it turns them round.
    return segments.filter((g) => g.text !== '').map((g) => ({ text: g.island ? mirrored(g.text) : g.text, rtl: g.island }));
  }
  const turned = (t: string): Run => ({ text: [...mirrored(t)].reverse().join(''), rtl: true });
  return segments
    .filter((g) => g.text !== '')
    .reverse()
    .flatMap((g): Run[] => {
      if (g.island) return [{ text: g.text, rtl: false }];
      // Right to left: fontkit turns a run round (and shapes it) only when the run's first
      // character is a right-to-left letter, so a run is given to it from its first such letter to
      // its last, in reading order; the neutrals before and after are given already turned round.
      const cs = [...g.text];
      const first = cs.findIndex((c) => RTL_LETTER.test(c));
      if (first < 0) return [turned(g.text)];
      const last = cs.length - 1 - [...cs].reverse().findIndex((c) => RTL_LETTER.test(c));
      const before = cs.slice(0, first).join('');
      const core = mirrored(cs.slice(first, last + 1).join(''));
      const after = cs.slice(last + 1).join('');
      return [...(after ? [turned(after)] : []), { text: core, rtl: true }, ...(before ? [turned(before)] : [])];
    });
}

/** Whether the text is drawn in another order than it is read (and so needs its ActualText). */
export function reordered(text: string, o: Pick<TextOptions, 'rtl'>): boolean {
  return o.rtl || RTL_LETTER.test(text);
}

/** One line's runs, left to right as drawn (for tests and for a reader of this module). */
export function lineRuns(text: string, rtl: boolean): Run[] {
  return visualRuns(text.trimEnd(), rtl);
}

/** The height the text takes at the current font and size. */
export function textHeight(doc: Doc, text: string, o: TextOptions): number {
  if (plainLtr(text, o)) return doc.heightOfString(text, { width: o.width });
  const lineHeight = doc.currentLineHeight(true);
  return text.split('\n').reduce((h, p) => h + wrap(doc, p, o.width).length * lineHeight, 0);
}

/**
 * Draws the text at doc.y (pages turned as needed) and moves doc.y below it. Right-to-left text is
 * aligned to the right margin; `align: 'center'` centres either.
 */
export function drawText(doc: Doc, text: string, o: TextOptions): void {
  if (plainLtr(text, o)) {
    doc.text(text, o.x, doc.y, { width: o.width, ...(o.align === 'center' ? { align: 'center' as const } : {}) });
    return;
  }
  const lineHeight = doc.currentLineHeight(true);
  for (const paragraph of text.split('\n')) {
    for (const line of wrap(doc, paragraph, o.width)) {
      // As PDFKit's own wrapping does: the marked content goes on on the next page.
      if (doc.y + lineHeight > doc.page.maxY()) doc.continueOnNewPage();
      const runs = lineRuns(paragraph.slice(line.start, line.end), o.rtl).map((r) => ({ ...r, width: doc.widthOfString(r.text, WHOLE) }));
      const total = runs.reduce((w, r) => w + r.width, 0);
      let x = o.align === 'center' ? o.x + (o.width - total) / 2 : o.rtl ? o.x + o.width - total : o.x;
      const y = doc.y;
      for (const r of runs) {
        doc.text(r.text, x, y, { lineBreak: false, ...WHOLE });
        x += r.width;
      }
      doc.x = o.x;
      doc.y = y + lineHeight;
    }
  }
}
