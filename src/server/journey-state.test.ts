import { beforeAll, describe, expect, it } from 'vitest';
import type { ServiceDefinition } from '../domain/forms/definition.ts';
import { TestCookies } from './test-cookies.ts';

let js: typeof import('./journey-state.ts');
beforeAll(async () => {
  process.env.COOKIE_SECRET = 'a-test-secret-that-is-long-enough-for-config';
  js = await import('./journey-state.ts');
});

const def = (quickExit: boolean) => ({ id: 'prov', version: 1, quickExit }) as unknown as ServiceDefinition;
const MINUTE = 60_000;
const T0 = Date.parse('2026-05-04T10:00:00Z');

async function keptAfter(quickExit: boolean, idleMs: number): Promise<boolean> {
  const cookies = new TestCookies();
  const d = def(quickExit);
  const state = { ...js.freshJourney(d, T0), answers: { fornamn: 'Elva' } };
  await js.saveJourney(cookies, d, state, T0);
  return (await js.loadJourney(cookies, d, T0 + idleMs)).answers.fornamn === 'Elva';
}

describe('a journey in progress', () => {
  it('is forgotten after 15 minutes without activity in an e-tjänst with a quick exit', async () => {
    expect(await keptAfter(true, 14 * MINUTE)).toBe(true);
    expect(await keptAfter(true, 15 * MINUTE)).toBe(false);
  });

  it('is kept for hours in other e-tjänster', async () => {
    expect(await keptAfter(false, 2 * 60 * MINUTE)).toBe(true);
    expect(await keptAfter(false, 3 * 60 * MINUTE)).toBe(false);
  });

  it('asks the browser to drop its cookie after the same idle time', async () => {
    for (const quickExit of [true, false]) {
      const cookies = new TestCookies();
      const d = def(quickExit);
      await js.saveJourney(cookies, d, js.freshJourney(d, T0), T0);
      expect(cookies.written.length).toBeGreaterThan(0);
      for (const c of cookies.written) expect(c.maxAge).toBe(js.idleMsOf(d) / 1000);
    }
  });

  it('is not read by another e-tjänst, nor after its definition changed version', async () => {
    const cookies = new TestCookies();
    const d = def(false);
    await js.saveJourney(cookies, d, { ...js.freshJourney(d, T0), answers: { a: 'ja' } }, T0);
    expect((await js.loadJourney(cookies, { ...d, version: 2 } as ServiceDefinition, T0)).answers).toEqual({});
    expect((await js.loadJourney(cookies, { ...d, id: 'annan' } as ServiceDefinition, T0)).answers).toEqual({});
  });
});
