/**
 * Sending one SMS through an SMS gateway (SMSC) over SMPP 3.4, the protocol SMS gateways accept,
 * with the `smpp` package: connect (smpp:// or ssmpp:// for TLS), bind as a transmitter with the
 * URL's user and password, submit_sm, unbind. One connection per message: the portal sends few
 * SMS (alerts and notices), and a connection of its own leaves no half-bound session behind after
 * a gateway restart. A failure throws an Error whose `code` is what administrators see (never the
 * number or the text): SMPP_<command_status>, SMPP_TIMEOUT or the socket's code (ECONNREFUSED …).
 */
import smpp, { type Pdu, type Session } from 'smpp';

export type SendSms = (to: string, text: string) => Promise<void>;

export class SmsError extends Error {
  readonly code: string;
  constructor(code: string) {
    super(`SMS not sent: ${code}`);
    this.name = 'SmsError';
    this.code = code;
  }
}

/** Type of number: international (1) for +46…, alphanumeric (5) for a sender name. */
function addressOf(value: string): { addr: string; ton: number; npi: number } {
  if (/^\+?\d+$/.test(value)) return { addr: value.replace(/^\+/, ''), ton: 1, npi: 1 };
  return { addr: value, ton: 5, npi: 0 };
}

function request(session: Session, op: 'bind_transmitter' | 'submit_sm' | 'unbind', fields: Record<string, unknown>): Promise<Pdu> {
  return new Promise((resolve) => session[op](fields, resolve));
}

export function smppSender(url: string, sender: string, timeoutMs = 10_000): SendSms {
  const parsed = new URL(url);
  const systemId = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  const target = `${parsed.protocol}//${parsed.hostname}:${parsed.port || (parsed.protocol === 'ssmpp:' ? 3550 : 2775)}`;
  return (to, text) =>
    new Promise<void>((resolve, reject) => {
      let done = false;
      const session = smpp.connect({ url: target });
      const finish = (error?: SmsError) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (error) session.destroy();
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(() => finish(new SmsError('SMPP_TIMEOUT')), timeoutMs);
      session.on('error', (e: { code?: unknown }) => finish(new SmsError(typeof e.code === 'string' && /^[A-Z_]{2,32}$/.test(e.code) ? e.code : 'SMPP_SOCKET')));
      session.on('close', () => finish(new SmsError('SMPP_CLOSED')));
      session.once('connect', async () => {
        try {
          const bound = await request(session, 'bind_transmitter', { system_id: systemId, password });
          if (bound.command_status !== 0) return finish(new SmsError(`SMPP_${bound.command_status}`));
          const from = addressOf(sender);
          const dest = addressOf(to);
          // Longer than one SMS: the whole text in message_payload, which the gateway splits.
          const body = text.length > 160 ? { message_payload: text } : { short_message: text };
          const sent = await request(session, 'submit_sm', { source_addr: from.addr, source_addr_ton: from.ton, source_addr_npi: from.npi, destination_addr: dest.addr, dest_addr_ton: dest.ton, dest_addr_npi: dest.npi, registered_delivery: 0, ...body });
          if (sent.command_status !== 0) return finish(new SmsError(`SMPP_${sent.command_status}`));
          // Accepted: the gateway has the message. Unbinding is courtesy; its answer is not awaited.
          done = true;
          clearTimeout(timer);
          session.unbind({}, () => session.close());
          setTimeout(() => session.destroy(), 2_000).unref();
          resolve();
        } catch {
          finish(new SmsError('SMPP_PROTOCOL'));
        }
      });
    });
}
