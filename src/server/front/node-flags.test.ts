import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PORTAL_COMMAND } from './node-flags.ts';

describe('the server\'s heap settings', () => {
  it('are the ones the start and serve scripts run the portal with, allocator setting included', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.serve).toBe(PORTAL_COMMAND);
    // `npm start` is the README's demo: it turns demo mode on unless DEMO_MODE says otherwise.
    expect(scripts.start).toBe(`astro build && DEMO_MODE=\${DEMO_MODE:-true} ${PORTAL_COMMAND}`);
  });
});
