/** Calendar dates of the surveys, in Europe/Stockholm: answers keep only the day they came in. */
import { stockholmDate } from '../../domain/personnummer.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03-12" for today in Sweden. */
export function todayIso(now = new Date()): string {
  const d = stockholmDate(now);
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
