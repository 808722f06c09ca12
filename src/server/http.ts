/** Small HTTP helpers for pages: reading forms within limits, safe redirects. */
import type { FormInput } from '../domain/forms/answers.ts';

/** Return paths have one rule, in ./return-path.ts. */
export { safeReturnPath } from './return-path.ts';

export class BadFormError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadFormError';
  }
}

/**
 * A form value with any NUL character replaced by U+FFFD. No one types a NUL, and PostgreSQL
 * stores none in text or jsonb (it refuses the whole statement), so a value carrying one would
 * turn a hostile post into a failure of ours; the replacement keeps everything else as it was sent.
 */
export const withoutNul = (value: string): string => (value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value);

/** The posted form as strings only (files are handled by upload fields, not here). */
export async function readForm(request: Request): Promise<FormInput & { raw: FormData }> {
  let data: FormData;
  try {
    data = await request.formData();
  } catch {
    throw new BadFormError('unreadable form body');
  }
  const asString = (v: FormDataEntryValue | null): string | null => (typeof v === 'string' ? withoutNul(v) : null);
  return {
    raw: data,
    get: (name) => asString(data.get(name)),
    getAll: (name) => data.getAll(name).flatMap((v) => (typeof v === 'string' ? [withoutNul(v)] : [])),
  };
}

/**
 * A fresh GET request for an error page (e.g. '/400') to rewrite to. Rewriting with a path copies
 * the original request with its body, which Astro refuses once the body has been read; the form
 * has always been read by the time it turns out to be malformed.
 */
export function errorPageRequest(path: '/400' | '/404' | '/for-stor' | '/tillfalligt-fel' | `/tillfalligt-fel?${string}`, request: Request): Request {
  const headers = new Headers();
  for (const name of ['cookie', 'accept-language', 'user-agent']) {
    const v = request.headers.get(name);
    if (v !== null) headers.set(name, v);
  }
  return new Request(new URL(path, request.url), { method: 'GET', headers });
}
