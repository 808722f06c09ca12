/**
 * The query-string half of the fuzz test: every GET route found under src/pages (dynamic segments
 * filled with real and made-up values), asked with every query parameter name the code reads
 * (`.get('…')` anywhere in src/pages and src/server, the inbox's filter names), each with hostile
 * values, and `tillbaka` with every known return-path bypass. As a visitor and as signed-in staff.
 *
 * Asserted for every answer: never a 5xx (503 only as a page), and a redirect never leaves the
 * portal: its Location is a plain ASCII path on this origin (or the configured quick exit).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { QUERY_VALUES, RETURN_PATH_BYPASSES } from './hostile-values.ts';

export type GetRoute = { url: string; staff: boolean };

/** Every page or endpoint file under src/pages that answers GET, as a URL with its segments filled. */
export function getRoutes(fill: Record<string, string>): GetRoute[] {
  const routes: GetRoute[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('_')) walk(p);
        continue;
      }
      // 500.astro is the framework's error page: asked for directly it answers 500 by design.
      if (!/\.(astro|ts)$/.test(e.name) || e.name.startsWith('_') || e.name.includes('.test.') || e.name === '500.astro') continue;
      const src = readFileSync(p, 'utf8');
      if (e.name.endsWith('.ts') && !/export (const|async function) GET/.test(src)) continue;
      let rel = path.relative(path.resolve('src/pages'), p).replace(/\.(astro|ts)$/, '').replace(/(^|\/)index$/, '');
      rel = rel.replace(/\[([a-z]+)\]/g, (_m, name: string) => fill[name] ?? 'x');
      const url = `/${rel}`;
      routes.push({ url, staff: url === '/handlaggning' || url.startsWith('/handlaggning/') });
    }
  };
  walk(path.resolve('src/pages'));
  return routes.sort((a, b) => a.url.localeCompare(b.url));
}

/** Every parameter name the code reads with .get/.getAll, and the inbox's filter names. */
export function queryNames(): string[] {
  const names = new Set<string>(['tillbaka']);
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(astro|ts)$/.test(e.name) && !e.name.includes('.test.')) {
        const src = readFileSync(p, 'utf8');
        for (const m of src.matchAll(/\.get(?:All)?\('([a-z][A-Za-z0-9_.-]*)'\)/g)) names.add(m[1]!);
        if (e.name === 'inbox-params.ts') for (const m of src.matchAll(/^\s+\w+: '([a-z]+)',$/gm)) names.add(m[1]!);
      }
    }
  };
  walk(path.resolve('src/pages'));
  walk(path.resolve('src/server'));
  return [...names].sort();
}

export type Answer = { status: number; type: string; body: string; location: string };

/** Whether a Location header keeps the visitor on the portal. */
export function staysHere(location: string, origin: string, allowed: string[] = []): boolean {
  if (location === '') return true;
  if (allowed.some((a) => location === a)) return true;
  const path = location.startsWith(origin) ? location.slice(origin.length) : location;
  return /^\/(?![/\\])[\x21-\x7e]*$/.test(path) && !path.includes('\\');
}

/**
 * The requests to make: for each route, each name with one hostile value (sampled, repeatable by
 * seed), and `tillbaka` with every bypass and hostile value.
 */
export function queryJobs(routes: GetRoute[], names: string[], seed: number): { route: GetRoute; query: string }[] {
  const value = fc.oneof(fc.constantFrom(...QUERY_VALUES, ...RETURN_PATH_BYPASSES), fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 20 }));
  const jobs: { route: GetRoute; query: string }[] = [];
  let s = seed;
  for (const route of routes) {
    const values = fc.sample(value, { numRuns: names.length, seed: s++ });
    names.forEach((name, i) => jobs.push({ route, query: `${encodeURIComponent(name)}=${encode(values[i]!)}` }));
    for (const v of [...RETURN_PATH_BYPASSES, ...QUERY_VALUES]) jobs.push({ route, query: `tillbaka=${encode(v)}` });
    // Raw, as an attacker types it: not encoded again.
    for (const raw of ['tillbaka=/%09/evil.example', 'tillbaka=/%E3%80%82/x', 'tillbaka=%2f%2fevil.example', 'tillbaka=/%5cevil.example', 'tillbaka=%', 'a=%zz&&=&tillbaka']) jobs.push({ route, query: raw });
  }
  return jobs;
}

/** The value as the page reads it back: percent-encoded once, so that "%09" arrives as "%09". */
function encode(v: string): string {
  // Lone surrogates cannot be encoded: send their replacement, as a browser would.
  return encodeURIComponent(v.toWellFormed());
}
