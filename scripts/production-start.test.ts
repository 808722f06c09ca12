/**
 * The demo's local e-legitimation provider and SMTP receiver are development tools: they and every
 * other devDependency stay out of what a production install (`npm ci --omit=dev`) runs.
 *
 *  - Statically: every module the built app or `scripts/start.ts` can load (the pages, the
 *    middleware, the e-tjänster found by glob, and what they import) imports only Node's own
 *    modules, Astro's virtual ones and packages of `dependencies`; none of them is a dev tool.
 *  - Running: `scripts/start.ts` started as `npm run serve` starts it (DEMO_MODE=false), with every
 *    devDependency made unresolvable as after `npm ci --omit=dev`, comes up and never asks for one;
 *    in demo mode it does load the dev tools (so the check can see them), and without them installed
 *    it still starts.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const DEV_TOOL_PACKAGES = ['oidc-provider', 'smtp-server'];
const DEV_TOOL_FILES = ['src/server/oidc-dev/provider.ts', 'src/server/notifications/smtp-receiver.ts'];

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`). */
const packageOf = (spec: string) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

function filesUnder(dir: string, match: (f: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full, match));
    else if (match(full)) out.push(full);
  }
  return out;
}

const isTest = (f: string) => /\.test\.ts$/.test(f);

/** The static imports of a module (type-only imports left out: they are erased). */
function importsOf(file: string): string[] {
  let source = readFileSync(file, 'utf8');
  if (file.endsWith('.astro')) source = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '';
  const specs: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) specs.push(m[1]!);
  return specs;
}

function resolveRelative(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return path.relative(process.cwd(), candidate);
    } catch {
      // try the next
    }
  }
  return undefined;
}

/** Every module reachable from the production entries by static imports, and the packages they import. */
function productionGraph(): { files: Set<string>; packages: Map<string, string> } {
  const entries = [
    'scripts/start.ts',
    'src/middleware.ts',
    ...filesUnder('src/pages', (f) => /\.(astro|ts)$/.test(f) && !isTest(f)),
    // The e-tjänster are documents in the database, loaded by src/server/etjanster (reached from the pages).
  ];
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = resolveRelative(file, spec);
        if (target && /\.(ts|astro|mjs|js)$/.test(target)) queue.push(target);
      } else {
        packages.set(spec, file);
      }
    }
  }
  return { files, packages };
}

describe('the production dependency set', () => {
  it('holds the demo tools as devDependencies only', () => {
    for (const name of DEV_TOOL_PACKAGES) {
      expect(pkg.devDependencies[name], name).toBeDefined();
      expect(pkg.dependencies[name], name).toBeUndefined();
    }
  });

  it('covers every package the production code imports; no dev tool is reachable from it', () => {
    const { files, packages } = productionGraph();
    // The graph is the real one (a broken walk would find nothing and prove nothing).
    expect(files.size).toBeGreaterThan(100);
    expect(files.has('src/server/workers.ts')).toBe(true);
    expect(packages.has('drizzle-orm')).toBe(true);
    const allowed = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec) || spec.startsWith('astro:') || pkg.dependencies[packageOf(spec)] !== undefined;
    const outside = [...packages].filter(([spec]) => !allowed(spec)).map(([spec, file]) => `${spec} (imported by ${file})`);
    expect(outside).toEqual([]);
    expect(DEV_TOOL_FILES.filter((f) => files.has(f))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// scripts/start.ts run for real, with a stand-in for the built app (the adapter's entry).

const work = mkdtempSync(path.join(tmpdir(), 'st-production-start-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A hook (module.registerHooks) that records every module loaded and refuses every devDependency. */
function hookFile(): string {
  const file = path.join(work, 'omit-dev.mjs');
  writeFileSync(
    file,
    `import { registerHooks } from 'node:module';
import { appendFileSync } from 'node:fs';
const dev = new Set(${JSON.stringify(Object.keys(pkg.devDependencies).filter((n) => n !== 'node'))});
const packageOf = (s) => s.split('/').slice(0, s.startsWith('@') ? 2 : 1).join('/');
registerHooks({
  resolve(spec, context, next) {
    if (dev.has(packageOf(spec))) {
      appendFileSync(process.env.LOADED_LOG, 'refused ' + spec + '\\n');
      const e = new Error('Cannot find package ' + spec + ' (not installed: --omit=dev)');
      e.code = 'ERR_MODULE_NOT_FOUND';
      throw e;
    }
    const r = next(spec, context);
    appendFileSync(process.env.LOADED_LOG, r.url + '\\n');
    return r;
  },
});
`,
  );
  return file;
}

async function startOnce(name: string, env: Record<string, string>): Promise<{ output: string; loaded: string[]; code: number | null }> {
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, 'dist', 'server'), { recursive: true });
  writeFileSync(path.join(dir, 'dist', 'server', 'entry.mjs'), 'export {};\n');
  const log = path.join(dir, 'loaded.log');
  writeFileSync(log, '');
  const child = spawn(process.execPath, ['--import', hookFile(), 'scripts/start.ts'], {
    env: {
      PATH: process.env.PATH,
      PORTAL_DIST: path.join(dir, 'dist'),
      DATA_DIR: path.join(dir, 'data'),
      COOKIE_SECRET: 'production-start-test-cookie-secret-0123456789',
      HOST: '127.0.0.1',
      // Never bound: the stand-in app listens nowhere.
      PORT: '4321',
      DEMO_OIDC_PORT: '0',
      DEMO_SMTP_PORT: '0',
      LOADED_LOG: log,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    const poll = setInterval(() => {
      // Up: the line start.ts prints once the app is loaded. Then stop it (demo mode keeps listening).
      if (output.includes('Socialtjänstportalen: ')) child.kill('SIGTERM');
    }, 100);
    child.on('exit', (c) => {
      clearTimeout(timer);
      clearInterval(poll);
      resolve(c);
    });
  });
  return { output, loaded: readFileSync(log, 'utf8').split('\n').filter(Boolean), code };
}

const devToolLoaded = (loaded: string[]) => loaded.filter((l) => DEV_TOOL_PACKAGES.some((p) => l.includes(`/node_modules/${p}/`) || l.endsWith(` ${p}`)) || DEV_TOOL_FILES.some((f) => l.endsWith(f)));

describe('the production start (scripts/start.ts)', () => {
  it('with DEMO_MODE=false starts without any devDependency and never asks for a dev tool', async () => {
    const r = await startOnce('production', { DEMO_MODE: 'false' });
    expect(r.output).toContain('Socialtjänstportalen: ');
    expect(r.loaded.filter((l) => l.startsWith('refused '))).toEqual([]);
    expect(devToolLoaded(r.loaded)).toEqual([]);
    // The hook did see the start (the log is not empty by accident).
    expect(r.loaded.some((l) => l.endsWith('/src/server/workers.ts'))).toBe(true);
  }, 120_000);

  it('in demo mode loads the dev tools, and without them installed still starts', async () => {
    const r = await startOnce('demo', { DEMO_MODE: 'true' });
    expect(r.output).toContain('Socialtjänstportalen: ');
    expect(devToolLoaded(r.loaded).length).toBeGreaterThan(0);
    expect(r.loaded).toContain('refused oidc-provider');
    expect(r.output).toMatch(/development tool and is not installed here/);
  }, 120_000);
});
