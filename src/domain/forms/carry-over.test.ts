import { describe, expect, it } from 'vitest';
import { seededService } from '../../server/etjanster/seed.ts';
import { carriedOver, continuedFrom } from './carry-over.ts';

const ordinary = seededService('bistand-aldreomsorg');

describe('answers carried from a förenklad e-tjänst to the ordinary äldreomsorg application', () => {
  it("carries what a 60-year-old's daughter answered before the age rule stopped them, and the insats applied for", () => {
    // Skatteverket test personnummer: 19660106-2620 (60 in 2026), the ombud's own answers.
    const answers = {
      soker: 'annan',
      ombudFornamn: 'Anna',
      ombudEfternamn: 'Dottersson',
      ombudTelefon: '070-444 55 66',
      ombudEpost: null,
      relation: 'barn',
      samtycke: 'intygar',
      fullmakt: { id: 'u1', name: 'fullmakt.pdf' },
      personnummer: '19660106-2620',
      larmtyp: 'hemma',
    };
    expect(carriedOver(seededService('trygghetslarm'), answers, ordinary)).toEqual({
      soker: 'annan',
      ombudFornamn: 'Anna',
      ombudEfternamn: 'Dottersson',
      ombudTelefon: '070-444 55 66',
      // Left empty, and answered so: the page it is on counts as answered.
      ombudEpost: null,
      relation: 'barn',
      samtycke: 'intygar',
      personnummer: '19660106-2620',
      insatser: ['trygghetslarm'],
    });
  });

  it('carries a choice only as an option the ordinary application has, and maps tvätt to hemtjänst', () => {
    const r = carriedOver(seededService('tvatt'), { soker: 'sjalv', personnummer: '19660106-2620', boende: 'sarskilt', folkbokford: 'nej' }, ordinary);
    expect(r).toEqual({ soker: 'sjalv', personnummer: '19660106-2620', boende: 'sarskilt', insatser: ['hemtjanst'], hemtjanstHjalp: ['tvatt'] });
    const odd = carriedOver(seededService('tvatt'), { soker: 'nagon-annan-variant', boende: 'husvagn' }, ordinary);
    expect(odd).toEqual({ insatser: ['hemtjanst'], hemtjanstHjalp: ['tvatt'] });
  });

  it('carries nothing from an e-tjänst that asks nothing the ordinary application asks', () => {
    expect(carriedOver(seededService('synpunkter-och-klagomal'), { synpunkt: 'x' }, ordinary)).toEqual({});
  });
});

describe('fortsatt ansökan: the next ekonomiskt bistånd starts from the previous one', () => {
  const eb = seededService('ekonomiskt-bistand');
  // Skatteverket test personnummer.
  const previous = {
    fornamn: 'Tolvan',
    efternamn: 'Testsson',
    personnummer: '19891231-2389',
    adress: { street: 'Storgatan 1', postcode: '696 30', city: 'Askersund' },
    telefon: '070-123 45 67',
    epost: null,
    harMedsokande: 'nej',
    harBarn: 'ja',
    barn: [{ barnNamn: 'Tolva Testsson', barnPersonnummer: '20180102-2383', barnBoende: 'heltid' }],
    boendeform: 'hyresratt',
    hyra: 6800,
    kontrakt: 'jag',
    inkomstAkassa: 9200,
    inkomstLon: null,
    sysselsattning: ['studier'],
    ersattningarFar: [],
    ersattningarSokt: ['bostadsbidrag'],
    utgiftEl: 450,
    tillgangBank: 1200,
    ansokerOm: ['forsorjningsstod'],
    manad: 'december',
    bilagaKontoutdrag: { id: 'u1', name: 'kontoutdrag.pdf' },
  };

  it('keeps household, housing, regular income and expenses, and asks the month, assets and receipts afresh', () => {
    const r = continuedFrom(eb, previous, eb);
    expect(r).toEqual({
      fornamn: 'Tolvan',
      efternamn: 'Testsson',
      adress: { street: 'Storgatan 1', postcode: '696 30', city: 'Askersund' },
      telefon: '070-123 45 67',
      epost: null,
      harMedsokande: 'nej',
      harBarn: 'ja',
      barn: [{ barnNamn: 'Tolva Testsson', barnPersonnummer: '20180102-2383', barnBoende: 'heltid' }],
      boendeform: 'hyresratt',
      hyra: 6800,
      kontrakt: 'jag',
      inkomstAkassa: 9200,
      inkomstLon: null,
      sysselsattning: ['studier'],
      // Nothing chosen is an answer too: without it the page would be unanswered, and every answer after it lost.
      ersattningarFar: [],
      ersattningarSokt: ['bostadsbidrag'],
      utgiftEl: 450,
    });
  });

  it('starts from nothing in an e-tjänst without a continuation', () => {
    expect(continuedFrom(eb, previous, seededService('tvatt'))).toEqual({});
  });
});
