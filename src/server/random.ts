/**
 * Random bytes for tokens and IVs from a pool refilled 4 KB at a time: the same source as
 * crypto.randomBytes (the operating system's CSPRNG through OpenSSL), without a system call for
 * every few bytes. Each byte is handed out once.
 */
import { randomFillSync } from 'node:crypto';

const POOL_SIZE = 4096;
const pool = Buffer.alloc(POOL_SIZE);
let offset = POOL_SIZE;

/** `n` fresh random bytes (a copy: the caller may keep it). */
export function randomBytesPooled(n: number): Buffer {
  if (n > POOL_SIZE / 4) return randomFillSync(Buffer.alloc(n));
  if (offset + n > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + n));
  // Handed out once: wipe what was taken, so the pool never holds a token that is in use.
  pool.fill(0, offset, offset + n);
  offset += n;
  return out;
}

/** A random token of `bytes` bytes, base64url (18 bytes: 24 characters). */
export function randomToken(bytes = 18): string {
  return randomBytesPooled(bytes).toString('base64url');
}
