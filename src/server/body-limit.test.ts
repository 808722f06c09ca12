import { describe, expect, it } from 'vitest';
import { bodyLimitFor, bodyVerdict, MULTIPART_LIMIT_BYTES } from './body-limit.ts';

/** A request whose body arrives in chunks of `chunk` bytes without a Content-Length, as Transfer-Encoding: chunked does. */
function chunked(total: number, chunk = 1024): Request {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (sent >= total) return c.close();
      const n = Math.min(chunk, total - sent);
      sent += n;
      c.enqueue(new Uint8Array(n).fill(97));
    },
  });
  return new Request('http://localhost/x', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

describe('the body limit', () => {
  it('uses the multipart limit for multipart posts and the form limit for everything else', () => {
    expect(bodyLimitFor('multipart/form-data; boundary=x', 1000)).toBe(MULTIPART_LIMIT_BYTES);
    expect(bodyLimitFor('Multipart/Form-Data; boundary=x', 1000)).toBe(MULTIPART_LIMIT_BYTES);
    expect(bodyLimitFor('application/x-www-form-urlencoded', 1000)).toBe(1000);
    expect(bodyLimitFor('text/plain', 1000)).toBe(1000);
    expect(bodyLimitFor(null, 1000)).toBe(1000);
  });

  it('refuses a declared length over the limit without reading the body, and cuts off only an absurd one', async () => {
    const declared = (n: number) => new Request('http://localhost/x', { method: 'POST', body: 'a'.repeat(10), headers: { 'content-length': String(n) } });
    const req = declared(5000);
    expect(await bodyVerdict(req, 1000)).toBe('over');
    expect(req.bodyUsed).toBe(false);
    expect(await bodyVerdict(declared(900), 1000)).toBe('within');
    expect(await bodyVerdict(declared(2 * MULTIPART_LIMIT_BYTES + 1), 1000)).toBe('overUnbounded');
  });

  it('counts a body without a declared length as it is read, and refuses it past the limit', async () => {
    expect(await bodyVerdict(chunked(5000), 4096)).toBe('overUnbounded');
    expect(await bodyVerdict(chunked(4096), 4096)).toBe('within');
  });

  it('leaves a body within the limit whole for the page to read', async () => {
    const req = chunked(3000, 700);
    expect(await bodyVerdict(req, 4096)).toBe('within');
    expect((await req.arrayBuffer()).byteLength).toBe(3000);
  });

  it('stops reading a body without a declared length soon after the limit', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled += 1024;
        c.enqueue(new Uint8Array(1024));
      },
    });
    const endless = new Request('http://localhost/x', { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(await bodyVerdict(endless, 10_000)).toBe('overUnbounded');
    expect(pulled).toBeLessThan(10_000 + 64 * 1024);
  });
});
