/**
 * The municipality's rule set for förenklad biståndsbedömning (SoL 4 kap. 2 a §, in SoL 2025:400
 * "insatser utan individuell behovsprövning"). The seeds set no values: these are defaults that each
 * municipality configures; pages show whatever is configured here.
 */
export type ForenkladRules = {
  /** Minimum age on the day of application. */
  ageLimit: number;
  /** The applicant must be folkbokförd in the municipality. */
  requireFolkbokford: boolean;
  /** The applicant must live in ordinary housing (not särskilt boende). */
  requireOrdinaryHousing: boolean;
  fees: {
    /** Trygghetslarm, kronor per month. */
    trygghetslarmMonthly: number;
    /** Installation of a trygghetslarm, kronor, once. */
    trygghetslarmInstallation: number;
    /** The year's maxtaxa for home care, kronor per month. */
    maxtaxaMonthly: number;
  };
};

export const defaultForenkladRules: ForenkladRules = {
  ageLimit: 75,
  requireFolkbokford: true,
  requireOrdinaryHousing: true,
  fees: { trygghetslarmMonthly: 250, trygghetslarmInstallation: 0, maxtaxaMonthly: 2576 },
};

/** The values a page may interpolate into texts ("från {{ageLimit}} år", "{{alarmFee}} kr"). */
export function ruleTextParams(r: ForenkladRules): Record<string, number> {
  return {
    ageLimit: r.ageLimit,
    alarmFee: r.fees.trygghetslarmMonthly,
    alarmInstallationFee: r.fees.trygghetslarmInstallation,
    maxtaxa: r.fees.maxtaxaMonthly,
  };
}
