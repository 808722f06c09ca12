/**
 * What the indicators are computed from: the one repository (src/server/indicators/repository.ts)
 * fetches it, aggregated in the database to Swedish days and months so that a million submissions
 * arrive as a few thousand rows. Every rule about what counts lives in the functions of this folder.
 */
import type { LifecycleEvent } from './lifecycle.ts';
import type { HandlingBucket } from './median.ts';
import type { TargetCell } from './targets.ts';

export type ServiceInfo = { id: string; area: string; category: string; forenkladInsats?: string | undefined };

/** Submissions per e-tjänst, Swedish month and whether sent on behalf of someone. */
export type VolumeBucket = { serviceId: string; area: string; month: string; onBehalf: boolean; count: number };

/** Submissions per area and Swedish day, split by weekday 08–17 or not (holidays are applied here, not there). */
export type OfficeBucket = { area: string; day: string; weekdayOfficeHour: boolean; count: number };

/** Durations from submission to first handling, per area and Swedish month of submission. */
export type HandlingRow = HandlingBucket & { area: string; month: string };

/** Applicant's sex from the personnummer: odd second-last digit man, even kvinna; none (anonymous) okänt. */
export type Sex = 'kvinna' | 'man' | 'okant';

/**
 * Decided cases: each case counts once, in the Swedish month of its first decision, with the
 * outcome and insats of its latest decision (a corrected decision is not a second one).
 */
export type DecisionBucket = { serviceId: string; area: string; month: string; outcome: string; insats: string | null; sex: Sex; count: number };

export type IndicatorData = {
  now: Date;
  services: ServiceInfo[];
  lifecycleEvents: LifecycleEvent[];
  volumes: VolumeBucket[];
  office: OfficeBucket[];
  handling: HandlingRow[];
  decisions: DecisionBucket[];
  targets: TargetCell[];
};

/** Sex from a stored personnummer ("YYYYMMDD-NNNC" or 12 digits): the second-last digit. */
export function sexOf(personnummer: string | null | undefined): Sex {
  const digits = (personnummer ?? '').replace(/\D/g, '');
  if (digits.length < 10) return 'okant';
  const d = Number(digits.at(-2));
  return d % 2 === 1 ? 'man' : 'kvinna';
}
