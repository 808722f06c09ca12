/**
 * Asking again for the second factor: every change to roles, access or credentials of a staff
 * account, and every approval or rejection of such a change, carries a fresh code from the
 * administrator's app (or a recovery code), checked with the same replay protection as at login
 * (docs/adr/0008). A session that is stolen or left open is not enough to hand out access.
 */
import type { Db } from '../../../db/client.ts';
import { verifySecondFactor } from './second-factor.ts';
import { readSecondFactorInput } from './totp.ts';

export type StepUpProblem = 'stepUpRequired' | 'stepUpInvalid';

/** The form field that carries the code for the form with this action. */
export const stepUpField = (action: string) => `stepUp-${action}`;

/** undefined when the code is right (and now used); otherwise what is wrong with it. */
export async function checkStepUp(db: Db, userId: string, raw: string | null | undefined, now = new Date()): Promise<StepUpProblem | undefined> {
  const typed = (raw ?? '').slice(0, 100).trim();
  if (typed === '') return 'stepUpRequired';
  const input = readSecondFactorInput(typed);
  if (!input || !(await verifySecondFactor(db, userId, input, now))) return 'stepUpInvalid';
  return undefined;
}
