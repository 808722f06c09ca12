/**
 * The editor's changes to a draft document, one part at a time: the settings, a start section, a
 * page, a field, a route, a scenario. Each reads a posted form (flat names such as `title.sv`,
 * `route.0.goto`) and gives either the changed draft or the errors by input name, as codes the
 * editor words in the reader's language. Pure: the editor stores the result with the repository's
 * optimistic check. A draft may lack texts while it is written (a missing Swedish text is refused
 * when it is published, ./checks.ts); what would make the document unreadable (a page id that is not
 * a slug, two fields with one name, a limit that is not a number) is refused here.
 */
import { FIELD_TYPES } from '../fields/index.ts';
import type { FormInput } from '../answers.ts';
import { DOCUMENT_FORMAT, draftDocument, type DraftDocument } from './schema.ts';
import { isFragmentRef } from './sites.ts';

/** The languages a text is written in, Swedish first (the portal's languages). */
export const EDITOR_LANGS = ['sv', 'en', 'fi', 'ar', 'sv-x-ll'] as const;

export type Errors = Record<string, string>;
export type Edit = { ok: true; doc: DraftDocument } | { ok: false; errors: Errors };

type Obj = Record<string, unknown>;
type Texts = Record<string, unknown>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FIELD_NAME = /^[a-zA-Z][a-zA-Z0-9]*$/;
export const PAGE_KINDS = ['question', 'exit', 'checkAnswers', 'confirmation'] as const;
export const MATTERS = ['ansokan', 'anmalan', 'fraga', 'synpunkt'] as const;
export const AREAS = ['ifo', 'aldreomsorg'] as const;
export const CATEGORIES = ['ifo', 'forenklad', 'synpunkter'] as const;
export const SUBMITTERS = ['self', 'onBehalf', 'anonymous'] as const;
/** Field types with options, and which limits each type has. */
export const OPTION_TYPES = new Set(['radios', 'checkboxes', 'select']);
export const LENGTH_TYPES = new Set(['text', 'textarea']);
export const RANGE_TYPES = new Set(['number']);
export const EDITABLE_FIELD_TYPES = FIELD_TYPES.filter((t) => t !== 'repeat');
/** Which of the logged-in person's own values a field of each type may take (its `prefill`, ../prefill.ts). */
export const PREFILL_KINDS: Readonly<Record<string, readonly string[]>> = { address: ['address'], yesNo: ['folkbokfordKommun'] };

const clone = <T>(v: T): T => structuredClone(v);
const str = (form: FormInput, name: string) => (form.get(name) ?? '').trim();

/** A single-line text from `<prefix>.<lang>` inputs; languages left empty are left out. */
export function readText(form: FormInput, prefix: string, before?: unknown): Texts {
  const out: Texts = {};
  const old = (before ?? {}) as Texts;
  for (const lang of EDITOR_LANGS) {
    const v = str(form, `${prefix}.${lang}`);
    if (v === '') continue;
    // A text written with variants or a review mark keeps them when its words are unchanged.
    const was = old[lang];
    if (was && typeof was === 'object' && !Array.isArray(was) && (was as Obj).text === v) out[lang] = was;
    else out[lang] = v;
  }
  return out;
}

/** Paragraphs from `<prefix>.<lang>` textareas: a blank line between paragraphs. */
export function readParagraphs(form: FormInput, prefix: string): Texts {
  const out: Texts = {};
  for (const lang of EDITOR_LANGS) {
    const parts = str(form, `${prefix}.${lang}`)
      .replace(/\r\n/g, '\n')
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
      .filter((p) => p !== '');
    if (parts.length > 0) out[lang] = parts;
  }
  return out;
}

/** A text's words in one language as an input shows them (paragraphs with a blank line between). */
export function wordsIn(text: unknown, lang: string): string {
  if (!text || typeof text !== 'object') return '';
  const e = (text as Texts)[lang];
  const words = e && typeof e === 'object' && !Array.isArray(e) ? (e as Obj).text : e;
  if (Array.isArray(words)) return words.join('\n\n');
  return typeof words === 'string' ? words : '';
}

function positiveInt(form: FormInput, name: string, errors: Errors, { optional = false } = {}): number | undefined {
  const raw = str(form, name);
  if (raw === '') {
    if (!optional) errors[name] = 'required';
    return undefined;
  }
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 100_000) {
    errors[name] = 'positiveNumber';
    return undefined;
  }
  return Number(raw);
}

function number(form: FormInput, name: string, errors: Errors): number | undefined {
  const raw = str(form, name).replace(',', '.');
  if (raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n)) {
    errors[name] = 'number';
    return undefined;
  }
  return n;
}

const yes = (form: FormInput, name: string) => form.get(name) === 'ja';

function checked<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}

/** The pages that are pages (not fragment references). */
export function ownPages(doc: DraftDocument): Obj[] {
  return (doc.pages as unknown[]).filter((p) => !isFragmentRef(p)) as Obj[];
}

/** Every field name in the draft's own pages (a fragment's fields are known once it is expanded). */
export function fieldNames(doc: DraftDocument): string[] {
  return ownPages(doc).flatMap((p) => (Array.isArray(p.fields) ? (p.fields as Obj[]).map((f) => String(f.name)) : []));
}

const parse = (raw: unknown): Edit => {
  const r = draftDocument.safeParse(raw);
  if (r.success) return { ok: true, doc: raw as DraftDocument };
  return { ok: false, errors: { document: 'invalid' } };
};

/** A new e-tjänst: a first question, check-answers and a confirmation, to be written further. */
export function newDocument(form: FormInput): Edit {
  const errors: Errors = {};
  const id = str(form, 'id');
  if (id === '') errors.id = 'required';
  else if (!SLUG.test(id) || id.length > 60) errors.id = 'slug';
  const title = readText(form, 'title');
  if (!title.sv) errors['title.sv'] = 'required';
  const area = str(form, 'area');
  if (!checked(area, AREAS)) errors.area = 'choose';
  const matter = str(form, 'matter');
  if (!checked(matter, MATTERS)) errors.matter = 'choose';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const sv = (s: string) => ({ sv: s });
  return parse({
    format: DOCUMENT_FORMAT,
    id,
    version: 1,
    area,
    category: area === 'ifo' ? 'ifo' : 'forenklad',
    title,
    summary: readText(form, 'summary'),
    submitters: ['self'],
    requiresEid: false,
    matter,
    retention: { yearsAfterClosed: 2 },
    start: [{ heading: sv('Vad händer sedan?'), paragraphs: { sv: ['Vi kontaktar dig.'] } }],
    pages: [
      // A first question to write over, worded so that the draft can be previewed at once.
      { kind: 'question', id: 'fraga', title: sv('Din första fråga'), fields: [{ type: 'text', name: 'svar', label: sv('Din första fråga') }] },
      { kind: 'checkAnswers', id: 'kontrollera', title: { sv: 'Kontrollera dina svar', en: 'Check your answers' } },
      { kind: 'confirmation', id: 'klart', title: { sv: 'Det är skickat', en: 'It has been sent' }, body: { sv: ['Vi kontaktar dig.'], en: ['We will contact you.'] } },
    ],
    scenarios: [],
  });
}

/** A published document as the start of another e-tjänst (a new id, its own title, no scenarios that name the old one). */
export function copyDocument(source: object, form: FormInput): Edit {
  const errors: Errors = {};
  const id = str(form, 'id');
  if (id === '') errors.id = 'required';
  else if (!SLUG.test(id) || id.length > 60) errors.id = 'slug';
  const title = readText(form, 'title');
  if (!title.sv) errors['title.sv'] = 'required';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return parse({ ...clone(source), id, version: 1, title });
}

/** The e-tjänst's settings: title, summary, area, matter kind, who may send, anonymity, on behalf, e-legitimation, quick exit, deadline, retention. */
export function editSettings(doc: DraftDocument, form: FormInput): Edit {
  const errors: Errors = {};
  const d = clone(doc) as unknown as Obj;
  d.title = readText(form, 'title', d.title);
  d.summary = readText(form, 'summary', d.summary);
  const area = str(form, 'area');
  if (checked(area, AREAS)) d.area = area;
  else errors.area = 'choose';
  const category = str(form, 'category');
  if (checked(category, CATEGORIES)) d.category = category;
  else errors.category = 'choose';
  const matter = str(form, 'matter');
  if (checked(matter, MATTERS)) d.matter = matter;
  else errors.matter = 'choose';
  const submitters = form.getAll('submitters').filter((s) => checked(s, SUBMITTERS));
  if (submitters.length === 0) errors.submitters = 'chooseOne';
  d.submitters = submitters;
  d.requiresEid = yes(form, 'requiresEid');
  d.quickExit = yes(form, 'quickExit');
  d.emergencyNotice = yes(form, 'emergencyNotice');
  const names = new Set(fieldNames(doc));
  const fieldRef = (name: string, optional = true): string | undefined => {
    const v = str(form, name);
    if (v === '') {
      if (!optional) errors[name] = 'required';
      return undefined;
    }
    if (!FIELD_NAME.test(v)) errors[name] = 'fieldName';
    return v;
  };
  const anonField = fieldRef('anonymous.field');
  if (anonField) {
    const equals = str(form, 'anonymous.equals');
    if (equals === '') errors['anonymous.equals'] = 'required';
    if (!submitters.includes('anonymous')) errors.submitters = 'anonymousNotChosen';
    d.anonymous = { field: anonField, equals };
  } else delete d.anonymous;
  const behalfField = fieldRef('onBehalf.field');
  if (behalfField) {
    const equals = str(form, 'onBehalf.equals');
    if (equals === '') errors['onBehalf.equals'] = 'required';
    const submitterName = str(form, 'onBehalf.submitterName').split(/[\s,]+/).filter(Boolean);
    if (submitterName.length === 0) errors['onBehalf.submitterName'] = 'required';
    else if (submitterName.some((n) => !FIELD_NAME.test(n))) errors['onBehalf.submitterName'] = 'fieldName';
    d.onBehalf = { field: behalfField, equals, submitterName };
  } else delete d.onBehalf;
  const subjectName = str(form, 'subject.name').split(/[\s,]+/).filter(Boolean);
  const subjectPnr = fieldRef('subject.personnummer');
  if (subjectName.some((n) => !FIELD_NAME.test(n))) errors['subject.name'] = 'fieldName';
  if (subjectName.length > 0) d.subject = { name: subjectName, ...(subjectPnr ? { personnummer: subjectPnr } : {}) };
  else if (subjectPnr) errors['subject.name'] = 'required';
  else delete d.subject;
  const dueDays = positiveInt(form, 'dueDays', errors, { optional: true });
  const handling = { ...((d.handling as Obj | undefined) ?? {}) };
  if (dueDays === undefined) delete handling.dueDays;
  else handling.dueDays = dueDays;
  d.handling = handling;
  const years = positiveInt(form, 'retentionYears', errors);
  if (years !== undefined) d.retention = { yearsAfterClosed: years };
  void names;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return parse(d);
}

/** A start section's heading and paragraphs (index: an existing section, or a new one at the end). */
export function editStartSection(doc: DraftDocument, index: number | 'new', form: FormInput): Edit {
  const d = clone(doc) as unknown as Obj;
  const start = d.start as Obj[];
  const section = { heading: readText(form, 'heading'), paragraphs: readParagraphs(form, 'paragraphs') };
  const errors: Errors = {};
  if (!section.heading.sv && Object.keys(section.heading).length === 0) errors['heading.sv'] = 'required';
  if (Object.keys(section.paragraphs).length === 0) errors['paragraphs.sv'] = 'required';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (index === 'new') start.push(section);
  else if (start[index] && !isFragmentRef(start[index])) start[index] = { ...start[index], ...section };
  else return { ok: false, errors: { document: 'gone' } };
  return parse(d);
}

/** Moves (up/down) or removes an item of a list of the document (start sections, pages, a page's fields, scenarios). */
export function reorder<T>(list: T[], index: number, action: string): T[] | undefined {
  if (!Number.isInteger(index) || index < 0 || index >= list.length) return undefined;
  const out = [...list];
  if (action === 'remove') out.splice(index, 1);
  else if (action === 'up' && index > 0) [out[index - 1], out[index]] = [out[index]!, out[index - 1]!];
  else if (action === 'down' && index < out.length - 1) [out[index + 1], out[index]] = [out[index]!, out[index + 1]!];
  else if (action !== 'up' && action !== 'down') return undefined;
  return out;
}

export function moveInDocument(doc: DraftDocument, list: 'start' | 'pages' | 'scenarios', index: number, action: string): Edit {
  const d = clone(doc) as unknown as Obj;
  const next = reorder(d[list] as unknown[], index, action);
  if (!next) return { ok: false, errors: { document: 'gone' } };
  if (list === 'start' && next.length === 0) return { ok: false, errors: { document: 'lastSection' } };
  if (list === 'pages' && next.length === 0) return { ok: false, errors: { document: 'lastPage' } };
  d[list] = next;
  return parse(d);
}

export function pageIndex(doc: DraftDocument, id: string): number {
  return (doc.pages as unknown[]).findIndex((p) => !isFragmentRef(p) && (p as Obj).id === id);
}

/** A new page: a question page comes with its first question, any other kind with its title. */
export function addPage(doc: DraftDocument, form: FormInput): Edit {
  const errors: Errors = {};
  const id = str(form, 'id');
  if (id === '') errors.id = 'required';
  else if (!SLUG.test(id)) errors.id = 'slug';
  else if (pageIndex(doc, id) >= 0) errors.id = 'pageExists';
  const kind = str(form, 'kind');
  if (!checked(kind, PAGE_KINDS)) errors.kind = 'choose';
  const title = readText(form, 'title');
  if (!title.sv) errors['title.sv'] = 'required';
  let field: Obj | undefined;
  if (kind === 'question') {
    const r = readField(doc, form, undefined);
    if (!r.ok) Object.assign(errors, r.errors);
    else field = r.field;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const page: Obj =
    kind === 'question'
      ? { kind, id, title, fields: [field] }
      : kind === 'checkAnswers'
        ? { kind, id, title }
        : { kind, id, title, body: readParagraphs(form, 'body') };
  const d = clone(doc) as unknown as Obj;
  const pages = d.pages as Obj[];
  // Before check-answers when there is one: that is where a new question or exit page usually goes.
  const checkAt = pages.findIndex((p) => p.kind === 'checkAnswers');
  if (kind === 'question' || kind === 'exit') pages.splice(checkAt >= 0 ? checkAt : pages.length, 0, page);
  else pages.push(page);
  return parse(d);
}

/**
 * A page's texts and, for a question page, its routes: `route.<i>.field`, `.op` (equals or
 * notEquals), `.value` and `.goto`; a row with no page to go to is dropped. A route the form cannot
 * show (a named rule, all/any) is kept as it is.
 */
export function editPage(doc: DraftDocument, pageId: string, form: FormInput): Edit {
  const at = pageIndex(doc, pageId);
  if (at < 0) return { ok: false, errors: { document: 'gone' } };
  const d = clone(doc) as unknown as Obj;
  const page = (d.pages as Obj[])[at]!;
  const errors: Errors = {};
  page.title = readText(form, 'title', page.title);
  if (page.kind === 'question') {
    const intro = readText(form, 'intro', page.intro);
    if (Object.keys(intro).length > 0) page.intro = intro;
    else delete page.intro;
    const kept = ((page.next as Obj[] | undefined) ?? []).filter((r) => !isSimpleRoute(r));
    const routes: Obj[] = [];
    const ids = new Set(allPageIds(doc));
    for (let i = 0; i < 20; i++) {
      const goto = str(form, `route.${i}.goto`);
      const field = str(form, `route.${i}.field`);
      if (goto === '' && field === '') continue;
      if (goto === '') errors[`route.${i}.goto`] = 'choose';
      else if (!ids.has(goto)) errors[`route.${i}.goto`] = 'noSuchPage';
      if (field === '') errors[`route.${i}.field`] = 'choose';
      else if (!FIELD_NAME.test(field)) errors[`route.${i}.field`] = 'fieldName';
      const op = str(form, `route.${i}.op`) === 'notEquals' ? 'notEquals' : 'equals';
      const value = str(form, `route.${i}.value`);
      if (value === '') errors[`route.${i}.value`] = 'required';
      routes.push({ when: { field, [op]: value }, goto });
    }
    page.next = [...routes, ...kept];
  } else if (page.kind === 'checkAnswers') {
    const declaration = readText(form, 'declaration', page.declaration);
    if (Object.keys(declaration).length > 0) page.declaration = declaration;
    else delete page.declaration;
  } else {
    page.body = readParagraphs(form, 'body');
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return parse(d);
}

/** A route the page form shows as a row: "if <field> is (not) <value>, go to <page>". */
export function isSimpleRoute(r: Obj): boolean {
  const w = r.when as Obj | undefined;
  return !!w && typeof w.field === 'string' && (typeof w.equals === 'string' || typeof w.notEquals === 'string') && Object.keys(w).length === 2;
}

export function allPageIds(doc: DraftDocument): string[] {
  return ownPages(doc).map((p) => String(p.id));
}

/** A field as its form gives it: type, name, texts, optional, options and the type's limits. */
function readField(doc: DraftDocument, form: FormInput, before: Obj | undefined): { ok: true; field: Obj } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  const type = before ? String(before.type) : str(form, 'field.type');
  if (!EDITABLE_FIELD_TYPES.includes(type)) errors['field.type'] = 'choose';
  const name = str(form, 'field.name');
  if (name === '') errors['field.name'] = 'required';
  else if (!FIELD_NAME.test(name)) errors['field.name'] = 'fieldName';
  else if (name !== before?.name && fieldNames(doc).includes(name)) errors['field.name'] = 'fieldExists';
  const label = readText(form, 'field.label', before?.label);
  if (!label.sv) errors['field.label.sv'] = 'required';
  const field: Obj = { ...(before ?? {}), type, name, label, optional: yes(form, 'field.optional') };
  const hint = readText(form, 'field.hint', before?.hint);
  if (Object.keys(hint).length > 0) field.hint = hint;
  else delete field.hint;
  const required = readText(form, 'field.errors.required', (before?.errors as Obj | undefined)?.required);
  const ownErrors = { ...((before?.errors as Obj | undefined) ?? {}) };
  if (Object.keys(required).length > 0) ownErrors.required = required;
  else delete ownErrors.required;
  if (Object.keys(ownErrors).length > 0) field.errors = ownErrors;
  else delete field.errors;
  if (OPTION_TYPES.has(type)) {
    const values = str(form, 'field.options.values').split(/\r?\n/).map((v) => v.trim()).filter(Boolean);
    const min = type === 'checkboxes' ? 1 : 2;
    if (values.length < min) errors['field.options.values'] = type === 'checkboxes' ? 'oneOption' : 'twoOptions';
    else if (values.some((v) => !SLUG.test(v))) errors['field.options.values'] = 'optionSlug';
    else if (new Set(values).size !== values.length) errors['field.options.values'] = 'optionTwice';
    const labels: Record<string, string[]> = {};
    for (const lang of EDITOR_LANGS) labels[lang] = str(form, `field.options.labels.${lang}`).split(/\r?\n/).map((v) => v.trim());
    if (values.length > 0 && labels.sv!.filter(Boolean).length !== values.length) errors['field.options.labels.sv'] = 'optionLabels';
    const previous = (before?.options as Obj[] | undefined) ?? [];
    field.options = values.map((value, i) => {
      const label: Texts = {};
      for (const lang of EDITOR_LANGS) if (labels[lang]![i]) label[lang] = labels[lang]![i];
      const old = previous.find((o) => o.value === value);
      return { ...(old ?? {}), value, label };
    });
  }
  if (LENGTH_TYPES.has(type)) {
    const max = positiveInt(form, 'field.maxLength', errors, { optional: true });
    if (max === undefined) delete field.maxLength;
    else field.maxLength = max;
  }
  if (RANGE_TYPES.has(type)) {
    const min = number(form, 'field.min', errors);
    const max = number(form, 'field.max', errors);
    if (min === undefined) delete field.min;
    else field.min = min;
    if (max === undefined) delete field.max;
    else field.max = max;
    if (min !== undefined && max !== undefined && min > max) errors['field.max'] = 'maxBelowMin';
  }
  if (Object.hasOwn(PREFILL_KINDS, type)) {
    const prefill = str(form, 'field.prefill');
    if (prefill === '') delete field.prefill;
    else if (PREFILL_KINDS[type]!.includes(prefill)) field.prefill = prefill;
    else errors['field.prefill'] = 'prefillType';
  }
  if (type === 'date') {
    const when = str(form, 'field.when');
    field.past = when === 'past';
    field.future = when === 'future';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, field };
}

/** A new question on a question page, at its end. */
export function addField(doc: DraftDocument, pageId: string, form: FormInput): Edit {
  const at = pageIndex(doc, pageId);
  const d = clone(doc) as unknown as Obj;
  const page = (d.pages as Obj[])[at];
  if (!page || page.kind !== 'question') return { ok: false, errors: { document: 'gone' } };
  const r = readField(doc, form, undefined);
  if (!r.ok) return r;
  (page.fields as Obj[]).push(r.field);
  return parse(d);
}

/** A question's texts, options and limits (its type stays; a new type is a new question). */
export function editField(doc: DraftDocument, pageId: string, name: string, form: FormInput): Edit {
  const at = pageIndex(doc, pageId);
  const d = clone(doc) as unknown as Obj;
  const page = (d.pages as Obj[])[at];
  const fields = page?.fields as Obj[] | undefined;
  const i = fields?.findIndex((f) => f.name === name) ?? -1;
  if (!fields || i < 0) return { ok: false, errors: { document: 'gone' } };
  const r = readField(doc, form, fields[i]);
  if (!r.ok) return r;
  fields[i] = r.field;
  return parse(d);
}

export function moveField(doc: DraftDocument, pageId: string, index: number, action: string): Edit {
  const at = pageIndex(doc, pageId);
  const d = clone(doc) as unknown as Obj;
  const page = (d.pages as Obj[])[at];
  if (!page || page.kind !== 'question') return { ok: false, errors: { document: 'gone' } };
  const next = reorder(page.fields as Obj[], index, action);
  if (!next) return { ok: false, errors: { document: 'gone' } };
  if (next.length === 0) return { ok: false, errors: { document: 'lastField' } };
  page.fields = next;
  return parse(d);
}

/**
 * A scenario from its form: a name, answers one per line (`field = value`; a list of choices as
 * `field = a, b`; `field =` for an optional question left empty), and what must follow: where the
 * walk stops, whether it is complete, and optionally the whole path (page ids, comma-separated).
 */
export function addScenario(doc: DraftDocument, form: FormInput, fieldTypes: Map<string, string>): Edit {
  const errors: Errors = {};
  const name = str(form, 'scenario.name');
  if (name === '') errors['scenario.name'] = 'required';
  else if ((doc.scenarios ?? []).some((s) => s.name === name)) errors['scenario.name'] = 'scenarioExists';
  const answers: Record<string, unknown> = {};
  for (const line of str(form, 'scenario.answers').split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const m = /^\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.*)$/.exec(line);
    if (!m) {
      errors['scenario.answers'] = 'answerLine';
      break;
    }
    const [, field, value] = m as unknown as [string, string, string];
    const type = fieldTypes.get(field);
    if (!type) {
      errors['scenario.answers'] = 'answerUnknownField';
      break;
    }
    const v = value.trim();
    answers[field] = type === 'checkboxes' ? v.split(',').map((x) => x.trim()).filter(Boolean) : v === '' ? null : v;
  }
  const expect: Obj = {};
  const end = str(form, 'scenario.end');
  const ids = new Set(allPageIds(doc));
  if (end !== '') {
    if (!ids.has(end)) errors['scenario.end'] = 'noSuchPage';
    expect.end = end;
  }
  const complete = str(form, 'scenario.complete');
  if (complete === 'ja') expect.complete = true;
  else if (complete === 'nej') expect.complete = false;
  const path = str(form, 'scenario.path').split(/[\s,]+/).filter(Boolean);
  if (path.length > 0) {
    if (path.some((p) => !SLUG.test(p))) errors['scenario.path'] = 'pathIds';
    expect.path = path;
  }
  if (!errors['scenario.end'] && Object.keys(expect).length === 0) errors['scenario.end'] = 'expectSomething';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const d = clone(doc) as unknown as Obj;
  d.scenarios = [...((d.scenarios as unknown[] | undefined) ?? []), { name, answers, expect }];
  return parse(d);
}
