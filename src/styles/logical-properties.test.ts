/**
 * Every style is written in logical properties (inline start/end, block), so that a right-to-left
 * page (Arabic) mirrors its layout without a second stylesheet: a physical left or right in any
 * stylesheet or component style fails here.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.(css|astro)$/.test(name) ? [full] : [];
  });
}

/** The CSS of a file: the whole of a .css file, the <style> blocks of a component. */
function cssOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.css')) return text;
  return [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
}

const PHYSICAL = [
  /(?:margin|padding|border)-(?:left|right)\b/,
  /(?:^|[\s{;])(?:left|right)\s*:/,
  /text-align\s*:\s*(?:left|right)\b/,
  /float\s*:\s*(?:left|right)\b/,
  /clear\s*:\s*(?:left|right)\b/,
  /border-(?:top|bottom)-(?:left|right)-radius/,
];

describe('styles use logical properties', () => {
  const all = [...files(path.join(ROOT, 'styles')), ...files(path.join(ROOT, 'components')), ...files(path.join(ROOT, 'layouts')), ...files(path.join(ROOT, 'pages'))];

  it('finds the stylesheets and component styles', () => {
    expect(all.filter((f) => cssOf(f).trim() !== '').length).toBeGreaterThan(10);
  });

  it('has no physical left or right in any of them', () => {
    const found = all.flatMap((f) =>
      cssOf(f)
        .split('\n')
        .filter((line) => PHYSICAL.some((p) => p.test(line)))
        .map((line) => `${path.relative(ROOT, f)}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });

  it('would notice one', () => {
    expect(PHYSICAL.some((p) => p.test('.x { margin-left: 1rem; }'))).toBe(true);
    expect(PHYSICAL.some((p) => p.test('.x { left: 0; }'))).toBe(true);
    expect(PHYSICAL.some((p) => p.test('.x { inset-inline-start: 0; text-align: start; }'))).toBe(false);
  });
});
