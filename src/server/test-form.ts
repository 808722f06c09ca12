/** A posted form as the journey's use case reads it (tests only): each field once, as a browser sends it. */
import type { JourneyRequest } from './journey-request.ts';

export function formOf(fields: Record<string, string>): NonNullable<JourneyRequest['form']> {
  const raw = new FormData();
  for (const [k, v] of Object.entries(fields)) raw.append(k, v);
  return { raw, get: (n) => (typeof raw.get(n) === 'string' ? (raw.get(n) as string) : null), getAll: (n) => raw.getAll(n).filter((v): v is string => typeof v === 'string') };
}
