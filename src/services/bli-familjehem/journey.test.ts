/**
 * Intresseanmälan: bli familjehem, kontaktfamilj eller kontaktperson, every route to check-answers:
 * one adult without children at home, two adults with children (ages only). The second adult is asked
 * about only when two report together, and is dropped if the answer changes; the matter concerns the
 * person who reports.
 */
import { describe, expect, it } from 'vitest';
import { answersOnPath, isComplete, walk, type Answers } from '../../domain/forms/journey.ts';
import { defaultForenkladRules } from '../../domain/rules/forenklad.ts';
import { hasKey, translator } from '../../i18n/index.ts';
import { handlingOf, isAnonymous, partiesOf } from '../../server/apply.ts';
import { getService } from '../index.ts';
import { SECOND_ADULT_FIELDS } from './definition.ts';

const def = getService('bli-familjehem')!;
const ctx = { today: new Date('2026-11-23T09:30:00Z'), rules: defaultForenkladRules };

// Skatteverket test personnummer.
const FIRST = '19891231-2389';
const SECOND = '19900102-2384';

const without = (a: Answers, ...fields: string[]): Answers => Object.fromEntries(Object.entries(a).filter(([k]) => !fields.includes(k)));

const me: Answers = { fornamn: 'Elva', efternamn: 'Testsson', personnummer: FIRST, sysselsattning: 'Undersköterska' };
const partner: Answers = { andraFornamn: 'Tolvan', andraEfternamn: 'Testsson', andraPersonnummer: SECOND, andraSysselsattning: 'Snickare' };
const home: Answers = { boendeform: 'villa', rumForBarn: 'ja', boendeBeskrivning: null };
const why: Answers = { erfarenhet: null, varfor: 'Vi har plats och tid och vill hjälpa ett barn.' };
const contact: Answers = { adress: { street: 'Storgatan 1', postcode: '696 30', city: 'Askersund' }, telefon: '070-123 45 67', epost: null, kontaktTid: null };

const routes: { name: string; answers: Answers; asked: string[]; notAsked: string[] }[] = [
  {
    name: 'one adult, no children at home, interested in being a kontaktperson',
    answers: { uppdrag: ['kontaktperson'], antalVuxna: 'en', ...me, harBarnHemma: 'nej', ...home, rumForBarn: 'nej', ...why, ...contact },
    asked: ['om-dig'],
    notAsked: ['om-den-andra', 'barnens-alder'],
  },
  {
    name: 'two adults with two children at home, interested in familjehem and kontaktfamilj',
    answers: { uppdrag: ['familjehem', 'kontaktfamilj'], antalVuxna: 'tva', ...me, ...partner, harBarnHemma: 'ja', barnHemma: [{ barnAlder: 7 }, { barnAlder: 12 }], ...home, ...why, erfarenhet: 'Fritidsledare i tio år.', ...contact },
    asked: ['om-dig', 'om-den-andra', 'barnens-alder'],
    notAsked: [],
  },
];

describe('intresseanmälan: bli familjehem, kontaktfamilj eller kontaktperson', () => {
  it('is an IFO interest notification by the person themselves, kept two years', () => {
    expect(def).toMatchObject({ area: 'ifo', category: 'ifo', requiresEid: false, quickExit: false, emergencyNotice: false, retention: { yearsAfterClosed: 2 } });
    expect(def.submitters).toEqual(['self']);
  });

  it('tells before sending that a utredning with home visits and register checks follows', () => {
    const t = translator('sv');
    const check = def.pages.find((p) => p.kind === 'checkAnswers');
    expect(check?.kind === 'checkAnswers' && check.declaration && hasKey('sv', check.declaration)).toBe(true);
    const declaration = check?.kind === 'checkAnswers' && check.declaration ? t(check.declaration) : '';
    expect(declaration).toContain('hembesök');
    expect(declaration).toContain('register');
  });

  it('asks only the ages of the children at home, never their names', () => {
    const group = def.pages.flatMap((p) => (p.kind === 'question' ? p.fields : [])).find((f) => f.name === 'barnHemma');
    expect(group?.type === 'repeat' ? group.fields.map((f) => [f.name, f.type]) : []).toEqual([['barnAlder', 'number']]);
  });

  describe.each(routes)('$name', ({ answers, asked, notAsked }) => {
    it('reaches check-answers with complete answers', () => {
      const { path, current } = walk(def, answers, ctx);
      expect(current.id).toBe('kontrollera');
      expect(isComplete(def, answers, ctx)).toBe(true);
      for (const p of asked) expect(path).toContain(p);
      for (const p of notAsked) expect(path).not.toContain(p);
    });

    it('concerns the person who reports, submitted by themselves, with no deadline', () => {
      const kept = answersOnPath(def, answers, ctx);
      expect(partiesOf(def, kept)).toEqual({ personnummer: FIRST, name: 'Elva Testsson', onBehalf: false, submitterName: null });
      expect(isAnonymous(def, kept)).toBe(false);
      expect(handlingOf(def, kept, ctx)).toEqual({ dueAt: null, urgent: false });
    });

    it.each(['uppdrag', 'antalVuxna', 'personnummer', 'harBarnHemma', 'boendeform', 'rumForBarn', 'varfor', 'telefon'])('is not complete without %s', (field) => {
      expect(isComplete(def, without(answers, field), ctx)).toBe(false);
    });
  });

  it('asks about the second adult when two report together, and drops them if one reports alone', () => {
    expect(walk(def, { uppdrag: ['familjehem'], antalVuxna: 'tva', ...me }, ctx).current.id).toBe('om-den-andra');
    const changed = { uppdrag: ['familjehem'], antalVuxna: 'en', ...me, ...partner, harBarnHemma: 'nej', ...home, ...why, ...contact };
    const kept = answersOnPath(def, changed, ctx);
    for (const f of SECOND_ADULT_FIELDS) expect(kept, f).not.toHaveProperty(f);
  });
});
