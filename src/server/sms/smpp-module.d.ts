/** The parts of the `smpp` package (no types of its own) that the SMS adapter and the demo receiver use. */
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  export type Pdu = {
    command: string;
    command_status: number;
    [field: string]: unknown;
    response(fields?: Record<string, unknown>): Pdu;
  };
  export interface Session extends EventEmitter {
    send(pdu: Pdu, responseCallback?: (pdu: Pdu) => void): boolean;
    bind_transmitter(fields: Record<string, unknown>, callback: (pdu: Pdu) => void): void;
    submit_sm(fields: Record<string, unknown>, callback: (pdu: Pdu) => void): void;
    unbind(fields?: Record<string, unknown>, callback?: (pdu: Pdu) => void): void;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    pause(): void;
    resume(): void;
  }
  export interface Server extends EventEmitter {
    listen(port: number, host: string, callback?: () => void): void;
    close(callback?: () => void): void;
    address(): import('node:net').AddressInfo | string | null;
  }
  export function connect(options: { url: string; auto_enquire_link_period?: number }, listener?: () => void): Session;
  export function createServer(options: Record<string, unknown>, listener: (session: Session) => void): Server;
  export const ESME_ROK: number;
  export const ESME_RBINDFAIL: number;
  const smpp: { connect: typeof connect; createServer: typeof createServer; ESME_ROK: number; ESME_RBINDFAIL: number };
  export default smpp;
}
