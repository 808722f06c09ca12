/**
 * The municipality's own wording of the decision texts: every change audited with before and
 * after, refused when it breaks a rule, and a decision keeps the wording it was made under — its
 * beslutsbrev and its Mina sidor page — whatever is written later; a new decision uses the new.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbHandle } from '../../db/client.ts';
import { adminNotices, auditEvents, decisions, decisionTexts, staffUsers } from '../../db/schema.ts';
import type { DecisionInput } from '../domain/cases/forms.ts';
import { decisionText } from '../domain/cases/decision-texts.ts';
import { translator } from '../i18n/index.ts';
import { testDatabases } from './test-db.ts';
import { receiveSubmission } from './submissions.ts';
import { setRegisteredBackends } from './delivery/registry.ts';
import { assignCase, recordDecision, type Actor } from './case-actions.ts';
import { currentOwnTexts, DecisionTextError, textHistory, writeDecisionText } from './decision-texts.ts';
import { decisionLetter } from './decision-letter.ts';
import { flowingText } from './pdf-shown-text.ts';
import { findMyCase } from './citizen/my-cases.ts';

process.env.COOKIE_SECRET ??= 'a-test-secret-that-is-long-enough-for-config';

// Skatteverket test personnummer.
const GRETA = '19450110-3297';
const PARAMS = { address: 'Socialnämnden, Box 1, 123 45 Exempelstad', phone: '010-123 45 67' };
const OWN = 'Skicka ditt överklagande till Nämnden för social omsorg, {{address}}.\n\nDet ska ha kommit in inom tre veckor från den dag du fick beslutet. Ring {{phone}} om du vill ha hjälp.';
const AVSLAG: DecisionInput = { kind: 'ansokan', outcome: 'avslag', insats: 'Ekonomiskt bistånd', omfattning: null, startDate: null, reasoning: 'Inkomsten är högre än normen.' };

describe.each(testDatabases())('decision texts on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  let admin: { id: string };
  let bo: Actor;
  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
    setRegisteredBackends([{ id: 'test-backend', deliver: async () => {} }]);
    const [a] = await db.insert(staffUsers).values({ username: 'ada', displayName: 'Ada Admin', passwordHash: 'x', roles: ['admin'], areas: [] }).returning();
    const [b] = await db.insert(staffUsers).values({ username: 'bo', displayName: 'Bo Berg', passwordHash: 'x', roles: ['handlaggare'], areas: ['ifo'] }).returning();
    admin = { id: a!.id };
    bo = { id: b!.id, roles: b!.roles, areas: b!.areas };
  });
  afterAll(async () => {
    setRegisteredBackends(undefined);
    await handle?.close();
  });

  let n = 0;
  const decide = async () => {
    n += 1;
    const s = await receiveSubmission(db, {
      serviceId: 'ekonomiskt-bistand', serviceVersion: 1, area: 'ifo', answers: {}, language: 'sv',
      subjectPersonnummer: GRETA, subjectName: 'Greta Testberg', submitterName: null, submitterPersonnummer: GRETA, onBehalf: false, idempotencyKey: `texts-${n}`,
    });
    const r = await assignCase(db, bo, { reference: s.reference, lockVersion: 1, assigneeId: bo.id });
    await recordDecision(db, bo, { reference: s.reference, lockVersion: r.lockVersion, decision: AVSLAG });
    return s;
  };
  const letterText = async (id: string) => flowingText((await decisionLetter(db, id, { lang: 'sv', textParams: PARAMS }))!.pdf);
  const minaSidor = async (reference: string) => {
    const c = (await findMyCase(db, GRETA, reference))!;
    return decisionText(translator('sv'), 'remedy.appeal', 'sv', c.decision!.texts, PARAMS).join(' ');
  };
  const refused = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => (e instanceof DecisionTextError ? e.problem : e));

  it('refuses a wording that drops a placeholder, is empty or holds control characters, and writes nothing', async () => {
    expect(await refused(writeDecisionText(db, admin, 'remedy.appeal', 'sv', 'Skicka det till nämnden. Ring {{phone}}.'))).toEqual({ code: 'placeholderMissing', names: ['address'] });
    expect(await refused(writeDecisionText(db, admin, 'remedy.appeal', 'sv', '  '))).toEqual({ code: 'empty' });
    expect(await refused(writeDecisionText(db, admin, 'remedy.appeal', 'sv', '{{address}} {{phone}}\u0000'))).toEqual({ code: 'control' });
    expect(await refused(writeDecisionText(db, admin, 'mail.aterkoppling_inleds', 'sv', 'Hej'))).toEqual({ code: 'notEditable' });
    expect(await refused(writeDecisionText(db, admin, 'remedy.appeal', 'de', OWN))).toEqual({ code: 'notFound' });
    expect(await db.select().from(decisionTexts)).toEqual([]);
  });

  it('keeps the wording a decision was made under in its letter and on Mina sidor; a new decision uses the new wording', async () => {
    const before = await decide();
    const oldLetter = await letterText(before.id);
    expect(oldLetter).toContain('förvaltningsrätten');
    expect(oldLetter).not.toContain('Nämnden för social omsorg');
    const oldMina = await minaSidor(before.reference);

    expect(await writeDecisionText(db, admin, 'remedy.appeal', 'sv', OWN)).toBe(true);
    expect((await currentOwnTexts(db))['remedy.appeal']).toEqual({ sv: OWN });

    // The earlier decision: letter and Mina sidor unchanged.
    expect(await letterText(before.id)).toBe(oldLetter);
    expect(await minaSidor(before.reference)).toBe(oldMina);

    const after = await decide();
    const newLetter = await letterText(after.id);
    expect(newLetter).toContain('Nämnden för social omsorg, Socialnämnden, Box 1');
    expect(newLetter).not.toContain('förvaltningsrätten');
    expect(await minaSidor(after.reference)).toContain('Nämnden för social omsorg');
    const [d] = await db.select({ texts: decisions.texts }).from(decisions).where(eq(decisions.submissionId, after.id));
    expect(d!.texts).toEqual({ 'remedy.appeal': { sv: OWN } });
  });

  it('audits every change with who, which text, language, before and after, and tells the other administrators', async () => {
    const changes = await db.select().from(auditEvents).where(eq(auditEvents.action, 'decision_text.changed'));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ actorType: 'staff', actorId: admin.id, subjectType: 'decision_text', details: { key: 'remedy.appeal', lang: 'sv', before: null, after: OWN } });
    expect((await db.select().from(adminNotices).where(eq(adminNotices.kind, 'decision_text_changed'))).length).toBe(1);
    // The same wording again changes nothing.
    expect(await writeDecisionText(db, admin, 'remedy.appeal', 'sv', OWN)).toBe(false);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, 'decision_text.changed'))).toHaveLength(1);
  });

  it('puts the default back, keeping the history; the decisions made under the own wording keep it', async () => {
    const under = (await db.select({ id: decisions.submissionId, texts: decisions.texts }).from(decisions)).find((d) => Object.keys(d.texts).length > 0)!;
    expect(await writeDecisionText(db, admin, 'remedy.appeal', 'sv', null)).toBe(true);
    expect(await currentOwnTexts(db)).toEqual({});
    expect((await textHistory(db, 'remedy.appeal', 'sv')).map((c) => c.text)).toEqual([null, OWN]);
    const [last] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'decision_text.changed'), sql`${auditEvents.details} ->> 'after' is null`));
    expect(last!.details).toMatchObject({ before: OWN, after: null });
    expect(await letterText(under.id)).toContain('Nämnden för social omsorg');
    const fresh = await decide();
    expect(await letterText(fresh.id)).toContain('förvaltningsrätten');
  });

  it('never changes a written row: a change is a new one', async () => {
    const [row] = await db.select().from(decisionTexts).limit(1);
    await expect(db.update(decisionTexts).set({ text: 'ändrad' }).where(eq(decisionTexts.id, row!.id))).rejects.toThrow();
  });
});
