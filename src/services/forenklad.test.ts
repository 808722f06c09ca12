/**
 * The four förenklad e-tjänster share their parts (the same eligibility and applicant pages in
 * each), and each is offered unless the municipality leaves its insats out. Their journeys are in
 * the scenario tables (./shared/forenklad-scenarios.ts).
 */
import { describe, expect, it } from 'vitest';
import { defaultForenkladRules, isOffered } from '../domain/rules/forenklad.ts';
import { getService } from './index.ts';

const FORENKLAD = ['trygghetslarm', 'tvatt', 'stadning', 'digitala-inkop'] as const;

describe('the förenklad offer', () => {
  it('shares its parts: the same eligibility and applicant pages in every e-tjänst', () => {
    const shared = ['vem-ansoker', 'om-dig', 'samtycke', 'fullmakt', 'personnummer', 'folkbokforing', 'boende', 'hushall', 'hushall-personnummer', 'personuppgifter', 'avgift', 'inkomst', 'kontrollera'];
    // The routes out of the eligibility step go on to each e-tjänst's own first question; the rest is identical.
    const content = (id: string, pageId: string) => {
      const p = getService(id)!.pages.find((x) => x.id === pageId);
      return p?.kind === 'question' ? { ...p, next: p.next.map((r) => r.when) } : p;
    };
    for (const id of FORENKLAD) {
      for (const p of shared) expect(content(id, p), `${id}/${p}`).toEqual(content('tvatt', p));
    }
  });
});

describe.each(FORENKLAD)('%s', (id) => {
  it('is offered unless the municipality leaves its insats out', () => {
    const insats = getService(id)!.forenkladInsats;
    expect(isOffered(defaultForenkladRules, insats)).toBe(true);
    expect(isOffered({ offered: [] }, insats)).toBe(false);
    expect(isOffered({ offered: insats ? [insats] : [] }, insats)).toBe(true);
  });
});
