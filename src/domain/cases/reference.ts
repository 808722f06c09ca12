/**
 * A case's reference number (diarienummer-like, shown to the citizen and in the inbox): the year
 * it was received in Sweden, a dash, and its number from the portal's sequence, at least six
 * digits ("2026-000123"). The year is the Swedish calendar year (Europe/Stockholm), so a case
 * received at 00:30 on New Year's Day, Swedish time, carries the new year even though it is still
 * the old one in UTC.
 */

import { stockholmYear } from '../format.ts';

export function referenceNumber(receivedAt: Date, n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`a reference number's sequence value must be a positive whole number, not ${n}`);
  return `${stockholmYear(receivedAt)}-${String(n).padStart(6, '0')}`;
}
