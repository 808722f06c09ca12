/**
 * A draft's scenarios, written in the editor. Pure.
 */
import type { FormInput } from '../../answers.ts';
import type { DraftDocument } from '../schema.ts';
import { allPageIds, clone, parse, SLUG, str, type Edit, type Errors, type Obj } from './common.ts';

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
