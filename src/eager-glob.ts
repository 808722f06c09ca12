/**
 * The modules (or JSON files) matching a glob beside the calling module, loaded eagerly, in both
 * places the portal's code runs: bundled by Vite (the built app, vitest), where `import.meta.glob`
 * is replaced at build time, and in plain Node (scripts/start.ts's background workers and the
 * command-line scripts), where there is no bundler and the files are read from the file system.
 * The keys are the files' paths as the pattern writes them ("./tvatt/definition.ts").
 *
 * Patterns are relative paths whose segments are names or `*` (any name not starting with a dot).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `vite` calls `import.meta.glob(pattern, { eager: true, import: 'default' })` with the same
 * pattern (Vite needs the literal call); in plain Node it throws, and the files are loaded here.
 */
export async function eagerGlob<T>(vite: () => Record<string, T>, base: string, pattern: string): Promise<Record<string, T>> {
  try {
    return vite();
  } catch (e) {
    // Plain Node: import.meta.glob does not exist.
    if (!(e instanceof TypeError)) throw e;
  }
  const out: Record<string, T> = {};
  for (const file of matching(path.dirname(fileURLToPath(base)), pattern)) {
    const key = pattern.startsWith('.') ? file.key : `./${file.key}`;
    out[key] = file.full.endsWith('.json')
      ? (JSON.parse(readFileSync(file.full, 'utf8')) as T)
      : ((await import(pathToFileURL(file.full).href)) as { default: T }).default;
  }
  return out;
}

function matching(dir: string, pattern: string): { key: string; full: string }[] {
  let found: { key: string; full: string }[] = [{ key: '', full: dir }];
  for (const segment of pattern.split('/')) {
    const next: { key: string; full: string }[] = [];
    for (const f of found) {
      const join = (name: string) => ({ key: f.key === '' ? name : `${f.key}/${name}`, full: path.join(f.full, name) });
      if (segment === '.' || segment === '..' || !segment.includes('*')) {
        next.push(join(segment));
        continue;
      }
      const re = new RegExp(`^${segment.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
      let names: string[];
      try {
        names = statSync(f.full).isDirectory() ? readdirSync(f.full).sort() : [];
      } catch {
        names = [];
      }
      for (const name of names) if (!name.startsWith('.') && re.test(name)) next.push(join(name));
    }
    found = next;
  }
  return found.filter((f) => {
    try {
      return statSync(f.full).isFile();
    } catch {
      return false;
    }
  });
}
