/**
 * The limit on what a post may carry holds whatever the framing: a body sent in chunks, without a
 * Content-Length, is counted as it is read and refused with 413 past the limit, for form posts
 * (MAX_FORM_BYTES, 64 KB) and multipart posts (their own larger limit) alike. Sent with a raw HTTP
 * client, since browsers and fetch choose the framing themselves.
 */
import net from 'node:net';
import { expect, test } from '@playwright/test';
import { PORT } from '../playwright.config.ts';

const ORIGIN = `http://localhost:${PORT}`;
const PAGE = '/e-tjanster/kontakta-socialtjansten/amne';

type Answer = { status: number; head: string; body: string };

/**
 * Posts `total` bytes made by `fill` in chunks of `chunk` bytes with Transfer-Encoding: chunked and
 * no Content-Length. Resolves with the answer as soon as the server gives one (it may answer and
 * close before everything was sent).
 */
function chunkedPost(path: string, contentType: string, total: number, fill: (offset: number, size: number) => Buffer, chunk = 16 * 1024): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(PORT, '127.0.0.1');
    let received = Buffer.alloc(0);
    let done = false;
    const finish = () => {
      if (done) return;
      const text = received.toString('latin1');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      if (status === 0) return reject(new Error(`no answer: ${JSON.stringify(text.slice(0, 200))}`));
      done = true;
      const at = text.indexOf('\r\n\r\n');
      resolve({ status, head: text.slice(0, at), body: received.subarray(at + 4).toString('utf8') });
    };
    socket.on('data', (d: Buffer) => (received = Buffer.concat([received, d])));
    socket.on('end', finish);
    socket.on('close', finish);
    // The server may close while we still send: what it answered is what counts.
    socket.on('error', () => finish());
    socket.setTimeout(60_000, () => socket.destroy(new Error('timed out')));
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: localhost:${PORT}\r\nOrigin: ${ORIGIN}\r\nContent-Type: ${contentType}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`,
    );
    let offset = 0;
    const pump = () => {
      while (offset < total && !socket.destroyed) {
        const size = Math.min(chunk, total - offset);
        const ok = socket.write(Buffer.concat([Buffer.from(`${size.toString(16)}\r\n`), fill(offset, size), Buffer.from('\r\n')]));
        offset += size;
        if (!ok) return void socket.once('drain', pump);
      }
      if (!socket.destroyed) socket.write('0\r\n\r\n');
    };
    pump();
  });
}

const formBody = (text: string) => (offset: number, size: number) => Buffer.from(text.slice(offset, offset + size));

test('a chunked form post over the form limit is refused with 413 and the "too large" page', async () => {
  const text = `amne=annat&fritext=${'a'.repeat(200 * 1024)}`;
  const answer = await chunkedPost(PAGE, 'application/x-www-form-urlencoded', text.length, formBody(text));
  expect(answer.status).toBe(413);
  expect(answer.body).toContain('Det du skickade var för stort');
});

test('a chunked post of another type over the form limit is refused with 413 too', async () => {
  const text = 'x'.repeat(100 * 1024);
  const answer = await chunkedPost(PAGE, 'text/plain', text.length, formBody(text));
  expect(answer.status).toBe(413);
});

test('a chunked form post within the limit is read and answered as any other', async () => {
  const text = 'amne=annat';
  const answer = await chunkedPost(PAGE, 'application/x-www-form-urlencoded', text.length, formBody(text));
  expect(answer.status).toBe(303);
  expect(answer.head).toMatch(/\r\nlocation: \/e-tjanster\/kontakta-socialtjansten\//i);
});

test('a chunked multipart post over the multipart limit is refused with 413', async () => {
  test.setTimeout(120_000);
  const boundary = 'grans0123456789';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="fil"; filename="stor.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
  const total = 27 * 1024 * 1024;
  const filler = Buffer.alloc(64 * 1024, 0x41);
  const answer = await chunkedPost(
    PAGE,
    `multipart/form-data; boundary=${boundary}`,
    total,
    (offset, size) => (offset === 0 ? Buffer.concat([head, filler.subarray(0, size - head.length)]) : filler.subarray(0, size)),
    64 * 1024,
  );
  expect(answer.status).toBe(413);
});
