/**
 * Invitation codes as printed on letters: 8 characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L, 5/S, 2/Z, 8/B), shown in two groups of four. People type them with spaces,
 * dashes and lower case; all of that is forgiven.
 */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 8;

/** "abcd-efgh " → "ABCDEFGH"; undefined unless it can be a code at all. */
export function normaliseCode(raw: string): string | undefined {
  const s = raw.normalize('NFKC').toUpperCase().replace(/[\s\-–—_.]/g, '');
  if (s.length !== CODE_LENGTH) return undefined;
  for (const ch of s) if (!CODE_ALPHABET.includes(ch)) return undefined;
  return s;
}

/** "ABCDEFGH" → "ABCD-EFGH" for print. */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A code from random bytes (one byte per character; bytes ≥ the largest multiple are redrawn by the caller's source). */
export function codeFrom(nextIndex: () => number): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[nextIndex()]!;
  return s;
}
