/**
 * Every e-tjänst that can be sent on someone's behalf speaks, in that variant, of "personen": no text
 * about the person (their home, address, door, where they are, their alarm, their income …) is
 * addressed to the one applying as "du". The pages about the one applying (who they are, consent,
 * fullmakt) may and do say "du". The phrases checked are listed here; the e2e walk in
 * e2e/on-behalf-and-cosigning.spec.ts checks the same list on the pages a browser is shown.
 */
import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/index.ts';
import { textParamsFor } from '../../i18n/display.ts';
import { seededServices } from './seed.ts';
import { PERSON_AS_YOU } from '../../../e2e/person-as-you.ts';

const t = translator('sv');
const onBehalf = seededServices().map((s) => s.definition).filter((d) => d.onBehalf !== undefined);

/** The texts of a page shown to the one applying in the on-behalf variant, with where each is. */
function textsOf(def: (typeof onBehalf)[number], page: (typeof onBehalf)[number]['pages'][number]): [string, string][] {
  const params = { ...textParamsFor(def, { [def.onBehalf!.field]: def.onBehalf!.equals }, {}), maxtaxa: 0, returnObjects: true };
  const out: [string, string][] = [];
  const add = (where: string, key: unknown) => {
    if (typeof key !== 'string') return;
    const v = t(key, params as never) as unknown;
    for (const s of Array.isArray(v) ? v : [v]) out.push([`${page.id}.${where}`, String(s)]);
  };
  const p = page as unknown as Record<string, unknown> & { fields?: Record<string, unknown>[] };
  for (const k of ['title', 'intro', 'body']) add(k, p[k]);
  for (const f of p.fields ?? []) {
    add(`${String(f.name)}.label`, f.label);
    add(`${String(f.name)}.hint`, f.hint);
    for (const o of (f.options as Record<string, unknown>[] | undefined) ?? []) {
      add(`${String(f.name)}.${String(o.value)}`, o.label);
      add(`${String(f.name)}.${String(o.value)}.hint`, o.hint);
    }
  }
  return out;
}

describe('texts in the on-behalf variant', () => {
  it('covers every e-tjänst that can be sent on behalf', () => {
    expect(onBehalf.map((d) => d.id).sort()).toEqual(expect.arrayContaining(['digitala-inkop', 'kontaktperson-kontaktfamilj', 'stadning', 'trygghetslarm', 'tvatt']));
  });

  it.each(onBehalf.map((d) => [d.id, d] as const))('%s speaks of the person, not to them', (_id, def) => {
    // The pages about the one applying are addressed to them.
    const own = new Set([def.onBehalf!.field, ...def.onBehalf!.submitterName, ...(def.onBehalf!.submitterPersonnummer ? [def.onBehalf!.submitterPersonnummer] : [])]);
    const wrong: string[] = [];
    for (const page of def.pages) {
      if (page.kind === 'question' && page.fields.some((f) => own.has(f.name))) continue;
      for (const [where, text] of textsOf(def, page)) {
        const hit = PERSON_AS_YOU.find((phrase) => text.toLowerCase().includes(phrase));
        if (hit) wrong.push(`${where}: "${hit}" in ${text}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
