import { describe, expect, it } from 'vitest';
import { publish } from './publish.ts';
import { publishedDocument } from './schema.ts';
import { contentHash } from './hash.ts';
import { draft, fragmentSource } from './fixtures.ts';

const TODAY = new Date('2026-11-23T12:00:00Z');

describe('publishing a draft', () => {
  const result = publish(draft(), { fragments: fragmentSource, today: TODAY });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));

  it('gives a standalone document: no fragment references, every default written out', () => {
    expect(JSON.stringify(result.document)).not.toContain('"fragment"');
    expect(JSON.stringify(result.document)).not.toContain('"$');
    expect(result.document).toMatchObject({ quickExit: false, emergencyNotice: false, ordinaryApplicationLink: false, handling: {} });
    const namn = result.document.pages.find((p) => p.id === 'namn');
    expect(namn?.kind === 'question' && namn.fields[0]).toMatchObject({ optional: false, maxLength: 200, width: 'full' });
  });

  it('gives a document that is valid as published, on its own', () => {
    expect(publishedDocument.parse(result.document)).toEqual(result.document);
  });

  it('gives the document’s content hash and its compiled form', () => {
    expect(result.hash).toBe(contentHash(result.document));
    expect(result.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.compiled.definition.id).toBe('stodsamtal');
  });

  it('gives the same document and hash when published again, or when the published document is published', () => {
    const again = publish(draft(), { fragments: fragmentSource, today: TODAY });
    const republished = publish(result.document, { fragments: () => undefined, today: TODAY });
    expect(again.ok && again.hash).toBe(result.hash);
    expect(republished.ok && republished.hash).toBe(result.hash);
  });

  it('judges a scenario without a day of its own on the day it is published', () => {
    const d = draft();
    (d.scenarios as Record<string, unknown>[]).push({ name: 'deadline', answers: {}, expect: { path: ['for-vem'], deadlineDays: null } });
    expect(publish(d, { fragments: fragmentSource, today: TODAY }).ok).toBe(true);
  });
});
