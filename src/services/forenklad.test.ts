/**
 * The four förenklad e-tjänster against the municipality's rule set: every rule at its boundary,
 * the household rule, on-behalf applications (eligibility is the person's, never the ombud's), the
 * consent branch and the fee step. Table-driven over all four definitions, which share these parts.
 */
import { describe, expect, it } from 'vitest';
import { defaultForenkladRules, isOffered, type ForenkladRules } from '../domain/rules/forenklad.ts';
import { answersOnPath, isComplete, walk, type Answers, type JourneyContext } from '../domain/forms/journey.ts';
import { partiesOf } from '../server/apply.ts';
import { getService, getServiceVersion, services } from './index.ts';

const noon = (isoDate: string): Date => new Date(`${isoDate}T12:00:00Z`);
const ctx = (today: Date, rules: Partial<ForenkladRules> = {}): JourneyContext => ({ today, rules: { ...defaultForenkladRules, ...rules } });
const TODAY = noon('2026-11-23');

// Skatteverket test personnummer. 195101151818 turns 75 on 2026-01-15.
const OLD = '19450110-3297';
const TURNS_75_ON_2026_01_15 = '19510115-1818';
const YOUNG = '19900101-2385';

const FORENKLAD = ['trygghetslarm', 'tvatt', 'stadning', 'digitala-inkop'] as const;

/** Answers to each e-tjänst's own questions (what follows eligibility and precedes the applicant step). */
const OWN: Record<(typeof FORENKLAD)[number], Answers> = {
  trygghetslarm: {
    larmtyp: 'mobilt',
    kontaktpersoner: [
      { namn: 'Tolvan Tolvansson', relation: 'son', telefon: '070-123 45 67' },
      { namn: 'Elva Elvasdotter', relation: 'granne', telefon: '070-765 43 21' },
    ],
    nyckelhantering: 'nyckelgomma',
    nyckelOvrigt: null,
  },
  tvatt: { tvattmojlighet: 'tvattstuga', tvattOnskemal: null },
  stadning: { bostadsstorlek: 'tva-rum', husdjur: 'nej', stadOnskemal: null },
  'digitala-inkop': { bestallningssatt: 'med-hjalp', leveransdagar: ['tisdag', 'fredag'], kost: null },
};

const person = { fornamn: 'Greta', efternamn: 'Testsson', adress: { street: 'Storgatan 1', postcode: '69630', city: 'Askersund' }, telefon: '070-111 22 33', epost: null };
const ombud = { ombudFornamn: 'Anna', ombudEfternamn: 'Testsson', ombudTelefon: '070-444 55 66', ombudEpost: null, relation: 'barn' };

function self(id: (typeof FORENKLAD)[number], extra: Answers = {}): Answers {
  return { soker: 'sjalv', personnummer: OLD, folkbokford: 'ja', boende: 'ordinart', ...OWN[id], ...person, avgift: 'maxtaxa', ...extra };
}
function forSomeone(id: (typeof FORENKLAD)[number], extra: Answers = {}): Answers {
  return { ...self(id), soker: 'annan', ...ombud, samtycke: 'intygar', ...extra };
}
const pathOf = (id: string, answers: Answers, c = ctx(TODAY)) => walk(getService(id)!, answers, c).path;
const endOf = (id: string, answers: Answers, c = ctx(TODAY)) => walk(getService(id)!, answers, c).current.id;

describe('the förenklad offer', () => {
  it('has all four e-tjänster registered, in the äldreomsorg area, each for its own insats', () => {
    for (const id of FORENKLAD) {
      const def = getService(id);
      expect(def, id).toBeDefined();
      expect(def?.area).toBe('aldreomsorg');
      expect(def?.category).toBe('forenklad');
    }
    expect(new Set(FORENKLAD.map((id) => getService(id)?.forenkladInsats)).size).toBe(4);
    expect(services.filter((s) => s.category === 'forenklad').map((s) => s.id).sort()).toEqual([...FORENKLAD].sort());
  });

  it('keeps trygghetslarm version 1 for the submissions made with it', () => {
    expect(getServiceVersion('trygghetslarm', 1)?.pages.some((p) => p.id === 'dina-uppgifter')).toBe(true);
    expect(getService('trygghetslarm')?.version).toBe(2);
  });

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
  it('is complete for an eligible person applying for themselves, without the on-behalf or household pages', () => {
    const answers = self(id);
    expect(isComplete(getService(id)!, answers, ctx(TODAY))).toBe(true);
    const path = pathOf(id, answers);
    for (const p of ['om-dig', 'samtycke', 'fullmakt', 'hushall', 'inkomst']) expect(path).not.toContain(p);
    expect(partiesOf(getService(id)!, answers)).toEqual({ personnummer: OLD, name: 'Greta Testsson', onBehalf: false, submitterName: null });
  });

  describe('age limit', () => {
    it.each([
      { today: '2026-01-14', limit: 75, end: 'for-ung', when: 'the day before the 75th birthday' },
      { today: '2026-01-15', limit: 75, end: 'kontrollera', when: 'on the 75th birthday' },
      { today: '2026-01-15', limit: 80, end: 'for-ung', when: 'on the 75th birthday with a configured limit of 80' },
      { today: '2026-01-14', limit: 70, end: 'kontrollera', when: 'the day before the 75th birthday with a limit of 70' },
    ])('$when → $end', ({ today, limit, end }) => {
      expect(endOf(id, self(id, { personnummer: TURNS_75_ON_2026_01_15 }), ctx(noon(today), { ageLimit: limit }))).toBe(end);
    });
  });

  it('exits when the person is not folkbokförd, unless the municipality does not require it', () => {
    expect(endOf(id, self(id, { folkbokford: 'nej' }))).toBe('ej-folkbokford');
    expect(endOf(id, self(id, { folkbokford: 'nej' }), ctx(TODAY, { requireFolkbokford: false }))).toBe('kontrollera');
  });

  it('exits for särskilt boende, unless the municipality does not require ordinary housing', () => {
    expect(endOf(id, self(id, { boende: 'sarskilt' }))).toBe('sarskilt-boende');
    expect(endOf(id, self(id, { boende: 'sarskilt' }), ctx(TODAY, { requireOrdinaryHousing: false }))).toBe('kontrollera');
  });

  describe('household rule', () => {
    const on = (today = TODAY) => ctx(today, { householdMustMeetAgeLimit: true });

    it('is not asked when the municipality does not require it, and a stale answer does not count', () => {
      const answers = self(id, { sammanboende: 'ja', sammanboendePersonnummer: YOUNG });
      expect(pathOf(id, answers)).not.toContain('hushall');
      expect(endOf(id, answers)).toBe('kontrollera');
      expect(answersOnPath(getService(id)!, answers, ctx(TODAY))).not.toHaveProperty('sammanboendePersonnummer');
    });

    it('asks whether anyone else lives in the home when required', () => {
      expect(endOf(id, self(id), on())).toBe('hushall');
      expect(endOf(id, self(id, { sammanboende: 'nej' }), on())).toBe('kontrollera');
      expect(endOf(id, self(id, { sammanboende: 'ja' }), on())).toBe('hushall-personnummer');
    });

    it('exits when someone in the household is below the age limit, at the boundary day', () => {
      expect(endOf(id, self(id, { sammanboende: 'ja', sammanboendePersonnummer: YOUNG }), on())).toBe('hushall-for-ung');
      const partner = self(id, { sammanboende: 'ja', sammanboendePersonnummer: TURNS_75_ON_2026_01_15 });
      expect(endOf(id, partner, on(noon('2026-01-14')))).toBe('hushall-for-ung');
      expect(endOf(id, partner, on(noon('2026-01-15')))).toBe('kontrollera');
    });
  });

  describe('on behalf', () => {
    it('asks the ombud about themselves and the consent, and records "X för Y"', () => {
      const answers = forSomeone(id);
      expect(isComplete(getService(id)!, answers, ctx(TODAY))).toBe(true);
      const path = pathOf(id, answers);
      expect(path).toContain('om-dig');
      expect(path).toContain('samtycke');
      expect(path).not.toContain('fullmakt');
      expect(partiesOf(getService(id)!, answers)).toEqual({ personnummer: OLD, name: 'Greta Testsson', onBehalf: true, submitterName: 'Anna Testsson' });
    });

    it('asks for the fullmakt when there is one instead of a statement', () => {
      expect(endOf(id, forSomeone(id, { samtycke: 'fullmakt' }))).toBe('fullmakt');
      const withFile = forSomeone(id, { samtycke: 'fullmakt', fullmakt: { id: '00000000-0000-4000-8000-000000000001', name: 'fullmakt.pdf', size: 1234, kind: 'pdf' } });
      expect(endOf(id, withFile)).toBe('kontrollera');
      expect(pathOf(id, withFile)).toContain('fullmakt');
    });

    it('applies eligibility to the person, not the ombud: a young ombud for an old person may apply', () => {
      // The ombud's own age is never asked; the only personnummer is the person's.
      expect(endOf(id, forSomeone(id, { personnummer: OLD }))).toBe('kontrollera');
      expect(endOf(id, forSomeone(id, { personnummer: YOUNG }))).toBe('for-ung');
      expect(endOf(id, forSomeone(id, { folkbokford: 'nej' }))).toBe('ej-folkbokford');
      expect(endOf(id, forSomeone(id, { boende: 'sarskilt' }))).toBe('sarskilt-boende');
    });

    it('drops the ombud answers when the applicant changes to applying for themselves', () => {
      const changed = { ...forSomeone(id), soker: 'sjalv' };
      const kept = answersOnPath(getService(id)!, changed, ctx(TODAY));
      expect(kept).not.toHaveProperty('ombudFornamn');
      expect(partiesOf(getService(id)!, kept).onBehalf).toBe(false);
    });
  });

  it('asks for income only when the applicant does not choose the maxtaxa', () => {
    expect(pathOf(id, self(id))).not.toContain('inkomst');
    expect(endOf(id, self(id, { avgift: 'inkomst' }))).toBe('inkomst');
    expect(endOf(id, self(id, { avgift: 'inkomst', inkomstPension: 14500, inkomstOvrig: null, bostadskostnad: 6800, bostadstillagg: 'nej' }))).toBe('kontrollera');
  });

  it('is offered unless the municipality leaves its insats out', () => {
    const insats = getService(id)!.forenkladInsats;
    expect(isOffered(defaultForenkladRules, insats)).toBe(true);
    expect(isOffered({ offered: [] }, insats)).toBe(false);
    expect(isOffered({ offered: insats ? [insats] : [] }, insats)).toBe(true);
  });
});
