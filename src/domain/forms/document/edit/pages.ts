/**
 * A page of a draft: a new one, and its texts and routes. Pure.
 */
import type { FormInput } from '../../answers.ts';
import type { DraftDocument } from '../schema.ts';
import { allPageIds, checked, clone, PAGE_KINDS, pageIndex, parse, readParagraphs, readText, SLUG, str, type Edit, type Errors, type Obj } from './common.ts';
import { readField } from './fields.ts';
import { readRoutes, routeRow } from './routes.ts';

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
 * A page's texts and, for a question page, its routes (./routes.ts). A route the form cannot show
 * (groups within groups) is kept as it is, after the others.
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
    const kept = ((page.next as Obj[] | undefined) ?? []).filter((r) => !routeRow(r));
    page.next = [...readRoutes(form, new Set(allPageIds(doc)), errors), ...kept];
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
