/**
 * The four förenklad e-tjänster share their parts (the same eligibility and applicant pages in
 * each), and each is offered unless the municipality leaves its insats out. Their journeys are in
 * the scenarios of their documents (db/seed/e-tjanster, ./scenarios.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { defaultForenkladRules, isOffered } from '../../domain/rules/forenklad.ts';
import { seededService } from './seed.ts';

const FORENKLAD = ['trygghetslarm', 'tvatt', 'stadning', 'digitala-inkop'] as const;

describe('the förenklad offer', () => {
  it('shares its parts: the same eligibility and applicant pages in every e-tjänst', () => {
    const shared = ['vem-ansoker', 'om-dig', 'samtycke', 'fullmakt', 'personnummer', 'folkbokforing', 'boende', 'hushall', 'hushall-personnummer', 'personuppgifter', 'avgift', 'inkomst', 'kontrollera'];
    // The routes out of the eligibility step go on to each e-tjänst's own first question; the rest is identical.
    const content = (id: string, pageId: string) => {
      const def = seededService(id);
      const p = def.pages.find((x) => x.id === pageId);
      // Each version's texts are keys in its own namespace: the structure is compared without it.
      const content = p?.kind === 'question' ? { ...p, next: p.next.map((r) => r.when) } : p;
      return JSON.parse(JSON.stringify(content).replaceAll(`etj.${def.id}.v${def.version}:`, ''));
    };
    for (const id of FORENKLAD) {
      for (const p of shared) expect(content(id, p), `${id}/${p}`).toEqual(content('tvatt', p));
    }
  });
});

describe.each(FORENKLAD)('%s', (id) => {
  it('is offered unless the municipality leaves its insats out', () => {
    const insats = seededService(id).forenkladInsats;
    expect(isOffered(defaultForenkladRules, insats)).toBe(true);
    expect(isOffered({ offered: [] }, insats)).toBe(false);
    expect(isOffered({ offered: insats ? [insats] : [] }, insats)).toBe(true);
  });
});
