/**
 * The socialjour's alert: queued with an akut report outside office hours and only then, exactly
 * once per contact and channel (also when the form is sent twice and when two workers on two pools
 * share the database), holding no case content, and arriving at the local SMPP and SMTP receivers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db, type DbHandle } from '../../../db/client.ts';
import { notifications } from '../../../db/schema.ts';
import { parseWeeklyHours } from '../../domain/cases/office-hours.ts';
import { processDue, type Claimed, type JobKind } from '../jobs/queue.ts';
import { notificationJobs } from '../notifications/worker.ts';
import { smtpSender } from '../notifications/mailer.ts';
import { startSmtpReceiver } from '../notifications/smtp-receiver.ts';
import { smppSender } from '../sms/smpp.ts';
import { startSmppReceiver } from '../sms/smpp-receiver.ts';
import { processDueSms, smsJobs } from '../sms/worker.ts';
import { receiveSubmission, type NewSubmission } from '../submissions.ts';
import { testDatabases } from '../test-db.ts';
import { alertTargets } from './alerts.ts';
import { listNotifications } from '../notifications/admin.ts';
import { matterLang } from '../notifications/outbox.ts';

const cfg = {
  officeHours: { open: parseWeeklyHours('mon-fri 08:00-16:30'), closedDates: new Set<string>(), publicHolidays: true },
  SOCIALJOUR_ALERT_EMAILS: ['jour@example.se'],
  SOCIALJOUR_ALERT_PHONES: ['+46701740605'],
};
// Saturday 7 March 2026, 23:30 in Sweden; and the Tuesday after at 10:00.
const SATURDAY_NIGHT = new Date('2026-03-07T22:30:00Z');
const TUESDAY_MORNING = new Date('2026-03-10T09:00:00Z');

let n = 0;
function report(over: Partial<NewSubmission> = {}): NewSubmission {
  return {
    serviceId: 'orosanmalan-barn',
    serviceVersion: 1,
    area: 'ifo',
    answers: { barnNamn: 'Tintin Testsson', fara: 'ja' },
    subjectPersonnummer: '20100101-2380',
    subjectName: 'Tintin Testsson',
    submitterName: null,
    onBehalf: false,
    anonymous: true,
    urgent: true,
    idempotencyKey: `akut-${++n}`,
    ...over,
  };
}

const alertsOf = (db: Db, submissionId: string) => db.select().from(notifications).where(eq(notifications.submissionId, submissionId));

describe('whom an akut report alerts', () => {
  it('is the socialjour outside office hours, nobody inside them or for a report that is not akut', () => {
    expect(alertTargets(cfg, true, SATURDAY_NIGHT)).toEqual({ emails: ['jour@example.se'], phones: ['+46701740605'] });
    expect(alertTargets(cfg, true, TUESDAY_MORNING)).toBeUndefined();
    expect(alertTargets(cfg, false, SATURDAY_NIGHT)).toBeUndefined();
    expect(alertTargets({ ...cfg, SOCIALJOUR_ALERT_EMAILS: [], SOCIALJOUR_ALERT_PHONES: [] }, true, SATURDAY_NIGHT)).toBeUndefined();
  });
});

describe.each(testDatabases())('akut alerts on $name', (tdb) => {
  let handle: DbHandle & { url?: string };
  let db: Db;
  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('are queued with the report, once per contact and channel, also when the form is sent twice', async () => {
    const s = report();
    const alert = alertTargets(cfg, true, SATURDAY_NIGHT);
    const r = await receiveSubmission(db, s, SATURDAY_NIGHT, { alert });
    const again = await receiveSubmission(db, s, SATURDAY_NIGHT, { alert });
    expect(again.id).toBe(r.id);
    const rows = await alertsOf(db, r.id);
    expect(rows.map((a) => `${a.channel}:${a.toAddress}:${a.template}`).sort()).toEqual(['email:jour@example.se:akut_alert', 'sms:+46701740605:akut_alert']);
    expect(rows.every((a) => a.linkPath === `/handlaggning/arenden/${r.reference}` && a.status === 'pending')).toBe(true);
    const inside = await receiveSubmission(db, report(), TUESDAY_MORNING, { alert: alertTargets(cfg, true, TUESDAY_MORNING) });
    expect(await alertsOf(db, inside.id)).toEqual([]);
  });

  it('leave the citizen\'s later notices in the language the citizen used, though the alert is in Swedish', async () => {
    const s = report({ anonymous: false, answers: { epost: 'reporter@example.se' } });
    const r = await receiveSubmission(db, s, SATURDAY_NIGHT, { alert: alertTargets(cfg, true, SATURDAY_NIGHT), notify: { to: ['reporter@example.se'], template: 'submission_received', lang: 'en' } });
    const rows = await alertsOf(db, r.id);
    // The alerts (Swedish) were written first, with the time the report was received.
    expect(rows.filter((x) => x.template === 'akut_alert').map((x) => x.lang)).toEqual(['sv', 'sv']);
    expect(await matterLang(db, r.id)).toBe('en');
  });

  it('arrive by SMS at the SMPP receiver and by e-mail at the SMTP receiver, saying where and nothing of the case', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'st-akut-'));
    const sms = await startSmppReceiver({ port: 0, dir: path.join(dir, 'sms') });
    const mail = await startSmtpReceiver({ port: 0, dir: path.join(dir, 'mail') });
    try {
      const r = await receiveSubmission(db, report(), SATURDAY_NIGHT, { alert: alertTargets(cfg, true, SATURDAY_NIGHT) });
      const deps = { origin: 'https://etjanster.example.se', municipality: 'Askersunds kommun', maxAttempts: 3, now: () => new Date('2031-01-01T00:00:00Z') };
      expect((await processDueSms(db, { ...deps, send: smppSender(sms.url, 'Socialtj') })).sent).toBeGreaterThanOrEqual(1);
      await processDue(db, notificationJobs({ ...deps, send: smtpSender(mail.url, 'Socialtjänsten <no-reply@example.se>') }) as JobKind<Claimed>, deps);
      const where = `https://etjanster.example.se/handlaggning/arenden/${r.reference}`;
      const texts = readdirSync(path.join(dir, 'sms')).map((f) => JSON.parse(readFileSync(path.join(dir, 'sms', f), 'utf8')) as { to: string; from: string; text: string });
      const mine = texts.filter((t) => t.text.includes(where));
      expect(mine).toHaveLength(1);
      expect(mine[0]!.to).toBe('+46701740605');
      expect(mine[0]!.from).toBe('Socialtj');
      expect(mine[0]!.text).toMatch(/^AKUT/);
      const mails = readdirSync(path.join(dir, 'mail')).map((f) => readFileSync(path.join(dir, 'mail', f), 'utf8').replace(/=\r?\n/g, ''));
      const alertMail = mails.find((m) => m.includes(where));
      expect(alertMail).toContain('To: jour@example.se');
      for (const secret of ['Tintin', '20100101', 'orosanm', 'Orosanm']) {
        expect(alertMail).not.toContain(secret);
        expect(mine[0]!.text).not.toContain(secret);
      }
      expect((await alertsOf(db, r.id)).every((a) => a.status === 'sent' && a.attempts === 1)).toBe(true);
    } finally {
      await sms.close();
      await mail.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('are retried when the SMS gateway is down, failed for administrators when attempts run out, and never sent by the e-mail worker', async () => {
    const r = await receiveSubmission(db, report(), SATURDAY_NIGHT, { alert: { emails: [], phones: ['+46701740606'] } });
    // Nothing listens on port 9: the connection is refused.
    let now = new Date('2032-01-01T00:00:00Z');
    const deps = { origin: 'https://etjanster.example.se', municipality: 'Askersunds kommun', maxAttempts: 2, now: () => now, random: () => 0, send: smppSender('smpp://portal:x@127.0.0.1:9', 'Socialtj', 2_000) };
    const mailed: string[] = [];
    await processDue(db, notificationJobs({ ...deps, send: async (to) => void mailed.push(to) }) as JobKind<Claimed>, deps);
    expect(mailed).not.toContain('+46701740606');
    await processDueSms(db, deps);
    let [row] = await alertsOf(db, r.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'ECONNREFUSED' });
    now = new Date(row!.nextAttemptAt.getTime() + 1);
    await processDueSms(db, deps);
    [row] = await alertsOf(db, r.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 2, lastError: 'ECONNREFUSED' });
    // Shown to administrators with the number masked, as a failed e-mail is.
    const shown = (await listNotifications(db, 'failed')).find((f) => f.id === row!.id);
    expect(shown).toMatchObject({ channel: 'sms', to: '+46•••06', template: 'akut_alert', lastError: 'ECONNREFUSED' });
  });
});

const postgres = testDatabases().filter((d) => d.name === 'PostgreSQL');

describe.each(postgres)('akut alerts with two workers on one $name database', (tdb) => {
  let first: DbHandle & { url?: string };
  let second: DbHandle;
  beforeAll(async () => {
    first = await tdb.open();
    second = await openDatabase({ databaseUrl: first.url!, dataDir: tmpdir() });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('are each sent exactly once', async () => {
    const count = 60;
    for (let i = 0; i < count; i++) await receiveSubmission(first.db, report(), SATURDAY_NIGHT, { alert: { emails: [`jour${i}@example.se`], phones: [`+4670174${String(i).padStart(4, '0')}`] } });
    const sent = new Map<string, number>();
    const send = async (to: string) => {
      sent.set(to, (sent.get(to) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 1));
    };
    const deps = { send, origin: 'https://etjanster.example.se', municipality: 'Askersunds kommun', maxAttempts: 3 };
    const kinds = [notificationJobs(deps), smsJobs(deps)] as unknown as JobKind<Claimed>[];
    const worker = async (db: Db) => {
      for (;;) {
        let claimed = 0;
        for (const kind of kinds) claimed += (await processDue(db, kind, { batchSize: 3 })).claimed;
        if (claimed === 0) return;
      }
    };
    await Promise.all([worker(first.db), worker(second.db), worker(first.db), worker(second.db)]);
    expect(sent.size).toBe(2 * count);
    expect([...sent.values()].every((v) => v === 1)).toBe(true);
  });
});
