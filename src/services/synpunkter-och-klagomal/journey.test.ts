/**
 * Synpunkter och klagomål, every route to check-answers: anonymous (nothing about the person on the
 * path, and no one named), named without wanting an answer, and named wanting an answer by e-mail,
 * phone or letter (only the chosen way is asked). Its own category, so these never mix with
 * applications; no deadline and never urgent.
 */
import { describe, expect, it } from 'vitest';
import { answersOnPath, findPage, isComplete, walk, type Answers } from '../../domain/forms/journey.ts';
import { validatePage } from '../../domain/forms/answers.ts';
import type { QuestionPage } from '../../domain/forms/definition.ts';
import { defaultForenkladRules } from '../../domain/rules/forenklad.ts';
import { handlingOf, isAnonymous, partiesOf } from '../../server/apply.ts';
import { getService, services } from '../index.ts';
import { IDENTITY_FIELDS } from './definition.ts';

const def = getService('synpunkter-och-klagomal')!;
const ctx = { today: new Date('2026-11-23T09:30:00Z'), rules: defaultForenkladRules };

const without = (a: Answers, ...fields: string[]): Answers => Object.fromEntries(Object.entries(a).filter(([k]) => !fields.includes(k)));

const story: Answers = {
  typ: 'klagomal',
  verksamhet: 'aldreomsorg',
  vadHande: 'Hemtjänsten kom inte på tisdagen och ingen ringde.',
  var: 'Hemtjänsten i Askersund',
  datum: '2026-11-17',
};
const named: Answers = { anonym: 'nej', fornamn: 'Elva', efternamn: 'Testsson' };

const routes: { name: string; answers: Answers; anonymous: boolean; asked: string[]; notAsked: string[] }[] = [
  {
    name: 'anonymous',
    answers: { ...story, anonym: 'ja' },
    anonymous: true,
    asked: [],
    notAsked: ['ditt-namn', 'svar', 'svar-satt', 'svar-epost', 'svar-telefon', 'svar-adress'],
  },
  {
    name: 'named, not wanting an answer',
    answers: { ...story, ...named, villHaSvar: 'nej' },
    anonymous: false,
    asked: ['ditt-namn', 'svar'],
    notAsked: ['svar-satt', 'svar-epost', 'svar-telefon', 'svar-adress'],
  },
  {
    name: 'named, wanting an answer by e-mail',
    answers: { ...story, ...named, villHaSvar: 'ja', svarSatt: 'epost', svarEpost: 'elva@exempel.se' },
    anonymous: false,
    asked: ['svar-satt', 'svar-epost'],
    notAsked: ['svar-telefon', 'svar-adress'],
  },
  {
    name: 'named, wanting a phone call',
    answers: { ...story, ...named, villHaSvar: 'ja', svarSatt: 'telefon', svarTelefon: '070-123 45 67' },
    anonymous: false,
    asked: ['svar-telefon'],
    notAsked: ['svar-epost', 'svar-adress'],
  },
  {
    name: 'named, wanting a letter, with nothing said about where or when',
    answers: { ...story, var: null, datum: null, typ: 'forslag', ...named, villHaSvar: 'ja', svarSatt: 'brev', svarAdress: { street: 'Storgatan 1', postcode: '696 30', city: 'Askersund' } },
    anonymous: false,
    asked: ['svar-adress'],
    notAsked: ['svar-epost', 'svar-telefon'],
  },
];

describe('synpunkter och klagomål', () => {
  it('has its own category, apart from the IFO applications, and allows anonymity', () => {
    expect(def).toMatchObject({ area: 'ifo', category: 'synpunkter', requiresEid: false, quickExit: false, emergencyNotice: false });
    expect(def.submitters).toEqual(['self', 'anonymous']);
    expect(def.anonymous).toEqual({ field: 'anonym', equals: 'ja' });
    expect(services.filter((s) => s.category === 'synpunkter').map((s) => s.id)).toEqual(['synpunkter-och-klagomal']);
  });

  describe.each(routes)('$name', ({ answers, anonymous, asked, notAsked }) => {
    it('reaches check-answers with complete answers', () => {
      const { path, current } = walk(def, answers, ctx);
      expect(current.id).toBe('kontrollera');
      expect(isComplete(def, answers, ctx)).toBe(true);
      for (const p of asked) expect(path).toContain(p);
      for (const p of notAsked) expect(path).not.toContain(p);
    });

    it('keeps the person off the submission exactly when anonymous, and names no submitter', () => {
      const kept = answersOnPath(def, answers, ctx);
      expect(isAnonymous(def, kept)).toBe(anonymous);
      if (anonymous) for (const f of IDENTITY_FIELDS) expect(kept, f).not.toHaveProperty(f);
      else expect(kept).toHaveProperty('fornamn', 'Elva');
      // A named synpunkt shows its author's name in the queue; an anonymous one shows none.
      const parties = partiesOf(def, kept);
      expect(parties).toMatchObject({ personnummer: null, onBehalf: false, submitterName: null });
      if (anonymous) expect(parties.name).toBeNull();
      else expect(parties.name).toMatch(/^Elva\b/);
    });

    it('has no deadline and is never urgent', () => {
      expect(handlingOf(def, answersOnPath(def, answers, ctx), ctx)).toEqual({ dueAt: null, urgent: false });
    });

    it.each(['typ', 'verksamhet', 'vadHande', 'anonym'])('is not complete without %s', (field) => {
      expect(isComplete(def, without(answers, field), ctx)).toBe(false);
    });
  });

  it('drops the name and contact details given before choosing to be anonymous', () => {
    const changed = { ...story, ...named, villHaSvar: 'ja', svarSatt: 'telefon', svarTelefon: '070-123 45 67', anonym: 'ja' };
    const kept = answersOnPath(def, changed, ctx);
    for (const f of IDENTITY_FIELDS) expect(kept, f).not.toHaveProperty(f);
    expect(isAnonymous(def, kept)).toBe(true);
  });

  it('asks only the way of answering that was chosen, and drops the others when it changes', () => {
    const changed = { ...story, ...named, villHaSvar: 'ja', svarSatt: 'telefon', svarEpost: 'elva@exempel.se', svarTelefon: '070-123 45 67' };
    const kept = answersOnPath(def, changed, ctx);
    expect(kept).toHaveProperty('svarTelefon');
    expect(kept).not.toHaveProperty('svarEpost');
    expect(answersOnPath(def, { ...changed, villHaSvar: 'nej' }, ctx)).not.toHaveProperty('svarTelefon');
  });

  it('accepts a date in the past but not one after today', () => {
    const page = findPage(def, 'var-och-nar') as QuestionPage;
    const at = (day: string) => validatePage(page, { var: '', 'datum.day': day, 'datum.month': '11', 'datum.year': '2026' }, ctx);
    expect(at('17')).toEqual({ ok: true, answers: { var: null, datum: '2026-11-17' } });
    const future = at('24');
    expect(future.ok ? [] : future.errors.map((e) => e.code)).toEqual(['notPast']);
  });
});
