/**
 * Invitation codes: drawn with the system's cryptographic random source (without modulo bias)
 * and stored only as their SHA-256. 25^8 ≈ 1.5·10^11 codes, guessing limited per address.
 */
import { createHash, randomBytes } from 'node:crypto';
import { CODE_ALPHABET, codeFrom } from '../../domain/surveys/codes.ts';

const LIMIT = 256 - (256 % CODE_ALPHABET.length);

function randomIndexSource(): () => number {
  let pool = randomBytes(64);
  let i = 0;
  return () => {
    for (;;) {
      if (i >= pool.length) {
        pool = randomBytes(64);
        i = 0;
      }
      const b = pool[i++]!;
      if (b < LIMIT) return b % CODE_ALPHABET.length;
    }
  };
}

/** `count` distinct new codes. */
export function newCodes(count: number): string[] {
  const next = randomIndexSource();
  const out = new Set<string>();
  while (out.size < count) out.add(codeFrom(next));
  return [...out];
}

/** What is stored of a (normalised) code. */
export function hashCode(code: string): string {
  return createHash('sha256').update(`survey-code:${code}`).digest('hex');
}
