/**
 * A registration backend: a system that receives cases from the portal (a verksamhetssystem such
 * as Lifecare, Treserva or Procapita, or an integration platform in front of one). Backends are
 * plugins with their own typed options; the delivery queue and worker know only this interface.
 */
import type { CaseDocument } from './case-document.ts';

export type DeliveryEvent = 'submitted' | 'decided';

export const DELIVERY_EVENTS: readonly DeliveryEvent[] = ['submitted', 'decided'];

/** What a backend is told about the delivery it is making. */
export type DeliveryInfo = {
  /** Stable across retries: the receiver's idempotency key. */
  id: string;
  event: DeliveryEvent;
  /** 1 for the first try. */
  attempt: number;
};

export interface RegistrationBackend {
  /** Stored on each delivery row; keep it stable once deliveries exist. */
  readonly id: string;
  /** Resolves when the receiver has accepted the case; throws a DeliveryError otherwise. */
  deliver(doc: CaseDocument, delivery: DeliveryInfo): Promise<void>;
}

/**
 * A failed delivery. The message is stored on the delivery row and shown to admins, so it must
 * never contain personal data: status codes, error codes and timeouts only.
 */
export class DeliveryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DeliveryError';
  }
}
