import { describe, expect, it } from 'vitest';
import { seededService } from '../etjanster/seed.ts';
import { appliesForSelf, lockedAnswers, namePrefill, withIdentity } from './applicant.ts';

const stadning = seededService('stadning');

const greta = { personnummer: '19450110-3297', name: 'Greta Maria Dottersson' };

describe('the logged-in applicant', () => {
  it('has the e-legitimation personnummer when applying for themselves, whatever was posted', () => {
    expect(withIdentity(stadning, { soker: 'sjalv', personnummer: '19400104-2383' }, greta).personnummer).toBe('19450110-3297');
    expect(lockedAnswers(stadning, { soker: 'sjalv' }, greta)).toEqual({ personnummer: '19450110-3297' });
  });

  it('types the other person personnummer when applying on their behalf, and nothing is fixed without a login', () => {
    expect(appliesForSelf(stadning, { soker: 'annan' })).toBe(false);
    expect(lockedAnswers(stadning, { soker: 'sjalv' }, undefined)).toEqual({});
    expect(lockedAnswers(stadning, {}, greta)).toEqual({});
  });

  it('is who their e-legitimation says when applying for someone else, whatever was posted', () => {
    const anna = { personnummer: '19850101-2382', name: 'Anna Dottersson' };
    const tg = seededService('trygghetslarm');
    for (const def of [stadning, tg]) {
      const fields = def.onBehalf!.submitterName;
      const locked = lockedAnswers(def, { [def.onBehalf!.field]: def.onBehalf!.equals }, anna);
      expect(fields.map((f) => locked[f]).join(' ')).toBe('Anna Dottersson');
      const answers = withIdentity(def, { [def.onBehalf!.field]: def.onBehalf!.equals, [fields[0]!]: 'Test', [fields[1]!]: 'Testsson' }, anna);
      expect(fields.map((f) => answers[f]).join(' ')).toBe('Anna Dottersson');
      // The other person's personnummer is theirs to type: never the submitter's.
      expect(Object.values(locked)).not.toContain(anna.personnummer);
    }
    // Where the definition asks for the submitter's own personnummer, it is the e-legitimation's too.
    const kf = seededService('kontaktperson-kontaktfamilj');
    expect(lockedAnswers(kf, { forVem: 'barn' }, anna)).toEqual({ vhFornamn: 'Anna', vhEfternamn: 'Dottersson', vhPersonnummer: anna.personnummer });
    expect(withIdentity(kf, { forVem: 'barn', vhPersonnummer: '19400104-2383' }, anna).vhPersonnummer).toBe(anna.personnummer);
    // Without a login nothing is fixed, and the names stay as typed.
    expect(lockedAnswers(stadning, { soker: 'annan' }, undefined)).toEqual({});
  });

  it('is offered their name from the e-legitimation while the name fields are empty', () => {
    expect(namePrefill(stadning, { soker: 'sjalv' }, greta)).toEqual({ fornamn: 'Greta Maria', efternamn: 'Dottersson' });
    expect(namePrefill(stadning, { soker: 'sjalv', fornamn: 'Maja' }, greta)).toEqual({});
    expect(namePrefill(stadning, { soker: 'annan' }, greta)).toEqual({});
  });
});
