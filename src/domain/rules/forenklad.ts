/**
 * The municipality's rule set for förenklad biståndsbedömning (SoL 4 kap. 2 a §, in SoL 2025:400
 * "insatser utan individuell behovsprövning"). The seeds set no values: these are defaults that each
 * municipality configures (see docs/forenklad-regler.md and the FORENKLAD_* settings); every page
 * shows whatever is configured here, so changing a value changes the pages.
 */
export const FORENKLAD_INSATSER = ['tvatt', 'stadning', 'trygghetslarm', 'digitalaInkop'] as const;
export type ForenkladInsats = (typeof FORENKLAD_INSATSER)[number];

export type ForenkladRules = {
  /** Minimum age on the day of application. */
  ageLimit: number;
  /** The applicant must be folkbokförd in the municipality. */
  requireFolkbokford: boolean;
  /** The applicant must live in ordinary housing (not särskilt boende). */
  requireOrdinaryHousing: boolean;
  /** Everyone in the applicant's household must also have reached the age limit. */
  householdMustMeetAgeLimit: boolean;
  /** The insatser the municipality offers without behovsprövning; the others are not shown. */
  offered: ForenkladInsats[];
  limits: {
    /** Städning every N weeks … */
    stadningIntervalWeeks: number;
    /** … for at most this many hours each time. */
    stadningHours: number;
    /** Tvätt every N weeks. */
    tvattIntervalWeeks: number;
    /** Digitala inköp delivered every N weeks. */
    inkopIntervalWeeks: number;
  };
  fees: {
    /** Trygghetslarm, kronor per month. */
    trygghetslarmMonthly: number;
    /** Installation of a trygghetslarm, kronor, once. */
    trygghetslarmInstallation: number;
    /** Hemtjänst (städning, tvätt, inköp), kronor per hour of help. */
    homeCareHourly: number;
    /** The year's maxtaxa for home care, kronor per month: nobody pays more for all insatser together. */
    maxtaxaMonthly: number;
  };
};

export const defaultForenkladRules: ForenkladRules = {
  ageLimit: 75,
  requireFolkbokford: true,
  requireOrdinaryHousing: true,
  householdMustMeetAgeLimit: false,
  offered: [...FORENKLAD_INSATSER],
  limits: { stadningIntervalWeeks: 2, stadningHours: 2, tvattIntervalWeeks: 2, inkopIntervalWeeks: 1 },
  fees: { trygghetslarmMonthly: 250, trygghetslarmInstallation: 0, homeCareHourly: 350, maxtaxaMonthly: 2576 },
};

export function isOffered(rules: Pick<ForenkladRules, 'offered'>, insats: ForenkladInsats | undefined): boolean {
  return insats === undefined || rules.offered.includes(insats);
}

/** The values a page may interpolate into texts ("från {{ageLimit}} år", "{{alarmFee}} kr"). */
export function ruleTextParams(r: ForenkladRules): Record<string, number> {
  return {
    ageLimit: r.ageLimit,
    alarmFee: r.fees.trygghetslarmMonthly,
    alarmInstallationFee: r.fees.trygghetslarmInstallation,
    homeCareHourly: r.fees.homeCareHourly,
    maxtaxa: r.fees.maxtaxaMonthly,
    stadningIntervalWeeks: r.limits.stadningIntervalWeeks,
    stadningHours: r.limits.stadningHours,
    tvattIntervalWeeks: r.limits.tvattIntervalWeeks,
    inkopIntervalWeeks: r.limits.inkopIntervalWeeks,
  };
}
