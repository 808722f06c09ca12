/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps), the way every
 * authenticator app makes them, and the one-time recovery codes that stand in when the phone is
 * gone. Pure functions and the sealing of a secret for storage; the database side is in
 * second-factor.ts.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding, encodeBase32LowerCaseNoPadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { deriveKey } from '../secrets.ts';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** 160 bits, the HMAC-SHA-1 block the RFC recommends. */
export const TOTP_SECRET_BYTES = 20;
/** One step either side is accepted, for clocks a little off and codes typed at the turn of a step. */
export const TOTP_DRIFT_STEPS = 1;
export const RECOVERY_CODE_COUNT = 10;

export function generateTotpKey(): Uint8Array {
  return new Uint8Array(randomBytes(TOTP_SECRET_BYTES));
}

/** The RFC 6238 time step (counter) at a moment. */
export function timeStep(now: Date): number {
  return Math.floor(now.getTime() / (TOTP_PERIOD_SECONDS * 1000));
}

export function totpAt(key: Uint8Array, now: Date): string {
  return generateHOTP(key, BigInt(timeStep(now)), TOTP_DIGITS);
}

/**
 * The time step a code belongs to, or null. Only steps after `lastStep` count, so a code that was
 * accepted once (or an older one) is never accepted again.
 */
export function matchTotpStep(key: Uint8Array, code: string, now: Date, lastStep: number | null = null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const given = new TextEncoder().encode(code);
  const current = timeStep(now);
  let found: number | null = null;
  // Every candidate is computed and compared, so the time taken does not tell which one matched.
  for (let step = current - TOTP_DRIFT_STEPS; step <= current + TOTP_DRIFT_STEPS; step++) {
    const expected = new TextEncoder().encode(generateHOTP(key, BigInt(step), TOTP_DIGITS));
    if (constantTimeEqual(given, expected) && (lastStep === null || step > lastStep) && found === null) found = step;
  }
  return found;
}

/** Base32 in groups of four, as people type it into an app: "ABCD EFGH …". */
export function formatSecret(key: Uint8Array): string {
  return encodeBase32UpperCaseNoPadding(key).replace(/(.{4})(?=.)/g, '$1 ');
}

/** The secret as a typed or configured base32 string; spaces, case and padding do not matter. */
export function parseSecret(base32: string): Uint8Array {
  return decodeBase32IgnorePadding(base32.replace(/[\s=]/g, '').toUpperCase());
}

/** The otpauth:// URI that the QR code carries. */
export function totpKeyUri(issuer: string, accountName: string, key: Uint8Array): string {
  return createTOTPKeyURI(issuer, accountName, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** What someone typed in the second-factor field: a 6-digit code, a recovery code, or neither. */
export type SecondFactorInput = { kind: 'totp'; code: string } | { kind: 'recovery'; code: string };

export function readSecondFactorInput(raw: string): SecondFactorInput | null {
  const compact = raw.replace(/[\s-]/g, '').toLowerCase();
  if (/^\d{6}$/.test(compact)) return { kind: 'totp', code: compact };
  if (/^[a-z2-7]{10}$/.test(compact)) return { kind: 'recovery', code: compact };
  return null;
}

/** Ten codes of 50 random bits each, shown as "abcde-fghij". */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const c = encodeBase32LowerCaseNoPadding(new Uint8Array(randomBytes(7))).slice(0, 10);
    return `${c.slice(0, 5)}-${c.slice(5)}`;
  });
}

/** Only this is stored; the hyphen and case are not part of the code. */
export function hashRecoveryCode(code: string): Uint8Array {
  return sha256(new TextEncoder().encode(code.replace(/[\s-]/g, '').toLowerCase()));
}

// Sealing: the secret is stored encrypted (AES-256-GCM with a key derived from COOKIE_SECRET) and
// bound to its user, so a copied table or a secret moved to another row is useless.
let sealKey: Buffer | undefined;
const key = () => (sealKey ??= deriveKey('totp-secret'));

export function sealTotpKey(secret: Uint8Array, userId: string): Uint8Array {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key(), iv);
  c.setAAD(Buffer.from(userId));
  const body = Buffer.concat([c.update(secret), c.final()]);
  return new Uint8Array(Buffer.concat([iv, c.getAuthTag(), body]));
}

/** The secret, or undefined when it cannot be opened (a changed COOKIE_SECRET, another user's row). */
export function openTotpKey(sealed: Uint8Array, userId: string): Uint8Array | undefined {
  try {
    const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    const d = createDecipheriv('aes-256-gcm', key(), buf.subarray(0, 12));
    d.setAAD(Buffer.from(userId));
    d.setAuthTag(buf.subarray(12, 28));
    return new Uint8Array(Buffer.concat([d.update(buf.subarray(28)), d.final()]));
  } catch {
    return undefined;
  }
}
