/**
 * Keys derived from COOKIE_SECRET. In demo mode without one, a random secret is created once
 * and kept in DATA_DIR so that restarts do not throw away citizens' answers in progress.
 */
import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { config } from './config.ts';

let secret: string | undefined;

function cookieSecret(): string {
  if (secret) return secret;
  const cfg = config();
  if (cfg.COOKIE_SECRET) return (secret = cfg.COOKIE_SECRET);
  const file = path.resolve(cfg.DATA_DIR, 'cookie-secret');
  try {
    secret = readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(cfg.DATA_DIR, { recursive: true });
    secret = randomBytes(32).toString('base64url');
    writeFileSync(file, secret, { mode: 0o600 });
  }
  return secret;
}

/** A 32-byte key for one purpose; different purposes never share a key. */
export function deriveKey(purpose: string): Buffer {
  const ikm = createHash('sha256').update(cookieSecret()).digest();
  return Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), `socialtjanstportalen:${purpose}`, 32));
}
