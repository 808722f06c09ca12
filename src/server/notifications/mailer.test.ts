import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { smtpSender } from './mailer.ts';

let server: Server | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** An SMTP server that accepts the connection and then says nothing, or says too little too slowly. */
async function listen(onConnection: (socket: Socket) => void): Promise<number> {
  server = createServer((socket) => {
    sockets.push(socket);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

const mail = { subject: 'Ärende', text: 'Du har ett nytt meddelande.' };

describe('sending an e-mail', () => {
  it('gives up within its timeout when the server never greets', async () => {
    const port = await listen(() => undefined);
    const t0 = Date.now();
    await expect(smtpSender(`smtp://127.0.0.1:${port}`, 'portal@example.se', 400)('a@example.se', mail)).rejects.toThrow();
    expect(Date.now() - t0).toBeLessThan(3_000);
  });

  it('gives up within its timeout when the server drips its answers, each in time but never done', async () => {
    const port = await listen((socket) => {
      // A greeting continued one line at a time, each well within a socket timeout.
      socket.write('220-smtp.example.se\r\n');
      const timer = setInterval(() => socket.writable && socket.write('220-still here\r\n'), 100);
      socket.on('close', () => clearInterval(timer));
    });
    const t0 = Date.now();
    await expect(smtpSender(`smtp://127.0.0.1:${port}`, 'portal@example.se', 600)('a@example.se', mail)).rejects.toThrow();
    expect(Date.now() - t0).toBeLessThan(3_000);
  });
});
