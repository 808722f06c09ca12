/**
 * Set up for each journey test file (record.config.ts): the journey engine's and the parties'
 * functions are wrapped so that each call notes the definition, the answers, the day and the rule
 * set it was judged with, and the test it came from. Written to RECORD_DIR when the file is done.
 */
import { afterAll, expect, vi } from 'vitest';
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

type Call = { test: string; def: unknown; answers: unknown; today: string | null; rules: unknown };
const calls: Call[] = [];

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function note(args: unknown[]): void {
  const def = args.find((a) => isObj(a) && Array.isArray(a.pages));
  const ctx = args.find((a) => isObj(a) && a.today instanceof Date && isObj(a.rules)) as { today: Date; rules: unknown } | undefined;
  const answers = args.find((a) => isObj(a) && a !== def && a !== ctx);
  if (!def || !answers) return;
  calls.push({ test: expect.getState().currentTestName ?? '', def: structuredClone(def), answers: structuredClone(answers), today: ctx ? ctx.today.toISOString() : null, rules: ctx ? structuredClone(ctx.rules) : null });
}

function wrapped<M extends Record<string, unknown>>(m: M, names: string[]): M {
  const out: Record<string, unknown> = { ...m };
  for (const n of names) {
    const f = m[n] as (...a: unknown[]) => unknown;
    out[n] = (...args: unknown[]) => {
      note(args);
      return f(...args);
    };
  }
  return out as M;
}

vi.mock('../../src/domain/forms/journey.ts', async (original) => wrapped(await original<Record<string, unknown>>(), ['walk', 'isComplete', 'answersOnPath', 'canVisit']));
vi.mock('../../src/domain/forms/parties.ts', async (original) => wrapped(await original<Record<string, unknown>>(), ['partiesOf', 'isAnonymous', 'deadlineOf', 'isUrgent']));

afterAll(() => {
  const file = expect.getState().testPath ?? 'unknown';
  writeFileSync(join(process.env.RECORD_DIR ?? '.', `${basename(file)}-${process.pid}-${Date.now()}.json`), JSON.stringify({ file, calls }));
});
