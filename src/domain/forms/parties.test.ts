/** Who a submission is from and for, and how soon it is to be handled, from the definition and the answers. */
import { describe, expect, it } from 'vitest';
import { defineService } from './definition.ts';
import { defaultForenkladRules } from '../rules/forenklad.ts';
import { endPages, fixtureInput } from './fixtures.ts';
import { deadlineOf, isAnonymous, isUrgent, partiesOf } from './parties.ts';

const report = defineService({
  ...fixtureInput('anmalan', [
    { kind: 'question', id: 'vem', title: 't', fields: [{ type: 'yesNo', name: 'anonym', label: 'l' }], next: [{ when: { field: 'anonym', equals: 'ja' }, goto: 'barnet' }] },
    { kind: 'question', id: 'du', title: 't', fields: [{ type: 'text', name: 'fornamn', label: 'l' }, { type: 'text', name: 'efternamn', label: 'l' }, { type: 'yesNo', name: 'ombud', label: 'l' }] },
    { kind: 'question', id: 'barnet', title: 't', fields: [{ type: 'text', name: 'barnNamn', label: 'l', optional: true }, { type: 'yesNo', name: 'akutFara', label: 'l' }] },
    ...endPages('anmalan'),
  ]),
  submitters: ['self', 'anonymous'],
  subject: { personnummer: 'barnNamn', name: ['barnNamn'] },
  onBehalf: { field: 'ombud', equals: 'ja', submitterName: ['fornamn', 'efternamn'] },
  anonymous: { field: 'anonym', equals: 'ja' },
  handling: { dueDays: 14, urgentWhen: { field: 'akutFara', equals: 'ja' } },
});
const ctx = { today: new Date('2026-11-23T10:15:00Z'), rules: defaultForenkladRules };

describe('the parties, deadline and urgency of a submission', () => {
  it('sets the deadline to 14 days after receipt and flags immediate danger as urgent', () => {
    expect(deadlineOf(report, ctx.today)).toEqual(new Date('2026-12-07T10:15:00Z'));
    expect(isUrgent(report, { akutFara: 'ja' }, ctx)).toBe(true);
    expect(isUrgent(report, { akutFara: 'nej' }, ctx)).toBe(false);
  });

  it('has neither deadline nor urgency when the definition sets none', () => {
    const plain = defineService(fixtureInput('plain', [{ kind: 'question', id: 'q', title: 't', fields: [{ type: 'yesNo', name: 'a', label: 'l' }] }, ...endPages('plain')]));
    expect(deadlineOf(plain, ctx.today)).toBeNull();
    expect(isUrgent(plain, { a: 'ja' }, ctx)).toBe(false);
  });

  it('never names an anonymous reporter, even when names are among the answers', () => {
    const answers = { anonym: 'ja', fornamn: 'Anna', efternamn: 'Provsson', ombud: 'ja', barnNamn: 'Kim', akutFara: 'nej' };
    expect(isAnonymous(report, answers)).toBe(true);
    expect(partiesOf(report, answers)).toMatchObject({ onBehalf: false, submitterName: null });
  });

  it('names a reporter who is not anonymous', () => {
    const answers = { anonym: 'nej', fornamn: 'Anna', efternamn: 'Provsson', ombud: 'ja', barnNamn: 'Kim', akutFara: 'nej' };
    expect(isAnonymous(report, answers)).toBe(false);
    expect(partiesOf(report, answers)).toMatchObject({ onBehalf: true, submitterName: 'Anna Provsson' });
  });
});
