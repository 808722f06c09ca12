/**
 * The seeded e-tjänst documents and fragments (db/seed): every fragment is sound, every document
 * publishes with them (its checks and its own scenarios pass) into a standalone version whose hash
 * does not depend on how its keys are ordered.
 */
import { describe, expect, it } from 'vitest';
import { draftDocument } from './schema.ts';
import { fragment, fragmentProblems, type Fragment } from './fragment.ts';
import { publish } from './publish.ts';
import { contentHash } from './hash.ts';
import { textCoverage } from './coverage.ts';

const documents = import.meta.glob<unknown>('../../../../db/seed/e-tjanster/*/*.json', { eager: true, import: 'default' });
const fragmentFiles = import.meta.glob<unknown>('../../../../db/seed/fragments/*.json', { eager: true, import: 'default' });
const fragments = new Map(Object.values(fragmentFiles).map((f): [string, Fragment] => [fragment.parse(f).name, fragment.parse(f)]));
const source = (n: string) => fragments.get(n);
const TODAY = new Date('2026-11-23T12:00:00Z');

/** The same value with every object's keys in reverse order. */
const reversed = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(reversed) : typeof v === 'object' && v !== null ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;

describe.each(Object.entries(fragmentFiles).map(([file, f]) => ({ file, f })))('fragment $file', ({ file, f }) => {
  it('is named as its file and has no mistakes of its own', () => {
    const parsed = fragment.parse(f);
    expect(file.endsWith(`/${parsed.name}.json`)).toBe(true);
    expect(fragmentProblems(parsed)).toEqual([]);
  });
});

describe.each(Object.entries(documents).map(([file, doc]) => ({ file, doc })))('document $file', ({ file, doc }) => {
  const draft = draftDocument.parse(doc);
  const result = publish(doc, { fragments: source, today: TODAY });

  it('is stored as its id and version', () => {
    expect(file.endsWith(`/${draft.id}/v${draft.version}.json`)).toBe(true);
  });

  it('publishes: its checks and its own scenarios pass', () => {
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(draft.scenarios.length).toBeGreaterThan(0);
  });

  it('publishes into a version that stands alone and publishes to itself', () => {
    if (!result.ok) throw new Error('not published');
    expect(JSON.stringify(result.document)).not.toMatch(/"fragment"|"\$param"|"\$choose"|"\$if"/);
    const again = publish(result.document, { fragments: () => undefined, today: TODAY });
    expect(again.ok && again.document).toEqual(result.document);
  });

  it('has a hash that does not depend on the order of its keys', () => {
    if (!result.ok) throw new Error('not published');
    expect(contentHash(reversed(result.document))).toBe(result.hash);
  });

  it('has every text in Swedish and English', () => {
    if (!result.ok) throw new Error('not published');
    const [sv, en] = textCoverage(result.document, ['sv', 'en']);
    expect(sv!.missing).toEqual([]);
    expect(en!.missing).toEqual([]);
  });

  // A document a language lacks one text of is shown wholly in Swedish (ADR 0014): a translation
  // left half done would be silently unseen, so every language a document's own texts have begun
  // is complete in the published version, the shared fragments' texts included. (A fragment may be
  // in more languages than a document using it: those are unused there, not half done.)
  it('is complete in every language its own texts have begun', () => {
    if (!result.ok) throw new Error('not published');
    const incomplete = textCoverage(result.document, [...languagesOf(doc)])
      .filter((c) => c.missing.length > 0)
      .map((c) => `${c.lang}: ${c.missing.length} of ${c.texts} missing, e.g. ${c.missing.slice(0, 3).map((m) => m.text + (m.variant ? ` (${m.variant})` : '')).join(', ')}`);
    expect(incomplete).toEqual([]);
  });
});

it('uses every seeded fragment in some document', () => {
  const used = new Set(Object.values(documents).flatMap((d) => JSON.stringify(d).match(/"fragment": ?"[^"]+"/g) ?? []).map((m) => m.replace(/.*"([^"]+)"$/, '$1')));
  expect([...fragments.keys()].sort()).toEqual([...used].sort());
});

/** The languages of a document file's own texts: every key beside "sv" of an object that has "sv". */
function languagesOf(raw: unknown): Set<string> {
  const langs = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) {
      if (Object.hasOwn(v, 'sv')) for (const k of Object.keys(v)) langs.add(k);
      Object.values(v).forEach(walk);
    }
  };
  walk(raw);
  return langs;
}

/** Every field of a published document, the fields of repeating groups included. */
function fieldsOf(doc: unknown): { name: string; type: string; label: unknown; person?: string }[] {
  const pages = (doc as { pages: { fields?: { fields?: unknown[] }[] }[] }).pages;
  return pages.flatMap((p) => (p.fields ?? []).flatMap((f) => [f, ...(f.fields ?? [])])) as { name: string; type: string; label: unknown; person?: string }[];
}

it('asks for a child\'s personnummer only with the "child" rule, in every document', () => {
  const children: string[] = [];
  const unruled: string[] = [];
  for (const [file, doc] of Object.entries(documents)) {
    const r = publish(doc, { fragments: source, today: TODAY });
    if (!r.ok) continue;
    for (const f of fieldsOf(r.document)) {
      if (f.type !== 'personnummer') continue;
      // The label as the citizen reads it when the e-tjänst is about a child ("Barnets personnummer").
      const sv = (f.label as { sv?: string | { text: string } }).sv;
      const base = typeof sv === 'string' ? sv : sv?.text ?? '';
      if (!/barn/i.test(base)) continue;
      children.push(`${file}:${f.name}`);
      if (f.person !== 'child') unruled.push(`${file}:${f.name}`);
    }
  }
  expect(children.length).toBeGreaterThanOrEqual(2);
  expect(unruled).toEqual([]);
});
