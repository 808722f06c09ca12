import { describe, expect, it } from 'vitest';
import { canEditServices, canFollowIndicators, canHandleArea, caseAreas, homeFor } from './authz.ts';
import { STAFF_AREAS, STAFF_ROLES, isPrivileged } from './users.ts';

const redaktor = { roles: ['redaktor'], areas: [] as string[] };

describe('the e-tjänstredaktör', () => {
  it('may edit e-tjänster, as administrators may, and nobody else', () => {
    expect(STAFF_ROLES).toContain('redaktor');
    expect(canEditServices(redaktor)).toBe(true);
    expect(canEditServices({ roles: ['admin'] })).toBe(true);
    for (const role of STAFF_ROLES.filter((r) => r !== 'redaktor' && r !== 'admin')) expect(canEditServices({ roles: [role] }), role).toBe(false);
    expect(canEditServices(undefined)).toBe(false);
  });

  it('reads no case of any area, even with areas set on the account, and follows no indicators', () => {
    expect(caseAreas({ ...redaktor, areas: [...STAFF_AREAS] })).toEqual([]);
    for (const area of STAFF_AREAS) expect(canHandleArea({ ...redaktor, areas: [...STAFF_AREAS] }, area), area).toBe(false);
    expect(canFollowIndicators(redaktor)).toBe(false);
  });

  it('is given at once like analytiker (opens no personal data), and starts at their own account', () => {
    expect(isPrivileged(['redaktor'])).toBe(false);
    expect(homeFor(redaktor)).toBe('/handlaggning/admin/etjanster');
  });
});
