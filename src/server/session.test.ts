import { describe, expect, it } from 'vitest';
import { hashSecret, isExpired, lifetime, newSessionToken, splitToken } from './session.ts';

describe('session tokens', () => {
  it('are two random 160-bit halves in lower-case base32, and only the hash of the secret is kept', () => {
    const a = newSessionToken();
    const b = newSessionToken();
    expect(a.token).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/);
    expect(a.token).not.toBe(b.token);
    const parts = splitToken(a.token)!;
    expect(parts.id).toBe(a.id);
    expect(a.secretHash).toEqual(hashSecret(parts.secret));
    expect(a.secretHash).toHaveLength(32);
    expect(a.token).not.toContain(Buffer.from(a.secretHash).toString('hex'));
  });

  it.each(['', 'abc', 'a'.repeat(32), `${'a'.repeat(32)}.${'A'.repeat(32)}`, `${'a'.repeat(32)}.${'a'.repeat(31)}1`, `${'a'.repeat(32)}.${'a'.repeat(32)}.x`])('refuses the malformed token %j', (token) => {
    expect(splitToken(token)).toBeUndefined();
  });
});

describe('a session’s lifetime', () => {
  const life = lifetime(20, 8);
  const made = new Date('2026-03-01T08:00:00Z');

  it('ends when it has not been used for its idle time', () => {
    const used = new Date('2026-03-01T09:00:00Z');
    expect(isExpired({ createdAt: made, lastSeenAt: used }, new Date('2026-03-01T09:19:59Z'), life)).toBe(false);
    expect(isExpired({ createdAt: made, lastSeenAt: used }, new Date('2026-03-01T09:20:00Z'), life)).toBe(true);
  });

  it('ends at its absolute lifetime however recently it was used', () => {
    const justNow = new Date('2026-03-01T15:59:00Z');
    expect(isExpired({ createdAt: made, lastSeenAt: justNow }, new Date('2026-03-01T15:59:59Z'), life)).toBe(false);
    expect(isExpired({ createdAt: made, lastSeenAt: justNow }, new Date('2026-03-01T16:00:00Z'), life)).toBe(true);
  });
});
