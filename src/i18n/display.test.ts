import { describe, expect, it } from 'vitest';
import { displayLineLabel, displayLineText, displayLineWithLabel, textParamsFor } from './display.ts';
import { translator } from './index.ts';
import { seededVersions } from '../server/etjanster/seed.ts';

// The seeded e-tjänster's texts, compiled into their versions' namespaces.
seededVersions();
const LARM = 'etj.trygghetslarm.v2';
const EKB = 'etj.ekonomiskt-bistand.v1';

describe('an answer line shown to a reader', () => {
  const sv = translator('sv');
  const en = translator('en');

  it('is the citizen’s own text exactly as typed, even when it looks like a key or a placeholder', () => {
    expect(displayLineText(sv, { text: 'common:yesNo.ja' })).toBe('common:yesNo.ja');
    expect(displayLineText(sv, { text: 'Hej {{municipality}}' }, { municipality: 'Askersunds kommun' })).toBe('Hej {{municipality}}');
  });

  it('is a chosen option or formatted value translated into the reader’s language with its parameters', () => {
    expect(displayLineText(sv, { key: 'common:yesNo.nej' })).toBe('Nej');
    expect(displayLineText(en, { key: 'common:yesNo.nej' })).toBe('No');
    expect(displayLineText(sv, { key: 'common:display.date', params: { date: '2026-03-12' } })).toBe('12 mars 2026');
    expect(displayLineText(en, { key: 'common:display.date', params: { date: '2026-03-12' } })).toBe('12 March 2026');
  });

  it('lets the line’s own parameters win over the shared text values', () => {
    expect(displayLineText(sv, { key: `${LARM}:fields.kontaktpersoner.itemLabel`, params: { n: 2 } }, { n: 9 })).toBe('Kontaktperson 2');
  });
});

describe('a line of a repeating group\'s item', () => {
  const sv = translator('sv');
  const en = translator('en');

  it('is shown after its question\'s label, with a colon unless the label ends in a question mark', () => {
    expect(displayLineLabel(sv, { text: 'Bo Grannlund', label: `${LARM}:fields.kontaktpersoner.fields.namn.label` })).toBe('Namn:');
    expect(displayLineWithLabel(sv, { text: 'Bo Grannlund', label: `${LARM}:fields.kontaktpersoner.fields.namn.label` })).toBe('Namn: Bo Grannlund');
    expect(displayLineWithLabel(sv, { key: `${EKB}:fields.barn.fields.barnBoende.options.heltid.label`, label: `${EKB}:fields.barn.fields.barnBoende.label` })).toBe('Hur bor barnet? Bor hos mig hela tiden');
    expect(displayLineWithLabel(en, { text: 'Bo Grannlund', label: `${LARM}:fields.kontaktpersoner.fields.namn.label` })).toMatch(/^Name: Bo Grannlund$/);
  });

  it('is the value alone without a label', () => {
    expect(displayLineLabel(sv, { text: 'Bo Grannlund' })).toBeUndefined();
    expect(displayLineWithLabel(sv, { key: 'common:yesNo.ja' })).toBe('Ja');
  });
});

describe('text values for a definition', () => {
  const base = { municipality: 'Askersunds kommun' };

  it('carry the answer the definition names as i18next context', () => {
    expect(textParamsFor({ textContext: 'vem' }, { vem: 'annan' }, base)).toEqual({ municipality: 'Askersunds kommun', context: 'annan' });
  });

  it('are the shared values alone without a text context or an answer for it', () => {
    expect(textParamsFor({}, { vem: 'annan' }, base)).toEqual(base);
    expect(textParamsFor({ textContext: 'vem' }, {}, base)).toEqual(base);
  });
});
