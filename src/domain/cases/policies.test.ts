import { describe, expect, it } from 'vitest';
import { canHandleArea, canMessageCitizen, caseAreas, mayCancel, mayDecide } from './policies.ts';
import { CASE_STATUSES } from './status.ts';

describe('case policies', () => {
  it('lets a handläggare read the cases of their own areas only, and nobody else any', () => {
    expect(caseAreas({ roles: ['handlaggare'], areas: ['ifo'] })).toEqual(['ifo']);
    expect(canHandleArea({ roles: ['handlaggare'], areas: ['ifo'] }, 'ifo')).toBe(true);
    expect(canHandleArea({ roles: ['handlaggare'], areas: ['ifo'] }, 'aldreomsorg')).toBe(false);
    // Areas without the role give nothing: an admin or analytiker reads no case data.
    expect(caseAreas({ roles: ['admin', 'analytiker'], areas: ['ifo'] })).toEqual([]);
    expect(canHandleArea(undefined, 'ifo')).toBe(false);
  });

  it('allows a decision only under handläggning, and cancelling only before a decision', () => {
    expect(CASE_STATUSES.filter(mayDecide)).toEqual(['under_handlaggning']);
    expect(CASE_STATUSES.filter(mayCancel)).toEqual(['inkommen', 'under_handlaggning']);
  });

  it('lets the handläggare write only to a citizen whose case is on their Mina sidor, never to an anonymous sender', () => {
    const c = { anonymous: false, submitterPersonnummer: null, subjectPersonnummer: '19450110-3297' };
    expect(canMessageCitizen(c, { requiresEid: true })).toBe(true);
    expect(canMessageCitizen(c, { requiresEid: false })).toBe(false);
    expect(canMessageCitizen({ ...c, submitterPersonnummer: '19900101-2385' }, { requiresEid: false })).toBe(true);
    expect(canMessageCitizen({ ...c, anonymous: true, submitterPersonnummer: '19900101-2385' }, { requiresEid: true })).toBe(false);
    expect(canMessageCitizen(c, undefined)).toBe(false);
  });
});
