/**
 * The median handling time from a histogram of durations. The repository counts durations in
 * buckets (see HANDLING_BUCKETS) rather than sending every case; the median is the lower bound of
 * the bucket holding the middle case, so it is exact to the bucket's width: a minute under an
 * hour, ten minutes under a day, an hour under 30 days, a day beyond.
 */
export type HandlingBucket = { minutes: number; count: number };

/** The bucket (its lower bound, in whole minutes) that a duration falls in. Mirrors the SQL of the repository. */
export function handlingBucket(minutes: number): number {
  const m = Math.max(0, Math.floor(minutes));
  if (m < 60) return m;
  if (m < 1440) return m - (m % 10);
  if (m < 43_200) return m - (m % 60);
  return m - (m % 1440);
}

/** The median of the bucketed durations (the lower middle one for an even count), or null when there are none. */
export function medianMinutes(buckets: readonly HandlingBucket[]): number | null {
  const sorted = buckets.filter((b) => b.count > 0).sort((a, b) => a.minutes - b.minutes);
  const n = sorted.reduce((s, b) => s + b.count, 0);
  if (n === 0) return null;
  const middle = Math.ceil(n / 2);
  let seen = 0;
  for (const b of sorted) {
    seen += b.count;
    if (seen >= middle) return b.minutes;
  }
  return sorted.at(-1)?.minutes ?? null;
}
