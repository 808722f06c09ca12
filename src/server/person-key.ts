/**
 * A personnummer as the audit log keeps it when someone searched for it: a keyed hash (HMAC-SHA256
 * under a key derived from the portal's secret), the same for every search and for Granskningslogg's
 * own search field, so "who searched for this person?" can be answered without the log holding the number.
 */
import { createHmac } from 'node:crypto';
import { deriveKey } from './secrets.ts';

export function personKey(personnummer: string): string {
  const digits = personnummer.replace(/\D/g, '');
  return createHmac('sha256', deriveKey('audit-person')).update(digits).digest('base64url').slice(0, 32);
}
