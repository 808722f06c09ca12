/**
 * What the handläggare inbox shows for a request: the user's areas and e-tjänster, the filters read
 * from the query string (inbox-params.ts), one keyset page of cases (inbox.ts) and the bounded
 * counts per status (inbox-counts.ts), the view audited (staff-reads.ts), or that the database
 * could not be read. The inbox page (src/pages/handlaggning/index.astro) only renders it.
 */
import type { Db } from '../../db/client.ts';
import type { ServiceDefinition } from '../domain/forms/definition.ts';
import { caseAreas } from '../domain/cases/policies.ts';
import { everyService } from './etjanster/registry.ts';
import { isUnavailable } from './db.ts';
import { listInbox, type InboxPage } from './inbox.ts';
import { countInboxByStatus, listColleagues, type Colleague, type StatusCounts } from './inbox-counts.ts';
import { PARAM, QUEUE_SYNPUNKTER, parseInboxParams, type ParsedInboxParams } from './inbox-params.ts';
import { log } from './log.ts';
import { listPinnedAkut, type PinnedCase } from './akut/pinned.ts';
import type { StaffUser } from './staff/users.ts';
import { auditInboxView } from './staff-reads.ts';

const PAGE_SIZE = 50;

export type InboxView = {
  areas: string[];
  /** The e-tjänster of the user's areas (the e-tjänst filter's choices). */
  myServices: ServiceDefinition[];
  /** Synpunkter och klagomål are their own queue: the inbox shows either them or the cases. */
  hasSynpunkter: boolean;
  inSynpunkter: boolean;
  colleagues: Colleague[];
  parsed: ParsedInboxParams | undefined;
  page: InboxPage;
  /** Akut cases not yet acknowledged: pinned above the list, whatever its filters (akut/pinned.ts). */
  pinned: PinnedCase[];
  counts: StatusCounts | undefined;
  unavailable: boolean;
};

export async function inboxView(user: Pick<StaffUser, 'id' | 'roles' | 'areas'>, params: URLSearchParams, db: () => Promise<Db>, ip: string | undefined, now = new Date()): Promise<InboxView> {
  const areas = caseAreas(user);
  const view: InboxView = { areas, myServices: [], hasSynpunkter: false, inSynpunkter: params.get(PARAM.queue) === QUEUE_SYNPUNKTER, colleagues: [], parsed: undefined, page: { rows: [], next: null, prev: null }, pinned: [], counts: undefined, unavailable: false };
  try {
    const handle = await db();
    const services = await everyService(handle);
    const myServices = services.filter((s) => areas.includes(s.area));
    const synpunkterServiceIds = services.filter((s) => s.category === 'synpunkter').map((s) => s.id);
    view.myServices = myServices;
    view.hasSynpunkter = synpunkterServiceIds.length > 0;
    view.colleagues = await listColleagues(handle, user);
    const parsed = parseInboxParams(params, { serviceIds: myServices.map((s) => s.id), areas, colleagueIds: view.colleagues.map((c) => c.id), today: now, synpunkterServiceIds });
    view.parsed = parsed;
    [view.page, view.counts, view.pinned] = await Promise.all([
      listInbox(handle, user, parsed.filters, { sort: parsed.sort, cursor: parsed.cursor, limit: PAGE_SIZE }),
      countInboxByStatus(handle, user, parsed.filters),
      listPinnedAkut(handle, user),
      auditInboxView(handle, user, parsed.filters, parsed.sort, ip),
    ]);
  } catch (e) {
    if (!isUnavailable(e)) throw e;
    log('error', 'inbox: database unavailable', {}, e);
    view.unavailable = true;
  }
  return view;
}
