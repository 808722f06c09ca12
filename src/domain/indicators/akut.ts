/**
 * How quickly akut reports are taken on: of the akut reports whose first 15 minutes have passed,
 * the share acknowledged by a handläggare within 15 minutes, and the median time to the
 * acknowledgement. A report not yet acknowledged counts with the time it has waited so far (a
 * lower bound: it can only be later), so reports left waiting pull the median up rather than
 * vanish from it. Public figures follow the small-number rules (./suppress.ts).
 */
import { medianMinutes, type HandlingBucket } from './median.ts';
import { shareOrNull, suppressOne, type Shown } from './suppress.ts';

export const AKUT_TARGET_MINUTES = 15;

/** Whole minutes from receipt to acknowledgement (or to now, while waiting), counted per minute. */
export type AkutWaits = { acknowledged: readonly HandlingBucket[]; waiting: readonly HandlingBucket[] };

export type AkutResponse = {
  /** Akut reports counted (received in the period, their first 15 minutes over). */
  reports: Shown;
  /** Share acknowledged within 15 minutes (0–1), or null when there are too few to show. */
  shareWithinTarget: number | null;
  /** Median minutes to acknowledgement, or null when there are too few to show. */
  medianMinutes: number | null;
};

export function akutResponse(w: AkutWaits): AkutResponse {
  const total = [...w.acknowledged, ...w.waiting].reduce((s, b) => s + b.count, 0);
  const within = w.acknowledged.filter((b) => b.minutes < AKUT_TARGET_MINUTES).reduce((s, b) => s + b.count, 0);
  const share = shareOrNull(within, total);
  return {
    reports: suppressOne(total),
    shareWithinTarget: share,
    medianMinutes: share === null ? null : medianMinutes([...w.acknowledged, ...w.waiting]),
  };
}
