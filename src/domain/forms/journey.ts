/**
 * The journey through a definition: which page follows from the answers, which pages may be
 * visited (no skipping ahead by URL), and which answers count (only those on the path taken).
 * Knows nothing of HTTP; check-answers is a page like any other.
 */
import type { PageDef, QuestionPage, ServiceDefinition } from './definition.ts';
import { evaluate, type Answers, type JourneyContext } from './conditions.ts';

export type { Answers, JourneyContext } from './conditions.ts';

export class JourneyLoopError extends Error {
  constructor(serviceId: string, pageId: string) {
    super(`Journey of "${serviceId}" loops back to page "${pageId}"`);
    this.name = 'JourneyLoopError';
  }
}

export class UnknownPageError extends Error {
  constructor(serviceId: string, pageId: string) {
    super(`E-tjänst "${serviceId}" has no page "${pageId}"`);
    this.name = 'UnknownPageError';
  }
}

export function findPage(def: ServiceDefinition, id: string): PageDef | undefined {
  return def.pages.find((p) => p.id === id);
}

export function pageOfKind<K extends PageDef['kind']>(def: ServiceDefinition, kind: K): Extract<PageDef, { kind: K }> {
  const p = def.pages.find((x) => x.kind === kind);
  if (!p) throw new UnknownPageError(def.id, kind);
  return p as Extract<PageDef, { kind: K }>;
}

/** A question page is answered when every one of its fields has a stored answer (null = left empty). */
export function isAnswered(page: QuestionPage, answers: Answers): boolean {
  return page.fields.every((f) => Object.hasOwn(answers, f.name));
}

/** The page after `page`: the first matching route, else the next non-exit page in order. */
export function nextPageId(def: ServiceDefinition, page: QuestionPage, answers: Answers, ctx: JourneyContext): string {
  for (const r of page.next) if (evaluate(r.when, answers, ctx)) return r.goto;
  const i = def.pages.indexOf(page);
  const following = def.pages.slice(i + 1).find((p) => p.kind !== 'exit');
  if (!following) throw new UnknownPageError(def.id, `(after ${page.id})`);
  return following.id;
}

export type Walk = {
  /** Pages reachable now, in order; the last is where the citizen should be. */
  path: string[];
  current: PageDef;
};

/** Follows the answers from the first page to the first unanswered page, exit or check-answers. */
export function walk(def: ServiceDefinition, answers: Answers, ctx: JourneyContext): Walk {
  const path: string[] = [];
  let page: PageDef | undefined = def.pages[0];
  while (page) {
    if (path.includes(page.id)) throw new JourneyLoopError(def.id, page.id);
    path.push(page.id);
    if (page.kind !== 'question' || !isAnswered(page, answers)) return { path, current: page };
    const nextId = nextPageId(def, page, answers, ctx);
    page = findPage(def, nextId);
    if (!page) throw new UnknownPageError(def.id, nextId);
  }
  throw new UnknownPageError(def.id, '(first)');
}

export function canVisit(def: ServiceDefinition, pageId: string, answers: Answers, ctx: JourneyContext): boolean {
  return walk(def, answers, ctx).path.includes(pageId);
}

/** Only the answers of question pages on the path taken: a changed route drops stale answers. */
export function answersOnPath(def: ServiceDefinition, answers: Answers, ctx: JourneyContext): Answers {
  return answersOn(def, answers, walk(def, answers, ctx).path);
}

/**
 * The same for a path already walked (the walk of these answers: answers off the path never
 * change it, so it is also the walk of the answers kept).
 */
export function answersOn(def: ServiceDefinition, answers: Answers, path: readonly string[]): Answers {
  const kept: Answers = {};
  for (const id of path) {
    const p = findPage(def, id);
    if (p?.kind !== 'question') continue;
    for (const f of p.fields) if (Object.hasOwn(answers, f.name)) kept[f.name] = answers[f.name];
  }
  return kept;
}

/** Ready to submit: the walk ends on the check-answers page. */
export function isComplete(def: ServiceDefinition, answers: Answers, ctx: JourneyContext): boolean {
  return walk(def, answers, ctx).current.kind === 'checkAnswers';
}
