import { describe, expect, it } from 'vitest';
import { attachmentHeaders } from './attachment-response.ts';

const text = (s: string) => new TextEncoder().encode(s);
const PDF = text('%PDF-1.7\n%%EOF\n');

describe('an attachment handed out', () => {
  it('is always a download, never sniffed, never run, never cached', async () => {
    const h = await attachmentHeaders({ fileName: 'intyg.pdf', data: PDF });
    expect(h.get('content-type')).toBe('application/pdf');
    expect(h.get('content-disposition')).toBe(`attachment; filename="intyg.pdf"; filename*=UTF-8''intyg.pdf`);
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('content-security-policy')).toMatch(/sandbox/);
    expect(h.get('cache-control')).toBe('no-store');
  });

  it.each([
    ['an HTML application stored before the checks were strict', 'kontoutdrag.hta', text('<HTA:APPLICATION><script>x</script>%PDF-1.4'), 'kontoutdrag.bin'],
    ['an SVG named .pdf', 'bild.pdf', text('<svg xmlns="http://www.w3.org/2000/svg" onload="x"/>'), 'bild.bin'],
    ['a PDF under a right-to-left override name', 'kontoutdrag\u202Efdp.exe', PDF, 'kontoutdragfdp.pdf'],
  ])('offers %s as what its bytes are, under a clean name', async (_what, fileName, data, name) => {
    const h = await attachmentHeaders({ fileName, data });
    expect(h.get('content-disposition')).toContain(`filename="${name}"`);
    expect(h.get('content-disposition')).toMatch(/^attachment;/);
    expect(h.get('content-type')).toBe(name.endsWith('.bin') ? 'application/octet-stream' : 'application/pdf');
    expect(h.get('content-disposition')).not.toMatch(/%E2%80%AE|\u202E/);
  });

  it('gives a name outside ASCII an ASCII fallback and the exact name encoded', async () => {
    const h = await attachmentHeaders({ fileName: 'lönespec "mars".pdf', data: PDF });
    expect(h.get('content-disposition')).toBe(`attachment; filename="l_nespec mars.pdf"; filename*=UTF-8''${encodeURIComponent('lönespec mars.pdf')}`);
  });
});

describe('the routes that hand out stored files', () => {
  it('all go through attachmentResponse', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|astro)$/.test(e.name) && /openAttachment|findAttachment|findMessageFile|readUploadBytes/.test(readFileSync(p, 'utf8'))) found.push(p);
      }
    };
    walk(path.resolve('src/pages'));
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (const f of found) expect(readFileSync(f, 'utf8'), f).toMatch(/attachmentResponse\(/);
  });
});
