/**
 * QR codes as inline SVG, drawn on the server: no script, no image request, and the CSP needs no
 * exception (the SVG has no style attributes). The code is an image with a text alternative; the
 * page always offers the same content as text too.
 */
import QRCode from 'qrcode';

export async function qrSvg(text: string, opts: { title: string; titleId: string; size?: number }): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  const size = opts.size ?? 200;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return svg
    .replace('<svg ', `<svg width="${size}" height="${size}" role="img" aria-labelledby="${esc(opts.titleId)}" focusable="false" `)
    .replace(/(<svg[^>]*>)/, `$1<title id="${esc(opts.titleId)}">${esc(opts.title)}</title>`)
    .trim();
}
