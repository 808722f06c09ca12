import { describe, expect, it, vi } from 'vitest';
import { createTOTPKeyURI } from '@oslojs/otp';
import {
  formatSecret,
  generateRecoveryCodes,
  generateTotpKey,
  hashRecoveryCode,
  matchTotpStep,
  openTotpKey,
  parseSecret,
  readSecondFactorInput,
  sealTotpKey,
  timeStep,
  totpAt,
  totpKeyUri,
} from './totp.ts';
import { DEFAULT_LOGIN_POLICY, parseStaffSecurityConfig, StaffConfigError } from './policy.ts';
import { clientAddressOf } from './client-address.ts';
import { afterLogin, staffReturnPath, tillbakaQuery } from './return-path.ts';

vi.stubEnv('COOKIE_SECRET', 'test-only-cookie-secret-0123456789abcdef');

// RFC 6238 appendix B: the SHA-1 secret "12345678901234567890"; 6-digit codes are the last six digits.
const RFC_KEY = new TextEncoder().encode('12345678901234567890');
const at = (seconds: number) => new Date(seconds * 1000);

describe('TOTP codes', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('match the RFC 6238 test vector at %i seconds', (seconds, code) => {
    expect(totpAt(RFC_KEY, at(seconds))).toBe(code);
    expect(matchTotpStep(RFC_KEY, code, at(seconds))).toBe(timeStep(at(seconds)));
  });

  it('accept the code of the step before and after, for clocks a little off, but not two steps away', () => {
    const now = at(1_700_000_000);
    const step = timeStep(now);
    expect(matchTotpStep(RFC_KEY, totpAt(RFC_KEY, at((step - 1) * 30)), now)).toBe(step - 1);
    expect(matchTotpStep(RFC_KEY, totpAt(RFC_KEY, at((step + 1) * 30)), now)).toBe(step + 1);
    expect(matchTotpStep(RFC_KEY, totpAt(RFC_KEY, at((step - 2) * 30)), now)).toBeNull();
    expect(matchTotpStep(RFC_KEY, totpAt(RFC_KEY, at((step + 2) * 30)), now)).toBeNull();
  });

  it('are never accepted for a step at or before the last accepted one (no replay)', () => {
    const now = at(1_700_000_000);
    const step = timeStep(now);
    const code = totpAt(RFC_KEY, now);
    expect(matchTotpStep(RFC_KEY, code, now, step - 1)).toBe(step);
    expect(matchTotpStep(RFC_KEY, code, now, step)).toBeNull();
    expect(matchTotpStep(RFC_KEY, code, now, step + 1)).toBeNull();
  });

  it('refuse anything but six digits', () => {
    const now = at(59);
    for (const bad of ['', '28708', '2870822', '28708a', ' 287082', '287 082']) expect(matchTotpStep(RFC_KEY, bad, now)).toBeNull();
  });

  it('come from a fresh 160-bit secret each time', () => {
    const a = generateTotpKey();
    expect(a).toHaveLength(20);
    expect(formatSecret(a)).not.toBe(formatSecret(generateTotpKey()));
  });
});

describe('the secret shown for typing', () => {
  it('is base32 in groups of four and reads back whatever the spacing and case', () => {
    const key = generateTotpKey();
    const shown = formatSecret(key);
    expect(shown).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    expect(Array.from(parseSecret(shown))).toEqual(Array.from(key));
    expect(Array.from(parseSecret(shown.toLowerCase().replace(/ /g, '')))).toEqual(Array.from(key));
  });

  it('is carried by an otpauth URI that apps understand', () => {
    const key = generateTotpKey();
    const uri = totpKeyUri('Askersunds kommun handläggning', 'anna', key);
    expect(uri).toBe(createTOTPKeyURI('Askersunds kommun handläggning', 'anna', key, 30, 6));
    expect(uri).toMatch(/^otpauth:\/\/totp\/Askersunds%20kommun%20handl%C3%A4ggning:anna\?/);
    expect(new URL(uri).searchParams.get('secret')).toBe(formatSecret(key).replace(/ /g, ''));
  });
});

describe('the second-factor field', () => {
  it('tells a code from the app from a recovery code', () => {
    expect(readSecondFactorInput(' 123 456 ')).toEqual({ kind: 'totp', code: '123456' });
    expect(readSecondFactorInput('ABCDE-fghij')).toEqual({ kind: 'recovery', code: 'abcdefghij' });
    expect(readSecondFactorInput('12345')).toBeNull();
    expect(readSecondFactorInput('abcde-fghi1')).toBeNull();
    expect(readSecondFactorInput('')).toBeNull();
  });
});

describe('recovery codes', () => {
  it('are ten different codes of ten base32 characters, shown with a hyphen', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
  });

  it('hash the same however they are typed', () => {
    const [code = ''] = generateRecoveryCodes(1);
    expect(Array.from(hashRecoveryCode(code.toUpperCase().replace('-', ' ')))).toEqual(Array.from(hashRecoveryCode(code)));
  });
});

describe('a sealed secret', () => {
  it('opens for its own user only, and does not contain the secret', () => {
    const key = generateTotpKey();
    const sealed = sealTotpKey(key, 'user-a');
    expect(Buffer.from(sealed).includes(Buffer.from(key))).toBe(false);
    expect(Array.from(openTotpKey(sealed, 'user-a') ?? [])).toEqual(Array.from(key));
    expect(openTotpKey(sealed, 'user-b')).toBeUndefined();
    const tampered = new Uint8Array(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(openTotpKey(tampered, 'user-a')).toBeUndefined();
  });

  it('opens from a Buffer as the pg driver gives it', () => {
    const key = generateTotpKey();
    const sealed = sealTotpKey(key, 'u');
    const asBuffer = Buffer.concat([Buffer.from('xx'), Buffer.from(sealed)]).subarray(2);
    expect(Array.from(openTotpKey(asBuffer, 'u') ?? [])).toEqual(Array.from(key));
  });
});

describe('the staff security configuration', () => {
  it('has documented defaults: 5 failures per account and 20 per address in 15 minutes lock for 15 minutes', () => {
    const cfg = parseStaffSecurityConfig({});
    expect(cfg.login).toEqual(DEFAULT_LOGIN_POLICY);
    expect(cfg.login).toEqual({ account: { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 }, address: { maxFailures: 20, windowMinutes: 15, lockMinutes: 15 } });
    expect(cfg.trustProxy).toBe(false);
    expect(cfg.demoTotpSecret).toBeUndefined();
  });

  it('reads overrides and a demo secret, and refuses nonsense naming the variable', () => {
    const cfg = parseStaffSecurityConfig({ STAFF_LOGIN_ACCOUNT_MAX_FAILURES: '3', TRUST_PROXY: 'true', STAFF_TOTP_SECRET: 'gezd gnbv gy3t qojq gezd gnbv gy3t qojq' });
    expect(cfg.login.account.maxFailures).toBe(3);
    expect(cfg.trustProxy).toBe(true);
    expect(cfg.demoTotpSecret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(() => parseStaffSecurityConfig({ STAFF_LOGIN_ADDRESS_LOCK_MINUTES: '0' })).toThrow(StaffConfigError);
    expect(() => parseStaffSecurityConfig({ STAFF_TOTP_SECRET: 'not base32!' })).toThrow(/STAFF_TOTP_SECRET/);
  });
});

describe('the client address', () => {
  const req = (xff?: string) => new Request('http://localhost/', { headers: xff ? { 'x-forwarded-for': xff } : {} });

  it('is the socket address, and X-Forwarded-For is ignored unless the proxy is trusted', () => {
    expect(clientAddressOf({ request: req('203.0.113.9'), clientAddress: '127.0.0.1' }, false)).toBe('127.0.0.1');
    expect(clientAddressOf({ request: req(), clientAddress: '::ffff:127.0.0.1' }, false)).toBe('127.0.0.1');
  });

  it('behind a trusted proxy is the last X-Forwarded-For entry, the one the proxy added', () => {
    expect(clientAddressOf({ request: req('198.51.100.1, 203.0.113.9'), clientAddress: '10.0.0.2' }, true)).toBe('203.0.113.9');
    expect(clientAddressOf({ request: req('garbage'), clientAddress: '10.0.0.2' }, true)).toBe('10.0.0.2');
  });

  it('is undefined where the adapter cannot tell', () => {
    const ctx = {
      request: req(),
      get clientAddress(): string {
        throw new Error('not available');
      },
    };
    expect(clientAddressOf(ctx, false)).toBeUndefined();
  });
});

describe('the page after login', () => {
  it('is the page asked for inside /handlaggning, never outside it or a login step', () => {
    expect(staffReturnPath('/handlaggning/arenden/2026-000001')).toBe('/handlaggning/arenden/2026-000001');
    expect(staffReturnPath('/handlaggning?fore=x')).toBe('/handlaggning?fore=x');
    for (const bad of ['//evil.example', 'https://evil.example/', '/e-tjanster', '/handlaggning/logga-in/tvafaktor', '/handlaggning/logga-ut', '/handlaggning/konto/tvafaktor', '/handlaggningx']) {
      expect(staffReturnPath(bad)).toBeUndefined();
    }
  });

  it("is otherwise the user's start page", () => {
    expect(afterLogin(null, { roles: ['handlaggare'] })).toBe('/handlaggning');
    expect(afterLogin(null, { roles: ['admin'] })).toBe('/handlaggning/admin/anvandare');
    expect(afterLogin('/handlaggning/konto', { roles: ['admin'] })).toBe('/handlaggning/konto');
    expect(tillbakaQuery('/handlaggning/konto')).toBe('?tillbaka=%2Fhandlaggning%2Fkonto');
    expect(tillbakaQuery('//evil')).toBe('');
  });
});
