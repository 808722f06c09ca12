import { describe, expect, it } from 'vitest';
import { describeDifference, observe, runScenario, scenario, withOverrides, type Scenario } from './scenario.ts';
import { compile } from './compile.ts';
import { publish } from './publish.ts';
import { draft, fragmentSource } from './fixtures.ts';
import { defaultForenkladRules } from '../../rules/forenklad.ts';
import { defineService } from '../definition.ts';

const TODAY = new Date('2026-11-23T12:00:00Z');
const def = (() => {
  const r = publish(draft(), { fragments: fragmentSource, today: TODAY });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return compile(r.document).definition;
})();
const run = (s: Omit<Scenario, 'name'>) => runScenario(def, { name: 's', ...s }, { today: TODAY });

describe('a scenario', () => {
  it('passes when every expectation it states holds', () => {
    const r = run({ answers: { forVem: 'mig', over12: 'ja', fornamn: 'Elva', personnummer: null }, expect: { path: ['for-vem', 'alder', 'namn', 'kontrollera'], end: 'kontrollera', complete: true, visits: ['namn'], skips: ['for-ung'], kept: ['fornamn'], anonymous: false, deadlineDays: null, urgent: false } });
    expect(r).toEqual({ name: 's', passed: true, differences: [] });
  });

  it('fails with each difference, and says where a path parts from the expected one', () => {
    const r = run({ answers: { forVem: 'mig', over12: 'nej', fornamn: 'Elva' }, expect: { path: ['for-vem', 'alder', 'namn'], complete: true, kept: ['fornamn'], skips: ['for-ung'] } });
    expect(r.passed).toBe(false);
    expect(r.differences.map((d) => d.expectation)).toEqual(['path', 'complete', 'skips', 'kept']);
    expect(describeDifference(r.differences[0]!)).toBe('path differs at step 3: expected namn, got for-ung (expected for-vem → alder → namn; got for-vem → alder → for-ung)');
    expect(describeDifference(r.differences[1]!)).toBe('complete: expected true, got false');
    expect(describeDifference(r.differences[3]!)).toBe('answers not kept: fornamn');
  });

  it('judges whom the submission concerns and who sent it for them from the answers kept', () => {
    const o = observe(def, { answers: { forVem: 'barn', over12: 'ja', fornamn: 'Tolvan', personnummer: null } }, { today: TODAY });
    expect(o.parties).toEqual({ personnummer: null, name: 'Tolvan', onBehalf: true, submitterName: 'Tolvan' });
  });

  it('is judged on its own day and rule-set values, when it has them', () => {
    const aged = defineService({
      id: 'alder', version: 1, area: 'aldreomsorg', category: 'forenklad', title: 't', summary: 's', start: [{ heading: 'h', paragraphs: 'p' }],
      submitters: ['self'], requiresEid: false, retention: { yearsAfterClosed: 1 }, handling: { dueDays: 14 },
      pages: [
        { kind: 'question', id: 'pnr', title: 't', fields: [{ type: 'personnummer', name: 'pnr', label: 'l' }], next: [{ when: { rule: 'belowAgeLimit', field: 'pnr' }, goto: 'ung' }] },
        { kind: 'checkAnswers', id: 'kontrollera', title: 't' },
        { kind: 'confirmation', id: 'klart', title: 't', body: 'b' },
        { kind: 'exit', id: 'ung', title: 't', body: 'b' },
      ],
    });
    // Skatteverket test personnummer; 19510115-1818 turns 75 on 2026-01-15.
    const s = { name: 'a', answers: { pnr: '19510115-1818' }, expect: {} };
    expect(observe(aged, { ...s, today: '2026-01-14' }, { today: TODAY }).end).toBe('ung');
    expect(observe(aged, { ...s, today: '2026-01-15' }, { today: TODAY }).end).toBe('kontrollera');
    expect(observe(aged, { ...s, today: '2026-01-15', rules: { ageLimit: 80 } }, { today: TODAY }).end).toBe('ung');
    expect(observe(aged, s, { today: TODAY }).deadlineDays).toBe(14);
  });

  it('fails, rather than throws, when the walk cannot be made', () => {
    const r = runScenario({ ...def, pages: def.pages.map((p) => (p.kind === 'question' && p.id === 'namn' ? { ...p, next: [{ when: { rule: 'always' }, goto: 'for-vem' }] } : p)) }, { name: 'loop', answers: { forVem: 'mig', over12: 'ja', fornamn: 'E', personnummer: null }, expect: {} }, { today: TODAY });
    expect(r).toMatchObject({ passed: false, differences: [{ expectation: 'walk', actual: 'Journey of "stodsamtal" loops back to page "for-vem"' }] });
  });

  it('overrides only the rule-set values it names', () => {
    expect(withOverrides(defaultForenkladRules, { ageLimit: 80, fees: { maxtaxaMonthly: 3000 } })).toEqual({
      ...defaultForenkladRules,
      ageLimit: 80,
      fees: { ...defaultForenkladRules.fees, maxtaxaMonthly: 3000 },
    });
  });

  it('accepts only what the format knows', () => {
    expect(scenario.safeParse({ name: 'x', answers: {}, expect: { ending: 'klart' } }).success).toBe(false);
    expect(scenario.safeParse({ name: 'x', answers: {}, expect: {}, rules: { ageLimit: 'sjuttiofem' } }).success).toBe(false);
    expect(scenario.safeParse({ name: 'x', today: '2026-11-23T09:30:00.000Z', answers: { a: [{ b: null }] }, expect: {} }).success).toBe(true);
  });
});
