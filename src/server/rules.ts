/** The municipality's rule set as configured: defaults from the domain, overrides from the environment. */
import { defaultForenkladRules as d, type ForenkladRules } from '../domain/rules/forenklad.ts';
import { config, type Config } from './config.ts';

export function rulesFromConfig(cfg: Config): ForenkladRules {
  return {
    ageLimit: cfg.FORENKLAD_AGE_LIMIT ?? d.ageLimit,
    requireFolkbokford: cfg.FORENKLAD_REQUIRE_FOLKBOKFORD ?? d.requireFolkbokford,
    requireOrdinaryHousing: cfg.FORENKLAD_REQUIRE_ORDINARY_HOUSING ?? d.requireOrdinaryHousing,
    householdMustMeetAgeLimit: cfg.FORENKLAD_HOUSEHOLD_AGE_LIMIT ?? d.householdMustMeetAgeLimit,
    offered: cfg.FORENKLAD_OFFERED ?? [...d.offered],
    limits: {
      stadningIntervalWeeks: cfg.FORENKLAD_STADNING_INTERVAL_WEEKS ?? d.limits.stadningIntervalWeeks,
      stadningHours: cfg.FORENKLAD_STADNING_HOURS ?? d.limits.stadningHours,
      tvattIntervalWeeks: cfg.FORENKLAD_TVATT_INTERVAL_WEEKS ?? d.limits.tvattIntervalWeeks,
      inkopIntervalWeeks: cfg.FORENKLAD_INKOP_INTERVAL_WEEKS ?? d.limits.inkopIntervalWeeks,
    },
    fees: {
      trygghetslarmMonthly: cfg.FEE_TRYGGHETSLARM_MONTHLY ?? d.fees.trygghetslarmMonthly,
      trygghetslarmInstallation: cfg.FEE_TRYGGHETSLARM_INSTALLATION ?? d.fees.trygghetslarmInstallation,
      homeCareHourly: cfg.FEE_HOME_CARE_HOURLY ?? d.fees.homeCareHourly,
      maxtaxaMonthly: cfg.FEE_MAXTAXA_MONTHLY ?? d.fees.maxtaxaMonthly,
    },
  };
}

const fromConfig = new WeakMap<Config, ForenkladRules>();

/** The configured rule set (the configuration is fixed for the life of the process). */
export function forenkladRules(): ForenkladRules {
  const cfg = config();
  let rules = fromConfig.get(cfg);
  if (!rules) {
    rules = rulesFromConfig(cfg);
    fromConfig.set(cfg, rules);
  }
  return rules;
}
