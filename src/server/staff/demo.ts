/**
 * The demo handläggare: in demo mode the server makes sure a staff account exists and prints a
 * login that works right now. With DEMO_STAFF_PASSWORD the login stays the same across restarts;
 * without it, every start sets a fresh random password (and so ends earlier demo sessions).
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../../db/client.ts';
import { createStaffUser, findStaffByUsername, setStaffActive, setStaffPassword, UsernameTakenError } from './users.ts';
import { verifyPassword } from './password.ts';

export const DEMO_USERNAME = 'handlaggare';

export type DemoLogin = { username: string; password: string; created: boolean };

/** 18 random bytes: 24 characters of base64url, 144 bits. */
function randomPassword(): string {
  return randomBytes(18).toString('base64url');
}

export async function ensureDemoStaff(db: Db, password?: string): Promise<DemoLogin> {
  const wanted = password ?? randomPassword();
  const existing = await findStaffByUsername(db, DEMO_USERNAME);
  if (!existing) {
    try {
      await createStaffUser(db, {
        username: DEMO_USERNAME,
        displayName: 'Demo Handläggare',
        password: wanted,
        roles: ['handlaggare'],
        areas: ['aldreomsorg', 'ifo'],
      });
      return { username: DEMO_USERNAME, password: wanted, created: true };
    } catch (e) {
      // Another instance starting at the same moment created it first: set our password below.
      if (!(e instanceof UsernameTakenError)) throw e;
    }
  }
  const user = existing ?? (await findStaffByUsername(db, DEMO_USERNAME));
  if (!user) throw new Error('demo staff user vanished while being created');
  // An unchanged fixed password is left alone, so restarts keep the demo sessions.
  if (password === undefined || !(await verifyPassword(user.passwordHash, wanted))) await setStaffPassword(db, user.id, wanted);
  if (!user.active) await setStaffActive(db, user.id, true);
  return { username: DEMO_USERNAME, password: wanted, created: false };
}
