/**
 * Who may do what on the staff side. One place, so the authorisation matrix test has one truth.
 *  - handlaggare: cases of their own areas only (secrecy between areas, OSL 26 kap.); another
 *    area's case is answered as if it did not exist (404).
 *  - admin: staff accounts, registration backends, the audit log. No case data unless the
 *    account also holds the handlaggare role for the case's area.
 *  - analytiker: indicators only, never personal data.
 */
import type { StaffUser } from './users.ts';

export type Role = 'handlaggare' | 'admin' | 'analytiker';

export function hasRole(user: Pick<StaffUser, 'roles'> | undefined, role: Role): boolean {
  return !!user && user.roles.includes(role);
}

/** Indicators, the plan's follow-up and survey results: administrators and analytiker. */
export function canFollowIndicators(user: Pick<StaffUser, 'roles'> | undefined): boolean {
  return hasRole(user, 'admin') || hasRole(user, 'analytiker');
}

// Which cases a member of staff may read is a case policy: src/domain/cases/policies.ts.
export { canHandleArea, caseAreas } from '../../domain/cases/policies.ts';

/** The staff start page for a user: the inbox for handläggare, else their first tool. */
export function homeFor(user: Pick<StaffUser, 'roles'>): string {
  if (hasRole(user, 'handlaggare')) return '/handlaggning';
  if (hasRole(user, 'admin')) return '/handlaggning/admin/anvandare';
  if (hasRole(user, 'analytiker')) return '/handlaggning/indikatorer';
  return '/handlaggning/konto';
}
