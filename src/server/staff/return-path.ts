/** Where staff go after logging in: back to the page they came for, but only within /handlaggning. */
import { safeReturnPath } from '../http.ts';
import { homeFor } from './authz.ts';
import type { StaffUser } from './users.ts';

const HOME = '/handlaggning';

/** A safe `tillbaka` path inside /handlaggning that is not a login or logout page, or undefined. */
export function staffReturnPath(raw: string | null | undefined): string | undefined {
  const p = safeReturnPath(raw, '');
  const inside = p === HOME || p.startsWith(`${HOME}/`) || p.startsWith(`${HOME}?`);
  return inside && !/^\/handlaggning\/(logga-(in|ut)|konto\/tvafaktor)(\/|\?|$)/.test(p) ? p : undefined;
}

/** The page to go on to: the one asked for, else the user's start page. */
export function afterLogin(raw: string | null | undefined, user: Pick<StaffUser, 'roles'>): string {
  return staffReturnPath(raw) ?? homeFor(user);
}

/** "?tillbaka=…" to pass a return path on, or "" when there is none worth keeping. */
export function tillbakaQuery(raw: string | null | undefined): string {
  const p = staffReturnPath(raw);
  return p ? `?${new URLSearchParams({ tillbaka: p })}` : '';
}
