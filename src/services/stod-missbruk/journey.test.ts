/**
 * Stöd vid missbruk och beroende: anonymous with a message only (no name, contact details or
 * interpreter on the path, no submitter), or contact on the person's terms, for oneself or as a
 * närstående. No deadline and never urgent by itself.
 */
import { describe, expect, it } from 'vitest';
import { answersOnPath, isComplete, walk, type Answers } from '../../domain/forms/journey.ts';
import { defaultForenkladRules } from '../../domain/rules/forenklad.ts';
import { handlingOf, isAnonymous, partiesOf } from '../../server/apply.ts';
import { SAFE_CONTACT_FIELDS } from '../shared-ifo/parts.ts';
import { getService } from '../index.ts';

const def = getService('stod-missbruk')!;
const ctx = { today: new Date('2026-11-23T12:00:00Z'), rules: defaultForenkladRules };

const about: Answers = { galler: 'sjalv', beroende: ['alkohol', 'lakemedel'], stodOnskas: ['samtal', 'behandling'] };
const contact: Answers = {
  kontakt: 'kontakta-mig',
  berattaMer: null,
  faRinga: 'ja',
  kontaktTelefon: '070-123 45 67',
  ringTider: ['eftermiddag'],
  ringTiderOvrigt: null,
  faLamnaMeddelande: 'ja',
  faSms: 'ja',
  faBrev: 'nej',
  faEpost: 'nej',
  tolk: 'nej',
  fornamn: 'Tolvan',
  efternamn: 'Testsson',
  personnummer: null,
};
const IDENTIFYING = [...SAFE_CONTACT_FIELDS, 'fornamn', 'efternamn', 'personnummer', 'tolk', 'tolkSprak', 'berattaMer'];

const routes = [
  { name: 'anonymous, for oneself', answers: { ...about, kontakt: 'anonym', anonymtMeddelande: 'Jag dricker varje kväll och vill sluta.' }, anonymous: true },
  { name: 'anonymous, as a närstående', answers: { ...about, galler: 'narstaende', stodOnskas: ['anhorigstod'], kontakt: 'anonym', anonymtMeddelande: 'Min son spelar bort sina pengar.' }, anonymous: true },
  { name: 'contact by phone, for oneself', answers: { ...about, ...contact }, anonymous: false },
  {
    name: 'contact by e-mail only, as a närstående with an interpreter',
    answers: { ...about, ...contact, galler: 'narstaende', faRinga: 'nej', faEpost: 'ja', kontaktEpost: 'tolvan@exempel.se', tolk: 'ja', tolkSprak: 'Finska' },
    anonymous: false,
  },
];

describe('stöd vid missbruk och beroende', () => {
  it('is an IFO e-tjänst with quick exit, the emergency notice and anonymity', () => {
    expect(def).toMatchObject({ area: 'ifo', category: 'ifo', quickExit: true, emergencyNotice: true, requiresEid: false, anonymous: { field: 'kontakt', equals: 'anonym' } });
    expect(def.submitters).toContain('anonymous');
  });

  describe.each(routes)('$name', ({ answers, anonymous }) => {
    it('reaches check-answers with complete answers', () => {
      expect(walk(def, answers, ctx).current.id).toBe('kontrollera');
      expect(isComplete(def, answers, ctx)).toBe(true);
    });

    it('keeps nothing that identifies an anonymous person, and names one who wants contact', () => {
      const kept = answersOnPath(def, answers, ctx);
      expect(isAnonymous(def, kept)).toBe(anonymous);
      if (anonymous) {
        for (const f of IDENTIFYING) expect(kept, f).not.toHaveProperty(f);
        expect(partiesOf(def, kept)).toEqual({ personnummer: null, name: null, onBehalf: false, submitterName: null });
      } else {
        expect(kept).not.toHaveProperty('anonymtMeddelande');
        expect(partiesOf(def, kept)).toEqual({ personnummer: null, name: 'Tolvan Testsson', onBehalf: false, submitterName: null });
      }
    });

    it('has no deadline and is not urgent', () => {
      expect(handlingOf(def, answersOnPath(def, answers, ctx), ctx)).toEqual({ dueAt: null, urgent: false });
    });

    it.each(['galler', 'beroende', 'stodOnskas', 'kontakt'])('is not complete without %s', (field) => {
      const rest: Answers = { ...answers };
      delete rest[field];
      expect(isComplete(def, rest, ctx)).toBe(false);
    });
  });

  it('needs a message from an anonymous person, and contact details from one who wants contact', () => {
    expect(walk(def, { ...about, kontakt: 'anonym' }, ctx).current.id).toBe('meddelande');
    expect(walk(def, { ...about, kontakt: 'kontakta-mig' }, ctx).current.id).toBe('beratta');
    const { fornamn: _f, ...noName } = { ...about, ...contact };
    expect(walk(def, noName, ctx).current.id).toBe('ditt-namn');
    const { kontaktTelefon: _t, ...noPhone } = { ...about, ...contact };
    expect(walk(def, noPhone, ctx).current.id).toBe('kontakt-telefon');
  });

  it('drops the name and number given before choosing to be anonymous', () => {
    const changed = { ...about, ...contact, kontakt: 'anonym', anonymtMeddelande: 'Jag ringer hellre själv.' };
    const kept = answersOnPath(def, changed, ctx);
    for (const f of IDENTIFYING) expect(kept, f).not.toHaveProperty(f);
    expect(partiesOf(def, kept).name).toBeNull();
  });
});
