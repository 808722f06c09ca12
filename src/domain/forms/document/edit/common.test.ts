import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../../i18n/index.ts';
import { EDITOR_LANGS } from './common.ts';

describe('the editor’s languages', () => {
  it('are every language the portal offers citizens, Swedish first', () => {
    expect([...EDITOR_LANGS].sort()).toEqual([...LANGUAGES].sort());
    expect(EDITOR_LANGS[0]).toBe('sv');
  });
});

describe('where a text is written', () => {
  it('links each site key to the editor page that writes it', async () => {
    const { whereWritten } = await import('./where.ts');
    const { draft } = await import('../fixtures.ts');
    const d = draft() as never as import('../schema.ts').DraftDocument;
    const page = (d.pages as { id?: string; fields?: { name: string }[] }[]).find((p) => p.fields && p.fields.length > 0)!;
    expect(whereWritten(d, 'title')).toBe('installningar');
    expect(whereWritten(d, 'start.0.heading')).toBe('start/0');
    expect(whereWritten(d, `pages.${page.id}.title`)).toBe(`sidor/${page.id}`);
    expect(whereWritten(d, `fields.${page.fields![0]!.name}.options.x.label`)).toBe(`sidor/${page.id}/${page.fields![0]!.name}`);
    expect(whereWritten(d, 'fields.nosuch.label')).toBeUndefined();
  });
});

describe('a text’s variants', () => {
  const form = (values: Record<string, string>) => ({ get: (n: string) => values[n] ?? null, getAll: (n: string) => (values[n] === undefined ? [] : [values[n]!]) });
  it('reads a variant per language for the values the form offers, and keeps a reviewed entry that is unchanged', async () => {
    const { readText } = await import('./common.ts');
    const before = { sv: 'Vad heter du?', en: { text: 'What is your name?', variants: { annan: 'What is their name?' }, reviewed: true } };
    const t = readText(
      form({ 'label.variants': 'mig,annan', 'label.sv': 'Vad heter du?', 'label.sv.variant.annan': 'Vad heter personen?', 'label.en': 'What is your name?', 'label.en.variant.annan': 'What is their name?', 'label.uk': 'Як вас звати?' }),
      'label',
      before,
    );
    expect(t).toEqual({ sv: { text: 'Vad heter du?', variants: { annan: 'Vad heter personen?' } }, en: before.en, uk: 'Як вас звати?' });
    // A form without variant inputs keeps the variants of words it did not change.
    expect(readText(form({ 'label.en': 'What is your name?' }), 'label', before)).toEqual({ en: before.en });
  });

  it('offers the text context answer’s values', async () => {
    const { variantValues } = await import('./common.ts');
    const { draft } = await import('../fixtures.ts');
    const d = draft() as never as import('../schema.ts').DraftDocument;
    expect(variantValues(d)).toEqual(['mig', 'barn']);
    expect(variantValues({ ...d, textContext: undefined } as never)).toEqual([]);
  });
});
