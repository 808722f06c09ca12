import { describe, expect, it } from 'vitest';
import type { FormInput } from '../answers.ts';
import { addField, addPage, addScenario, copyDocument, editField, editPage, editSettings, moveInDocument, newDocument, readParagraphs, type Edit } from './edit.ts';
import { publish } from './publish.ts';
import type { DraftDocument } from './schema.ts';

function form(values: Record<string, string | string[]>): FormInput {
  return {
    get: (n) => {
      const v = values[n];
      return v === undefined ? null : Array.isArray(v) ? (v[0] ?? null) : v;
    },
    getAll: (n) => {
      const v = values[n];
      return v === undefined ? [] : Array.isArray(v) ? v : [v];
    },
  };
}
const ok = (e: Edit): DraftDocument => {
  if (!e.ok) throw new Error(`refused: ${JSON.stringify(e.errors)}`);
  return e.doc;
};
const today = new Date('2026-11-23T09:00:00Z');
const noFragments = () => undefined;
const types = (doc: DraftDocument) => new Map((doc.pages as { fields?: { name: string; type: string }[] }[]).flatMap((p) => (p.fields ?? []).map((f) => [f.name, f.type] as [string, string])));

/** The e-tjänst of the editor's end-to-end proof, written with the editor's own changes. */
function stodsamtal(): DraftDocument {
  let doc = ok(newDocument(form({ id: 'stodsamtal-barn-unga', 'title.sv': 'Ansök om stödsamtal för barn och unga', area: 'ifo', matter: 'ansokan' })));
  doc = ok(editSettings(doc, form({ 'title.sv': 'Ansök om stödsamtal för barn och unga', 'summary.sv': 'Samtal med en kurator för dig under 21 år.', area: 'ifo', category: 'ifo', matter: 'ansokan', submitters: 'self', retentionYears: '2' })));
  doc = ok(editPage(doc, 'fraga', form({ 'title.sv': 'Vad heter du?' })));
  doc = ok(editField(doc, 'fraga', 'svar', form({ 'field.name': 'namn', 'field.label.sv': 'Vad heter du?', 'field.maxLength': '100' })));
  doc = ok(addPage(doc, form({ id: 'alder', kind: 'question', 'title.sv': 'Är du under 21 år?', 'field.type': 'yesNo', 'field.name': 'under21', 'field.label.sv': 'Är du under 21 år?' })));
  doc = ok(addPage(doc, form({ id: 'om-dig', kind: 'question', 'title.sv': 'Berätta om dig', 'field.type': 'textarea', 'field.name': 'berattelse', 'field.label.sv': 'Vad vill du prata om?', 'field.optional': 'ja' })));
  doc = ok(addPage(doc, form({ id: 'for-gammal', kind: 'exit', 'title.sv': 'Du kan inte ansöka här', 'body.sv': 'Stödsamtalen är för dig under 21 år.\n\nRing oss på {{phone}}.' })));
  return doc;
}

describe('the editor’s changes to a draft', () => {
  it('writes a publishable e-tjänst: pages, a required and an optional question, an exit page, a condition', () => {
    let doc = stodsamtal();
    doc = ok(editPage(doc, 'alder', form({ 'title.sv': 'Är du under 21 år?', 'route.0.0.field': 'under21', 'route.0.0.kind': 'equals', 'route.0.0.value': 'nej', 'route.0.goto': 'for-gammal' })));
    doc = ok(addScenario(doc, form({ 'scenario.name': 'över 21 når utgången', 'scenario.answers': 'namn = Tolvan\nunder21 = nej', 'scenario.end': 'for-gammal', 'scenario.complete': 'nej' }), types(doc)));
    doc = ok(addScenario(doc, form({ 'scenario.name': 'under 21 kan skicka', 'scenario.answers': 'namn = Tolvan\nunder21 = ja\nberattelse =', 'scenario.path': 'fraga, alder, om-dig, kontrollera', 'scenario.complete': 'ja' }), types(doc)));
    const r = publish(doc, { fragments: noFragments, today });
    expect(r.ok ? [] : r.problems).toEqual([]);
    if (!r.ok) return;
    expect(r.document.pages.map((p) => p.id)).toEqual(['fraga', 'alder', 'om-dig', 'for-gammal', 'kontrollera', 'klart']);
    const omDig = r.document.pages[2]!;
    expect(omDig.kind === 'question' && omDig.fields[0]).toMatchObject({ type: 'textarea', name: 'berattelse', optional: true });
    expect(r.document.pages[3]).toMatchObject({ kind: 'exit', body: { sv: ['Stödsamtalen är för dig under 21 år.', 'Ring oss på {{phone}}.'] } });
  });

  it('a failing scenario, then a missing Swedish text and an unreachable page, refuse publishing', () => {
    let doc = stodsamtal();
    // No condition yet: the exit page cannot be reached, and the scenario expecting it fails.
    doc = ok(addScenario(doc, form({ 'scenario.name': 'över 21 når utgången', 'scenario.answers': 'namn = Tolvan\nunder21 = nej', 'scenario.end': 'for-gammal' }), types(doc)));
    const first = publish(doc, { fragments: noFragments, today });
    expect(first.ok).toBe(false);
    expect(first.ok ? [] : first.problems.map((p) => p.code)).toContain('unreachablePage');
    const routed = ok(editPage(doc, 'alder', form({ 'title.sv': 'Är du under 21 år?', 'route.0.0.field': 'under21', 'route.0.0.value': 'nej', 'route.0.goto': 'for-gammal' })));
    expect(publish(routed, { fragments: noFragments, today }).ok).toBe(true);
    const withoutSwedish = ok(editPage(routed, 'alder', form({ 'title.en': 'Are you under 21?', 'route.0.0.field': 'under21', 'route.0.0.value': 'nej', 'route.0.goto': 'for-gammal' })));
    const refused = publish(withoutSwedish, { fragments: noFragments, today });
    expect(refused.ok ? [] : refused.problems.map((p) => p.code)).toContain('missingSwedish');
    const wrongScenario = ok(addScenario(routed, form({ 'scenario.name': 'fel', 'scenario.answers': 'namn = Tolvan\nunder21 = ja', 'scenario.end': 'for-gammal' }), types(routed)));
    const failed = publish(wrongScenario, { fragments: noFragments, today });
    expect(failed.ok ? [] : failed.problems.map((p) => p.code)).toEqual(['scenarioFailed']);
  });

  it('refuses what would make the document unreadable, naming the input', () => {
    const doc = stodsamtal();
    expect(addPage(doc, form({ id: 'Alder X', kind: 'question', 'title.sv': 'x', 'field.type': 'text', 'field.name': 'x', 'field.label.sv': 'x' }))).toEqual({ ok: false, errors: { id: 'slug' } });
    expect(addPage(doc, form({ id: 'alder', kind: 'exit', 'title.sv': 'x' }))).toEqual({ ok: false, errors: { id: 'pageExists' } });
    expect(addField(doc, 'alder', form({ 'field.type': 'text', 'field.name': 'namn', 'field.label.sv': 'Namn' }))).toEqual({ ok: false, errors: { 'field.name': 'fieldExists' } });
    expect(addField(doc, 'alder', form({ 'field.type': 'radios', 'field.name': 'val', 'field.label.sv': 'Val', 'field.options.values': 'ja' }))).toMatchObject({ ok: false, errors: { 'field.options.values': 'twoOptions' } });
    expect(addField(doc, 'alder', form({ 'field.type': 'number', 'field.name': 'tal', 'field.label.sv': 'Tal', 'field.min': '5', 'field.max': '1' }))).toEqual({ ok: false, errors: { 'field.max': 'maxBelowMin' } });
    expect(editPage(doc, 'alder', form({ 'route.0.0.field': 'under21', 'route.0.0.value': 'nej', 'route.0.goto': 'finns-inte' }))).toEqual({ ok: false, errors: { 'route.0.goto': 'noSuchPage' } });
    expect(addScenario(doc, form({ 'scenario.name': 's', 'scenario.answers': 'okand = 1', 'scenario.end': 'alder' }), types(doc))).toEqual({ ok: false, errors: { 'scenario.answers': 'answerUnknownField' } });
    expect(editSettings(doc, form({ area: 'ifo', category: 'ifo', matter: 'ansokan', retentionYears: '0' }))).toEqual({ ok: false, errors: { submitters: 'chooseOne', retentionYears: 'positiveNumber' } });
  });

  it('edits settings, options with their labels per language, and reorders pages', () => {
    let doc = stodsamtal();
    doc = ok(editSettings(doc, form({ 'title.sv': 'Stödsamtal', 'title.en': 'Support talks', area: 'ifo', category: 'ifo', matter: 'ansokan', submitters: ['self', 'anonymous'], 'anonymous.field': 'under21', 'anonymous.equals': 'ja', quickExit: 'ja', requiresEid: 'ja', dueDays: '14', retentionYears: '3' })));
    expect(doc).toMatchObject({ title: { sv: 'Stödsamtal', en: 'Support talks' }, submitters: ['self', 'anonymous'], anonymous: { field: 'under21', equals: 'ja' }, quickExit: true, requiresEid: true, handling: { dueDays: 14 }, retention: { yearsAfterClosed: 3 } });
    doc = ok(addField(doc, 'om-dig', form({ 'field.type': 'radios', 'field.name': 'hur', 'field.label.sv': 'Hur vill du prata?', 'field.options.values': 'telefon\nmote', 'field.options.labels.sv': 'På telefon\nPå ett möte', 'field.options.labels.en': 'By phone\nIn a meeting' })));
    const page = (doc.pages as { id: string; fields?: unknown[] }[]).find((p) => p.id === 'om-dig')!;
    expect(page.fields![1]).toMatchObject({ options: [{ value: 'telefon', label: { sv: 'På telefon', en: 'By phone' } }, { value: 'mote', label: { sv: 'På ett möte', en: 'In a meeting' } }] });
    const moved = ok(moveInDocument(doc, 'pages', 1, 'up'));
    expect((moved.pages as { id: string }[]).slice(0, 2).map((p) => p.id)).toEqual(['alder', 'fraga']);
    expect(moveInDocument(doc, 'pages', 99, 'up')).toEqual({ ok: false, errors: { document: 'gone' } });
  });

  it("sets and clears which of the person's own values a question takes, only where its type can hold it", () => {
    let doc = stodsamtal();
    doc = ok(addField(doc, 'om-dig', form({ 'field.type': 'address', 'field.name': 'adress', 'field.label.sv': 'Din adress', 'field.prefill': 'address' })));
    const fieldOf = (d: DraftDocument) => (d.pages as { id: string; fields?: Record<string, unknown>[] }[]).find((p) => p.id === 'om-dig')!.fields!.find((f) => f.name === 'adress')!;
    expect(fieldOf(doc)).toMatchObject({ type: 'address', prefill: 'address' });
    const published = publish(doc, { fragments: noFragments, today });
    // The prefill is a valid document property: the only problem is the fixture's exit page, reached once routed (above).
    expect(published.ok ? [] : published.problems.map((p) => p.code)).toEqual(['unreachablePage']);
    expect(fieldOf(ok(editField(doc, 'om-dig', 'adress', form({ 'field.name': 'adress', 'field.label.sv': 'Din adress', 'field.prefill': '' }))))).not.toHaveProperty('prefill');
    expect(editField(doc, 'om-dig', 'adress', form({ 'field.name': 'adress', 'field.label.sv': 'Din adress', 'field.prefill': 'folkbokfordKommun' }))).toEqual({ ok: false, errors: { 'field.prefill': 'prefillType' } });
    // A type that takes none ignores the input.
    expect(fieldOf(ok(addField(stodsamtal(), 'om-dig', form({ 'field.type': 'text', 'field.name': 'adress', 'field.label.sv': 'Gata', 'field.prefill': 'address' }))))).not.toHaveProperty('prefill');
  });

  it('copies a document under a new id and title, and splits paragraphs on blank lines', () => {
    const copy = ok(copyDocument(stodsamtal(), form({ id: 'stodsamtal-kopia', 'title.sv': 'Kopia' })));
    expect(copy).toMatchObject({ id: 'stodsamtal-kopia', version: 1, title: { sv: 'Kopia' } });
    expect(readParagraphs(form({ 'p.sv': 'Ett\nstycke.\r\n\r\nTvå.' }), 'p')).toEqual({ sv: ['Ett stycke.', 'Två.'] });
  });
});
