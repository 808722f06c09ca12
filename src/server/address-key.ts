/**
 * A client address as the portal may keep it for a limit: a keyed hash (HMAC-SHA256) under a key
 * derived from COOKIE_SECRET and the day (UTC). The database then holds nothing from which anyone
 * with access to it can recover or match an address (an unkeyed hash of an IPv4 address is undone
 * by trying all four billion), and the same address hashes differently every day, so yesterday's
 * rows cannot be matched with today's. Used for the limits that concern citizens, whose reports
 * may be anonymous (submission-rate-limit.ts, surveys/guess-limit.ts).
 */
import { createHmac } from 'node:crypto';
import { deriveKey } from './secrets.ts';

const keys = new Map<string, Buffer>();

function dayKey(day: string): Buffer {
  let key = keys.get(day);
  if (!key) {
    // Only today's (and, around midnight, yesterday's) key is ever needed.
    if (keys.size > 2) keys.clear();
    key = deriveKey(`address-key:${day}`);
    keys.set(day, key);
  }
  return key;
}

/** `purpose` keeps the keys of different limits apart ("submission", "survey-code"). */
export function addressKey(purpose: string, address: string, now: Date): string {
  const day = now.toISOString().slice(0, 10);
  return `${purpose}:${createHmac('sha256', dayKey(day)).update(`${purpose}\0${address}`).digest('base64url')}`;
}
