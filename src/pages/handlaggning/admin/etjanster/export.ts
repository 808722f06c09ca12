/**
 * A published e-tjänst version as its JSON document (docs/e-tjanst-document.schema.json), for
 * redaktörer and administrators only (anyone else gets 404); each download is audited (etjanst.exported).
 */
import type { APIRoute } from 'astro';
import { getDb } from '../../../../server/db.ts';
import { canEditServices } from '../../../../server/staff/authz.ts';
import { exportVersion } from '../../../../server/etjanster/transfer.ts';

function clientAddress(ctx: { clientAddress?: string }): string | undefined {
  try {
    return ctx.clientAddress || undefined;
  } catch {
    return undefined;
  }
}

export const GET: APIRoute = async (ctx) => {
  const { locals, url, rewrite } = ctx;
  const staff = locals.staff;
  if (!staff || !canEditServices(staff.user)) return rewrite('/404');
  const serviceId = url.searchParams.get('etjanst') ?? '';
  const version = Number(url.searchParams.get('version'));
  if (!/^[a-z0-9-]+$/.test(serviceId) || !Number.isInteger(version) || version < 1) return rewrite('/404');
  const file = await exportVersion(await getDb(), serviceId, version, { actorId: staff.user.id, ip: clientAddress(ctx) });
  if (!file) return rewrite('/404');
  return new Response(file.body, {
    status: 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="${file.fileName}"`, 'Cache-Control': 'no-store' },
  });
};
