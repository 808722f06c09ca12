import { describe, expect, it } from 'vitest';
import { draft as rawDraft, fragmentSource } from '../fixtures.ts';
import { publish } from '../publish.ts';
import type { DraftDocument } from '../schema.ts';
import { renameField, renamePage } from './rename.ts';
import type { Edit } from './common.ts';

const draft = () => rawDraft() as unknown as DraftDocument;

const ok = (e: Edit): DraftDocument => {
  if (!e.ok) throw new Error(`refused: ${JSON.stringify(e.errors)}`);
  return e.doc;
};
const today = new Date('2026-11-23T12:00:00Z');
type Any = Record<string, any>;

describe('renaming a page', () => {
  it('follows every route, fragment page parameter and scenario, and still publishes', () => {
    const d = ok(renamePage(draft(), 'kontrollera', 'granska', fragmentSource));
    const pages = d.pages as Any[];
    expect(pages.some((p) => p.id === 'kontrollera')).toBe(false);
    expect(pages.find((p) => p.fragment === 'fixture-namn')!.params.then).toBe('granska');
    expect((d.scenarios[0]!.expect as Any).path).toEqual(['for-vem', 'alder', 'namn', 'granska']);
    const r = publish(d, { fragments: fragmentSource, today });
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it('follows a route to an exit page and a scenario that ends there', () => {
    const d = ok(renamePage(draft(), 'for-ung', 'under-tolv'));
    expect((d.pages as Any[]).find((p) => p.id === 'alder')!.next[0].goto).toBe('under-tolv');
    expect(d.scenarios[1]!.expect.end).toBe('under-tolv');
    expect(publish(d, { fragments: fragmentSource, today }).ok).toBe(true);
  });

  it('refuses a clash, a bad id and an empty one, naming the input', () => {
    expect(renamePage(draft(), 'alder', 'for-ung')).toEqual({ ok: false, errors: { newId: 'pageExists' } });
    expect(renamePage(draft(), 'alder', 'Ålder')).toEqual({ ok: false, errors: { newId: 'slug' } });
    expect(renamePage(draft(), 'alder', '')).toEqual({ ok: false, errors: { newId: 'required' } });
    expect(renamePage(draft(), 'finns-inte', 'ny')).toEqual({ ok: false, errors: { document: 'gone' } });
  });
});

describe('renaming a question', () => {
  it('follows conditions, settings, text context and scenarios, and still publishes', () => {
    const d0 = draft() as Any;
    d0.handling = { urgentWhen: { any: [{ field: 'forVem', equals: 'barn' }, { rule: 'always' }] } };
    d0.continuation = { keep: ['forVem'] };
    const d = ok(renameField(d0 as DraftDocument, 'forVem', 'galler')) as Any;
    expect(d.onBehalf.field).toBe('galler');
    expect(d.textContext).toBe('galler');
    expect(d.handling.urgentWhen.any[0]).toEqual({ field: 'galler', equals: 'barn' });
    expect(d.continuation.keep).toEqual(['galler']);
    expect(Object.keys(d.scenarios[0].answers)[0]).toBe('galler');
    expect(JSON.stringify(d)).not.toContain('forVem');
    const r = publish(d, { fragments: fragmentSource, today });
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it('follows a route condition and a scenario’s kept and dropped answers', () => {
    const d0 = draft() as Any;
    d0.scenarios[1].expect.dropped = ['fornamn', 'over12'];
    const d = ok(renameField(d0 as DraftDocument, 'over12', 'overTolv')) as Any;
    expect(d.pages.find((p: Any) => p.id === 'alder').next[0].when).toEqual({ field: 'overTolv', equals: 'nej' });
    expect(d.scenarios[1].expect.dropped).toEqual(['fornamn', 'overTolv']);
  });

  it('renames a repeating group’s question within the group, its unique list and its scenario items', () => {
    const d0 = draft() as Any;
    d0.pages.find((p: Any) => p.id === 'alder').fields.push({
      type: 'repeat', name: 'barn', label: { sv: 'Barn' }, itemLabel: { sv: 'Barn {{n}}' }, min: 0, max: 4, unique: ['pnr'],
      fields: [{ type: 'personnummer', name: 'pnr', label: { sv: 'Personnummer' } }],
    });
    d0.scenarios[0].answers.barn = [{ pnr: '201201012386' }];
    const d = ok(renameField(d0 as DraftDocument, 'pnr', 'barnPnr', 'barn')) as Any;
    const group = d.pages.find((p: Any) => p.id === 'alder').fields[1];
    expect(group.fields[0].name).toBe('barnPnr');
    expect(group.unique).toEqual(['barnPnr']);
    expect(d.scenarios[0].answers.barn).toEqual([{ barnPnr: '201201012386' }]);
  });

  it('refuses a clash and a bad name', () => {
    expect(renameField(draft(), 'over12', 'forVem')).toEqual({ ok: false, errors: { 'field.name': 'fieldExists' } });
    expect(renameField(draft(), 'over12', '12over')).toEqual({ ok: false, errors: { 'field.name': 'fieldName' } });
  });
});

describe('a question’s form with a new name', () => {
  it('renames it everywhere (editField)', async () => {
    const { editField } = await import('./fields.ts');
    const values: Record<string, string> = { 'field.name': 'overTolv', 'field.label.sv': 'Är du över 12 år?' };
    const form = { get: (n: string) => values[n] ?? null, getAll: (n: string) => (values[n] ? [values[n]!] : []) };
    const d = ok(editField(draft(), 'alder', 'over12', form)) as Any;
    expect(d.pages.find((p: Any) => p.id === 'alder').next[0].when.field).toBe('overTolv');
    expect(Object.keys(d.scenarios[0].answers)).toContain('overTolv');
  });
});
