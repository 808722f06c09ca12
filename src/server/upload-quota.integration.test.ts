import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Db, DbHandle } from '../../db/client.ts';
import { submissions, uploads } from '../../db/schema.ts';
import { validatePage } from '../domain/forms/answers.ts';
import type { QuestionPage } from '../domain/forms/definition.ts';
import { testDatabases } from './test-db.ts';
import { storeUpload, takeUploads } from './uploads.ts';
import { takeQuota, type QuotaLimits } from './upload-quota.ts';
import { readUploadBytes } from './upload-store.ts';

vi.stubEnv('COOKIE_SECRET', 'test-only-cookie-secret-0123456789abcdef');

const LIMITS: QuotaLimits = { personDayBytes: 3000, personDayFiles: 3, addressDayBytes: 5000, addressDayFiles: 5, unsentBytes: 2500 };
// Skatteverket test personnummer.
const ANNA = '198501012382';
const BO = '198501012390';
const pdf = (size: number) => {
  const b = new Uint8Array(size).fill(0x20);
  b.set(new TextEncoder().encode('%PDF-1.4\n'));
  return b;
};

describe.each(testDatabases())('upload quotas and storage on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
  });
  afterAll(async () => handle.close());

  it('counts each person per day, in files and bytes, and refuses the file that would pass a limit without counting it', async () => {
    const anna = { personnummer: ANNA, address: '192.0.2.10' };
    expect(await takeQuota(db, anna, 1000, LIMITS)).toBe(true);
    expect(await takeQuota(db, anna, 1000, LIMITS)).toBe(true);
    expect(await takeQuota(db, anna, 1500, LIMITS)).toBe(false);
    expect(await takeQuota(db, anna, 1000, LIMITS)).toBe(true);
    expect(await takeQuota(db, anna, 1, LIMITS)).toBe(false);
    // Another person from another address is not held back by Anna's uploads.
    expect(await takeQuota(db, { personnummer: BO, address: '192.0.2.11' }, 1000, LIMITS)).toBe(true);
  });

  it('counts each client address per day, whoever uploads from it', async () => {
    const shared = '198.51.100.7';
    expect(await takeQuota(db, { address: shared }, 2000, LIMITS)).toBe(true);
    expect(await takeQuota(db, { address: shared }, 2000, LIMITS)).toBe(true);
    expect(await takeQuota(db, { personnummer: '198501022381', address: shared }, 2000, LIMITS)).toBe(false);
  });

  it('counts uploads not yet sent, and forgets who uploaded a file once it joins a case', async () => {
    const who = { personnummer: '194001042383', address: '203.0.113.5' };
    const ref = await storeUpload(db, { journeyKey: 'quota-unsent', serviceId: 'ekonomiskt-bistand', fieldName: 'kontoutdrag', fileName: 'a.pdf', kind: 'pdf', bytes: pdf(2000), uploader: who });
    expect(await takeQuota(db, who, 600, { ...LIMITS, personDayBytes: 10_000, addressDayBytes: 10_000 })).toBe(false);
    const [row] = await db.select({ p: uploads.quotaPersonKey, a: uploads.quotaAddressKey }).from(uploads).where(eq(uploads.id, ref.id));
    expect(row?.p).toMatch(/^[\w-]{32}$/);
    expect(row?.p).not.toContain(who.personnummer);
    const [sub] = await db
      .insert(submissions)
      .values({ reference: '2026-990001', serviceId: 'ekonomiskt-bistand', serviceVersion: 1, area: 'ifo', answers: {}, idempotencyKey: 'quota-unsent' })
      .returning({ id: submissions.id });
    await db.update(uploads).set({ submissionId: sub!.id }).where(eq(uploads.id, ref.id));
    const [after] = await db.select({ p: uploads.quotaPersonKey, a: uploads.quotaAddressKey }).from(uploads).where(eq(uploads.id, ref.id));
    expect(after).toEqual({ p: null, a: null });
    expect(await takeQuota(db, who, 600, { ...LIMITS, personDayBytes: 10_000, addressDayBytes: 10_000 })).toBe(true);
  });

  it('gives the file field its own error when the quota is reached, so the page says so next to it', async () => {
    const page: QuestionPage = { kind: 'question', id: 'bilagor', title: 't', fields: [{ type: 'file', name: 'kontoutdrag', label: 'l', maxBytes: 10 * 1024 * 1024, accept: ['pdf'], optional: false }] } as unknown as QuestionPage;
    const who = { personnummer: '194001052382', address: '203.0.113.9' };
    // Fill this person's day with files up to the configured default limit of files.
    for (let i = 0; i < 30; i++) expect(await takeQuota(db, who, 10)).toBe(true);
    const form = new FormData();
    form.set('kontoutdrag', new File([pdf(500)], 'kontoutdrag.pdf', { type: 'application/pdf' }));
    const values = await takeUploads(page, form, { db: async () => db, journeyKey: 'quota-page', serviceId: 'ekonomiskt-bistand', uploader: who }, {});
    expect(values.kontoutdrag).toBe('error:uploadQuota');
    const r = validatePage(page, values, { today: new Date() });
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['uploadQuota']);
  });

  it('writes a large file in chunks, answering another query before the file is stored', async () => {
    const big = pdf(10 * 1024 * 1024);
    const order: string[] = [];
    const t0 = performance.now();
    const storing = storeUpload(db, { journeyKey: 'big', serviceId: 'ekonomiskt-bistand', fieldName: 'kontoutdrag', fileName: 'stor.pdf', kind: 'pdf', bytes: big }).then((r) => {
      order.push('upload stored');
      return r;
    });
    // Another visitor's request arrives just after the upload has started.
    await new Promise((r) => setTimeout(r, 5));
    let other = 0;
    const answered = db.execute(sql`select 1`).then(() => {
      other = performance.now() - t0;
      order.push('other request answered');
    });
    const [ref] = await Promise.all([storing, answered]);
    expect(order).toEqual(['other request answered', 'upload stored']);
    // Generous: the other query waits for at most one chunk, not for the whole file.
    expect(other).toBeLessThan(2000);
    const back = await readUploadBytes(db, ref.id);
    expect(back?.byteLength).toBe(big.byteLength);
    expect(Buffer.from(back!).equals(Buffer.from(big))).toBe(true);
  });
});
