/**
 * Fresh recovery codes travel from the enrolment POST to the page that shows them in a sealed
 * (encrypted, authenticated) cookie bound to the user, so they are never stored in clear and the
 * page can be reloaded until the user says they have saved them.
 */
import type { AstroCookies } from 'astro';
import { clearSealed, readSealed, writeSealed } from '../sealed-cookie.ts';

const COOKIE = 'st_recovery';

export async function putRecoveryCodes(cookies: AstroCookies, userId: string, codes: string[]): Promise<void> {
  await writeSealed(cookies, COOKIE, { userId, codes });
}

export async function readRecoveryCodes(cookies: AstroCookies, userId: string): Promise<string[] | undefined> {
  const v = (await readSealed(cookies, COOKIE)) as { userId?: unknown; codes?: unknown } | undefined;
  if (!v || v.userId !== userId || !Array.isArray(v.codes)) return undefined;
  return v.codes.filter((c): c is string => typeof c === 'string');
}

export function clearRecoveryCodes(cookies: AstroCookies): void {
  clearSealed(cookies, COOKIE);
}
