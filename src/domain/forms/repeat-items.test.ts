import { describe, expect, it } from 'vitest';
import { pageValues, readPage, validatePage, type FormInput } from './answers.ts';
import { defineService, type QuestionPage } from './definition.ts';
import type { FormValues } from './fields/index.ts';
import { endPages, fixtureInput } from './fixtures.ts';
import { addValue, applyRepeatAction, itemCount, removeValue, repeatAction } from './repeat-items.ts';

const def = defineService(
  fixtureInput('grupp', [
    {
      kind: 'question',
      id: 'barn',
      title: 'grupp:title',
      fields: [
        {
          type: 'repeat',
          name: 'barn',
          label: 'grupp:barn.label',
          itemLabel: 'grupp:barn.item',
          min: 1,
          max: 3,
          unique: ['pnr'],
          fields: [
            { type: 'text', name: 'namn', label: 'grupp:namn.label' },
            { type: 'personnummer', name: 'pnr', label: 'grupp:pnr.label', person: 'child' },
          ],
        },
        { type: 'text', name: 'ovrigt', label: 'grupp:ovrigt.label', optional: true },
      ],
    },
    ...endPages('grupp'),
  ]),
);
const page = def.pages[0] as QuestionPage;
const field = page.fields[0]!;
if (field.type !== 'repeat') throw new Error('fixture');

function form(values: FormValues): FormInput {
  const params = new URLSearchParams();
  for (const [name, v] of Object.entries(values)) for (const x of [v].flat()) params.append(name, x);
  return params;
}
const child = (i: number, namn: string, pnr: string) => ({ [`barn.${i}.namn`]: namn, [`barn.${i}.pnr`]: pnr });
const ALVA = '20180101-2392';
const EBBE = '20160102-2385';

describe('a repeating group added to and removed from', () => {
  it('shows the minimum at first, as many as were shown, and every item with an answer', () => {
    expect(itemCount(field, {}, 'barn')).toBe(1);
    expect(itemCount(field, readPage(page, form({ 'barn.antal': '2' })), 'barn')).toBe(2);
    expect(itemCount(field, readPage(page, form(child(2, 'Ebbe', ''))), 'barn')).toBe(3);
    // Stored answers of an earlier version (items, not slots) show as many items as there are.
    expect(itemCount(field, pageValues(page, { barn: [{ namn: 'Alva', pnr: ALVA }, { namn: 'Ebbe', pnr: EBBE }] }), 'barn')).toBe(2);
    // Never more than the group allows, whatever is posted.
    expect(itemCount(field, { 'barn.antal': '99' }, 'barn')).toBe(3);
  });

  it('reads only an add or remove of a group on the page', () => {
    expect(repeatAction(page, addValue('barn'))).toEqual({ kind: 'add', field: 'barn' });
    expect(repeatAction(page, removeValue('barn', 1))).toEqual({ kind: 'remove', field: 'barn', index: 1 });
    for (const other of [null, '', 'lagg-till:ovrigt', 'lagg-till:okand', 'ta-bort:barn', 'ta-bort:barn:x', 'radera:barn:1']) expect(repeatAction(page, other)).toBeUndefined();
  });

  it('adds an empty item to focus, keeping every answer as typed, and stops at the maximum', () => {
    const typed = readPage(page, form({ ...child(0, 'Alva', 'inte ett nummer'), ovrigt: 'x', 'barn.antal': '1' }));
    const once = applyRepeatAction(page, typed, { kind: 'add', field: 'barn' });
    expect(once.outcome).toEqual({ field: 'barn', focus: 2 });
    expect(once.values).toMatchObject({ 'barn.0.namn': 'Alva', 'barn.0.pnr': 'inte ett nummer', ovrigt: 'x', 'barn.antal': '2' });
    const twice = applyRepeatAction(page, once.values, { kind: 'add', field: 'barn' });
    expect(itemCount(field, twice.values, 'barn')).toBe(3);
    const past = applyRepeatAction(page, twice.values, { kind: 'add', field: 'barn' });
    expect(past.outcome.focus).toBeUndefined();
    expect(itemCount(field, past.values, 'barn')).toBe(3);
  });

  it('removes an item and moves the later ones up, never below the minimum', () => {
    const three = readPage(page, form({ ...child(0, 'Alva', ALVA), ...child(1, 'Bo', '1'), ...child(2, 'Ebbe', EBBE), 'barn.antal': '3' }));
    const removed = applyRepeatAction(page, three, { kind: 'remove', field: 'barn', index: 1 });
    expect(removed.outcome).toEqual({ field: 'barn', removed: 2 });
    expect(itemCount(field, removed.values, 'barn')).toBe(2);
    expect(removed.values).toMatchObject({ 'barn.0.namn': 'Alva', 'barn.1.namn': 'Ebbe', 'barn.1.pnr': EBBE });
    expect(removed.values['barn.2.namn']).toBeUndefined();
    const r = validatePage(page, removed.values, { today: new Date('2026-12-01') });
    expect(r.ok && r.answers['barn']).toEqual([
      { namn: 'Alva', pnr: ALVA },
      { namn: 'Ebbe', pnr: EBBE },
    ]);
    const one = readPage(page, form({ ...child(0, 'Alva', ALVA), 'barn.antal': '1' }));
    expect(applyRepeatAction(page, one, { kind: 'remove', field: 'barn', index: 0 }).outcome.removed).toBeUndefined();
  });

  it('still refuses the same child twice, numbering the items as shown after a removal', () => {
    const posted = readPage(page, form({ ...child(0, 'Alva', ALVA), ...child(1, 'Bo', EBBE), ...child(2, 'Alva igen', ALVA), 'barn.antal': '3' }));
    const { values } = applyRepeatAction(page, posted, { kind: 'remove', field: 'barn', index: 1 });
    const r = validatePage(page, values, { today: new Date('2026-12-01') });
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.code, e.params])).toEqual([['barn.1.pnr', 'duplicate', { n: 2, first: 1 }]]);
  });
});
