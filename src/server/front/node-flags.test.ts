import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PORTAL_NODE_FLAGS } from './node-flags.ts';

describe('the server\'s heap settings', () => {
  it('are the ones the start and serve scripts run the portal with', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const name of ['start', 'serve']) {
      expect(scripts[name], name).toContain(`node ${PORTAL_NODE_FLAGS.join(' ')} scripts/start.ts`);
    }
  });
});
