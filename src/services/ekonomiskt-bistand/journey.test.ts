/**
 * Ansökan om ekonomiskt bistånd, every route to check-answers: alone, with a make/maka/sambo as
 * medsökande, with children living at home. Nothing about a medsökande is kept for someone who
 * applies alone; the applicant is whom the matter concerns; the attachments on the path become the
 * submission's; and an amount that is not a number or far too large is refused in plain words.
 */
import { describe, expect, it } from 'vitest';
import { answersOnPath, findPage, isComplete, walk, type Answers } from '../../domain/forms/journey.ts';
import { uploadsOnPath, validatePage } from '../../domain/forms/answers.ts';
import type { QuestionPage } from '../../domain/forms/definition.ts';
import { defaultForenkladRules } from '../../domain/rules/forenklad.ts';
import { translator } from '../../i18n/index.ts';
import { translateErrors } from '../../components/errors.ts';
import { handlingOf, isAnonymous, partiesOf } from '../../server/apply.ts';
import { getService } from '../index.ts';
import { ATTACHMENT_FIELDS, CO_APPLICANT_FIELDS, EXPENSE_FIELDS, INCOME_FIELDS } from './definition.ts';

const def = getService('ekonomiskt-bistand')!;
const ctx = { today: new Date('2026-11-23T09:30:00Z'), rules: defaultForenkladRules };

// Skatteverket test personnummer.
const APPLICANT = '19891231-2389';
const PARTNER = '19900102-2384';
const CHILD_1 = '20180102-2383';
const CHILD_2 = '20121231-2399';

const file = (id: string, name: string, kind: 'pdf' | 'png') => ({ id, name, size: 2048, kind });
const KONTOUTDRAG = file('6f1c2a4e-0b7d-4c1e-9a53-2f8e6d4b1a01', 'kontoutdrag.pdf', 'pdf');
const HYRESAVI = file('6f1c2a4e-0b7d-4c1e-9a53-2f8e6d4b1a02', 'hyresavi.png', 'png');

const nulls = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, null]));

const applicant: Answers = {
  fornamn: 'Tolvan',
  efternamn: 'Testsson',
  personnummer: APPLICANT,
  adress: { street: 'Storgatan 1', postcode: '696 30', city: 'Askersund' },
  telefon: '070-123 45 67',
  epost: null,
  tolk: 'nej',
};
const housing: Answers = { boendeform: 'hyresratt', hyra: 6800, kontrakt: 'jag' };
const income: Answers = { ...nulls(INCOME_FIELDS), inkomstAkassa: 9200, inkomstBostadsbidrag: 1400, inkomstOvrigBeskrivning: null };
const expenses: Answers = { ...nulls(EXPENSE_FIELDS), utgiftEl: 450, utgiftHemforsakring: 120 };
const assets: Answers = { tillgangBank: 1200, tillgangFordon: null, tillgangFastighet: null, tillgangOvrigt: null, tillgangOvrigtBeskrivning: null };
const request: Answers = { ansokerOm: ['forsorjningsstod', 'tandvard'], ansokerOmBeskrivning: 'Tandläkaren har gett ett kostnadsförslag.', manad: 'december' };
const attachments: Answers = { bilagaKontoutdrag: KONTOUTDRAG, bilagaHyra: HYRESAVI, bilagaInkomst: null, bilagaOvrigt: null };
const noAttachments: Answers = nulls(ATTACHMENT_FIELDS);

const partner: Answers = {
  medsokandeFornamn: 'Elva',
  medsokandeEfternamn: 'Testsson',
  medsokandePersonnummer: PARTNER,
  medsokandeLon: 14500,
  medsokandePension: null,
  medsokandeSjuk: null,
  medsokandeAkassa: null,
  medsokandeForaldrapenning: null,
  medsokandeOvrig: null,
  medsokandeOvrigBeskrivning: null,
};
const children: Answers = {
  harBarn: 'ja',
  barn: [
    { barnNamn: 'Tolva Testsson', barnPersonnummer: CHILD_1, barnBoende: 'heltid' },
    { barnNamn: 'Elvan Testsson', barnPersonnummer: CHILD_2, barnBoende: 'vaxelvis' },
  ],
};

const common = { ...applicant, ...housing, ...income, ...expenses, ...assets, ...request };

/** The answers with some left unanswered. */
const without = (a: Answers, ...fields: string[]): Answers => Object.fromEntries(Object.entries(a).filter(([k]) => !fields.includes(k)));

const routes: { name: string; answers: Answers; asked: string[]; notAsked: string[]; uploads?: number }[] = [
  {
    name: 'alone, no children, documents sent later',
    answers: { ...common, harMedsokande: 'nej', harBarn: 'nej', ...noAttachments },
    asked: [],
    notAsked: ['medsokande', 'inkomster-medsokande', 'barn-uppgifter', 'tolk-sprak'],
    uploads: 0,
  },
  {
    name: 'with a sambo as medsökande and two children, two documents uploaded',
    answers: { ...common, harMedsokande: 'ja', ...partner, ...children, ...attachments },
    asked: ['medsokande', 'inkomster-medsokande', 'barn-uppgifter'],
    notAsked: ['tolk-sprak'],
    uploads: 2,
  },
  {
    name: 'alone with children, with an interpreter',
    answers: { ...common, tolk: 'ja', tolkSprak: 'Somaliska', harMedsokande: 'nej', ...children, ...attachments },
    asked: ['tolk-sprak', 'barn-uppgifter'],
    notAsked: ['medsokande', 'inkomster-medsokande'],
    uploads: 2,
  },
];

describe('ansökan om ekonomiskt bistånd', () => {
  it('is an IFO application by the applicant themselves, kept five years, with nothing of a crisis form', () => {
    expect(def).toMatchObject({ area: 'ifo', category: 'ifo', requiresEid: true, quickExit: false, emergencyNotice: false, retention: { yearsAfterClosed: 5 } });
    expect(def.submitters).toEqual(['self']);
    expect(def.anonymous).toBeUndefined();
    expect(def.subject).toEqual({ personnummer: 'personnummer', name: ['fornamn', 'efternamn'] });
  });

  it('asks every amount in whole kronor from 0, optional except the bank balance', () => {
    const amounts = def.pages.flatMap((p) => (p.kind === 'question' ? p.fields : [])).filter((f) => f.type === 'number');
    expect(amounts.length).toBeGreaterThan(20);
    for (const f of amounts) {
      if (f.type !== 'number') continue;
      expect(f.min, f.name).toBe(0);
      expect(f.max, f.name).toBeLessThanOrEqual(100_000_000);
      expect(f.optional, f.name).toBe(f.name !== 'tillgangBank');
    }
  });

  describe.each(routes)('$name', ({ answers, asked, notAsked, uploads = 0 }) => {
    it('reaches check-answers with complete answers', () => {
      const { path, current } = walk(def, answers, ctx);
      expect(current.id).toBe('kontrollera');
      expect(isComplete(def, answers, ctx)).toBe(true);
      for (const p of asked) expect(path).toContain(p);
      for (const p of notAsked) expect(path).not.toContain(p);
    });

    it('concerns the applicant, submitted by themselves, with no deadline and never urgent', () => {
      const kept = answersOnPath(def, answers, ctx);
      expect(partiesOf(def, kept)).toEqual({ personnummer: APPLICANT, name: 'Tolvan Testsson', onBehalf: false, submitterName: null });
      expect(isAnonymous(def, kept)).toBe(false);
      expect(handlingOf(def, kept, ctx)).toEqual({ dueAt: null, urgent: false });
    });

    it('takes the uploaded documents on the path as its attachments', () => {
      expect(uploadsOnPath(def, answersOnPath(def, answers, ctx), ctx)).toHaveLength(uploads);
    });

    it.each(['personnummer', 'telefon', 'harMedsokande', 'boendeform', 'kontrakt', 'tillgangBank', 'ansokerOm', 'manad'])('is not complete without %s', (field) => {
      expect(isComplete(def, without(answers, field), ctx)).toBe(false);
    });
  });

  it('asks for the medsökande, and their income, only when there is one', () => {
    const together: Answers = { ...common, harMedsokande: 'ja', ...partner, harBarn: 'nej', ...noAttachments };
    expect(walk(def, without(together, 'medsokandePersonnummer'), ctx).current.id).toBe('medsokande');
    expect(walk(def, without(together, 'medsokandeLon'), ctx).current.id).toBe('inkomster-medsokande');
    expect(walk(def, { ...together, harMedsokande: 'nej' }, ctx).path).not.toContain('inkomster-medsokande');
  });

  it('drops everything about a medsökande when the applicant changes to applying alone', () => {
    const changed = { ...common, harMedsokande: 'nej', ...partner, harBarn: 'nej', ...noAttachments };
    const kept = answersOnPath(def, changed, ctx);
    for (const f of CO_APPLICANT_FIELDS) expect(kept, f).not.toHaveProperty(f);
    expect(isComplete(def, changed, ctx)).toBe(true);
  });

  it('drops the children when the applicant answers that none live at home', () => {
    const kept = answersOnPath(def, { ...common, harMedsokande: 'nej', ...children, harBarn: 'nej', ...noAttachments }, ctx);
    expect(kept).not.toHaveProperty('barn');
  });

  describe('the income page', () => {
    const page = findPage(def, 'inkomster') as QuestionPage;
    const t = translator('sv');
    const posted = (values: Record<string, string>) => Object.fromEntries(page.fields.map((f) => [f.name, values[f.name] ?? '']));

    it('stores empty amounts as not given and reads Swedish thousands separators', () => {
      const r = validatePage(page, posted({ inkomstLon: '12 500', inkomstBarnbidrag: '1 250' }), ctx);
      expect(r).toEqual({ ok: true, answers: { ...nulls(INCOME_FIELDS), inkomstLon: 12500, inkomstBarnbidrag: 1250, inkomstOvrigBeskrivning: null } });
    });

    it('refuses words and a mistyped amount with their own messages', () => {
      const r = validatePage(page, posted({ inkomstLon: 'tolv tusen', inkomstAkassa: '920000' }), ctx);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      // Amounts are formatted for the reader: "200 000" with a (narrow) no-break space in Swedish.
      expect(translateErrors(t, r.errors, {}).map((e) => e.text.replace(/\s/g, ' '))).toEqual([
        'Skriv lönen med siffror, till exempel 4 500',
        'Beloppet för ersättningen från a-kassan kan vara högst 200 000 kronor. Kontrollera att du har skrivit beloppet för en månad',
      ]);
    });

    it('refuses a negative amount', () => {
      const r = validatePage(page, posted({ inkomstPension: '-100' }), ctx);
      expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['tooSmall']);
    });
  });
});
