/**
 * Creates a staff account:
 *   npm run user:create -- --username anna --name "Anna Andersson" --areas aldreomsorg,ifo --roles handlaggare
 * The password comes from STAFF_PASSWORD, or is asked for on the terminal (not echoed, asked twice).
 * The second factor is not set here: the user enrols an authenticator app at their first login.
 * Uses DATABASE_URL when set, otherwise the embedded database in DATA_DIR (default ./data).
 *
 * An operator tool: it writes to the database directly, as anyone with access to the database can,
 * so it is not bound by the portal's rule that a second administrator approves case roles
 * (docs/adr/0008). Whoever may run it may already read the database; restrict that access.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client.ts';
import { MIN_PASSWORD_LENGTH } from '../src/server/staff/password.ts';
import { createStaffUser, InvalidStaffUserError, STAFF_AREAS, STAFF_ROLES, UsernameTakenError } from '../src/server/staff/users.ts';

const USAGE = `Usage: npm run user:create -- --username <name> --name "<display name>" [--roles ${STAFF_ROLES.join(',')}] [--areas ${STAFF_AREAS.join(',')}]
  --roles defaults to handlaggare; --areas may be empty only for admin or analytiker.
  Password: set STAFF_PASSWORD, or type it when asked (at least ${MIN_PASSWORD_LENGTH} characters).`;

class UsageError extends Error {}

/** Reads one line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const { stdin, stdout } = process;
  if (!stdin.isTTY) return Promise.reject(new UsageError('no terminal to ask for the password on: set STAFF_PASSWORD'));
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stdout.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UsageError('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.STAFF_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const first = await promptHidden('Password: ');
  if (first.length < MIN_PASSWORD_LENGTH) return first; // refused below, before asking again
  const again = await promptHidden('Password again: ');
  if (again !== first) throw new UsageError('the passwords do not match');
  return first;
}

const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: { username: { type: 'string' }, name: { type: 'string' }, roles: { type: 'string' }, areas: { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
    }).values;
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (!args.username) throw new UsageError('--username is required');
  if (!args.name) throw new UsageError('--name is required');
  const roles = args.roles === undefined ? ['handlaggare'] : list(args.roles);
  const areas = list(args.areas);
  const bad = [...roles.filter((r) => !(STAFF_ROLES as readonly string[]).includes(r)).map((r) => `unknown role "${r}"`), ...areas.filter((a) => !(STAFF_AREAS as readonly string[]).includes(a)).map((a) => `unknown area "${a}"`)];
  if (bad.length > 0) throw new UsageError(bad.join(', '));
  if (roles.includes('handlaggare') && areas.length === 0) throw new UsageError('a handläggare needs at least one area (--areas)');

  const password = await readPassword();
  if (password.length < MIN_PASSWORD_LENGTH) throw new UsageError(`the password must be at least ${MIN_PASSWORD_LENGTH} characters`);

  const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? './data', migrate: true });
  try {
    const user = await createStaffUser(handle.db, { username: args.username, displayName: args.name, password, roles, areas });
    console.log(`Created staff user "${user.username}" (${user.displayName}); roles: ${user.roles.join(', ')}; areas: ${user.areas.join(', ') || 'none'}. Database: ${handle.kind}.`);
    console.log('At the first login the user sets up two-step verification (an authenticator app) and gets recovery codes.');
  } finally {
    await handle.close();
  }
}

try {
  await main();
} catch (e) {
  if (e instanceof UsernameTakenError || e instanceof InvalidStaffUserError || e instanceof UsageError) {
    console.error(`user:create: ${e.message}`);
    if (e instanceof UsageError) console.error(USAGE);
    process.exitCode = 1;
  } else {
    throw e;
  }
}
