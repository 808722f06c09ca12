/** The municipality's rule set as configured: defaults from the domain, overrides from the environment. */
import { defaultForenkladRules, type ForenkladRules } from '../domain/rules/forenklad.ts';
import { config } from './config.ts';

export function forenkladRules(): ForenkladRules {
  const cfg = config();
  return { ...defaultForenkladRules, ageLimit: cfg.FORENKLAD_AGE_LIMIT ?? defaultForenkladRules.ageLimit };
}
