/**
 * Starting a built portal from a test or benchmark script exactly as production starts it
 * (scripts/start.ts), and the cookies a browser would keep. Used by scripts/bench-http.ts,
 * scripts/test-reliability.ts and scripts/fuzz.ts.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * Spawns the portal built in `dist` (the folder holding server/entry.mjs) with `env` added to this
 * process's environment. A build outside the project folder finds the project's packages through a
 * link beside it; migrations are read from db/migrations relative to the working folder.
 */
export function spawnBuiltPortal(dist: string, env: Record<string, string>, stdio: StdioOptions = ['ignore', 'ignore', 'pipe']): ChildProcess {
  const entry = path.join(dist, 'server', 'entry.mjs');
  if (!existsSync(entry)) throw new Error(`${entry} does not exist: not a built portal`);
  if (path.relative(process.cwd(), dist).startsWith('..') && !existsSync(path.join(dist, 'node_modules'))) symlinkSync(path.resolve('node_modules'), path.join(dist, 'node_modules'), 'dir');
  return spawn(process.execPath, [path.resolve('scripts/start.ts')], {
    cwd: process.cwd(),
    env: { ...process.env, PORTAL_DIST: dist, ...env },
    stdio,
  });
}

/** The cookies a browser would keep, as one Cookie header. */
export class Jar {
  cookies = new Map<string, string>();
  apply(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(pair.slice(0, eq).trim());
      else this.cookies.set(pair.slice(0, eq).trim(), value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}
