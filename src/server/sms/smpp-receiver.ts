/**
 * A local SMPP receiver (SMSC) for the demo and the tests (the `smpp` package's server): accepts a
 * transmitter bound with any credentials and keeps each submitted SMS as a JSON file
 * ({ to, from, text }) in a folder, where a person or a test can read it. A development tool:
 * loaded only by demo mode (scripts/start.ts) and tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import smpp, { type Pdu, type Session } from 'smpp';

export type SmppReceiver = { port: number; url: string; close(): Promise<void> };

function textOf(pdu: Pdu): string {
  const v = (pdu.message_payload ?? pdu.short_message) as { message?: unknown } | string | undefined;
  const m = typeof v === 'object' && v !== null ? v.message : v;
  return Buffer.isBuffer(m) ? m.toString('latin1') : String(m ?? '');
}

export async function startSmppReceiver(opts: { port: number; dir: string }): Promise<SmppReceiver> {
  mkdirSync(opts.dir, { recursive: true });
  let n = 0;
  const sessions = new Set<Session>();
  const server = smpp.createServer({}, (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
    session.on('error', () => sessions.delete(session));
    for (const bind of ['bind_transmitter', 'bind_transceiver']) session.on(bind, (pdu: Pdu) => session.send(pdu.response()));
    session.on('submit_sm', (pdu: Pdu) => {
      const id = `${Date.now()}-${String(++n).padStart(4, '0')}`;
      const sms = { to: `+${String(pdu.destination_addr)}`, from: String(pdu.source_addr), text: textOf(pdu) };
      writeFileSync(path.join(opts.dir, `${id}.json`), JSON.stringify(sms, null, 2));
      session.send(pdu.response({ message_id: id }));
    });
    session.on('enquire_link', (pdu: Pdu) => session.send(pdu.response()));
    session.on('unbind', (pdu: Pdu) => {
      session.send(pdu.response());
      session.close();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    port,
    url: `smpp://portal:demo@127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sessions) s.destroy();
        server.close(() => resolve());
      }),
  };
}
