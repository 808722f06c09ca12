/**
 * A repeating group asked the "add another" way, without client script: the page shows the items
 * answered so far (at least `min`), a button that adds one more and one per item that removes it.
 * Either button posts the whole page, whose answers come back as they were typed (nothing is
 * validated) with the group changed: one empty item more (to be focused), or one item fewer with the
 * later ones renumbered (and a status message saying which was removed).
 *
 * The number of items shown is posted with the page (`<group>.antal`), so an item added and left
 * empty is still there after the next add or remove.
 */
import type { QuestionPage, RepeatField } from './definition.ts';
import { countInput, leafType, type FormValues } from './fields/index.ts';
import { isBlank } from './fields/types.ts';

export { countInput };

/** The posted button's name; its value is `lagg-till:<group>` or `ta-bort:<group>:<item index>`. */
export const ACTION_INPUT = 'grupp';

export type RepeatAction = { kind: 'add'; field: string } | { kind: 'remove'; field: string; index: number };

/** What an add or remove did, for the page: the item to focus, or the item removed (its number, from 1). */
export type RepeatOutcome = { field: string; focus?: number | undefined; removed?: number | undefined };

export const addValue = (field: string): string => `lagg-till:${field}`;
export const removeValue = (field: string, index: number): string => `ta-bort:${field}:${index}`;

function itemInputs(f: RepeatField, path: string, i: number): string[] {
  return f.fields.flatMap((sub) => leafType(sub).inputs(sub, `${path}.${i}.${sub.name}`).map((x) => x.name));
}

/** How many items to show: at least `min`, as many as were shown (posted), and every item with an answer. */
export function itemCount(f: RepeatField, values: FormValues, path: string): number {
  let n = f.min;
  const posted = Number.parseInt(String(values[countInput(path)] ?? ''), 10);
  if (Number.isInteger(posted)) n = Math.max(n, posted);
  for (let i = 0; i < f.max; i++) if (!isBlank(values, itemInputs(f, path, i))) n = Math.max(n, i + 1);
  return Math.min(n, f.max);
}

/** The add or remove a post asks of one of this page's groups; undefined for any other post (or one that does not fit). */
export function repeatAction(page: QuestionPage, posted: string | null): RepeatAction | undefined {
  if (!posted) return undefined;
  const [kind, name, index] = posted.split(':');
  const field = page.fields.find((f) => f.type === 'repeat' && f.name === name);
  if (!field) return undefined;
  if (kind === 'lagg-till' && index === undefined) return { kind: 'add', field: field.name };
  if (kind === 'ta-bort' && index !== undefined && /^\d+$/.test(index)) return { kind: 'remove', field: field.name, index: Number(index) };
  return undefined;
}

/**
 * The page's values after the action: one item more (up to `max`), or the item removed and the
 * later ones moved up one (never below `min`). Nothing else posted changes.
 */
export function applyRepeatAction(page: QuestionPage, values: FormValues, action: RepeatAction): { values: FormValues; outcome: RepeatOutcome } {
  const f = page.fields.find((x): x is RepeatField => x.type === 'repeat' && x.name === action.field);
  if (!f) return { values, outcome: { field: action.field } };
  const path = f.name;
  const count = itemCount(f, values, path);
  const out: FormValues = { ...values };
  if (action.kind === 'add') {
    if (count >= f.max) return { values: { ...out, [countInput(path)]: String(count) }, outcome: { field: f.name } };
    out[countInput(path)] = String(count + 1);
    return { values: out, outcome: { field: f.name, focus: count + 1 } };
  }
  if (count <= f.min || action.index >= count) return { values: { ...out, [countInput(path)]: String(count) }, outcome: { field: f.name } };
  for (let i = action.index; i < count; i++) {
    for (const sub of f.fields) {
      for (const input of leafType(sub).inputs(sub, `${path}.${i}.${sub.name}`)) {
        const later = input.name.replace(`${path}.${i}.`, `${path}.${i + 1}.`);
        if (i + 1 < count && Object.hasOwn(values, later)) out[input.name] = values[later]!;
        else delete out[input.name];
      }
    }
  }
  out[countInput(path)] = String(count - 1);
  return { values: out, outcome: { field: f.name, removed: action.index + 1 } };
}
