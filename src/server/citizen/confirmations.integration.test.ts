import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Db, DbHandle } from '../../../db/client.ts';
import { auditEvents, confirmations, notifications } from '../../../db/schema.ts';
import { defaultForenkladRules } from '../../domain/rules/forenklad.ts';
import { confirmationOf } from '../../domain/forms/parties.ts';
import { seededService } from '../etjanster/seed.ts';
import { addressesIn } from '../notifications/outbox.ts';
import { testDatabases } from '../test-db.ts';
import { receiveSubmission, type Received } from '../submissions.ts';
import { answerConfirmation, channelsOf, confirmationsOf, findToConfirm, mobileNumber, waitingFor } from './confirmations.ts';

process.env.COOKIE_SECRET ??= 'a-test-secret-that-is-long-enough-for-config';

const def = seededService('ekonomiskt-bistand');
const SVEN = { personnummer: '19900101-2385', name: 'Sven Testsson', assurance: 'http://id.elegnamnden.se/loa/1.0/loa3' };
const ANNA = { personnummer: '19850101-2382', name: 'Anna Dottersson', assurance: 'http://id.elegnamnden.se/loa/1.0/loa3' };
const now = new Date('2026-12-04T10:00:00Z');
const ctx = { today: now, rules: defaultForenkladRules };

const couple = {
  fornamn: 'Sven', efternamn: 'Testsson', personnummer: SVEN.personnummer, epost: 'sven@example.se',
  harMedsokande: 'ja', medsokandeFornamn: 'Anna', medsokandeEfternamn: 'Dottersson', medsokandePersonnummer: ANNA.personnummer,
  medsokandeEpost: 'anna@example.se', medsokandeMobil: '070-123 45 67',
};

describe('who is asked to confirm an application', () => {
  it('is the medsökande of a couple, told by e-mail and SMS, and no one for a single applicant', () => {
    expect(confirmationOf(def, couple, ctx)).toEqual({ role: 'medsokande', personnummer: ANNA.personnummer, name: 'Anna Dottersson', contacts: ['anna@example.se', '070-123 45 67'] });
    expect(confirmationOf(def, { ...couple, harMedsokande: 'nej' }, ctx)).toBeNull();
    expect(channelsOf(['anna@example.se', 'ANNA@example.se', '070-123 45 67', '0583-810 00'])).toEqual([
      { channel: 'email', to: 'anna@example.se' },
      { channel: 'sms', to: '+46701234567' },
    ]);
    expect(mobileNumber('+46 70 123 45 67')).toBe('+46701234567');
    expect(mobileNumber('0583-810 00')).toBeUndefined();
  });

  it('gets none of the applicant’s own e-mails about the matter', () => {
    expect(addressesIn(def, couple)).toEqual(['sven@example.se']);
  });
});

describe.each(testDatabases())('a medsökande confirming on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  let sent: Received;
  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
    sent = await receiveSubmission(db, {
      serviceId: def.id, serviceVersion: def.version, area: def.area, answers: couple, subjectPersonnummer: SVEN.personnummer,
      subjectName: 'Sven Testsson', submitterName: null, submitterPersonnummer: SVEN.personnummer, onBehalf: false,
      idempotencyKey: 'ekonomiskt-bistand:couple-aaaaaaaaaaaa', confirmation: confirmationOf(def, couple, ctx),
    }, now);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('is asked with the submission, and told by e-mail and SMS with nothing of the matter', async () => {
    const list = (await confirmationsOf(db, [sent.id])).get(sent.id) ?? [];
    expect(list.map((c) => [c.role, c.personnummer, c.state])).toEqual([['medsokande', ANNA.personnummer, 'pending']]);
    const told = await db.select({ to: notifications.toAddress, channel: notifications.channel, template: notifications.template }).from(notifications).where(eq(notifications.template, 'confirmation_requested'));
    expect(told.sort((a, b) => a.channel.localeCompare(b.channel))).toEqual([
      { to: 'anna@example.se', channel: 'email', template: 'confirmation_requested' },
      { to: '+46701234567', channel: 'sms', template: 'confirmation_requested' },
    ]);
  });

  it('is seen only by the person asked', async () => {
    expect((await waitingFor(db, ANNA.personnummer)).map((c) => c.reference)).toEqual([sent.reference]);
    expect(await waitingFor(db, SVEN.personnummer)).toEqual([]);
    const [c] = await waitingFor(db, ANNA.personnummer);
    expect(await findToConfirm(db, c!.id, SVEN.personnummer)).toBeUndefined();
    expect(await findToConfirm(db, 'not-a-uuid', ANNA.personnummer)).toBeUndefined();
    expect(await answerConfirmation(db, c!.id, SVEN, 'confirmed', now)).toBe(false);
  });

  it('records the answer once: who, when and the assurance level, audited', async () => {
    const [c] = await waitingFor(db, ANNA.personnummer);
    const at = new Date('2026-12-04T12:30:00Z');
    expect(await answerConfirmation(db, c!.id, ANNA, 'confirmed', at)).toBe(true);
    expect(await answerConfirmation(db, c!.id, ANNA, 'declined', new Date())).toBe(false);
    const [row] = await db.select().from(confirmations).where(eq(confirmations.id, c!.id));
    expect(row).toMatchObject({ state: 'confirmed', decidedAt: at, decidedName: 'Anna Dottersson', assurance: ANNA.assurance });
    expect(await waitingFor(db, ANNA.personnummer)).toEqual([]);
    const audited = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'confirmation.confirmed'), eq(auditEvents.subjectId, sent.id)));
    expect(audited).toHaveLength(1);
  });
});
