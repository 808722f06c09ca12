import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('the start scripts', () => {
  it('start the built portal through scripts/start.ts, as production does', () => {
    expect(scripts.serve).toBe('node scripts/start.ts');
    expect(scripts.start).toMatch(/^astro build && .*node scripts\/start\.ts$/);
  });

  it('turn demo mode on only for `npm start`, the README\'s demo, unless DEMO_MODE says otherwise', () => {
    expect(scripts.start).toBe('astro build && DEMO_MODE=${DEMO_MODE:-true} node scripts/start.ts');
    expect(scripts.serve).not.toContain('DEMO_MODE');
  });
});
