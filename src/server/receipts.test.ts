import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/index.ts';
import { assuranceLevel, confirmationLines } from './receipts.ts';
import type { Confirmation } from './citizen/confirmations.ts';

describe('a confirmation as the receipt copy says it', () => {
  it('gives the assurance level as people say it, and anything unknown as given', () => {
    expect(assuranceLevel('http://id.elegnamnden.se/loa/1.0/loa3')).toBe('3');
    expect(assuranceLevel('http://id.elegnamnden.se/loa/1.0/loa4')).toBe('4');
    expect(assuranceLevel('loa2')).toBe('2');
    expect(assuranceLevel('http://id.elegnamnden.se/loa/1.0/uncertified-loa3')).toBe('http://id.elegnamnden.se/loa/1.0/uncertified-loa3');
  });

  it('names who confirmed, when and at which level', () => {
    const c = { role: 'medsokande', state: 'confirmed', name: 'Elva Testsson', decidedName: 'Elva Testsson', decidedAt: new Date('2026-11-24T08:12:00Z'), assurance: 'http://id.elegnamnden.se/loa/1.0/loa3', personnummer: '19900102-2384' } as unknown as Confirmation;
    const [line] = confirmationLines([c], translator('sv'), 'sv');
    expect(line).toMatch(/^Elva Testsson \(medsökande\) bekräftade ansökan 24 november 2026 kl\. 09:12 med e-legitimation, tillitsnivå 3\.$/);
  });
});
