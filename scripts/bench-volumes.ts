/**
 * The e-tjänster the benchmarks seed and load: the current seeded versions (db/seed, as the registry
 * serves them from a freshly seeded database: the live ids, areas, versions and deadlines), each with its share of the national volume (the
 * estimate in docs/performance.md) and the answers of its largest scenario that reaches
 * check-answers (db/seed/e-tjanster), so that seeded cases carry answers of realistic size.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { observe, scenario as scenarioSchema } from '../src/domain/forms/document/scenario.ts';
import type { ServiceDefinition } from '../src/domain/forms/definition.ts';
import { seededServices } from '../src/server/etjanster/seed.ts';

/**
 * Submissions a year for the whole country if every one came through an e-tjänst (thousands):
 * docs/performance.md explains each figure. Every e-tjänst of the registry must have one.
 */
export const NATIONAL_YEARLY_THOUSANDS: Record<string, number> = {
  'ekonomiskt-bistand': 1250,
  'orosanmalan-barn': 400,
  'kontakta-socialtjansten': 300,
  trygghetslarm: 80,
  'orosanmalan-vuxen': 60,
  stadning: 40,
  familjeradgivning: 40,
  tvatt: 30,
  'stod-missbruk': 30,
  'vald-i-nara-relation': 30,
  'synpunkter-och-klagomal': 20,
  'kontaktperson-kontaktfamilj': 15,
  'digitala-inkop': 10,
  'bli-familjehem': 10,
};

export type BenchService = {
  id: string;
  version: number;
  area: string;
  category: string;
  forenkladInsats: string | undefined;
  dueDays: number | null;
  /** Thousands a year, nationally. */
  weight: number;
  answers: Record<string, unknown>;
};

function largestCompleteAnswers(def: ServiceDefinition): Record<string, unknown> {
  const doc = JSON.parse(readFileSync(path.resolve('db/seed/e-tjanster', def.id, `v${def.version}.json`), 'utf8')) as { scenarios?: unknown };
  const check = def.pages.find((p) => p.kind === 'checkAnswers')?.id;
  const complete = z
    .array(scenarioSchema)
    .parse(doc.scenarios ?? [])
    .filter((s) => !s.rules && (() => { const o = observe(def, s, { today: new Date() }); return o.complete && o.end === check; })());
  complete.sort((a, b) => JSON.stringify(b.answers).length - JSON.stringify(a.answers).length);
  const answers = complete[0]?.answers;
  if (!answers) throw new Error(`${def.id} v${def.version}: no scenario reaches check-answers`);
  return answers as Record<string, unknown>;
}

/** Every current e-tjänst of the registry, as the benchmarks use it. */
export function benchServices(): BenchService[] {
  return seededServices().map(({ definition: def }) => {
    const weight = NATIONAL_YEARLY_THOUSANDS[def.id];
    if (weight === undefined) throw new Error(`scripts/bench-volumes.ts: no national volume for the e-tjänst "${def.id}"`);
    return { id: def.id, version: def.version, area: def.area, category: def.category, forenkladInsats: def.forenkladInsats, dueDays: def.handling.dueDays ?? null, weight, answers: largestCompleteAnswers(def) };
  });
}
