/**
 * Answers carried from one e-tjänst to another: a person stopped by a förenklad e-tjänst's rule (too
 * young, not folkbokförd, on särskilt boende) goes on to the ordinary application with what they
 * have already answered. An answer is carried only to a field of the same name and type that can
 * hold it (a choice only when the other e-tjänst offers the same option); uploads are never carried
 * (each is stored for the question it was given to). Then the ordinary application's `startsFrom`
 * for the förenklad e-tjänst's insats adds what applying for that insats means there. Pure.
 */
import type { FieldDef, ServiceDefinition } from './definition.ts';
import type { Answers } from './journey.ts';

function fieldsOf(def: ServiceDefinition): Map<string, FieldDef> {
  const out = new Map<string, FieldDef>();
  for (const p of def.pages) if (p.kind === 'question') for (const f of p.fields) out.set(f.name, f);
  return out;
}

/** The value as the target field can hold it, or undefined when it cannot. */
function fitted(target: FieldDef, source: FieldDef, value: unknown): unknown {
  if (value === undefined || target.type !== source.type) return undefined;
  // An optional question left empty is answered (null): the page counts as answered there too.
  if (value === null) return target.optional && target.type !== 'file' ? null : undefined;
  switch (target.type) {
    case 'file':
    case 'repeat':
      return undefined;
    case 'radios':
    case 'select':
      return typeof value === 'string' && target.options.some((o) => o.value === value) ? value : undefined;
    case 'checkboxes': {
      if (!Array.isArray(value)) return undefined;
      // An optional choice left with nothing chosen is answered ([]), as an optional question left empty is (null).
      if (value.length === 0) return target.optional ? [] : undefined;
      const kept = value.filter((v) => target.options.some((o) => o.value === v));
      return kept.length > 0 ? kept : undefined;
    }
    default:
      return value;
  }
}

export function carriedOver(from: ServiceDefinition, answers: Answers, to: ServiceDefinition): Answers {
  const sources = fieldsOf(from);
  const targets = fieldsOf(to);
  const out: Answers = {};
  for (const [name, target] of targets) {
    const source = sources.get(name);
    const v = source ? fitted(target, source, answers[name]) : undefined;
    if (v !== undefined) out[name] = v;
  }
  const start = from.forenkladInsats ? to.startsFrom?.[from.forenkladInsats] : undefined;
  for (const [name, v] of Object.entries(start ?? {})) {
    const target = targets.get(name);
    if (!target) continue;
    const before = out[name];
    // A choice already carried keeps its options, with the insats's added.
    out[name] = Array.isArray(v) && Array.isArray(before) ? [...new Set([...before, ...v])] : v;
  }
  return out;
}

/**
 * Fortsatt ansökan: the answers of the applicant's previous application in the same e-tjänst (`from`:
 * the version it was sent under) that the next one starts from, the definition's `continuation.keep`
 * and nothing else, each only where the current version asks the same question.
 */
export function continuedFrom(from: ServiceDefinition, answers: Answers, to: ServiceDefinition): Answers {
  const keep = new Set(to.continuation?.keep ?? []);
  const sources = fieldsOf(from);
  const out: Answers = {};
  for (const [name, target] of fieldsOf(to)) {
    const source = sources.get(name);
    if (!keep.has(name) || !source || !Object.hasOwn(answers, name)) continue;
    // A repeating group (the children) is carried whole when its items' questions are the same.
    const v = target.type === 'repeat' && source.type === 'repeat' && sameItems(target, source) ? answers[name] : fitted(target, source, answers[name]);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

function sameItems(a: Extract<FieldDef, { type: 'repeat' }>, b: Extract<FieldDef, { type: 'repeat' }>): boolean {
  return a.fields.length === b.fields.length && a.fields.every((f, i) => f.name === b.fields[i]!.name && f.type === b.fields[i]!.type);
}
