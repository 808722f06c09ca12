/**
 * The scenarios of the documents: every set of answers today's journey tests judge (recorded by
 * record.setup.ts), with what today's definition makes of it as the expectation. A test of a shared
 * part on its own (shared-ifo/parts.test.ts) judges a small fixture definition; its answers become
 * scenarios of every e-tjänst that has the part, led up to the part by the answers of one of that
 * e-tjänst's own scenarios. Trygghetslarm version 1 has no test of its own; it gets a few here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceDefinition } from '../../src/domain/forms/definition.ts';
import { observe, type Scenario, type RuleOverrides } from '../../src/domain/forms/document/scenario.ts';
import { defaultForenkladRules, type ForenkladRules } from '../../src/domain/rules/forenklad.ts';
import { canonicalJson } from '../../src/domain/forms/document/hash.ts';
import { minimalPage, same, type Obj } from './templates.ts';

type Call = { test: string; def: ServiceDefinition; answers: Obj; today: string | null; rules: ForenkladRules | null };
type Recording = { file: string; calls: Call[] };
type Input = { test: string; answers: Obj; today: string; rules: ForenkladRules };

const DEFAULT_DAY = '2026-11-23T12:00:00.000Z';

export function readRecordings(dir: string): Recording[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Recording);
}

function overrides(r: ForenkladRules): RuleOverrides {
  const d = defaultForenkladRules;
  const out: RuleOverrides = {};
  for (const k of ['ageLimit', 'requireFolkbokford', 'requireOrdinaryHousing', 'householdMustMeetAgeLimit', 'offered'] as const) if (!same(r[k], d[k])) Object.assign(out, { [k]: r[k] });
  for (const group of ['limits', 'fees'] as const) {
    const diff = Object.fromEntries(Object.entries(r[group]).filter(([k, v]) => !same(v, (d[group] as Record<string, unknown>)[k])));
    if (Object.keys(diff).length > 0) Object.assign(out, { [group]: diff });
  }
  return out;
}

const dayOf = (iso: string) => (iso.endsWith('T12:00:00.000Z') ? iso.slice(0, 10) : iso);

/** The scenario for these inputs, expecting what the definition makes of them. */
function scenarioOf(def: ServiceDefinition, name: string, input: Omit<Input, 'test'>): Scenario {
  const rules = overrides(input.rules);
  const s = { today: dayOf(input.today), ...(Object.keys(rules).length > 0 ? { rules } : {}), answers: input.answers as Scenario['answers'] };
  const o = observe(def, s, { today: new Date(input.today) });
  return {
    name,
    ...s,
    expect: {
      path: o.path,
      end: o.end,
      complete: o.complete,
      ...(o.dropped.length > 0 ? { dropped: o.dropped } : {}),
      ...(def.subject || def.onBehalf ? { parties: o.parties } : {}),
      ...(def.anonymous ? { anonymous: o.anonymous } : {}),
      ...(def.handling.dueDays ? { deadlineDays: o.deadlineDays } : {}),
      ...(def.handling.urgentWhen ? { urgent: o.urgent } : {}),
    },
  };
}

const fieldNames = (def: ServiceDefinition) => new Set(def.pages.flatMap((p) => (p.kind === 'question' ? p.fields.map((f) => f.name) : [])));
const partPages = (fixture: ServiceDefinition) => fixture.pages.filter((p) => p.kind === 'question' && p.id !== 'sista');
const withoutRoutes = (p: Obj) => ({ ...minimalPage(p), next: undefined });

/** The e-tjänster that have a fixture's part: every page of it, alike but for where its routes lead. */
function havingPart(fixture: ServiceDefinition, defs: ServiceDefinition[]): ServiceDefinition[] {
  return defs.filter((d) => partPages(fixture).every((fp) => {
    const p = d.pages.find((x) => x.id === fp.id);
    return p !== undefined && same(withoutRoutes(p), withoutRoutes(fp));
  }));
}

/** Answers of one of the e-tjänst's scenarios that lead to `pageId`: those asked before it on the way. */
function leadIn(def: ServiceDefinition, own: Scenario[], pageId: string): Obj | undefined {
  for (const s of own) {
    const i = s.expect.path?.indexOf(pageId) ?? -1;
    if (i < 0) continue;
    const before = new Set(s.expect.path!.slice(0, i).flatMap((id) => {
      const p = def.pages.find((x) => x.id === id);
      return p?.kind === 'question' ? p.fields.map((f) => f.name) : [];
    }));
    return Object.fromEntries(Object.entries(s.answers).filter(([k]) => before.has(k)));
  }
  return undefined;
}

const keyOf = (def: ServiceDefinition) => `${def.id}@${def.version}`;
const listOf = <T>(m: Map<string, T[]>, key: string): T[] => m.get(key) ?? m.set(key, []).get(key)!;

/** Scenarios by e-tjänst version (`id@version`), in the order the tests judged them. */
export function scenariosFrom(recordings: Recording[], defs: ServiceDefinition[]): Map<string, Scenario[]> {
  const byKey = new Map(defs.map((d) => [keyOf(d), d]));
  const inputs = new Map<string, Input[]>();
  const parts: { fixture: ServiceDefinition; input: Input }[] = [];
  for (const r of recordings) {
    let lastDay: string | null = null;
    for (const c of r.calls) {
      lastDay = c.today ?? lastDay;
      const input: Input = { test: c.test, answers: c.answers, today: c.today ?? lastDay ?? DEFAULT_DAY, rules: c.rules ?? defaultForenkladRules };
      if (c.def.id === 'fixture') parts.push({ fixture: c.def, input });
      else if (byKey.has(keyOf(c.def))) listOf(inputs, keyOf(c.def)).push(input);
      else throw new Error(`A test judged ${keyOf(c.def)}, which is not one of the e-tjänster`);
    }
  }
  const out = new Map<string, Scenario[]>();
  const add = (def: ServiceDefinition, input: Input) => {
    const list = listOf(out, keyOf(def));
    const judgedAlready = (s: Scenario) => canonicalJson([s.answers, s.today, s.rules ?? {}]) === canonicalJson([input.answers, dayOf(input.today), overrides(input.rules)]);
    if (list.some(judgedAlready)) return;
    const taken = new Set(list.map((s) => s.name));
    let name = input.test;
    for (let n = 2; taken.has(name); n++) name = `${input.test} (${n})`;
    list.push(scenarioOf(def, name, input));
  };
  for (const [key, list] of inputs) for (const input of list) add(byKey.get(key)!, input);
  for (const { fixture, input } of parts) {
    for (const def of havingPart(fixture, defs)) {
      const lead = leadIn(def, out.get(keyOf(def)) ?? [], partPages(fixture)[0]!.id);
      if (!lead) throw new Error(`No scenario of ${keyOf(def)} reaches ${partPages(fixture)[0]!.id}`);
      const own = fieldNames(def);
      const answers = Object.fromEntries(Object.entries({ ...lead, ...input.answers }).filter(([k]) => own.has(k)));
      add(def, { ...input, answers });
    }
  }
  return out;
}

// Skatteverket test personnummer.
const OLD = '19450110-3297';
const YOUNG = '19900101-2385';
const V1_ELIGIBLE = {
  personnummer: OLD,
  folkbokford: 'ja',
  boende: 'ordinart',
  larmtyp: 'fast',
  fornamn: 'Greta',
  efternamn: 'Testsson',
  adress: { street: 'Storgatan 1', postcode: '69630', city: 'Askersund' },
  telefon: '070-111 22 33',
  epost: null,
  kontaktpersoner: [
    { namn: 'Tolvan Tolvansson', relation: 'son', telefon: '070-123 45 67' },
    { namn: 'Elva Elvasdotter', relation: 'granne', telefon: '070-765 43 21' },
  ],
  nyckelhantering: 'nyckel',
  nyckelOvrigt: null,
};

/** Trygghetslarm version 1 (for yourself only, no fee step): the eligible route and each exit. */
export function trygghetslarmV1Scenarios(def: ServiceDefinition): Scenario[] {
  const at = (name: string, answers: Obj) => scenarioOf(def, name, { answers, today: DEFAULT_DAY, rules: defaultForenkladRules });
  return [
    at('an eligible person applying for themselves reaches check-answers', V1_ELIGIBLE),
    at('someone below the age limit is told so and offered the ordinary application', { ...V1_ELIGIBLE, personnummer: YOUNG }),
    at('someone not folkbokförd in the municipality is told so', { ...V1_ELIGIBLE, folkbokford: 'nej' }),
    at('someone in särskilt boende is told so', { ...V1_ELIGIBLE, boende: 'sarskilt' }),
    at('the contact people are asked for only once the alarm and the person are given', { personnummer: OLD, folkbokford: 'ja', boende: 'ordinart', larmtyp: 'mobilt' }),
  ];
}
