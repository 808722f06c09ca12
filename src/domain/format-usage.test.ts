/**
 * Every date, time and number a person reads is formatted by src/domain/format.ts, in Swedish time
 * and in the reader's locale. A page or module that builds its own Intl formatter (or calls
 * toLocale…String, which takes the server's zone and locale) drifts from that rule unseen: this test
 * reads every source file under src/ and names the ones that do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');
const THE_MODULE = 'domain/format.ts';
const FORBIDDEN = /\bIntl\s*\.\s*(DateTimeFormat|NumberFormat)\b|\.toLocale(Date|Time)?String\s*\(|['"](sv-SE|en-GB)['"]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|astro|mts|js|mjs)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [path] : [];
  });
}

/** `file:line: text` for every line outside the format module that formats on its own. */
export function ownFormatters(files: { path: string; text: string }[]): string[] {
  return files
    .filter((f) => f.path !== THE_MODULE)
    .flatMap((f) => f.text.split('\n').flatMap((line, i) => (FORBIDDEN.test(line) ? [`${f.path}:${i + 1}: ${line.trim()}`] : [])));
}

describe('one module formats dates, times and numbers', () => {
  it('finds a formatter of its own in a file other than the format module', () => {
    const found = ownFormatters([
      { path: THE_MODULE, text: "new Intl.DateTimeFormat('sv-SE')" },
      { path: 'pages/x.astro', text: "const a = 1;\nconst when = new Intl.DateTimeFormat(locale, {});" },
      { path: 'server/y.ts', text: 'n.toLocaleString()' },
      { path: 'server/z.ts', text: "const locale = lang === 'en' ? 'en-GB' : 'sv-SE';" },
      { path: 'server/ok.ts', text: "a.localeCompare(b, 'sv')" },
    ]);
    expect(found).toEqual([
      'pages/x.astro:2: const when = new Intl.DateTimeFormat(locale, {});',
      'server/y.ts:1: n.toLocaleString()',
      "server/z.ts:1: const locale = lang === 'en' ? 'en-GB' : 'sv-SE';",
    ]);
  });

  it('leaves no file under src/ building its own date or number formatter or choosing a locale', () => {
    const files = sourceFiles(SRC).map((path) => ({ path: relative(SRC, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }));
    expect(files.some((f) => f.path === THE_MODULE)).toBe(true);
    expect(ownFormatters(files)).toEqual([]);
  });
});
