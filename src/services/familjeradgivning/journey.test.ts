/**
 * Familjerådgivning – boka samtal, every route to check-answers: alone or as a couple, saying nothing
 * or a little about why, reached by phone, by letter only or by no ordinary way at all. The other
 * person is asked about only for a couple; no personnummer is ever asked for, so no one is named as
 * the subject of a case.
 */
import { describe, expect, it } from 'vitest';
import { answersOnPath, isComplete, walk, type Answers } from '../../domain/forms/journey.ts';
import { defaultForenkladRules } from '../../domain/rules/forenklad.ts';
import { handlingOf, isAnonymous, partiesOf } from '../../server/apply.ts';
import { SAFE_CONTACT_FIELDS } from '../shared-ifo/parts.ts';
import { getService } from '../index.ts';
import { OTHER_PERSON_FIELDS } from './definition.ts';

const def = getService('familjeradgivning')!;
const ctx = { today: new Date('2026-11-23T09:30:00Z'), rules: defaultForenkladRules };

const name: Answers = { fornamn: 'Elva', efternamn: 'Testsson' };
const vague: Answers = { samtalOm: [], samtalOmText: null };
const times: Answers = { tider: ['eftermiddag', 'kvall'], tiderOvrigt: null, samtalsSatt: 'vilket-som' };
const couple: Answers = { samtalMed: 'par', andraNamn: 'Tolvan', andraVillKomma: 'ja' };
const phone: Answers = { faRinga: 'ja', kontaktTelefon: '070-123 45 67', ringTider: ['formiddag'], ringTiderOvrigt: null, faLamnaMeddelande: 'ja', faSms: 'ja', faBrev: 'nej', faEpost: 'nej' };
const letterOnly: Answers = { faRinga: 'nej', faBrev: 'ja', brevAdress: { street: 'Storgatan 1', postcode: '696 30', city: 'Askersund' }, faEpost: 'nej' };
const noWay: Answers = { faRinga: 'nej', faBrev: 'nej', faEpost: 'nej', annatKontaktsatt: 'Jag ringer själv på tisdag.' };

/** The answers with some left unanswered. */
const without = (a: Answers, ...fields: string[]): Answers => Object.fromEntries(Object.entries(a).filter(([k]) => !fields.includes(k)));

const routes: { name: string; answers: Answers; asked: string[]; notAsked: string[]; uploads?: number }[] = [
  {
    name: 'alone, saying nothing about why, reached by phone',
    answers: { samtalMed: 'ensam', ...vague, ...times, tolk: 'nej', ...name, ...phone },
    asked: ['kontakt-telefon', 'kontakt-meddelande'],
    notAsked: ['den-andra', 'tolk-sprak', 'kontakt-adress', 'kontakt-annat'],
  },
  {
    name: 'a couple who want to come together, reached by letter only',
    answers: { ...couple, samtalOm: ['brak', 'barnen'], samtalOmText: 'Vi bråkar mest om barnen.', ...times, tolk: 'nej', ...name, ...letterOnly },
    asked: ['den-andra', 'kontakt-adress'],
    notAsked: ['kontakt-telefon', 'kontakt-epost', 'kontakt-annat'],
  },
  {
    name: 'a couple where the other has not been asked, with an interpreter, reachable in no ordinary way',
    answers: { ...couple, andraVillKomma: 'vet-inte', ...vague, ...times, tolk: 'ja', tolkSprak: 'Tigrinja', ...name, ...noWay },
    asked: ['den-andra', 'tolk-sprak', 'kontakt-annat'],
    notAsked: ['kontakt-telefon', 'kontakt-adress', 'kontakt-epost'],
  },
];

describe('familjerådgivning', () => {
  it('is an IFO booking by the person themselves, not a crisis form, with no deadline', () => {
    expect(def).toMatchObject({ area: 'ifo', category: 'ifo', requiresEid: false, quickExit: false, emergencyNotice: false });
    expect(def.submitters).toEqual(['self']);
    expect(def.handling.dueDays).toBeUndefined();
  });

  it('never asks for a personnummer: familjerådgivningen keeps no journal', () => {
    const types = def.pages.flatMap((p) => (p.kind === 'question' ? p.fields.map((f) => f.type) : []));
    expect(types).not.toContain('personnummer');
    expect(def.subject?.personnummer).toBeUndefined();
  });

  describe.each(routes)('$name', ({ answers, asked, notAsked }) => {
    it('reaches check-answers with complete answers', () => {
      const { path, current } = walk(def, answers, ctx);
      expect(current.id).toBe('kontrollera');
      expect(isComplete(def, answers, ctx)).toBe(true);
      for (const p of asked) expect(path).toContain(p);
      for (const p of notAsked) expect(path).not.toContain(p);
    });

    it('names the person by name only, without a personnummer, and has no deadline', () => {
      const kept = answersOnPath(def, answers, ctx);
      const name = [kept.fornamn, kept.efternamn].filter((v) => typeof v === 'string' && v !== '').join(' ') || null;
      expect(name).not.toBeNull();
      expect(partiesOf(def, kept)).toEqual({ personnummer: null, name, onBehalf: false, submitterName: null });
      expect(isAnonymous(def, kept)).toBe(false);
      expect(handlingOf(def, kept, ctx)).toEqual({ dueAt: null, urgent: false });
    });

    it('keeps only the contact ways the person said yes to', () => {
      const kept = answersOnPath(def, answers, ctx);
      for (const f of SAFE_CONTACT_FIELDS) expect(Object.hasOwn(kept, f), f).toBe(Object.hasOwn(answers, f));
    });

    it.each(['samtalMed', 'tider', 'samtalsSatt', 'tolk', 'fornamn', 'faRinga'])('is not complete without %s', (field) => {
      expect(isComplete(def, without(answers, field), ctx)).toBe(false);
    });
  });

  it('can be sent without saying anything about why', () => {
    const answers = { samtalMed: 'ensam', ...vague, ...times, tolk: 'nej', ...name, ...phone };
    expect(isComplete(def, answers, ctx)).toBe(true);
  });

  it('asks about the other person only for a couple, and drops them when the person then comes alone', () => {
    expect(walk(def, { samtalMed: 'par' }, ctx).current.id).toBe('den-andra');
    const changed = { ...couple, samtalMed: 'ensam', ...vague, ...times, tolk: 'nej', ...name, ...phone };
    const kept = answersOnPath(def, changed, ctx);
    for (const f of OTHER_PERSON_FIELDS) expect(kept, f).not.toHaveProperty(f);
  });
});
