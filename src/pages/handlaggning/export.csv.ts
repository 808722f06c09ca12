/**
 * The filtered inbox as a CSV download (format: docs/inbox-csv.md), with the same query string as
 * the inbox page. At most COUNT_CAP rows: with more, the handläggare is sent back to the inbox
 * with a message to narrow the filters, rather than given a file that silently stops. Every
 * download is audited with its filters and row count before the file is handed out.
 */
import { csvResponse } from '../../server/csv.ts';
import { stockholmDay } from '../../domain/format.ts';
import type { APIRoute } from 'astro';
import { getDb, isUnavailable } from '../../server/db.ts';
import { log } from '../../server/log.ts';
import { caseAreas, hasRole } from '../../server/staff/authz.ts';
import { ExportTooLargeError } from '../../server/inbox.ts';
import { listColleagues } from '../../server/inbox-counts.ts';
import { exportInboxCsv } from '../../server/inbox-export.ts';
import { parseInboxParams } from '../../server/inbox-params.ts';
import { translator } from '../../i18n/index.ts';
import { everyService } from '../../server/etjanster/registry.ts';

/** The socket's address; Astro throws where the adapter cannot tell. */
function clientAddress(ctx: { clientAddress?: string }): string | undefined {
  try {
    return ctx.clientAddress || undefined;
  } catch {
    return undefined;
  }
}

export const GET: APIRoute = async (ctx) => {
  const { locals, url, redirect, rewrite } = ctx;
  const staff = locals.staff;
  if (!staff) return redirect(`/handlaggning/logga-in?tillbaka=${encodeURIComponent(url.pathname + url.search)}`);
  const { user } = staff;
  if (!hasRole(user, 'handlaggare')) {
    // Like every case route: a role without access to cases is told nothing exists here.
    return rewrite('/404');
  }
  const areas = caseAreas(user);
  // The hand-over file is always in Swedish, whatever language the handläggare reads the portal in.
  const sv = translator('sv');
  try {
    const db = await getDb();
    const services = await everyService(db);
    const serviceTitle = (id: string) => {
      const def = services.find((s) => s.id === id);
      return def ? sv(def.title, locals.textParams) : id;
    };
    const colleagues = await listColleagues(db, user);
    const parsed = parseInboxParams(url.searchParams, {
      serviceIds: services.filter((s) => areas.includes(s.area)).map((s) => s.id),
      areas,
      colleagueIds: colleagues.map((c) => c.id),
      today: new Date(),
      synpunkterServiceIds: services.filter((s) => s.category === 'synpunkter').map((s) => s.id),
    });
    const { csv, rows } = await exportInboxCsv(db, user, { filters: parsed.filters, sort: parsed.sort, ip: clientAddress(ctx) }, { serviceTitle });
    const stamp = stockholmDay(new Date());
    return csvResponse(csv, `arenden-${stamp}.csv`, { 'X-Row-Count': String(rows) });
  } catch (e) {
    if (e instanceof ExportTooLargeError) {
      const back = new URLSearchParams(url.search);
      back.delete('sida');
      back.set('export', 'for-manga');
      return redirect(`/handlaggning?${back}`, 303);
    }
    if (!isUnavailable(e)) throw e;
    log('error', 'inbox export: database unavailable', {}, e);
    return rewrite('/tillfalligt-fel');
  }
};
