/** Small HTTP helpers for pages: reading forms within limits, safe redirects. */
import type { FormInput } from '../domain/forms/answers.ts';

/** Only same-site paths: "/x" but never "//evil.example" or "/\\evil". */
export function safeReturnPath(raw: string | null | undefined, fallback = '/'): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || /[\r\n]/.test(raw)) return fallback;
  return raw;
}

export class BadFormError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadFormError';
  }
}

/** The posted form as strings only (files are handled by upload fields, not here). */
export async function readForm(request: Request): Promise<FormInput & { raw: FormData }> {
  let data: FormData;
  try {
    data = await request.formData();
  } catch {
    throw new BadFormError('unreadable form body');
  }
  const asString = (v: FormDataEntryValue | null): string | null => (typeof v === 'string' ? v : null);
  return {
    raw: data,
    get: (name) => asString(data.get(name)),
    getAll: (name) => data.getAll(name).flatMap((v) => (typeof v === 'string' ? [v] : [])),
  };
}
