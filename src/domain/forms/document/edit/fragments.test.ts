import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FormInput } from '../../answers.ts';
import { draft as rawDraft, fragmentSource, FRAGMENTS } from '../fixtures.ts';
import { expand, fragment as fragmentSchema } from '../fragment.ts';
import { publish } from '../publish.ts';
import type { DraftDocument } from '../schema.ts';
import { moveInDocument } from './settings.ts';
import { addFragment, editFragmentParams, errorCodesOf, fragmentRefAt } from './fragments.ts';
import type { Edit } from './common.ts';

const draft = () => rawDraft() as unknown as DraftDocument;

const form = (values: Record<string, string>): FormInput => ({ get: (n) => values[n] ?? null, getAll: (n) => (values[n] === undefined ? [] : [values[n]!]) });
const ok = (e: Edit): DraftDocument => {
  if (!e.ok) throw new Error(`refused: ${JSON.stringify(e.errors)}`);
  return e.doc;
};
const today = new Date('2026-11-23T12:00:00Z');
type Any = Record<string, any>;
const seedFragment = (name: string) => fragmentSchema.parse(JSON.parse(readFileSync(`db/seed/fragments/${name}.json`, 'utf8')));

describe('a fragment in a draft', () => {
  it('is added among the pages before check-answers, with its parameters, and expands', () => {
    const d0 = draft() as Any;
    d0.pages = d0.pages.filter((p: Any) => p.fragment !== 'fixture-namn');
    const d = ok(addFragment(d0 as DraftDocument, FRAGMENTS['fixture-namn']!, form({ 'param.then': 'kontrollera', 'param.personnummer': 'ja', 'param.intro.sv': 'Skriv ditt namn', 'param.intro.en': 'Write your name' })));
    const pages = d.pages as Any[];
    const at = pages.findIndex((p) => p.fragment === 'fixture-namn');
    expect(pages[at + 1]!.kind).toBe('checkAnswers');
    expect(pages[at]).toEqual({ fragment: 'fixture-namn', params: { then: 'kontrollera', personnummer: true, intro: { sv: 'Skriv ditt namn', en: 'Write your name' } } });
    const e = expand(d, fragmentSource);
    if (!e.ok) throw new Error(JSON.stringify(e.problems));
    expect(e.document.pages.find((p) => p.id === 'namn')).toMatchObject({ intro: { sv: 'Skriv ditt namn' } });
  });

  it('refuses a required parameter left empty and a page that does not exist, naming the input', () => {
    expect(addFragment(draft(), FRAGMENTS['fixture-namn']!, form({}))).toEqual({ ok: false, errors: { 'param.then': 'choose' } });
    expect(addFragment(draft(), FRAGMENTS['fixture-namn']!, form({ 'param.then': 'finns-inte' }))).toEqual({ ok: false, errors: { 'param.then': 'noSuchPage' } });
    expect(addFragment(draft(), FRAGMENTS['fixture-sekretess']!, form({ 'param.about': 'vuxen' }))).toEqual({ ok: false, errors: { 'param.about': 'choose' } });
  });

  it('has its parameters changed, an optional one left out, and is moved and removed', () => {
    const d0 = draft();
    const at = (d0.pages as Any[]).findIndex((p) => p.fragment === 'fixture-namn');
    expect(fragmentRefAt(d0, 'pages', at)?.params.personnummer).toBe(true);
    const d = ok(editFragmentParams(d0, 'pages', at, FRAGMENTS['fixture-namn']!, form({ 'param.then': 'kontrollera' })));
    expect(fragmentRefAt(d, 'pages', at)!.params).toEqual({ then: 'kontrollera', personnummer: false });
    const r = publish(d, { fragments: fragmentSource, today });
    expect(r.ok ? 'published' : r.problems.map((p) => p.code)).not.toContain('missingParam');
    const moved = ok(moveInDocument(d, 'pages', at, 'up'));
    expect((moved.pages as Any[])[at - 1]!.fragment).toBe('fixture-namn');
    const removed = ok(moveInDocument(d, 'start', d.start.findIndex((s) => (s as Any).fragment), 'remove'));
    expect(removed.start.some((s) => (s as Any).fragment)).toBe(false);
    expect(editFragmentParams(d0, 'pages', 0, FRAGMENTS['fixture-namn']!, form({}))).toEqual({ ok: false, errors: { document: 'gone' } });
  });

  it('takes a seed fragment’s options and error messages per language', () => {
    const oro = seedFragment('orosanmalan-oro');
    const values: Record<string, string> = {};
    for (const [name, decl] of Object.entries(oro.params)) if (decl.type === 'text') values[`param.${name}.sv`] = `Text ${name}`;
    values['param.concerns.values'] = 'vald\nmissbruk';
    values['param.concerns.labels.sv'] = 'Våld\nMissbruk';
    values['param.concerns.labels.uk'] = 'Насильство\nЗловживання';
    values['param.akutFaraErrors.required.sv'] = 'Svara om barnet är i fara';
    values['param.akutFaraErrors.required.fa'] = 'پاسخ دهید';
    const d = ok(addFragment(draft(), oro, form(values)));
    const ref = (d.pages as Any[]).find((p) => p.fragment === 'orosanmalan-oro')!;
    expect(ref.params.concerns).toEqual([
      { value: 'vald', label: { sv: 'Våld', uk: 'Насильство' } },
      { value: 'missbruk', label: { sv: 'Missbruk', uk: 'Зловживання' } },
    ]);
    expect(ref.params.akutFaraErrors).toEqual({ required: { sv: 'Svara om barnet är i fara', fa: 'پاسخ دهید' } });
    expect(ref.params.oroGallerErrors).toBeUndefined();
    expect(errorCodesOf({ invalid: {} })).toEqual(['required', 'invalid']);
  });
});
