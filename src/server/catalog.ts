/**
 * The e-tjänster citizens can reach now: the current published versions (src/server/etjanster/)
 * of e-tjänster that are publicerad in the catalog's life cycle (src/server/lifecycle.ts), except
 * förenklad e-tjänster whose insats the municipality's rule set does not offer. Pages ask here,
 * never the registry.
 *
 * The life cycle is read from the database for every request that needs it (a few rows), so every
 * instance sees a change at once. When the database cannot be reached the read fails, and the
 * page is answered with the "temporarily unavailable" page (middleware.ts): an e-tjänst whose
 * state is unknown is never offered as if it were live.
 */
import type { ServiceDefinition } from '../domain/forms/definition.ts';
import { isOffered, type ForenkladRules } from '../domain/rules/forenklad.ts';
import { currentServices, getService, latestVersion } from './etjanster/registry.ts';
import { getDb } from './db.ts';
import { readLifecycle, type LifecycleRow } from './lifecycle.ts';

/** The life cycle rows of every e-tjänst, read now. */
export async function catalogLifecycle(): Promise<Map<string, LifecycleRow>> {
  return readLifecycle(await getDb());
}

/**
 * Is this definition live under these life cycle rows and the rule set in force (the request's,
 * `locals.rulePeriod`)? No row (not yet seen) counts as publicerad.
 */
export function isLive(def: ServiceDefinition, lifecycle: Map<string, LifecycleRow>, rules: Pick<ForenkladRules, 'offered'>): boolean {
  const state = lifecycle.get(def.id)?.state ?? 'publicerad';
  return state === 'publicerad' && isOffered(rules, def.forenkladInsats);
}

export async function liveServices(rules: Pick<ForenkladRules, 'offered'>, lifecycle?: Map<string, LifecycleRow>): Promise<ServiceDefinition[]> {
  const rows = lifecycle ?? (await catalogLifecycle());
  return (await currentServices(await getDb())).filter((s) => isLive(s, rows, rules));
}

/** The current definition of a live e-tjänst; undefined when unknown, not offered, a draft or retired. */
export async function getLiveService(id: string | undefined, rules: Pick<ForenkladRules, 'offered'>): Promise<ServiceDefinition | undefined> {
  const def = await getService(await getDb(), id);
  if (!def) return undefined;
  return isLive(def, await catalogLifecycle(), rules) ? def : undefined;
}

/**
 * The ordinary biståndsansökan online for someone stopped in `from` (category "ordinarie", the same
 * area): where a förenklad e-tjänst's exit page sends them. Undefined when none is live.
 */
export async function ordinaryApplicationFor(from: Pick<ServiceDefinition, 'id' | 'area'>, rules: Pick<ForenkladRules, 'offered'>): Promise<ServiceDefinition | undefined> {
  return (await ordinaryApplications(rules)).find((s) => s.area === from.area && s.id !== from.id);
}

/** Every live ordinary biståndsansökan (category "ordinarie"), for /ansok-om-bistand. */
export async function ordinaryApplications(rules: Pick<ForenkladRules, 'offered'>): Promise<ServiceDefinition[]> {
  return (await liveServices(rules)).filter((s) => s.category === 'ordinarie');
}

/** Where a request for an e-tjänst that is not live is answered: the retired page (410) or the 404 page. */
export async function notLivePath(id: string | undefined): Promise<string> {
  const def = id ? await latestVersion(await getDb(), id) : undefined;
  if (!def) return '/404';
  const row = (await catalogLifecycle()).get(def.id);
  return row?.state === 'avpublicerad' ? `/avpublicerad/${def.id}` : '/404';
}

/**
 * "Vad behöver du hjälp med?" (seed 003: one way in whatever the need): plain choices on the start
 * page, each leading to the e-tjänster that fit it. E-tjänster that are not live are left out.
 */
export const NEEDS: { id: string; serviceIds: string[] }[] = [
  { id: 'hjalp-hemma', serviceIds: ['tvatt', 'stadning', 'trygghetslarm', 'digitala-inkop', 'bistand-aldreomsorg'] },
  { id: 'pengar', serviceIds: ['ekonomiskt-bistand'] },
  { id: 'oro', serviceIds: ['orosanmalan-barn', 'orosanmalan-vuxen'] },
  { id: 'vald', serviceIds: ['vald-i-nara-relation'] },
  { id: 'missbruk', serviceIds: ['stod-missbruk'] },
  { id: 'familj', serviceIds: ['familjeradgivning', 'kontaktperson-kontaktfamilj', 'bli-familjehem'] },
  { id: 'kontakt', serviceIds: ['kontakta-socialtjansten', 'synpunkter-och-klagomal'] },
];

/** Case- and accent-insensitive search in the reader's language ("städ" finds "Städning"). */
export function matchesQuery(texts: string[], query: string): boolean {
  const fold = (s: string) => s.toLocaleLowerCase('sv').normalize('NFC');
  const words = fold(query).split(/\s+/).filter(Boolean);
  const hay = fold(texts.join(' '));
  return words.every((w) => hay.includes(w));
}
