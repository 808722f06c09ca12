import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

let sealed: typeof import('./sealed-cookie.ts');

beforeAll(async () => {
  process.env.COOKIE_SECRET = 'a-test-secret-that-is-long-enough-for-config';
  sealed = await import('./sealed-cookie.ts');
});

afterEach(() => {
  vi.useRealTimers();
});

const answers = { personnummer: '19450110-3297', kontaktpersoner: [{ namn: 'Anna' }] };

/** The cookies of a browser, as Astro's cookies behave for these calls; `set` records each cookie's lifetime. */
class Jar {
  readonly values = new Map<string, string>();
  readonly set_: { name: string; maxAge: number | undefined }[] = [];
  get(name: string) {
    const value = this.values.get(name);
    return value === undefined ? undefined : { value };
  }
  has(name: string) {
    return this.values.has(name);
  }
  set(name: string, value: string, o?: { maxAge?: number }) {
    this.values.set(name, value);
    this.set_.push({ name, maxAge: o?.maxAge });
  }
  delete(name: string) {
    this.values.delete(name);
  }
}
const asJar = (j: Jar) => j as unknown as import('./sealed-cookie.ts').CookieJar;

describe('sealed cookies for answers in progress', () => {
  it('round-trips a value and reveals nothing of it in the cookie', async () => {
    const s = await sealed.seal(answers, 'st_j_trygghetslarm');
    expect(s.startsWith('Fe26.2*')).toBe(true);
    expect(await sealed.unseal(s, 'st_j_trygghetslarm')).toEqual(answers);
    expect(s).not.toContain('19450110');
    expect(Buffer.from(s, 'base64url').toString('latin1')).not.toContain('Anna');
  });

  it('rejects a tampered cookie and anything that was not sealed here', async () => {
    const s = await sealed.seal(answers, 'st_j_trygghetslarm');
    const parts = s.split('*');
    const enc = Buffer.from(parts[4]!, 'base64url');
    enc[0] = (enc[0] ?? 0) ^ 1;
    parts[4] = enc.toString('base64url');
    expect(await sealed.unseal(parts.join('*'), 'st_j_trygghetslarm')).toBeUndefined();
    expect(await sealed.unseal('not-a-cookie', 'st_j_trygghetslarm')).toBeUndefined();
    // The earlier home-made format (j./z. and AES-GCM) is not opened: such a journey starts again.
    expect(await sealed.unseal('j.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'st_j_trygghetslarm')).toBeUndefined();
  });

  it('rejects a value moved to another cookie name', async () => {
    expect(await sealed.unseal(await sealed.seal(answers, 'st_j_trygghetslarm'), 'st_j_stadning')).toBeUndefined();
  });

  it('gives the same value a different seal every time', async () => {
    expect(await sealed.seal(answers, 'x')).not.toBe(await sealed.seal(answers, 'x'));
  });

  it('compresses a large value, which still opens as it was', async () => {
    const value = { rader: Array.from({ length: 60 }, (_, i) => ({ beskrivning: `Hyra och el för månad ${i}, enligt bifogat underlag från hyresvärden`, belopp: 4200 + i * 17 })) };
    const s = await sealed.seal(value, 'st_j_x');
    expect(await sealed.unseal(s, 'st_j_x')).toEqual(value);
    expect(s.length).toBeLessThan(JSON.stringify(value).length);
  });

  it('does not open after its lifetime', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-04T10:00:00Z'));
    const s = await sealed.seal(answers, 'st_j_x', 15 * 60_000);
    vi.setSystemTime(new Date('2026-05-04T10:14:00Z'));
    expect(await sealed.unseal(s, 'st_j_x')).toEqual(answers);
    vi.setSystemTime(new Date('2026-05-04T10:17:00Z'));
    expect(await sealed.unseal(s, 'st_j_x')).toBeUndefined();
  });

  it('splits a large value over several cookies, reads them back, and gives a lifetime to the browser too', async () => {
    const j = new Jar();
    const value = { text: Array.from({ length: 800 }, (_, i) => `ord${i * 7919}`).join(' ') };
    await sealed.writeSealed(asJar(j), 'st_j_x', value, 15 * 60_000);
    expect(j.set_.length).toBeGreaterThan(1);
    expect(j.set_.every((c) => c.maxAge === 15 * 60)).toBe(true);
    expect(await sealed.readSealed(asJar(j), 'st_j_x')).toEqual(value);
    sealed.clearSealed(asJar(j), 'st_j_x');
    expect(await sealed.readSealed(asJar(j), 'st_j_x')).toBeUndefined();
  });
});
