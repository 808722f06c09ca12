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
