/**
 * Staff passwords: argon2id hashes in PHC string form (OWASP's minimum parameters: 19 MiB,
 * two passes, one lane). The parameters travel inside each hash, so raising them later only
 * affects new hashes; old ones keep verifying.
 */
import { hash, verify } from '@node-rs/argon2';

/** Shorter passwords are refused wherever a staff password is set. */
export const MIN_PASSWORD_LENGTH = 12;

const OPTIONS = {
  // Algorithm.Argon2id; the package declares it as an ambient const enum, which isolated modules cannot read.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * A hash of a random, forgotten password with the same parameters. A login for an unknown
 * username verifies against it, so it takes as long as one with a wrong password and the
 * response time does not reveal which usernames exist.
 */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$X405g96BdLi+7fvGdEubzQ$yWFj0nKnA4raGqErTceqFdY33DaP+AZgo9OGOXwepO4';

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** True only for the right password; a malformed stored hash is a "no", never a crash at login. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
