/**
 * Anonymous means anonymous: after anonymous reports sent from several client addresses (through
 * the journey's use case, as the check-answers page sends them), nothing the portal stored or
 * logged holds the address, an unkeyed hash of it, or a timestamp equal to a
 * report's submission time outside the rows that name that report. Every column of every table is
 * searched, so a new table or column that leaks is found too.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { resultRows, type Db, type DbHandle } from '../../db/client.ts';
import { testDatabases } from './test-db.ts';
import type { Answers } from '../domain/forms/journey.ts';
import { getService } from './etjanster/registry.ts';
import { translator } from '../i18n/index.ts';
import { freshJourney, saveJourney } from './journey-state.ts';
import { handleJourneyRequest, type JourneyRequest } from './journey-request.ts';
import { TestCookies } from './test-cookies.ts';
import { captureLog } from './log.ts';

vi.stubEnv('COOKIE_SECRET', 'test-only-cookie-secret-0123456789abcdef');

const ADDRESSES = ['203.0.113.7', '198.51.100.23', '2001:db8::4:17', '192.0.2.201'];

const child: Answers = {
  akutFara: 'nej',
  oroGaller: ['forsummelse'],
  oroBeskrivning: 'Barnet är ofta hungrigt i skolan.',
  barnFornamn: 'Tolvan',
  barnEfternamn: 'Testsson',
  barnPersonnummer: '20180101-2392',
  barnAlder: null,
  barnAdress: null,
  barnSkola: 'Centralskolan',
  vardnadshavare: null,
  vardnadshavareVet: 'vet-inte',
  andraBarn: null,
};
const REPORTS: { serviceId: string; answers: Answers }[] = [
  { serviceId: 'orosanmalan-barn', answers: { anmalare: 'privatperson', anonym: 'ja', ...child } },
  { serviceId: 'synpunkter-och-klagomal', answers: { typ: 'klagomal', verksamhet: 'aldreomsorg', vadHande: 'Ingen kom.', var: 'Hemtjänsten', datum: null, anonym: 'ja' } },
];

/** Every way the address could be written down without a key: as it is, and hashed. */
function unkeyedForms(address: string): string[] {
  const forms = new Set<string>([address, address.toUpperCase()]);
  for (const input of [address, `submission:address:${address}`]) {
    for (const algorithm of ['sha1', 'sha256', 'md5', 'sha512']) {
      const digest = createHash(algorithm).update(input).digest();
      forms.add(digest.toString('hex'));
      forms.add(digest.toString('base64'));
      forms.add(digest.toString('base64url'));
    }
  }
  return [...forms];
}

/** Every row of every table in the database, as text (the row's own text form). */
async function everyRow(db: Db): Promise<{ table: string; text: string }[]> {
  const tables = resultRows<{ name: string }>(await db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`));
  const rows: { table: string; text: string }[] = [];
  for (const { name } of tables) {
    for (const r of resultRows<{ text: string }>(await db.execute(sql`select t::text as text from ${sql.identifier(name)} t`))) rows.push({ table: name, text: r.text });
  }
  return rows;
}

/** Every timestamp column of every table, and the rows holding the given instant (to the millisecond) in it. */
async function rowsAt(db: Db, at: Date): Promise<{ table: string; column: string; text: string }[]> {
  const columns = resultRows<{ table: string; column: string }>(
    await db.execute(sql`select table_name as "table", column_name as "column" from information_schema.columns
      where table_schema = 'public' and data_type in ('timestamp with time zone', 'timestamp without time zone')`),
  );
  const found: { table: string; column: string; text: string }[] = [];
  for (const { table, column } of columns) {
    const hits = resultRows<{ text: string }>(
      await db.execute(sql`select t::text as text from ${sql.identifier(table)} t
        where date_trunc('milliseconds', ${sql.identifier(column)}) = date_trunc('milliseconds', ${at.toISOString()}::timestamptz)`),
    );
    for (const h of hits) found.push({ table, column, text: h.text });
  }
  return found;
}

describe.each(testDatabases())('anonymous reports on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  const logged: string[] = [];
  let stopCapture: (() => void) | undefined;
  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
    // Everything the portal logs, and anything written to the console or the standard streams besides.
    stopCapture = captureLog((line) => logged.push(line));
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream);
      vi.spyOn(stream, 'write').mockImplementation((chunk: unknown, ...rest: unknown[]) => {
        logged.push(String(chunk));
        return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
      });
    }
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const original = console[level].bind(console);
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((a) => (a instanceof Error ? `${a.name} ${a.message} ${String(a.stack)}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
        original(...args);
      });
    }
  });
  afterAll(async () => {
    stopCapture?.();
    vi.restoreAllMocks();
    await handle?.close();
  });

  /** What a browser at `address` does: sends its check-answers page, then sees the confirmation. */
  async function sendFrom(address: string, report: (typeof REPORTS)[number]): Promise<{ id: string; reference: string; submittedAt: Date }> {
    const def = (await getService(db, report.serviceId))!;
    const now = new Date();
    const cookies = new TestCookies();
    const journey = { ...freshJourney(def, now.getTime()), answers: report.answers };
    await saveJourney(cookies, def, journey, now.getTime());
    const request = (pageId: string, method: string): JourneyRequest => ({
      serviceId: def.id,
      pageId,
      method,
      form: method === 'POST' ? { get: (n) => (n === 'token' ? journey.token : null), getAll: () => [], raw: new FormData() } : undefined,
      changing: false,
      cookies,
      citizen: undefined,
      clientAddress: address,
      reader: { lang: 'sv', t: translator('sv'), textParams: {} },
    });
    const deps = { db: async () => db, submissionsPerHour: 60, now };
    const sent = await handleJourneyRequest(request('kontrollera', 'POST'), deps);
    expect(sent.kind).toBe('sent');
    const shown = await handleJourneyRequest(request('klart', 'GET'), deps);
    if (shown.kind !== 'show' || !shown.view.offered) throw new Error(`no confirmation: ${shown.kind}`);
    const { receipt } = shown.view.offered;
    return { id: receipt.id, reference: receipt.reference, submittedAt: new Date(receipt.submittedAt) };
  }

  it('keeps no address, no unkeyed hash of one and no submission time outside the report itself', async () => {
    // The catalog's life cycle is written on first use; apart in time from every report.
    const reader = { lang: 'sv' as const, t: translator('sv'), textParams: {} };
    await handleJourneyRequest({ serviceId: REPORTS[0]!.serviceId, pageId: 'nope', method: 'GET', changing: false, cookies: new TestCookies(), citizen: undefined, clientAddress: undefined, reader }, { db: async () => db, submissionsPerHour: 60, now: new Date() });
    await new Promise((r) => setTimeout(r, 5));
    const sent: { address: string; id: string; reference: string; submittedAt: Date }[] = [];
    for (const address of ADDRESSES) {
      for (const report of REPORTS) {
        sent.push({ address, ...(await sendFrom(address, report)) });
        // Apart in time, so that each report's time is its own.
        await new Promise((r) => setTimeout(r, 5));
      }
    }
    expect(sent).toHaveLength(ADDRESSES.length * REPORTS.length);

    const rows = await everyRow(db);
    expect(rows.some((r) => r.table === 'submissions')).toBe(true);
    const log = logged.join('\n');
    for (const address of ADDRESSES) {
      for (const form of unkeyedForms(address)) {
        const holding = rows.filter((r) => r.text.includes(form));
        expect(holding, `a row holds ${address} as "${form}"`).toEqual([]);
        expect(log.includes(form), `the log holds ${address} as "${form}"`).toBe(false);
      }
    }

    for (const s of sent) {
      const elsewhere = (await rowsAt(db, s.submittedAt)).filter((r) => !r.text.includes(s.id) && !r.text.includes(s.reference));
      expect(elsewhere, `a row that does not name ${s.reference} has its submission time`).toEqual([]);
    }
  });
});
