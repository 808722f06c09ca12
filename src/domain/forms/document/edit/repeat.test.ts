import { describe, expect, it } from 'vitest';
import type { FormInput } from '../../answers.ts';
import { draft as rawDraft, fragmentSource } from '../fixtures.ts';
import { publish } from '../publish.ts';
import type { DraftDocument } from '../schema.ts';
import { addField, editField } from './fields.ts';
import { addInnerField, editInnerField, FIRST_INNER_TYPES, INNER_FIELD_TYPES, innerField, moveInnerField, REPEAT_TEXTS } from './repeat.ts';
import type { Edit } from './common.ts';

const draft = () => rawDraft() as unknown as DraftDocument;

const form = (values: Record<string, string | string[]>): FormInput => ({
  get: (n) => {
    const v = values[n];
    return v === undefined ? null : Array.isArray(v) ? (v[0] ?? null) : v;
  },
  getAll: (n) => {
    const v = values[n];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  },
});
const ok = (e: Edit): DraftDocument => {
  if (!e.ok) throw new Error(`refused: ${JSON.stringify(e.errors)}`);
  return e.doc;
};
type Any = Record<string, any>;
const group = (d: DraftDocument) => (d.pages as Any[]).find((p) => p.id === 'alder')!.fields.find((f: Any) => f.type === 'repeat');
const newGroup = {
  'field.type': 'repeat',
  'field.name': 'barn',
  'field.label.sv': 'Barn i hushållet',
  'field.optional': 'ja',
  'repeat.itemLabel.sv': 'Barn {{n}}',
  'repeat.itemLabel.en': 'Child {{n}}',
  'repeat.min': '0',
  'repeat.max': '6',
  'repeat.first.type': 'text',
  'repeat.first.name': 'namn',
  'repeat.first.label.sv': 'Barnets namn',
};

describe('a repeating group in the editor', () => {
  it('reads the group’s texts from the schema, and its questions’ types', () => {
    expect(REPEAT_TEXTS).toContain('itemLabel');
    expect(REPEAT_TEXTS).not.toContain('label');
    expect(INNER_FIELD_TYPES).not.toContain('file');
    expect(INNER_FIELD_TYPES).not.toContain('repeat');
    expect(FIRST_INNER_TYPES).not.toContain('radios');
  });

  it('is added with its item label, limits and first question; gets more questions, a unique one, an order; and publishes', () => {
    let d = ok(addField(draft(), 'alder', form(newGroup)));
    expect(group(d)).toMatchObject({ type: 'repeat', name: 'barn', itemLabel: { sv: 'Barn {{n}}', en: 'Child {{n}}' }, min: 0, max: 6, fields: [{ type: 'text', name: 'namn' }] });
    d = ok(addInnerField(d, 'alder', 'barn', form({ 'field.type': 'personnummer', 'field.name': 'pnr', 'field.label.sv': 'Barnets personnummer' })));
    d = ok(editField(d, 'alder', 'barn', form({ ...newGroup, 'repeat.max': '4', 'repeat.unique': ['pnr', 'finnsInte'] })));
    expect(group(d)).toMatchObject({ max: 4, unique: ['pnr'] });
    expect(group(d).fields.map((f: Any) => f.name)).toEqual(['namn', 'pnr']);
    d = ok(moveInnerField(d, 'alder', 'barn', 1, 'up'));
    expect(group(d).fields.map((f: Any) => f.name)).toEqual(['pnr', 'namn']);
    const r = publish(d, { fragments: fragmentSource, today: new Date('2026-11-23T12:00:00Z') });
    // The fixture's scenarios do not answer the new group; nothing else stops publishing.
    expect(r.ok ? [] : r.problems.filter((p) => p.code !== 'scenarioFailed')).toEqual([]);
    // A question's name follows into the unique list; removing it takes it out of the list.
    d = ok(editInnerField(d, 'alder', 'barn', 'pnr', form({ 'field.name': 'barnPnr', 'field.label.sv': 'Personnummer' })));
    expect(group(d).unique).toEqual(['barnPnr']);
    expect(innerField(d, 'alder', 'barn', 'barnPnr')).toMatchObject({ type: 'personnummer' });
    d = ok(moveInnerField(d, 'alder', 'barn', 0, 'remove'));
    expect(group(d).unique).toBeUndefined();
    expect(moveInnerField(d, 'alder', 'barn', 0, 'remove')).toEqual({ ok: false, errors: { document: 'lastField' } });
  });

  it('refuses what would make the group unreadable, naming the input', () => {
    const e = addField(draft(), 'alder', form({ ...newGroup, 'repeat.itemLabel.sv': '', 'repeat.itemLabel.en': '', 'repeat.min': '3', 'repeat.max': '2', 'repeat.first.type': 'radios', 'repeat.first.name': '1x' }));
    expect(e).toEqual({ ok: false, errors: { 'repeat.itemLabel.sv': 'required', 'repeat.max': 'maxBelowMin', 'repeat.first.type': 'choose', 'repeat.first.name': 'fieldName' } });
    const d = ok(addField(draft(), 'alder', form(newGroup)));
    expect(addInnerField(d, 'alder', 'barn', form({ 'field.type': 'text', 'field.name': 'namn', 'field.label.sv': 'Namn' }))).toEqual({ ok: false, errors: { 'field.name': 'fieldExists' } });
    expect(addInnerField(d, 'alder', 'barn', form({ 'field.type': 'file', 'field.name': 'bilaga', 'field.label.sv': 'Bilaga' }))).toEqual({ ok: false, errors: { 'field.type': 'choose' } });
    // Within a group a name only has to differ from the group's others.
    expect(addInnerField(d, 'alder', 'barn', form({ 'field.type': 'yesNo', 'field.name': 'over12', 'field.label.sv': 'Över 12?' })).ok).toBe(true);
  });
});

describe('a question’s own messages and its options’ hints', () => {
  it('takes a message for every error its type can show, and a hint per option and language', () => {
    const d0 = ok(addField(draft(), 'alder', form({ 'field.type': 'number', 'field.name': 'antal', 'field.label.sv': 'Hur många?' })));
    const d1 = ok(editField(d0, 'alder', 'antal', form({ 'field.name': 'antal', 'field.label.sv': 'Hur många?', 'field.min': '1', 'field.max': '9', 'field.errors.tooLarge.sv': 'Högst {{max}}', 'field.errors.tooLarge.uk': 'Не більше {{max}}', 'field.errors.format.sv': 'Skriv en siffra' })));
    const antal = (d1.pages as Any[]).find((p) => p.id === 'alder')!.fields.find((f: Any) => f.name === 'antal');
    expect(antal.errors).toEqual({ tooLarge: { sv: 'Högst {{max}}', uk: 'Не більше {{max}}' }, format: { sv: 'Skriv en siffra' } });
    const d2 = ok(addField(d1, 'alder', form({ 'field.type': 'radios', 'field.name': 'vem', 'field.label.sv': 'Vem?', 'field.options.values': 'jag\nannan', 'field.options.labels.sv': 'Jag\nNågon annan', 'field.options.hints.sv': '\nTill exempel ditt barn', 'field.options.hints.en': 'Yourself' })));
    const vem = (d2.pages as Any[]).find((p) => p.id === 'alder')!.fields.find((f: Any) => f.name === 'vem');
    expect(vem.options).toEqual([
      { value: 'jag', label: { sv: 'Jag' }, hint: { en: 'Yourself' } },
      { value: 'annan', label: { sv: 'Någon annan' }, hint: { sv: 'Till exempel ditt barn' } },
    ]);
    const r = publish(d2, { fragments: fragmentSource, today: new Date('2026-11-23T12:00:00Z') });
    expect(r.ok ? [] : r.problems.filter((p) => !['scenarioFailed', 'missingSwedish'].includes(p.code))).toEqual([]);
  });
});
