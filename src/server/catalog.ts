/**
 * The e-tjänster citizens can reach now: every registered definition, except förenklad e-tjänster
 * whose insats the municipality's rule set does not offer. Pages ask here, never the registry.
 */
import type { ServiceDefinition } from '../domain/forms/definition.ts';
import { isOffered } from '../domain/rules/forenklad.ts';
import { getService, services } from '../services/index.ts';
import { forenkladRules } from './rules.ts';

export function liveServices(): ServiceDefinition[] {
  const rules = forenkladRules();
  return services.filter((s) => isOffered(rules, s.forenkladInsats));
}

/** The current definition of a live e-tjänst; undefined when unknown or not offered. */
export function getLiveService(id: string | undefined): ServiceDefinition | undefined {
  const def = getService(id);
  return def && isOffered(forenkladRules(), def.forenkladInsats) ? def : undefined;
}
