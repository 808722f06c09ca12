/**
 * Våld i nära relation – få stöd: every safe-contact route reaches check-answers, nothing about a
 * channel the person said no to is kept, the safe person and the interpreter are asked only when
 * wanted, and "in danger right now" makes the case urgent (with no förhandsbedömning deadline).
 */
import { describe, expect, it } from 'vitest';
import { answersOnPath, isComplete, walk, type Answers } from '../../domain/forms/journey.ts';
import { defaultForenkladRules } from '../../domain/rules/forenklad.ts';
import { handlingOf, isAnonymous, partiesOf } from '../../server/apply.ts';
import { getService } from '../index.ts';

const def = getService('vald-i-nara-relation')!;
const ctx = { today: new Date('2026-11-23T12:00:00Z'), rules: defaultForenkladRules };

const base: Answers = {
  akutFara: 'nej',
  stodOnskas: ['samtal', 'barn'],
  berattaMer: null,
  borMedUtovare: 'ja',
  barnIHemmet: 'ja',
  skyddadeUppgifter: 'nej',
  tryggPerson: 'nej',
  tolk: 'nej',
  fornamn: 'Elva',
  efternamn: 'Testsson',
  // Skatteverket test personnummer.
  personnummer: '19800102-2386',
};
const phone = { faRinga: 'ja', kontaktTelefon: '070-123 45 67', ringTider: ['formiddag'], ringTiderOvrigt: 'Inte efter klockan 15', faLamnaMeddelande: 'nej', faSms: 'nej' };
const noPhone = { faRinga: 'nej' };
const noLetter = { faBrev: 'nej' };
const letter = { faBrev: 'ja', brevAdress: { street: 'Kyrkogatan 2', postcode: '696 31', city: 'Askersund' } };
const noMail = { faEpost: 'nej' };
const mail = { faEpost: 'ja', kontaktEpost: 'elva@exempel.se' };

const routes = [
  { name: 'phone at set times, no message, nothing sent home', answers: { ...base, ...phone, ...noLetter, ...noMail }, asked: ['kontakt-telefon', 'kontakt-meddelande'], notAsked: ['kontakt-adress', 'kontakt-epost', 'kontakt-annat'] },
  { name: 'letters to a safe address only', answers: { ...base, ...noPhone, ...letter, ...noMail }, asked: ['kontakt-adress'], notAsked: ['kontakt-telefon', 'kontakt-meddelande', 'kontakt-annat'] },
  { name: 'e-mail only', answers: { ...base, ...noPhone, ...noLetter, ...mail }, asked: ['kontakt-epost'], notAsked: ['kontakt-telefon', 'kontakt-adress', 'kontakt-annat'] },
  {
    name: 'no way at all, through a safe person, with an interpreter',
    answers: { ...base, ...noPhone, ...noLetter, ...noMail, annatKontaktsatt: 'Ring min syster.', tryggPerson: 'ja', tryggPersonNamn: 'Tolva Testsson', tryggPersonTelefon: '070-765 43 21', tryggPersonRelation: 'Syster', tolk: 'ja', tolkSprak: 'Arabiska' },
    asked: ['kontakt-annat', 'trygg-person-uppgifter', 'tolk-sprak'],
    notAsked: ['kontakt-telefon', 'kontakt-adress', 'kontakt-epost'],
  },
];

describe('våld i nära relation', () => {
  it('is an IFO e-tjänst with quick exit and the emergency notice, not anonymous, with no deadline', () => {
    expect(def).toMatchObject({ area: 'ifo', category: 'ifo', quickExit: true, emergencyNotice: true, requiresEid: false });
    expect(def.submitters).not.toContain('anonymous');
    expect(def.anonymous).toBeUndefined();
    expect(def.handling.dueDays).toBeUndefined();
  });

  it('asks first whether the person is in danger right now', () => {
    expect(walk(def, {}, ctx).current.id).toBe('akut');
  });

  describe.each(routes)('$name', ({ answers, asked, notAsked }) => {
    it('reaches check-answers with complete answers', () => {
      expect(walk(def, answers, ctx).current.id).toBe('kontrollera');
      const path = walk(def, answers, ctx).path;
      for (const p of asked) expect(path).toContain(p);
      for (const p of notAsked) expect(path).not.toContain(p);
    });

    it('names the person, with no submitter and not anonymous', () => {
      const kept = answersOnPath(def, answers, ctx);
      expect(isAnonymous(def, kept)).toBe(false);
      expect(partiesOf(def, kept)).toEqual({ personnummer: '19800102-2386', name: 'Elva Testsson', onBehalf: false, submitterName: null });
    });

    it('is urgent only when the person is in danger right now', () => {
      const kept = answersOnPath(def, answers, ctx);
      expect(handlingOf(def, kept, ctx)).toEqual({ dueAt: null, urgent: false });
      expect(handlingOf(def, { ...kept, akutFara: 'ja' }, ctx).urgent).toBe(true);
    });

    it.each(['akutFara', 'stodOnskas', 'barnIHemmet', 'faRinga', 'tryggPerson', 'tolk', 'fornamn'])('is not complete without %s', (field) => {
      const rest: Answers = { ...answers };
      delete rest[field];
      expect(isComplete(def, rest, ctx)).toBe(false);
    });
  });

  it('keeps no address when the person changes to "no letters"', () => {
    const kept = answersOnPath(def, { ...base, ...phone, ...letter, ...noMail, faBrev: 'nej' }, ctx);
    expect(kept).not.toHaveProperty('brevAdress');
    expect(kept).toHaveProperty('faBrev', 'nej');
  });

  it('asks for the safe person only when there is one, and the language only when an interpreter is needed', () => {
    const withPerson = { ...base, ...phone, ...noLetter, ...noMail, tryggPerson: 'ja' };
    expect(walk(def, withPerson, ctx).current.id).toBe('trygg-person-uppgifter');
    const needsInterpreter = { ...base, ...phone, ...noLetter, ...noMail, tolk: 'ja' };
    expect(walk(def, needsInterpreter, ctx).current.id).toBe('tolk-sprak');
    expect(answersOnPath(def, { ...base, ...phone, ...noLetter, ...noMail, tryggPersonNamn: 'Kvar', tolkSprak: 'Kvar' }, ctx)).not.toHaveProperty('tryggPersonNamn');
  });
});
