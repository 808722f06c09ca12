import { describe, expect, it } from 'vitest';
import { textCoverage } from './coverage.ts';
import { publish } from './publish.ts';
import { draft, fragmentSource } from './fixtures.ts';

describe('how complete a document is in each language', () => {
  const r = publish(draft(), { fragments: fragmentSource, today: new Date('2026-11-23T12:00:00Z') });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const [sv, en, fi] = textCoverage(r.document, ['sv', 'en', 'fi']);

  it('lists the texts a language lacks, and the Swedish variants it lacks', () => {
    expect(sv!.missing).toEqual([]);
    expect(en!.missing).toEqual(
      expect.arrayContaining([{ text: 'fields.forVem.options.barn.hint' }, { text: 'fields.over12.label' }, { text: 'fields.over12.errors.required' }, { text: 'pages.for-ung.body' }]),
    );
    // English has the title's variant; the field label's it lacks with the label itself.
    expect(en!.missing).not.toContainEqual({ text: 'pages.alder.title', variant: 'barn' });
    expect(fi!.present).toBe(0);
    expect(fi!.missing).toHaveLength(fi!.texts);
  });

  it('lists a Swedish variant a language that has the text lacks', () => {
    const d = draft();
    const alder = (d.pages as { id: string; fields?: { label: Record<string, unknown> }[] }[]).find((p) => p.id === 'alder')!;
    alder.fields![0]!.label.en = 'Are you over 12?';
    const again = publish(d, { fragments: fragmentSource, today: new Date('2026-11-23T12:00:00Z') });
    if (!again.ok) throw new Error(JSON.stringify(again.problems));
    expect(textCoverage(again.document, ['en'])[0]!.missing).toContainEqual({ text: 'fields.over12.label', variant: 'barn' });
  });

  it('counts the texts a translator has reviewed', () => {
    expect(en!.reviewed).toBe(1);
    expect(en!.unreviewed).not.toContain('pages.alder.title');
    expect(en!.present + en!.missing.filter((m) => !m.variant).length).toBe(en!.texts);
  });
});
