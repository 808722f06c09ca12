import type { APIRoute } from 'astro';
import { db, floorRows } from '../db.ts';

/** One posted form, one row, one transaction; 303 as the portal's send answers. */
export const POST: APIRoute = async ({ request, redirect }) => {
  const form = await request.formData();
  await db.transaction(async (tx) => {
    await tx.insert(floorRows).values({ body: String(form.get('token') ?? '') });
  });
  return redirect('/klart', 303);
};
