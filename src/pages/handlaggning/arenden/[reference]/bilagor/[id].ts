/**
 * An attachment of a case, for staff who may open the case. Both the case read and the file read
 * are audited with the client address; the file is always a download, never rendered by the
 * browser as a page.
 */
import type { APIRoute } from 'astro';
import { attachmentResponse } from '../../../../../server/attachment-response.ts';
import { openAttachment } from '../../../../../server/cases.ts';
import { clientAddressOf } from '../../../../../server/staff/client-address.ts';
import { getDb } from '../../../../../server/db.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const GET: APIRoute = async (ctx) => {
  const staff = ctx.locals.staff;
  if (!staff || !ctx.params.id || !UUID.test(ctx.params.id)) return ctx.rewrite('/404');
  const file = await openAttachment(await getDb(), staff.user, ctx.params.reference ?? '', ctx.params.id, clientAddressOf(ctx) ?? null);
  if (!file) return ctx.rewrite('/404');
  return attachmentResponse(file);
};
