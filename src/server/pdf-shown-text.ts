/**
 * The text a PDF the portal made shows, for tests: its content streams (inflated when compressed)
 * read operator by operator, each TJ string decoded through the font it is set in — an embedded
 * font's glyph codes through its ToUnicode map, a standard font's bytes as WinAnsi. Text drawn right
 * to left comes out as drawn (the reading order is in each element's ActualText).
 */
import { inflateSync } from 'node:zlib';

const winAnsi = new TextDecoder('windows-1252');

type Font = { twoByte: boolean; map: Map<number, string> };

function objects(raw: string): Map<number, { dict: string; stream: string | undefined }> {
  const out = new Map<number, { dict: string; stream: string | undefined }>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const s = /^([\s\S]*?)stream\r?\n([\s\S]*?)\r?\nendstream/.exec(body);
    if (!s) {
      out.set(Number(m[1]), { dict: body, stream: undefined });
      continue;
    }
    let stream = s[2]!;
    if (/\/Filter\s*\/FlateDecode/.test(s[1]!)) {
      try {
        stream = inflateSync(Buffer.from(stream, 'latin1')).toString('latin1');
      } catch {
        // not inflatable as stored: kept as it is
      }
    }
    out.set(Number(m[1]), { dict: s[1]!, stream });
  }
  return out;
}

/** A ToUnicode destination (UTF-16BE hex) as a string. */
const unicode = (hex: string) => {
  const b = Buffer.from(hex, 'hex');
  let s = '';
  for (let i = 0; i + 1 < b.length; i += 2) s += String.fromCharCode(b.readUInt16BE(i));
  return s;
};

function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(parseInt(m[1]!, 16), unicode(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]*>)/g)) {
      const from = parseInt(m[1]!, 16);
      const to = parseInt(m[2]!, 16);
      const dest = m[3]!;
      if (dest.startsWith('[')) {
        // An entry of several characters (a ligature such as "fi") is written with spaces between them.
        [...dest.matchAll(/<([0-9a-fA-F\s]*)>/g)].forEach((d, i) => map.set(from + i, unicode(d[1]!.replace(/\s+/g, ''))));
      } else {
        const start = unicode(dest.slice(1, -1));
        for (let c = from; c <= to; c++) map.set(c, start.slice(0, -1) + String.fromCharCode(start.charCodeAt(start.length - 1) + (c - from)));
      }
    }
  }
  return map;
}

/** The text shown, one entry per TJ operator (a line, or a part of one). */
export function shownText(pdf: Buffer): string[] {
  return shownTextByStream(pdf).flat();
}

/** The text shown per content stream (PDFKit writes one per page), one entry per TJ operator. */
export function shownTextByStream(pdf: Buffer): string[][] {
  const objs = objects(pdf.toString('latin1'));
  const fonts = new Map<string, Font>();
  for (const { dict } of objs.values()) {
    const resources = /\/Font\s*<<([\s\S]*?)>>/.exec(dict);
    if (!resources) continue;
    for (const m of resources[1]!.matchAll(/\/([\w.-]+)\s+(\d+) 0 R/g)) {
      if (fonts.has(m[1]!)) continue;
      const font = objs.get(Number(m[2]));
      const ref = font && /\/ToUnicode\s+(\d+) 0 R/.exec(font.dict);
      const cmap = ref ? objs.get(Number(ref[1]))?.stream : undefined;
      fonts.set(m[1]!, { twoByte: !!font && /\/Subtype\s*\/Type0/.test(font.dict), map: cmap ? toUnicode(cmap) : new Map() });
    }
  }
  const byStream: string[][] = [];
  for (const { stream } of objs.values()) {
    if (!stream || !/\bTJ\b/.test(stream)) continue;
    const parts: string[] = [];
    byStream.push(parts);
    let font: Font | undefined;
    for (const m of stream.matchAll(/\/([\w.-]+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ/g)) {
      if (m[1]) {
        font = fonts.get(m[1]);
        continue;
      }
      const strings = [...m[2]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!);
      if (font?.twoByte) {
        parts.push(strings.map((h) => (h.match(/.{4}/g) ?? []).map((g) => font!.map.get(parseInt(g, 16)) ?? '\uFFFD').join('')).join(''));
      } else {
        parts.push(strings.map((h) => winAnsi.decode(Buffer.from(h, 'hex'))).join(''));
      }
    }
  }
  return byStream;
}

/** All shown text as one string with single spaces, for sentences that may wrap. */
export function flowingText(pdf: Buffer): string {
  return shownText(pdf).join(' ').replace(/\s+/g, ' ');
}

/** The ActualText of every structure element that has one (text drawn in another order than read). */
export function actualTexts(pdf: Buffer): string[] {
  const out: string[] = [];
  for (const { dict } of objects(pdf.toString('latin1')).values()) {
    const m = /\/ActualText\s*(<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\))/.exec(dict);
    if (!m) continue;
    const v = m[1]!;
    const ESC: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
    const bytes = v.startsWith('<') ? Buffer.from(v.slice(1, -1), 'hex') : Buffer.from(v.slice(1, -1).replace(/\\(.)/gs, (_, c: string) => ESC[c] ?? c), 'latin1');
    out.push(bytes[0] === 0xfe && bytes[1] === 0xff ? unicode(bytes.subarray(2).toString('hex')) : bytes.toString('latin1'));
  }
  return out;
}
