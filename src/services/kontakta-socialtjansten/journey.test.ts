/**
 * Kontakta socialtjänsten: a question answered the ways the person allows, a call-back request that
 * goes straight to the number and times, the interpreter, and the äldreomsorg topic that ends on a
 * page saying where to turn instead.
 */
import { describe, expect, it } from 'vitest';
import { answersOnPath, isComplete, walk, type Answers } from '../../domain/forms/journey.ts';
import { defaultForenkladRules } from '../../domain/rules/forenklad.ts';
import { handlingOf, isAnonymous, partiesOf } from '../../server/apply.ts';
import { getService } from '../index.ts';

const def = getService('kontakta-socialtjansten')!;
const ctx = { today: new Date('2026-11-23T12:00:00Z'), rules: defaultForenkladRules };

// Skatteverket test personnummer.
const PNR = '19800103-2385';
const person: Answers = { tolk: 'nej', fornamn: 'Tolvan', efternamn: 'Testsson', personnummer: PNR };
const phone: Answers = { kontaktTelefon: '070-123 45 67', ringTider: ['formiddag', 'eftermiddag'], ringTiderOvrigt: null, faLamnaMeddelande: 'ja', faSms: 'ja' };

const routes = [
  {
    name: 'a question answered by e-mail only',
    answers: { amne: 'ekonomiskt-bistand', arende: 'fraga', fraga: 'Hur ansöker jag om pengar till glasögon?', faRinga: 'nej', faBrev: 'nej', faEpost: 'ja', kontaktEpost: 'tolvan@exempel.se', ...person },
    asked: ['kontakt-ringa', 'kontakt-epost'],
    notAsked: ['kontakt-telefon', 'kontakt-adress'],
  },
  {
    name: 'a question answered by phone or letter',
    answers: { amne: 'barn-familj', arende: 'fraga', fraga: 'Vi vill ha samarbetssamtal.', faRinga: 'ja', ...phone, faBrev: 'ja', brevAdress: { street: 'Storgatan 1', postcode: '696 30', city: 'Askersund' }, faEpost: 'nej', ...person },
    asked: ['kontakt-ringa', 'kontakt-telefon', 'kontakt-adress'],
    notAsked: ['kontakt-epost', 'kontakt-annat'],
  },
  {
    name: 'a call-back request, with an interpreter',
    answers: { amne: 'annat', arende: 'ring-upp', fraga: 'Jag vill prata om min situation.', ...phone, faBrev: 'nej', faEpost: 'nej', ...person, tolk: 'ja', tolkSprak: 'Somaliska' },
    asked: ['kontakt-telefon', 'kontakt-meddelande', 'tolk-sprak'],
    notAsked: ['kontakt-ringa', 'kontakt-annat'],
  },
];

describe('kontakta socialtjänsten', () => {
  it('is an IFO e-tjänst with the emergency notice, named, with no deadline', () => {
    expect(def).toMatchObject({ area: 'ifo', category: 'ifo', emergencyNotice: true, requiresEid: false });
    expect(def.submitters).toEqual(['self']);
  });

  describe.each(routes)('$name', ({ answers, asked, notAsked }) => {
    it('reaches check-answers with complete answers', () => {
      const w = walk(def, answers, ctx);
      expect(w.current.id).toBe('kontrollera');
      for (const p of asked) expect(w.path).toContain(p);
      for (const p of notAsked) expect(w.path).not.toContain(p);
    });

    it('names the person who asks, and is neither anonymous, due nor urgent', () => {
      const kept = answersOnPath(def, answers, ctx);
      expect(isAnonymous(def, kept)).toBe(false);
      expect(partiesOf(def, kept)).toEqual({ personnummer: PNR, name: 'Tolvan Testsson', onBehalf: false, submitterName: null });
      expect(handlingOf(def, kept, ctx)).toEqual({ dueAt: null, urgent: false });
    });

    it.each(['amne', 'arende', 'fraga', 'faBrev', 'faEpost', 'tolk', 'fornamn', 'efternamn'])('is not complete without %s', (field) => {
      const rest: Answers = { ...answers };
      delete rest[field];
      expect(isComplete(def, rest, ctx)).toBe(false);
    });
  });

  it('does not keep "may we call" from before the person asked to be called back', () => {
    const kept = answersOnPath(def, { ...routes[2]!.answers, faRinga: 'nej' }, ctx);
    expect(kept).not.toHaveProperty('faRinga');
    expect(kept).toHaveProperty('kontaktTelefon');
  });

  it('ends an äldreomsorg question on a page that says where to turn, before anything else is asked', () => {
    const w = walk(def, { amne: 'aldre-funktionsnedsattning', arende: 'fraga', fraga: 'Hemtjänst?' }, ctx);
    expect(w.current).toMatchObject({ id: 'annan-forvaltning', kind: 'exit' });
    expect(w.path).toEqual(['amne', 'annan-forvaltning']);
    expect(isComplete(def, { ...routes[0]!.answers, amne: 'aldre-funktionsnedsattning' }, ctx)).toBe(false);
  });

  it('leaves out the personnummer when it is not given', () => {
    const kept = answersOnPath(def, { ...routes[0]!.answers, personnummer: null }, ctx);
    expect(isComplete(def, kept, ctx)).toBe(true);
    expect(partiesOf(def, kept).personnummer).toBeNull();
  });
});
