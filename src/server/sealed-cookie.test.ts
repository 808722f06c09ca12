import { beforeAll, describe, expect, it } from 'vitest';

let seal: typeof import('./sealed-cookie.ts').seal;
let unseal: typeof import('./sealed-cookie.ts').unseal;

beforeAll(async () => {
  process.env.COOKIE_SECRET = 'a-test-secret-that-is-long-enough-for-config';
  ({ seal, unseal } = await import('./sealed-cookie.ts'));
});

const answers = { personnummer: '19450110-3297', kontaktpersoner: [{ namn: 'Anna' }] };

describe('sealed cookies for answers in progress', () => {
  it('round-trips a value and reveals nothing of it in the cookie', () => {
    const sealed = seal(answers, 'st_j_trygghetslarm');
    expect(unseal(sealed, 'st_j_trygghetslarm')).toEqual(answers);
    expect(sealed).not.toContain('19450110');
    expect(Buffer.from(sealed.slice(2), 'base64url').toString('latin1')).not.toContain('Anna');
  });

  it('rejects a tampered cookie', () => {
    const sealed = seal(answers, 'st_j_trygghetslarm');
    const bytes = Buffer.from(sealed.slice(2), 'base64url');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(unseal(`${sealed.slice(0, 2)}${bytes.toString('base64url')}`, 'st_j_trygghetslarm')).toBeUndefined();
    expect(unseal('not-a-cookie', 'st_j_trygghetslarm')).toBeUndefined();
    expect(unseal('j.not-a-cookie', 'st_j_trygghetslarm')).toBeUndefined();
  });

  it('rejects a value moved to another cookie name', () => {
    expect(unseal(seal(answers, 'st_j_trygghetslarm'), 'st_j_stadning')).toBeUndefined();
  });

  it('gives the same value a different seal every time', () => {
    expect(seal(answers, 'x')).not.toBe(seal(answers, 'x'));
  });
});

describe('compression', () => {
  it('leaves a small value uncompressed and compresses a large one, and neither can be opened as the other', async () => {
    const { seal: s, unseal: u, COMPRESS_ABOVE } = await import('./sealed-cookie.ts');
    const small = s(answers, 'st_j_x');
    const large = s({ text: 'Hyra och el enligt underlag. '.repeat(Math.ceil(COMPRESS_ABOVE / 20)) }, 'st_j_x');
    expect(small.startsWith('j.')).toBe(true);
    expect(large.startsWith('z.')).toBe(true);
    expect(u(small, 'st_j_x')).toEqual(answers);
    // The marker is authenticated: changing it makes the cookie worthless.
    expect(u(`z.${small.slice(2)}`, 'st_j_x')).toBeUndefined();
    expect(u(`j.${large.slice(2)}`, 'st_j_x')).toBeUndefined();
    expect(u(small.slice(2), 'st_j_x')).toBeUndefined();
  });

  it('still opens a cookie sealed in the earlier form (always compressed, no marker), so no journey in progress is lost', async () => {
    const { createCipheriv, randomBytes } = await import('node:crypto');
    const { deflateRawSync } = await import('node:zlib');
    const { deriveKey } = await import('./secrets.ts');
    const { unseal: u } = await import('./sealed-cookie.ts');
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', deriveKey('sealed-cookie'), iv);
    c.setAAD(Buffer.from('st_j_trygghetslarm'));
    const body = Buffer.concat([c.update(deflateRawSync(Buffer.from(JSON.stringify(answers)))), c.final()]);
    const earlier = Buffer.concat([iv, c.getAuthTag(), body]).toString('base64url');
    expect(u(earlier, 'st_j_trygghetslarm')).toEqual(answers);
    expect(u(earlier, 'st_j_stadning')).toBeUndefined();
  });

  it('opens a value sealed at any compression level, and the hardest level is never larger', async () => {
    const { seal: s, unseal: u } = await import('./sealed-cookie.ts');
    // Long free texts, as in an application with several rows and explanations.
    const value = { rader: Array.from({ length: 60 }, (_, i) => ({ beskrivning: `Hyra och el för månad ${i}, enligt bifogat underlag från hyresvärden`, belopp: 4200 + i * 17 })) };
    const fast = s(value, 'st_j_x');
    const best = s(value, 'st_j_x', 9);
    expect(u(fast, 'st_j_x')).toEqual(value);
    expect(u(best, 'st_j_x')).toEqual(value);
    expect(best.length).toBeLessThanOrEqual(fast.length);
  });
});
