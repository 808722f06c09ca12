/**
 * A real HTTP receiver for delivery tests: node:http on an ephemeral local port, recording every
 * request with its raw body, answering with whatever status the test sets. It can be taken down
 * and brought back on the same port, to test a receiver that is not there.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { headers: IncomingHttpHeaders; body: string };

export type TestReceiver = {
  url: string;
  requests: Received[];
  /** Status for the following requests (or a function of the request count, 1-based). */
  respond(status: number | ((n: number) => number)): void;
  /** Accept connections but never answer. */
  hang(): void;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
};

export async function startReceiver(): Promise<TestReceiver> {
  const requests: Received[] = [];
  let status: number | ((n: number) => number) = 204;
  let hanging = false;
  const sockets = new Set<import('node:net').Socket>();
  let server: Server | undefined;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
          if (hanging) return;
          res.statusCode = typeof status === 'number' ? status : status(requests.length);
          res.end();
        });
      });
      s.on('connection', (sock) => {
        sockets.add(sock);
        sock.on('close', () => sockets.delete(sock));
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as AddressInfo).port;
        server = s;
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = undefined;
      if (!s) return resolve();
      for (const sock of sockets) sock.destroy();
      s.close(() => resolve());
    });

  await listen();
  return {
    url: `http://127.0.0.1:${port}/cases`,
    requests,
    respond(s) {
      status = s;
      hanging = false;
    },
    hang() {
      hanging = true;
    },
    down: stop,
    up: listen,
    close: stop,
  };
}
