/**
 * The HTTP webhook backend: POSTs the case document as JSON to a configured URL.
 *
 * Headers: `X-Socialtjanst-Event` (submitted | decided), `X-Socialtjanst-Delivery` (the delivery
 * id, the same on every retry: the receiver's idempotency key), `X-Socialtjanst-Timestamp` (Unix
 * seconds) and `X-Socialtjanst-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`.
 * Any 2xx answer is success; anything else, a redirect, a network error or the timeout is a
 * failure to be retried.
 */
import { createHmac } from 'node:crypto';
import type { CaseDocument } from './case-document.ts';
import { DeliveryError, type DeliveryInfo, type RegistrationBackend } from './backend.ts';

export type WebhookOptions = {
  url: string;
  /** Shared with the receiver; at least 32 characters. */
  secret: string;
  timeoutMs: number;
  /** Backend id on delivery rows (default "webhook"). */
  id?: string;
  /** The clock used for the timestamp header (tests). */
  now?: () => Date;
};

export const SIGNATURE_HEADER = 'X-Socialtjanst-Signature';
export const TIMESTAMP_HEADER = 'X-Socialtjanst-Timestamp';
export const EVENT_HEADER = 'X-Socialtjanst-Event';
export const DELIVERY_HEADER = 'X-Socialtjanst-Delivery';

/** The signature header value a receiver recomputes to check that a request came from us. */
export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/** Failure text for admins: never the response body (it could echo personal data). */
function describeFailure(e: unknown, timeoutMs: number): string {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return `timeout after ${timeoutMs} ms`;
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return `network error ${code}`;
    cur = (cur as { cause?: unknown }).cause;
  }
  return 'network error';
}

export function webhookBackend(opts: WebhookOptions): RegistrationBackend {
  const now = opts.now ?? (() => new Date());
  return {
    id: opts.id ?? 'webhook',
    async deliver(doc: CaseDocument, delivery: DeliveryInfo): Promise<void> {
      const body = JSON.stringify(doc);
      const timestamp = String(Math.floor(now().getTime() / 1000));
      let res: Response;
      try {
        res = await fetch(opts.url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(opts.timeoutMs),
          headers: {
            'Content-Type': 'application/json',
            'User-Agent': 'Socialtjanstportalen-webhook/1',
            [EVENT_HEADER]: delivery.event,
            [DELIVERY_HEADER]: delivery.id,
            [TIMESTAMP_HEADER]: timestamp,
            [SIGNATURE_HEADER]: signature(opts.secret, timestamp, body),
          },
          body,
        });
      } catch (e) {
        throw new DeliveryError(describeFailure(e, opts.timeoutMs), { cause: e });
      }
      // The body is not needed; read it so the connection can be reused.
      await res.arrayBuffer().catch(() => undefined);
      if (res.status < 200 || res.status > 299) throw new DeliveryError(`HTTP ${res.status}`);
    },
  };
}
