/**
 * Orosanmälan – vuxen, every route to check-answers: an anonymous privatperson (nothing about the
 * reporter kept), a named privatperson and a yrkesverksam. Due 14 days after receipt; urgent when
 * the person is in danger right now.
 */
import { describe, expect, it } from 'vitest';
import { answersOnPath, isComplete, walk, type Answers } from '../../domain/forms/journey.ts';
import { defaultForenkladRules } from '../../domain/rules/forenklad.ts';
import { handlingOf, isAnonymous, partiesOf } from '../../server/apply.ts';
import { REPORTER_IDENTITY_FIELDS } from '../shared-ifo/orosanmalan.ts';
import { getService } from '../index.ts';

const def = getService('orosanmalan-vuxen')!;
const TODAY = new Date('2026-03-28T22:15:00Z');
const ctx = { today: TODAY, rules: defaultForenkladRules };
const DAY = 24 * 60 * 60 * 1000;

// Skatteverket test personnummer.
const PERSON = '19450110-3297';

const concern: Answers = {
  akutFara: 'nej',
  oroGaller: ['sjalvforsummelse', 'vanvard'],
  oroBeskrivning: 'Grannen har inte handlat mat på länge och posten ligger kvar i brevlådan.',
  personFornamn: 'Greta',
  personEfternamn: 'Testsson',
  personPersonnummer: PERSON,
  personAlder: null,
  personAdress: null,
  personTelefon: null,
  personenVet: 'nej',
  barnIHemmet: 'nej',
};
const identity: Answers = { anmalareFornamn: 'Elva', anmalareEfternamn: 'Elvasdotter', anmalareTelefon: '070-123 45 67', anmalareEpost: 'elva@exempel.se' };

const routes = [
  { name: 'an anonymous privatperson', answers: { anmalare: 'privatperson', anonym: 'ja', ...concern }, anonymous: true, asked: [] as string[] },
  {
    name: 'a named privatperson',
    answers: { anmalare: 'privatperson', anonym: 'nej', ...identity, anmalareRelation: 'Granne', faKontaktaAnmalare: 'nej', ...concern },
    anonymous: false,
    asked: ['om-dig', 'relation'],
  },
  {
    name: 'a yrkesverksam',
    answers: { anmalare: 'yrkesverksam', verksamhet: 'aldreomsorg', yrke: 'Undersköterska', arbetsplats: 'Hemtjänsten Norr', ...identity, ...concern },
    anonymous: false,
    asked: ['yrkesverksam', 'om-dig'],
  },
];

describe('orosanmälan vuxen', () => {
  it('is an IFO e-tjänst with quick exit, the emergency notice and the person as subject', () => {
    expect(def).toMatchObject({ area: 'ifo', category: 'ifo', quickExit: true, emergencyNotice: true, requiresEid: false });
    expect(def.handling.dueDays).toBe(14);
    expect(def.subject).toEqual({ personnummer: 'personPersonnummer', name: ['personFornamn', 'personEfternamn'] });
  });

  describe.each(routes)('$name', ({ answers, anonymous, asked }) => {
    it('reaches check-answers with complete answers', () => {
      expect(walk(def, answers, ctx).current.id).toBe('kontrollera');
      const path = walk(def, answers, ctx).path;
      for (const p of asked) expect(path).toContain(p);
    });

    it('keeps the reporter off the submission exactly when anonymous', () => {
      const kept = answersOnPath(def, answers, ctx);
      expect(isAnonymous(def, kept)).toBe(anonymous);
      if (anonymous) for (const f of REPORTER_IDENTITY_FIELDS) expect(kept, f).not.toHaveProperty(f);
      else expect(kept).toHaveProperty('anmalareTelefon', '070-123 45 67');
      expect(partiesOf(def, kept)).toEqual({ personnummer: PERSON, name: 'Greta Testsson', onBehalf: false, submitterName: null });
    });

    it('is due 14 days after receipt, and urgent only when the person is in danger right now', () => {
      const kept = answersOnPath(def, answers, ctx);
      expect(handlingOf(def, kept, ctx)).toEqual({ dueAt: new Date(TODAY.getTime() + 14 * DAY), urgent: false });
      expect(handlingOf(def, { ...kept, akutFara: 'ja' }, ctx).urgent).toBe(true);
      expect(handlingOf(def, { ...kept, akutFara: 'vet-inte' }, ctx).urgent).toBe(false);
    });

    it.each(['akutFara', 'oroGaller', 'oroBeskrivning', 'personenVet', 'barnIHemmet'])('is not complete without %s', (field) => {
      const rest: Answers = { ...answers };
      delete rest[field];
      expect(isComplete(def, rest, ctx)).toBe(false);
    });
  });

  it('asks a yrkesverksam for workplace, profession, name and phone before anything else', () => {
    expect(walk(def, { anmalare: 'yrkesverksam' }, ctx).current.id).toBe('yrkesverksam');
    expect(walk(def, { anmalare: 'yrkesverksam', verksamhet: 'polis', yrke: 'Polis', arbetsplats: 'Polisen' }, ctx).current.id).toBe('om-dig');
  });

  it('drops the name a privatperson gave before choosing to be anonymous', () => {
    const kept = answersOnPath(def, { anmalare: 'privatperson', anonym: 'ja', ...identity, anmalareRelation: 'Dotter', faKontaktaAnmalare: 'ja', ...concern }, ctx);
    for (const f of REPORTER_IDENTITY_FIELDS) expect(kept, f).not.toHaveProperty(f);
  });
});
