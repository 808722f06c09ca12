import { describe, expect, it } from 'vitest';
import { readForm, withoutNul } from './http.ts';

const post = (body: string) => new Request('http://portal.test/x', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });

describe('reading a posted form', () => {
  it('replaces a NUL character in every value, and keeps everything else as it was sent', async () => {
    const form = await readForm(post(`namn=${encodeURIComponent('Tolvan\u0000 Tolvansson')}&val=a%00&val=b&text=${encodeURIComponent('Rad ett\r\nrad två\t<b>')}`));
    expect(form.get('namn')).toBe('Tolvan\uFFFD Tolvansson');
    expect(form.getAll('val')).toEqual(['a\uFFFD', 'b']);
    expect(form.get('text')).toBe('Rad ett\r\nrad två\t<b>');
    expect(form.get('saknas')).toBeNull();
  });

  it('leaves a value without NUL the same string', () => {
    const s = 'Åsa Öberg';
    expect(withoutNul(s)).toBe(s);
    expect(withoutNul('\u0000\u0000')).toBe('\uFFFD\uFFFD');
  });
});
