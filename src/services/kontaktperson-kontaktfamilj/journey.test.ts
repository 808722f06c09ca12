/**
 * Ansökan om kontaktperson eller kontaktfamilj, every route to check-answers: for oneself, for a
 * child with one guardian, and for a child with two (the other guardian agreeing or not yet asked).
 * The matter always concerns the person who is to get the support; a guardian is recorded as
 * applying for the child; nothing about guardians is kept for someone applying for themselves; and
 * texts speak about the child when the application is for one.
 */
import { describe, expect, it } from 'vitest';
import { answersOnPath, findPage, isComplete, walk, type Answers } from '../../domain/forms/journey.ts';
import { validatePage } from '../../domain/forms/answers.ts';
import type { QuestionPage } from '../../domain/forms/definition.ts';
import { defaultForenkladRules } from '../../domain/rules/forenklad.ts';
import { translator } from '../../i18n/index.ts';
import { textParamsFor } from '../../i18n/display.ts';
import { translateErrors } from '../../components/errors.ts';
import { handlingOf, isAnonymous, partiesOf } from '../../server/apply.ts';
import { getService } from '../index.ts';
import { GUARDIAN_FIELDS } from './definition.ts';

const def = getService('kontaktperson-kontaktfamilj')!;
const ctx = { today: new Date('2026-11-23T09:30:00Z'), rules: defaultForenkladRules };

// Skatteverket test personnummer.
const ADULT = '19891231-2389';
const GUARDIAN = '19900102-2384';
const CHILD = '20121231-2399';

const without = (a: Answers, ...fields: string[]): Answers => Object.fromEntries(Object.entries(a).filter(([k]) => !fields.includes(k)));

const support: Answers = { stodTyp: 'kontaktperson', varfor: 'Jag är ensam på helgerna och vill komma ut mer.' };
const wishes: Answers = { intressen: 'Fiske och fotboll', sprak: null, avstand: 'nara', ovrigaOnskemal: null };
const contact: Answers = { adress: { street: 'Storgatan 1', postcode: '696 30', city: 'Askersund' }, telefon: '070-123 45 67', epost: null };
const guardian: Answers = { forVem: 'barn', vhFornamn: 'Elva', vhEfternamn: 'Testsson', vhPersonnummer: GUARDIAN };
const child: Answers = { fornamn: 'Tolvan', efternamn: 'Testsson', personnummer: CHILD };

const routes: { name: string; answers: Answers; subject: string; submitter: string | null; asked: string[]; notAsked: string[] }[] = [
  {
    name: 'an adult applying for themselves',
    answers: { forVem: 'mig', fornamn: 'Elva', efternamn: 'Testsson', personnummer: ADULT, ...support, ...wishes, ...contact },
    subject: ADULT,
    submitter: null,
    asked: ['om-personen', 'stod'],
    notAsked: ['om-dig', 'vardnad', 'andra-vardnadshavaren', 'barnets-asikt'],
  },
  {
    name: 'the only guardian applying for a child',
    answers: { ...guardian, ...child, vardnad: 'en', barnetsAsikt: 'Tolvan vill gärna ha någon att spela fotboll med.', ...support, stodTyp: 'kontaktfamilj', ...wishes, ...contact },
    subject: CHILD,
    submitter: 'Elva Testsson',
    asked: ['om-dig', 'om-personen', 'vardnad', 'barnets-asikt'],
    notAsked: ['andra-vardnadshavaren'],
  },
  {
    name: 'a guardian with joint custody whose co-guardian agrees',
    answers: { ...guardian, ...child, vardnad: 'tva', andraVhNamn: 'Tolv Testsson', andraVhTelefon: '070-765 43 21', andraVhSamtycker: 'ja', barnetsAsikt: null, ...support, ...wishes, ...contact },
    subject: CHILD,
    submitter: 'Elva Testsson',
    asked: ['vardnad', 'andra-vardnadshavaren', 'barnets-asikt'],
    notAsked: [],
  },
  {
    name: 'a guardian with joint custody who has not yet asked the other guardian',
    answers: { ...guardian, ...child, vardnad: 'tva', andraVhNamn: 'Tolv Testsson', andraVhTelefon: null, andraVhSamtycker: 'vet-inte', barnetsAsikt: null, ...support, stodTyp: 'vet-inte', ...wishes, ...contact },
    subject: CHILD,
    submitter: 'Elva Testsson',
    asked: ['andra-vardnadshavaren'],
    notAsked: [],
  },
];

describe('ansökan om kontaktperson eller kontaktfamilj', () => {
  it('is an IFO application, for oneself or on behalf of a child, with texts for either', () => {
    expect(def).toMatchObject({ area: 'ifo', category: 'ifo', requiresEid: false, quickExit: false, emergencyNotice: false, textContext: 'forVem' });
    expect(def.submitters).toEqual(['self', 'onBehalf']);
    expect(def.onBehalf).toEqual({ field: 'forVem', equals: 'barn', submitterName: ['vhFornamn', 'vhEfternamn'] });
  });

  describe.each(routes)('$name', ({ answers, subject, submitter, asked, notAsked }) => {
    it('reaches check-answers with complete answers', () => {
      const { path, current } = walk(def, answers, ctx);
      expect(current.id).toBe('kontrollera');
      expect(isComplete(def, answers, ctx)).toBe(true);
      for (const p of asked) expect(path).toContain(p);
      for (const p of notAsked) expect(path).not.toContain(p);
    });

    it('concerns the person who is to get the support, and names a guardian as applying for the child', () => {
      const kept = answersOnPath(def, answers, ctx);
      const parties = partiesOf(def, kept);
      expect(parties.personnummer).toBe(subject);
      expect(parties.onBehalf).toBe(submitter !== null);
      expect(parties.submitterName).toBe(submitter);
      expect(isAnonymous(def, kept)).toBe(false);
      expect(handlingOf(def, kept, ctx)).toEqual({ dueAt: null, urgent: false });
    });

    it.each(['forVem', 'personnummer', 'stodTyp', 'varfor', 'adress', 'telefon'])('is not complete without %s', (field) => {
      expect(isComplete(def, without(answers, field), ctx)).toBe(false);
    });
  });

  it('asks a guardian with joint custody whether the other guardian agrees', () => {
    const joint = { ...guardian, ...child, vardnad: 'tva' };
    expect(walk(def, joint, ctx).current.id).toBe('andra-vardnadshavaren');
    expect(walk(def, { ...joint, andraVhNamn: 'Tolv Testsson', andraVhTelefon: null }, ctx).current.id).toBe('andra-vardnadshavaren');
  });

  it('keeps nothing about guardians when the applicant changes to applying for themselves', () => {
    const changed = { ...guardian, ...child, vardnad: 'tva', andraVhNamn: 'Tolv Testsson', andraVhTelefon: null, andraVhSamtycker: 'ja', barnetsAsikt: 'Vill gärna.', ...support, ...wishes, ...contact, forVem: 'mig' };
    const kept = answersOnPath(def, changed, ctx);
    for (const f of GUARDIAN_FIELDS) expect(kept, f).not.toHaveProperty(f);
    expect(partiesOf(def, kept)).toMatchObject({ onBehalf: false, submitterName: null });
  });

  it('speaks about the child, in its questions and its errors, when a guardian applies', () => {
    const t = translator('sv');
    const page = findPage(def, 'om-personen') as QuestionPage;
    const forChild = textParamsFor(def, { forVem: 'barn' }, {});
    const forSelf = textParamsFor(def, { forVem: 'mig' }, {});
    expect(t(page.title, forChild)).toBe('Om barnet');
    expect(t(page.title, forSelf)).toBe('Om dig');
    const r = validatePage(page, { fornamn: '', efternamn: 'Testsson', personnummer: CHILD }, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(translateErrors(t, r.errors, forChild).map((e) => e.text)).toEqual(['Skriv barnets förnamn']);
    expect(translateErrors(t, r.errors, forSelf).map((e) => e.text)).toEqual(['Skriv ditt förnamn']);
  });
});
