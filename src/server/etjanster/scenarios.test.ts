/**
 * Every e-tjänst version's scenarios (the `scenarios` of its document in db/seed/e-tjanster: answers,
 * and the path, the end, whether complete, the answers kept and dropped, the parties, anonymity,
 * deadline and urgency that must follow) judged against the definition the portal runs today, one
 * test each. Every version must have scenarios that reach check-answers and each of its exit pages.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { observe, runScenario, scenario, type Scenario } from '../../domain/forms/document/scenario.ts';
import { eagerGlob } from '../../eager-glob.ts';
import { seededVersions } from './seed.ts';

const documents = await eagerGlob(() => import.meta.glob<unknown>('../../../db/seed/e-tjanster/*/*.json', { eager: true, import: 'default' }), import.meta.url, '../../../db/seed/e-tjanster/*/*.json');
const TODAY = new Date('2026-11-23T12:00:00Z');

function scenariosOf(id: string, version: number): Scenario[] {
  const doc = documents[`../../../db/seed/e-tjanster/${id}/v${version}.json`] as { scenarios?: unknown } | undefined;
  return z.array(scenario).parse(doc?.scenarios ?? []);
}

describe.each(seededVersions().map((def) => ({ def, name: `${def.id} v${def.version}` })))('$name', ({ def }) => {
  const table = scenariosOf(def.id, def.version);

  it('has scenarios reaching check-answers and each of its exit pages', () => {
    const reached = new Set(table.map((s) => observe(def, s, { today: TODAY }).end));
    for (const p of def.pages) if (p.kind === 'exit' || p.kind === 'checkAnswers') expect(reached.has(p.id), `no scenario ends on "${p.id}"`).toBe(true);
  });

  it.each(table.map((s) => ({ s, name: s.name })))('$name', ({ s }) => {
    const result = runScenario(def, s, { today: TODAY });
    expect(result.differences).toEqual([]);
  });
});
