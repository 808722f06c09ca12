/**
 * Journeys for the HTTP benchmark: every current e-tjänst walked over plain HTTP (as a browser
 * without JavaScript) with the answers of one of its own scenarios (db/seed/e-tjanster: answers of
 * realistic size, a path that reaches check-answers with complete answers), up to check-answers.
 * What is kept: every step's URL with the journey's cookies (start page, each question page,
 * check-answers), and the check-answers POST that sends it. E-tjänster that need e-legitimation are
 * walked logged in (a citizen session cookie made by the caller). Scenarios with uploaded files or
 * rule overrides are not used (a file is posted as multipart by a browser; the benchmark posts forms).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { pageValues } from '../src/domain/forms/answers.ts';
import { observe, scenario as scenarioSchema, type Scenario } from '../src/domain/forms/document/scenario.ts';
import type { ServiceDefinition } from '../src/domain/forms/definition.ts';
import { seededServices } from '../src/server/etjanster/seed.ts';
import { Jar } from './built-portal.ts';

export type WalkedJourney = {
  serviceId: string;
  scenario: string;
  /** GET steps: start page, each question page, check-answers; each with the cookie it needs. */
  steps: { path: string; cookie: string }[];
  /** The check-answers POST (a fresh form token each time sends a new case). */
  send: { path: string; cookie: string };
  /** Bytes of the form posts of the walk (the answers' size). */
  answerBytes: number;
};

function scenariosOf(def: ServiceDefinition): Scenario[] {
  const file = path.resolve('db/seed/e-tjanster', def.id, `v${def.version}.json`);
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { scenarios?: unknown };
  return z.array(scenarioSchema).parse(doc.scenarios ?? []);
}

const hasFile = (def: ServiceDefinition, s: Scenario) =>
  def.pages.some((p) => p.kind === 'question' && p.fields.some((f) => f.type === 'file' && s.answers[f.name] != null));

/** Walks one scenario; throws with the step that went wrong. */
async function walkOne(origin: string, def: ServiceDefinition, s: Scenario, loginCookie: string): Promise<WalkedJourney> {
  const jar = new Jar();
  if (def.requiresEid) for (const pair of loginCookie.split('; ')) jar.cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
  const base = `/e-tjanster/${def.id}`;
  const req = async (p: string, form?: URLSearchParams) => {
    const res = await fetch(`${origin}${p}`, form
      ? { method: 'POST', headers: { cookie: jar.header(), origin, 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(), redirect: 'manual' }
      : { headers: { cookie: jar.header() }, redirect: 'manual' });
    jar.apply(res);
    return { status: res.status, body: await res.text() };
  };
  const steps: { path: string; cookie: string }[] = [];
  let answerBytes = 0;
  const start = await req(base);
  if (start.status !== 200) throw new Error(`start page: ${start.status}`);
  const check = def.pages.find((p) => p.kind === 'checkAnswers')!;
  for (const id of observe(def, s, { today: new Date() }).path) {
    const page = def.pages.find((p) => p.id === id);
    if (!page) throw new Error(`no page ${id}`);
    const shown = await req(`${base}/${id}`);
    if (shown.status !== 200) throw new Error(`${id}: GET ${shown.status}`);
    steps.push({ path: `${base}/${id}`, cookie: jar.header() });
    if (page.kind !== 'question') continue;
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(pageValues(page, s.answers as never))) for (const x of Array.isArray(v) ? v : [v]) form.append(k, String(x));
    answerBytes += form.toString().length;
    const posted = await req(`${base}/${id}`, form);
    if (posted.status !== 303) throw new Error(`${id}: POST ${posted.status}${/class="error-summary"[\s\S]{0,600}/.exec(posted.body)?.[0].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') ?? ''}`);
  }
  const shown = await req(`${base}/${check.id}`);
  if (shown.status !== 200 || !/name="token"/.test(shown.body)) throw new Error(`check-answers: ${shown.status}`);
  if (steps.at(-1)?.path !== `${base}/${check.id}`) steps.push({ path: `${base}/${check.id}`, cookie: jar.header() });
  steps.unshift({ path: base, cookie: jar.header() });
  return { serviceId: def.id, scenario: s.name, steps, send: { path: `${base}/${check.id}`, cookie: jar.header() }, answerBytes };
}

/**
 * One walked journey per current e-tjänst (the first of its scenarios that walks), and the
 * e-tjänster none of whose scenarios could be walked, with why.
 */
export async function walkEveryService(origin: string, loginCookie: string): Promise<{ journeys: WalkedJourney[]; missing: { serviceId: string; why: string }[] }> {
  const journeys: WalkedJourney[] = [];
  const missing: { serviceId: string; why: string }[] = [];
  for (const { definition: def } of seededServices()) {
    const check = def.pages.find((p) => p.kind === 'checkAnswers');
    const usable = scenariosOf(def).filter((s) => {
      if (s.rules || hasFile(def, s)) return false;
      const o = observe(def, s, { today: new Date() });
      return o.complete && o.end === check?.id;
    });
    // The largest answers first: realistic, not minimal.
    usable.sort((a, b) => JSON.stringify(b.answers).length - JSON.stringify(a.answers).length);
    let why = 'no scenario reaches check-answers without files';
    let walked: WalkedJourney | undefined;
    for (const s of usable.slice(0, 4)) {
      try {
        walked = await walkOne(origin, def, s, loginCookie);
        break;
      } catch (e) {
        why = `${s.name}: ${(e as Error).message}`;
      }
    }
    if (walked) journeys.push(walked);
    else missing.push({ serviceId: def.id, why });
  }
  return { journeys, missing };
}
