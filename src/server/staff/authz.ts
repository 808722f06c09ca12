/**
 * Who may do what on the staff side. One place, so the authorisation matrix test has one truth.
 *  - handlaggare: cases of their own areas only (secrecy between areas, OSL 26 kap.); another
 *    area's case is answered as if it did not exist (404).
 *  - admin: staff accounts, registration backends, the audit log. No case data unless the
 *    account also holds the handlaggare role for the case's area.
 *  - analytiker: indicators only, never personal data.
 *  - redaktor (e-tjänstredaktör): drafts and publishes e-tjänster; never case data (no inbox, no
 *    case pages, exports or attachments, no indicators, no audit search), like analytiker it opens
 *    no personal data, so it is given at once (not a privileged role, docs/adr/0008).
 */
import type { StaffUser } from './users.ts';

export type Role = 'handlaggare' | 'admin' | 'analytiker' | 'redaktor';

export function hasRole(user: Pick<StaffUser, 'roles'> | undefined, role: Role): boolean {
  return !!user && user.roles.includes(role);
}

/** Indicators, the plan's follow-up and survey results: administrators and analytiker. */
export function canFollowIndicators(user: Pick<StaffUser, 'roles'> | undefined): boolean {
  return hasRole(user, 'admin') || hasRole(user, 'analytiker');
}

/**
 * Drafting, previewing and publishing e-tjänster (/handlaggning/admin/etjanster and below):
 * redaktörer and administrators. Opens no case data.
 */
export function canEditServices(user: Pick<StaffUser, 'roles'> | undefined): boolean {
  return hasRole(user, 'redaktor') || hasRole(user, 'admin');
}

// Which cases a member of staff may read is a case policy: src/domain/cases/policies.ts.
export { canHandleArea, caseAreas } from '../../domain/cases/policies.ts';

/** The staff start page for a user: the inbox for handläggare, else their first tool. */
export function homeFor(user: Pick<StaffUser, 'roles'>): string {
  if (hasRole(user, 'handlaggare')) return '/handlaggning';
  if (hasRole(user, 'admin')) return '/handlaggning/admin/anvandare';
  if (hasRole(user, 'analytiker')) return '/handlaggning/indikatorer';
  if (hasRole(user, 'redaktor')) return '/handlaggning/admin/etjanster';
  return '/handlaggning/konto';
}
