/**
 * The right to rate an e-tjänst once, just after sending it: the confirmation page puts a sealed
 * grant (the e-tjänst and the submission, valid two hours) in the rating form, and /betyg accepts
 * a rating only with one. The browser keeps nothing of the journey for it: the confirmation and
 * its receipt are shown once and then forgotten (a shared computer).
 */
import { seal, unseal } from '../sealed-cookie.ts';

const NAME = 'st_rating_grant';
const VALID_MS = 2 * 60 * 60 * 1000;

export type RatingGrant = { serviceId: string; submissionId: string };

export async function ratingGrant(g: RatingGrant): Promise<string> {
  return seal(g, NAME, VALID_MS);
}

/** The grant, or undefined when the text is no grant of ours, was changed or has expired. */
export async function openRatingGrant(text: string | null | undefined): Promise<RatingGrant | undefined> {
  if (!text) return undefined;
  const g = (await unseal(text, NAME)) as Partial<RatingGrant> | undefined;
  return g && typeof g.serviceId === 'string' && typeof g.submissionId === 'string' ? { serviceId: g.serviceId, submissionId: g.submissionId } : undefined;
}
