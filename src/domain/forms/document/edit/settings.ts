/**
 * The e-tjänst as a whole: a new one from a small template or a copy, its settings, its start
 * sections, and the order of its start sections, pages and scenarios. Pure.
 */
import type { FormInput } from '../../answers.ts';
import { DOCUMENT_FORMAT, type DraftDocument } from '../schema.ts';
import { isFragmentRef } from '../sites.ts';
import { AREAS, CATEGORIES, checked, clone, FIELD_NAME, fieldNames, MATTERS, parse, positiveInt, readParagraphs, readText, reorder, SLUG, str, SUBMITTERS, yes, type Edit, type Errors, type Obj } from './common.ts';

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
  // The answer whose value chooses a text's variant (e.g. "annan": the on-behalf wording).
  const textContext = fieldRef('textContext');
  if (textContext) d.textContext = textContext;
  else delete d.textContext;
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

export function moveInDocument(doc: DraftDocument, list: 'start' | 'pages' | 'scenarios', index: number, action: string): Edit {
  const d = clone(doc) as unknown as Obj;
  const next = reorder(d[list] as unknown[], index, action);
  if (!next) return { ok: false, errors: { document: 'gone' } };
  if (list === 'start' && next.length === 0) return { ok: false, errors: { document: 'lastSection' } };
  if (list === 'pages' && next.length === 0) return { ok: false, errors: { document: 'lastPage' } };
  d[list] = next;
  return parse(d);
}
