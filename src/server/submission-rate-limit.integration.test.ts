import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db, DbHandle } from '../../db/client.ts';
import { rateLimits } from '../../db/schema.ts';
import { testDatabases } from './test-db.ts';
import { receiveSubmission, SubmissionLimitedError, type NewSubmission } from './submissions.ts';
import { forgetPassedSubmissionWindows, submissionCount, submissionLimit } from './submission-rate-limit.ts';
import { parseConfig } from './config.ts';

vi.stubEnv('COOKIE_SECRET', 'test-only-cookie-secret-0123456789abcdef');

const MINUTE = 60_000;
/** On the hour: the window of an hour is that clock hour. */
const T0 = new Date('2026-03-02T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

let n = 0;
/** Each test its own client address, so counters never leak between tests. */
const newIp = () => `198.51.100.${++n}`;

function application(key: string): NewSubmission {
  return {
    serviceId: 'trygghetslarm',
    serviceVersion: 1,
    area: 'aldreomsorg',
    answers: { fornamn: 'Greta' },
    subjectPersonnummer: null,
    subjectName: 'Greta Testberg',
    submitterName: null,
    onBehalf: false,
    idempotencyKey: key,
  };
}

/** What the check-answers POST does: submit under the address's limit (counted in the same transaction). */
async function send(db: Db, address: string | undefined, perHour: number, key: string, now: Date): Promise<'received' | 'limited'> {
  const limit = submissionLimit(address, perHour, now);
  try {
    await receiveSubmission(db, application(key), now, limit ? { limit } : {});
    return 'received';
  } catch (e) {
    if (e instanceof SubmissionLimitedError) return 'limited';
    throw e;
  }
}

/** Until when the address is refused new submissions, as the check-answers page tells the citizen. */
async function refusedUntil(db: Db, address: string, perHour: number, key: string, now: Date): Promise<Date | undefined> {
  const limit = submissionLimit(address, perHour, now)!;
  try {
    await receiveSubmission(db, application(key), now, { limit });
    return undefined;
  } catch (e) {
    if (e instanceof SubmissionLimitedError) return e.until;
    throw e;
  }
}

const count = (db: Db, ip: string, now: Date) => submissionCount(db, submissionLimit(ip, 1, now)!, now);

describe('SUBMISSION_RATE_LIMIT_PER_HOUR', () => {
  const base = { DEMO_MODE: 'true' };
  it('defaults to 60, accepts 0 (off) and refuses what is not a whole number ≥ 0', () => {
    expect(parseConfig(base).SUBMISSION_RATE_LIMIT_PER_HOUR).toBe(60);
    expect(parseConfig({ ...base, SUBMISSION_RATE_LIMIT_PER_HOUR: '0' }).SUBMISSION_RATE_LIMIT_PER_HOUR).toBe(0);
    expect(parseConfig({ ...base, SUBMISSION_RATE_LIMIT_PER_HOUR: '5' }).SUBMISSION_RATE_LIMIT_PER_HOUR).toBe(5);
    expect(() => parseConfig({ ...base, SUBMISSION_RATE_LIMIT_PER_HOUR: '-1' })).toThrow(/SUBMISSION_RATE_LIMIT_PER_HOUR/);
    expect(() => parseConfig({ ...base, SUBMISSION_RATE_LIMIT_PER_HOUR: 'many' })).toThrow(/SUBMISSION_RATE_LIMIT_PER_HOUR/);
  });
});

describe.each(testDatabases())('submission rate limit per address on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('receives the limit of new submissions within the clock hour and refuses the next one until the hour ends, writing nothing', async () => {
    const ip = newIp();
    for (let i = 0; i < 3; i++) expect(await send(db, ip, 3, `${ip}-${i}`, at(10 * MINUTE + i * MINUTE))).toBe('received');
    const until = await refusedUntil(db, ip, 3, `${ip}-next`, at(20 * MINUTE));
    expect(until?.toISOString()).toBe(at(60 * MINUTE).toISOString());
    expect(await send(db, ip, 3, `${ip}-next`, at(59 * MINUTE))).toBe('limited');
    expect(await count(db, ip, at(59 * MINUTE))).toBe(3);
  });

  it('answers a resubmit of a form already received even when the address is limited, and does not count it', async () => {
    const ip = newIp();
    expect(await send(db, ip, 2, `${ip}-a`, at(0))).toBe('received');
    expect(await send(db, ip, 2, `${ip}-a`, at(MINUTE))).toBe('received');
    expect(await send(db, ip, 2, `${ip}-b`, at(2 * MINUTE))).toBe('received');
    // Now limited: a double click on the last form still gets its reference number.
    expect(await send(db, ip, 2, `${ip}-b`, at(3 * MINUTE))).toBe('received');
    expect(await send(db, ip, 2, `${ip}-c`, at(3 * MINUTE))).toBe('limited');
    expect(await count(db, ip, at(3 * MINUTE))).toBe(2);
  });

  it('starts a new window at the next clock hour', async () => {
    const ip = newIp();
    expect(await send(db, ip, 1, `${ip}-1`, at(30 * MINUTE))).toBe('received');
    expect(await send(db, ip, 1, `${ip}-2`, at(59 * MINUTE + 59_000))).toBe('limited');
    expect(await send(db, ip, 1, `${ip}-2`, at(60 * MINUTE))).toBe('received');
    expect(await send(db, ip, 1, `${ip}-3`, at(61 * MINUTE))).toBe('limited');
  });

  it('counts each address on its own', async () => {
    const a = newIp();
    const b = newIp();
    expect(await send(db, a, 1, `${a}-1`, at(0))).toBe('received');
    expect(await send(db, a, 1, `${a}-2`, at(MINUTE))).toBe('limited');
    expect(await send(db, b, 1, `${b}-1`, at(MINUTE))).toBe('received');
  });

  it('does not limit when turned off (0) or when the address is unknown, and counts nothing then', async () => {
    const ip = newIp();
    const before = (await db.select().from(rateLimits)).length;
    for (let i = 0; i < 5; i++) expect(await send(db, ip, 0, `${ip}-off-${i}`, at(i * 1000))).toBe('received');
    for (let i = 0; i < 3; i++) expect(await send(db, undefined, 1, `${ip}-unknown-${i}`, at(i * 1000))).toBe('received');
    expect((await db.select().from(rateLimits)).length).toBe(before);
  });

  it('counts concurrent submissions from one address without losing any', async () => {
    const ip = newIp();
    await Promise.all(Array.from({ length: 10 }, (_, i) => send(db, ip, 100, `${ip}-concurrent-${i}`, at(0))));
    expect(await count(db, ip, at(0))).toBe(10);
  });

  it('keeps neither the address nor the time of a submission: a keyed hash that changes every day, a window on the hour', async () => {
    const ip = newIp();
    const sent = at(17 * MINUTE + 4_321);
    expect(await send(db, ip, 5, `${ip}-1`, sent)).toBe('received');
    const rows = await db.select().from(rateLimits);
    expect(JSON.stringify(rows)).not.toContain(ip);
    const mine = rows.find((r) => r.key === submissionLimit(ip, 5, sent)!.key);
    expect(mine?.windowStart.toISOString()).toBe(T0.toISOString());
    expect(rows.some((r) => r.windowStart.getTime() === sent.getTime())).toBe(false);
    // The same address the next day, or under another secret, is another key.
    expect(submissionLimit(ip, 5, new Date(sent.getTime() + 24 * 60 * MINUTE))!.key).not.toBe(mine?.key);
    vi.stubEnv('COOKIE_SECRET', 'another-test-only-cookie-secret-0123456789');
    vi.resetModules();
    const other = await import('./submission-rate-limit.ts');
    expect(other.submissionLimit(ip, 5, sent)!.key).not.toBe(mine?.key);
    vi.stubEnv('COOKIE_SECRET', 'test-only-cookie-secret-0123456789abcdef');
  });

  it('forgets a counter once its hour has passed', async () => {
    const ip = newIp();
    expect(await send(db, ip, 5, `${ip}-1`, at(5 * MINUTE))).toBe('received');
    const key = submissionLimit(ip, 5, at(5 * MINUTE))!.key;
    const has = async () => (await db.select().from(rateLimits)).some((r) => r.key === key);
    await forgetPassedSubmissionWindows(db, at(59 * MINUTE));
    expect(await has()).toBe(true);
    await forgetPassedSubmissionWindows(db, at(60 * MINUTE));
    expect(await has()).toBe(false);
  });
});
