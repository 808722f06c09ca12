/**
 * How a citizen appears in the audit log: a keyed pseudonym of the personnummer (HMAC-SHA256 with a
 * key derived from COOKIE_SECRET), never the personnummer itself. The same person always gets the
 * same pseudonym, so a log review can find a given person's reads by computing theirs.
 */
import { createHmac } from 'node:crypto';
import { deriveKey } from '../secrets.ts';

let key: Buffer | undefined;

export function citizenActorId(personnummer: string): string {
  key ??= deriveKey('citizen-audit');
  return `medborgare:${createHmac('sha256', key).update(personnummer).digest('hex').slice(0, 32)}`;
}
