/**
 * For tests that read the source itself (one module for formats, one CSV writer): every source file
 * under src/ except tests, with its path relative to src/ ("server/csv.ts") and its text, and the
 * `file:line: text` of each line that matches a pattern outside the files allowed to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export type SourceFile = { path: string; text: string };

const SRC = join(import.meta.dirname, '..');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return walk(path);
    return /\.(ts|astro|mts|js|mjs)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [path] : [];
  });
}

export function sourceFiles(): SourceFile[] {
  return walk(SRC).map((path) => ({ path: relative(SRC, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }));
}

export function linesMatching(files: SourceFile[], pattern: RegExp, allowed: readonly string[]): string[] {
  return files
    .filter((f) => !allowed.includes(f.path))
    .flatMap((f) => f.text.split('\n').flatMap((line, i) => (pattern.test(line) ? [`${f.path}:${i + 1}: ${line.trim()}`] : [])));
}
