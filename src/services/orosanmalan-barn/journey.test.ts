/**
 * Orosanmälan – barn, every route to check-answers: an anonymous privatperson (nothing about the
 * reporter kept), a named privatperson, and a yrkesverksam who must identify themselves. The
 * förhandsbedömning is due 14 days after receipt; "the child is in danger right now" makes it urgent.
 */
import { describe, expect, it } from 'vitest';
import { answersOnPath, isComplete, walk, type Answers } from '../../domain/forms/journey.ts';
import { defaultForenkladRules } from '../../domain/rules/forenklad.ts';
import { handlingOf, isAnonymous, partiesOf } from '../../server/apply.ts';
import { REPORTER_IDENTITY_FIELDS } from '../shared-ifo/orosanmalan.ts';
import { getService } from '../index.ts';

const def = getService('orosanmalan-barn')!;
const TODAY = new Date('2026-11-23T09:30:00Z');
const ctx = { today: TODAY, rules: defaultForenkladRules };
const DAY = 24 * 60 * 60 * 1000;

// Skatteverket test personnummer.
const CHILD = '20180101-2392';

const concern: Answers = {
  akutFara: 'nej',
  oroGaller: ['forsummelse', 'skolfranvaro'],
  oroBeskrivning: 'Barnet kommer ofta till skolan utan frukost och har varit borta många dagar.',
  barnFornamn: 'Tolvan',
  barnEfternamn: 'Testsson',
  barnPersonnummer: CHILD,
  barnAlder: null,
  barnAdress: { street: 'Storgatan 1', postcode: '696 30', city: 'Askersund' },
  barnSkola: 'Centralskolan',
  vardnadshavare: null,
  vardnadshavareVet: 'vet-inte',
  andraBarn: null,
};
const identity: Answers = { anmalareFornamn: 'Elva', anmalareEfternamn: 'Elvasdotter', anmalareTelefon: '070-123 45 67', anmalareEpost: null };

const routes = [
  { name: 'an anonymous privatperson', answers: { anmalare: 'privatperson', anonym: 'ja', ...concern }, anonymous: true, asked: [] as string[] },
  {
    name: 'a named privatperson',
    answers: { anmalare: 'privatperson', anonym: 'nej', ...identity, anmalareRelation: 'Granne', faKontaktaAnmalare: 'ja', ...concern },
    anonymous: false,
    asked: ['om-dig', 'relation'],
  },
  {
    name: 'a yrkesverksam',
    answers: { anmalare: 'yrkesverksam', verksamhet: 'skola', yrke: 'Lärare', arbetsplats: 'Centralskolan', ...identity, ...concern },
    anonymous: false,
    asked: ['yrkesverksam', 'om-dig'],
  },
];

describe('orosanmälan barn', () => {
  it('is an IFO e-tjänst with quick exit, the emergency notice and the child as subject', () => {
    expect(def).toMatchObject({ area: 'ifo', category: 'ifo', quickExit: true, emergencyNotice: true, requiresEid: false });
    expect(def.submitters).toEqual(expect.arrayContaining(['anonymous']));
    expect(def.handling.dueDays).toBe(14);
  });

  describe.each(routes)('$name', ({ answers, anonymous, asked }) => {
    it('reaches check-answers with complete answers', () => {
      expect(walk(def, answers, ctx).current.id).toBe('kontrollera');
      expect(isComplete(def, answers, ctx)).toBe(true);
      const path = walk(def, answers, ctx).path;
      for (const p of asked) expect(path).toContain(p);
    });

    it('keeps the reporter off the submission exactly when anonymous', () => {
      const kept = answersOnPath(def, answers, ctx);
      expect(isAnonymous(def, kept)).toBe(anonymous);
      for (const f of REPORTER_IDENTITY_FIELDS) {
        if (anonymous) expect(kept, f).not.toHaveProperty(f);
      }
      if (!anonymous) expect(kept).toHaveProperty('anmalareFornamn', 'Elva');
      expect(partiesOf(def, kept)).toEqual({ personnummer: CHILD, name: 'Tolvan Testsson', onBehalf: false, submitterName: null });
    });

    it('is due 14 days after receipt, and urgent only when the child is in danger right now', () => {
      const kept = answersOnPath(def, answers, ctx);
      expect(handlingOf(def, kept, ctx)).toEqual({ dueAt: new Date(TODAY.getTime() + 14 * DAY), urgent: false });
      expect(handlingOf(def, { ...kept, akutFara: 'vet-inte' }, ctx).urgent).toBe(false);
      expect(handlingOf(def, { ...kept, akutFara: 'ja' }, ctx).urgent).toBe(true);
    });

    it.each(['akutFara', 'oroGaller', 'oroBeskrivning', 'vardnadshavareVet'])('is not complete without %s', (field) => {
      const rest: Answers = { ...answers };
      delete rest[field];
      expect(isComplete(def, rest, ctx)).toBe(false);
    });
  });

  it('drops the name a privatperson gave before choosing to be anonymous', () => {
    const changed = { anmalare: 'privatperson', anonym: 'ja', ...identity, anmalareRelation: 'Moster', faKontaktaAnmalare: 'ja', ...concern };
    const kept = answersOnPath(def, changed, ctx);
    for (const f of REPORTER_IDENTITY_FIELDS) expect(kept, f).not.toHaveProperty(f);
    expect(walk(def, changed, ctx).path).not.toContain('om-dig');
  });

  it('does not let a yrkesverksam be anonymous or skip their identity', () => {
    const yrkes = { anmalare: 'yrkesverksam', anonym: 'ja', ...concern };
    expect(walk(def, yrkes, ctx).current.id).toBe('yrkesverksam');
    expect(walk(def, { ...yrkes, verksamhet: 'polis', yrke: 'Polis', arbetsplats: 'Polisen i Askersund' }, ctx).current.id).toBe('om-dig');
    expect(isAnonymous(def, answersOnPath(def, yrkes, ctx))).toBe(false);
  });

  it('accepts a report where nothing about the child is known', () => {
    const unknown = { anmalare: 'privatperson', anonym: 'ja', ...concern, barnFornamn: null, barnEfternamn: null, barnPersonnummer: null, barnAdress: null, barnSkola: null, barnAlder: 'ungefär 8' };
    expect(isComplete(def, unknown, ctx)).toBe(true);
    expect(partiesOf(def, answersOnPath(def, unknown, ctx))).toMatchObject({ personnummer: null, name: null });
  });
});
