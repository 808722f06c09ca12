import { describe, expect, it } from 'vitest';
import { parseReturnPath, safeReturnPath } from './return-path.ts';
import { staffReturnPath } from './staff/return-path.ts';
import { RETURN_PATH_BYPASSES as BYPASSES } from '../../scripts/hostile-values.ts';


describe('a return path', () => {
  it.each(BYPASSES)('refuses %j', (raw) => {
    expect(parseReturnPath(raw)).toBeUndefined();
    expect(safeReturnPath(raw, '/fallback')).toBe('/fallback');
    expect(staffReturnPath(`/handlaggning${raw}`) ?? '').not.toMatch(/^\/\/|\\|[^\x21-\x7e]/);
  });

  it.each([
    ['/', '/'],
    ['/mina-sidor', '/mina-sidor'],
    ['/e-tjanster/tvatt/start?andra=1', '/e-tjanster/tvatt/start?andra=1'],
    ['/handlaggning?sok=2026-000001&status=inkommen', '/handlaggning?sok=2026-000001&status=inkommen'],
    ['/e-tjanster/x/../y', '/e-tjanster/y'],
    ['/mina-sidor#meddelanden', '/mina-sidor'],
    ['/s%C3%B6k', undefined],
  ])('keeps the same-origin path %j as %j', (raw, expected) => {
    expect(parseReturnPath(raw)).toBe(expected);
  });

  it('never yields anything that would not fit an HTTP header or leave the origin', () => {
    for (let c = 0; c < 0x3000; c += 7) {
      const raw = `/${String.fromCharCode(c)}/x%${c.toString(16).padStart(2, '0')}`;
      const p = parseReturnPath(raw);
      if (p !== undefined) expect(p).toMatch(/^\/(?!\/)[\x21-\x5b\x5d-\x7e]*$/);
    }
  });
});
