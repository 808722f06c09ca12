/**
 * The address a request came from, for rate limits and the audit trail. The socket's address is
 * the truth; X-Forwarded-For is written by whoever sends the request, so it is believed only when
 * TRUST_PROXY says the portal stands behind its own proxy, and then only the last entry (the one
 * that proxy appended: everything left of it came from the client and may be made up).
 */
import { staffSecurityConfig } from './policy.ts';

type Source = { request: Request; clientAddress?: string };

/** Reading Astro's clientAddress throws where the adapter cannot tell (e.g. prerendering). */
function socketAddress(ctx: { clientAddress?: string }): string | undefined {
  try {
    return ctx.clientAddress || undefined;
  } catch {
    return undefined;
  }
}

/** "::ffff:127.0.0.1" and "127.0.0.1" are one client. */
function normalise(address: string): string {
  const a = address.trim();
  return a.toLowerCase().startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a;
}

export function clientAddressOf(ctx: Source, trustProxy = staffSecurityConfig().trustProxy): string | undefined {
  return clientAddressFrom(ctx.request.headers.get('x-forwarded-for'), () => socketAddress(ctx), trustProxy);
}

/** The same from a request's X-Forwarded-For header and its socket's address (read only when needed). */
export function clientAddressFrom(forwardedFor: string | null | undefined, socket: () => string | undefined, trustProxy = staffSecurityConfig().trustProxy): string | undefined {
  if (trustProxy) {
    const last = forwardedFor?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
    if (last && /^[0-9a-fA-F:.]{2,45}$/.test(last)) return normalise(last);
  }
  const address = socket();
  return address ? normalise(address) : undefined;
}
