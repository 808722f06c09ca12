/**
 * E-mail notifications: who is told, what the mail says (nothing of the matter), retries with
 * backoff until the attempts run out, and a real send through the local SMTP receiver.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db, DbHandle } from '../../../db/client.ts';
import { notifications } from '../../../db/schema.ts';
import { testDatabases } from '../test-db.ts';
import { receiveSubmission, type NewSubmission } from '../submissions.ts';
import { queueForSubmission } from './outbox.ts';
import { processDueNotifications, type SendMail } from './worker.ts';
import { retryNotification, listNotifications } from './admin.ts';
import { smtpSender } from './mailer.ts';
import { startSmtpReceiver } from './smtp-receiver.ts';
import type { Mail } from './templates.ts';

let n = 0;
function application(over: Partial<NewSubmission> = {}): NewSubmission {
  return {
    serviceId: 'stadning',
    serviceVersion: 1,
    area: 'aldreomsorg',
    answers: { soker: 'sjalv', personnummer: '19450110-3297', fornamn: 'Greta', efternamn: 'Dottersson', epost: 'greta@example.se' },
    subjectPersonnummer: '19450110-3297',
    subjectName: 'Greta Dottersson',
    submitterName: null,
    submitterPersonnummer: '19450110-3297',
    onBehalf: false,
    idempotencyKey: `notify-${++n}`,
    ...over,
  };
}

const deps = (send: SendMail, now: () => Date) => ({ send, now, origin: 'https://etjanster.example.se', municipality: 'Askersunds kommun', maxAttempts: 3, random: () => 0 });

describe.each(testDatabases())('e-mail notifications on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('are queued for the addresses given, never for an anonymous sender, and say nothing of the matter', async () => {
    const r = await receiveSubmission(db, application());
    expect(await queueForSubmission(db, r.id, 'submission_received')).toBe(1);
    const anon = await receiveSubmission(db, application({ anonymous: true }));
    expect(await queueForSubmission(db, anon.id, 'submission_received')).toBe(0);
    const sent: { to: string; mail: Mail }[] = [];
    const result = await processDueNotifications(db, deps(async (to, mail) => void sent.push({ to, mail }), () => new Date()));
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const mine = sent.find((s) => s.to === 'greta@example.se')!;
    expect(mine.mail.text).toContain('https://etjanster.example.se/mina-sidor');
    const all = `${mine.mail.subject}\n${mine.mail.text}`;
    for (const secret of ['19450110', 'Greta', 'Dottersson', r.reference, 'städning', 'Städning']) expect(all).not.toContain(secret);
    const [row] = await db.select().from(notifications).where(eq(notifications.submissionId, r.id));
    expect(row?.status).toBe('sent');
  });

  it('are written in the language the citizen sent the matter in, and so are later ones about it', async () => {
    const r = await receiveSubmission(db, application({ answers: { ...application().answers, epost: 'english@example.se' } }), new Date(), {
      notify: { to: ['english@example.se'], template: 'submission_received', lang: 'en' },
    });
    await queueForSubmission(db, r.id, 'status_changed');
    await queueForSubmission(db, r.id, 'message_received');
    const langs = (await db.select({ template: notifications.template, lang: notifications.lang }).from(notifications).where(eq(notifications.submissionId, r.id))).map((m) => `${m.template}:${m.lang}`);
    expect(langs.sort()).toEqual(['message_received:en', 'status_changed:en', 'submission_received:en']);
    // A matter whose first mail was in Swedish (or that had none) gets its later ones in Swedish.
    const sv = await receiveSubmission(db, application());
    await queueForSubmission(db, sv.id, 'status_changed');
    const [later] = await db.select({ lang: notifications.lang }).from(notifications).where(eq(notifications.submissionId, sv.id));
    expect(later?.lang).toBe('sv');
  });

  it('are retried with backoff after a failure, marked failed when the attempts run out, and can be retried by an admin', async () => {
    const r = await receiveSubmission(db, application({ answers: { epost: 'fel@example.se' } }));
    await queueForSubmission(db, r.id, 'status_changed');
    const failing: SendMail = async () => {
      throw Object.assign(new Error('550 <fel@example.se> rejected'), { responseCode: 550 });
    };
    let now = new Date('2030-01-01T10:00:00Z');
    const round = () => processDueNotifications(db, deps(failing, () => now));
    const state = async () => (await db.select().from(notifications).where(eq(notifications.submissionId, r.id)))[0]!;
    await round();
    let row = await state();
    expect(row.status).toBe('pending');
    expect(row.attempts).toBe(1);
    // The error is a code, never the server's words (they quote the address).
    expect(row.lastError).toBe('smtp 550');
    expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + 30_000);
    expect((await round()).claimed).toBe(0);
    now = new Date(row.nextAttemptAt.getTime() + 1);
    await round();
    now = new Date((await state()).nextAttemptAt.getTime() + 1);
    await round();
    row = await state();
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(3);
    const failed = await listNotifications(db, 'failed');
    expect(failed.find((f) => f.id === row.id)?.to).toBe('f•••@example.se');
    expect(await retryNotification(db, row.id, '00000000-0000-4000-8000-000000000001', null, now)).toBe(true);
    const ok: SendMail = async () => {};
    await processDueNotifications(db, deps(ok, () => now));
    expect((await state()).status).toBe('sent');
  });

  it('arrive at the local SMTP receiver without personal data', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'st-mail-'));
    const receiver = await startSmtpReceiver({ port: 0, dir });
    try {
      const r = await receiveSubmission(db, application({ answers: { epost: 'mottagare@example.se' } }));
      await queueForSubmission(db, r.id, 'message_received');
      await processDueNotifications(db, deps(smtpSender(receiver.url, 'Socialtjänsten <no-reply@example.se>'), () => new Date('2031-01-01T00:00:00Z')));
      const files = readdirSync(dir);
      expect(files.length).toBe(1);
      const raw = readFileSync(path.join(dir, files[0]!), 'utf8');
      expect(raw).toContain('To: mottagare@example.se');
      expect(raw.replace(/=\r?\n/g, '')).toContain('https://etjanster.example.se/mina-sidor');
      for (const secret of ['19450110', 'Greta', r.reference]) expect(raw).not.toContain(secret);
    } finally {
      await receiver.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
