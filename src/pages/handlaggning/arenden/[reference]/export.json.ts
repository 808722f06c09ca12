/**
 * A case as a JSON document (docs/case-export.md), as a download, for staff who may handle the
 * case's area; anyone else gets 404. Audited as `case.exported_json` before anything is sent.
 */
import type { APIRoute } from 'astro';
import { getDb, isUnavailable } from '../../../../server/db.ts';
import { exportCaseJson } from '../../../../server/delivery/export.ts';
import { log } from '../../../../server/log.ts';
import { clientAddressOf } from '../../../../server/staff/client-address.ts';

export const GET: APIRoute = async (ctx) => {
  const staff = ctx.locals.staff;
  if (!staff) return ctx.rewrite('/404');
  let exported;
  try {
    exported = await exportCaseJson(await getDb(), staff.user, ctx.params.reference ?? '', { ip: clientAddressOf(ctx) });
  } catch (e) {
    if (!isUnavailable(e)) throw e;
    log('error', 'case export: database unavailable', {}, e);
    return ctx.rewrite('/tillfalligt-fel');
  }
  if (!exported) return ctx.rewrite('/404');
  return new Response(exported.body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exported.fileName}"`,
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Cache-Control': 'no-store',
    },
  });
};
