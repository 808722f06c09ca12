/** The optional rating of an e-tjänst after sending: 1–5 and a comment, the day only, no identity. */
import { serviceRatings } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { todayIso } from './dates.ts';

export const RATING_COMMENT_MAX = 1000;

export type RatingInput = { rating: number; comment: string };
export type RatingError = { path: 'rating' | 'comment'; code: 'required' | 'tooLong' };

export function parseRating(form: { get(name: string): string | null }): { ok: true; data: RatingInput } | { ok: false; errors: RatingError[]; values: { rating: string; comment: string } } {
  const rating = form.get('rating') ?? '';
  const comment = (form.get('comment') ?? '').replace(/\r\n/g, '\n').trim();
  const errors: RatingError[] = [];
  if (!/^[1-5]$/.test(rating)) errors.push({ path: 'rating', code: 'required' });
  if (comment.length > RATING_COMMENT_MAX) errors.push({ path: 'comment', code: 'tooLong' });
  if (errors.length) return { ok: false, errors, values: { rating, comment: comment.slice(0, RATING_COMMENT_MAX * 2) } };
  return { ok: true, data: { rating: Number(rating), comment } };
}

export async function storeRating(db: Db, serviceId: string, input: RatingInput, now = new Date()): Promise<void> {
  await db.insert(serviceRatings).values({ serviceId, rating: input.rating, comment: input.comment === '' ? null : input.comment, createdOn: todayIso(now) });
}
