/**
 * Every date, time and number a person reads is formatted by src/domain/format.ts, in Swedish time
 * and in the reader's locale. A page or module that builds its own Intl formatter (or calls
 * toLocale…String, which takes the server's zone and locale, or picks 'sv-SE'/'en-GB' itself)
 * drifts from that rule unseen: this test reads every source file under src/ and names the lines.
 */
import { describe, expect, it } from 'vitest';
import { linesMatching, sourceFiles } from '../server/test-source.ts';

const THE_MODULE = 'domain/format.ts';
const OWN_FORMATTER = /\bIntl\s*\.\s*(DateTimeFormat|NumberFormat)\b|\.toLocale(Date|Time)?String\s*\(|['"](sv-SE|en-GB)['"]/;
const ownFormatters = (files: { path: string; text: string }[]) => linesMatching(files, OWN_FORMATTER, [THE_MODULE]);

describe('one module formats dates, times and numbers', () => {
  it('finds a formatter of its own in a file other than the format module', () => {
    const found = ownFormatters([
      { path: THE_MODULE, text: "new Intl.DateTimeFormat('sv-SE')" },
      { path: 'pages/x.astro', text: 'const a = 1;\nconst when = new Intl.DateTimeFormat(locale, {});' },
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
    const files = sourceFiles();
    expect(files.some((f) => f.path === THE_MODULE)).toBe(true);
    expect(ownFormatters(files)).toEqual([]);
  });
});
