/**
 * The checks a document must pass to be published, as named problems (a code, its values, where):
 * the structural rules of every e-tjänst (../structure.ts), then a Swedish text everywhere (and for
 * every variant another language has), only known placeholders, variants only for values the text
 * context answer can take, no option or repeated field twice, no scenario name twice, and no page
 * nobody can reach. Unknown field types and rules are named by the schema step and the structural
 * rules; failing scenarios by the publish step, which runs them on the compiled definition.
 */
import { structuralProblems, type Problem } from '../structure.ts';
import type { ExpandedDocument, DocumentPage, DocumentField } from './schema.ts';
import { forEachText } from './sites.ts';
import { entryOf, SOURCE_LANG, stringsOf, type Text, type Words } from './text.ts';
import { placeholderProblems } from './placeholders.ts';

type Question = Extract<DocumentPage, { kind: 'question' }>;

/** The values the text context answer can take, or undefined when it is not a choice. */
export function contextValues(doc: Pick<ExpandedDocument, 'textContext' | 'pages'>): string[] | undefined {
  if (!doc.textContext) return [];
  const field = doc.pages.flatMap((p) => (p.kind === 'question' ? p.fields : [])).find((f) => f.name === doc.textContext);
  if (!field) return [];
  if (field.type === 'yesNo') return ['ja', 'nej'];
  if (field.type === 'radios' || field.type === 'select') return field.options.map((o) => o.value);
  return undefined;
}

function textProblems(doc: ExpandedDocument): Problem[] {
  const problems: Problem[] = [];
  const values = contextValues(doc);
  if (values === undefined) problems.push({ code: 'textContextNotChoice', params: { field: doc.textContext ?? '' }, path: ['textContext'] });
  forEachText(doc, (text, site) => {
    const t = text as Text<Words>;
    const at = (code: string, params: Problem['params']) => problems.push({ code, params: { text: site.key, ...params }, path: site.path });
    const sv = entryOf(t, SOURCE_LANG);
    if (!sv) at('missingSwedish', {});
    for (const lang of Object.keys(t)) {
      const e = entryOf(t, lang)!;
      for (const variant of Object.keys(e.variants)) {
        if (!doc.textContext) at('variantWithoutContext', { lang, variant });
        else if (values && !values.includes(variant)) at('unknownVariant', { lang, variant, field: doc.textContext });
        else if (sv && lang !== SOURCE_LANG && !Object.hasOwn(sv.variants, variant)) at('missingSwedish', { variant });
      }
      for (const s of stringsOf(t, lang)) for (const p of placeholderProblems(s, site.placeholders)) at(p.code, { lang, ...p.params });
    }
  });
  return problems;
}

function duplicateProblems(doc: ExpandedDocument): Problem[] {
  const problems: Problem[] = [];
  const dupes = <T>(items: readonly T[], key: (t: T) => string) => items.map(key).filter((k, i, all) => all.indexOf(k) !== i);
  const visit = (fields: readonly DocumentField[], prefix: string, path: (string | number)[]) =>
    fields.forEach((f, j) => {
      const name = `${prefix}${f.name}`;
      if ('options' in f) for (const value of new Set(dupes(f.options, (o) => o.value))) problems.push({ code: 'duplicateOption', params: { field: name, value }, path: [...path, j, 'options'] });
      if (f.type === 'repeat') {
        for (const sub of new Set(dupes(f.fields, (s) => s.name))) problems.push({ code: 'duplicateField', params: { field: `${name}.${sub}` }, path: [...path, j, 'fields'] });
        visit(f.fields, `${name}.`, [...path, j, 'fields']);
      }
    });
  doc.pages.forEach((p, i) => p.kind === 'question' && visit(p.fields, '', ['pages', i, 'fields']));
  for (const name of new Set(dupes(doc.scenarios, (s) => s.name))) problems.push({ code: 'duplicateScenario', params: { scenario: name }, path: ['scenarios'] });
  return problems;
}

const unconditional = (p: Question) => p.next.some((r) => 'rule' in r.when && r.when.rule === 'always' && !r.when.negate);

/**
 * Pages nobody can reach from the first page, following every route and the step to the next page,
 * whatever the answers; a question page with no page after it; a route past check-answers.
 */
function reachabilityProblems(doc: ExpandedDocument): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(doc.pages.map((p) => [p.id, p]));
  const following = (i: number) => doc.pages.slice(i + 1).find((p) => p.kind !== 'exit');
  const edges = (p: DocumentPage): string[] => {
    if (p.kind === 'checkAnswers') return doc.pages.filter((x) => x.kind === 'confirmation').map((x) => x.id);
    if (p.kind !== 'question') return [];
    const out = p.next.map((r) => r.goto);
    if (!unconditional(p)) {
      const next = following(doc.pages.indexOf(p));
      if (next) out.push(next.id);
    }
    return out;
  };
  doc.pages.forEach((p, i) => {
    if (p.kind !== 'question') return;
    if (!unconditional(p) && !following(i)) problems.push({ code: 'noNextPage', params: { page: p.id }, path: ['pages', i] });
    for (const target of edges(p)) if (byId.get(target)?.kind === 'confirmation') problems.push({ code: 'routeToConfirmation', params: { page: p.id }, path: ['pages', i] });
  });
  const first = doc.pages[0];
  const reached = new Set<string>();
  const queue = first ? [first.id] : [];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (reached.has(id)) continue;
    reached.add(id);
    const p = byId.get(id);
    if (p) queue.push(...edges(p));
  }
  doc.pages.forEach((p, i) => reached.has(p.id) || problems.push({ code: 'unreachablePage', params: { page: p.id }, path: ['pages', i] }));
  return problems;
}

/** Everything that stops a document from being published, short of its scenarios. */
export function publishProblems(doc: ExpandedDocument): Problem[] {
  return [...structuralProblems(doc), ...textProblems(doc), ...duplicateProblems(doc), ...reachabilityProblems(doc)];
}

