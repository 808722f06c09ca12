/** The security headers of every answer the portal gives (set by middleware.ts). */
export const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/**
 * `secure`: served over https (the public origin says so), when browsers must never fall back to
 * http. The Content-Security-Policy is the portal's default, which a page may have set stricter.
 */
export function securityHeaders(secure: boolean): [string, string][] {
  const h: [string, string][] = [
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'same-origin'],
    ['X-Frame-Options', 'DENY'],
  ];
  if (secure) h.push(['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']);
  h.push(['Content-Security-Policy', CONTENT_SECURITY_POLICY]);
  return h;
}
