/** The text a PDF the portal made draws: its content streams inflated, PDFKit's hex strings decoded (WinAnsi). */
import { inflateSync } from 'node:zlib';

export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const bytes = Buffer.from(m[1]!, 'latin1');
    try {
      streams.push(inflateSync(bytes).toString('latin1'));
    } catch {
      streams.push(m[1]!);
    }
  }
  const parts: string[] = [];
  for (const s of streams) {
    for (const m of s.matchAll(/\[([^\]]*)\] TJ/g)) {
      parts.push([...m[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''));
    }
  }
  return parts.join(' ').replace(/\s+/g, ' ');
}
