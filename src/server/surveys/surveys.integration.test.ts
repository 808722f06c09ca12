import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Db, DbHandle } from '../../../db/client.ts';
import { auditEvents, rateLimits, serviceRatings, surveyInvitations, surveyResponses, surveySentForms } from '../../../db/schema.ts';
import { testDatabases } from '../test-db.ts';
import { getSurvey } from '../../surveys/index.ts';
import { scopeKey } from '../../domain/surveys/results.ts';
import { shown } from '../../domain/surveys/suppression.ts';
import { normaliseCode } from '../../domain/surveys/codes.ts';
import { closePeriod, createPeriod, createUnit, generateInvitations, periodCounts, setOpenLink, type Period } from './admin.ts';
import { hashCode } from './codes.ts';
import { findOpenLink, hashFormToken, openWithCode, submitResponse, SurveyClosedError, type Access, type Opened } from './taking.ts';
import { loadSurveyResults } from './results.ts';
import { surveyMeasures } from './measures.ts';
import { codeGuessingLocked, forgetPassedGuessWindows, recordWrongCode } from './guess-limit.ts';
import { storeRating } from './ratings.ts';

vi.stubEnv('COOKIE_SECRET', 'test-only-cookie-secret-0123456789abcdef');

const admin = { id: '00000000-0000-4000-8000-0000000000ad', ip: '192.0.2.1' };
const hemtjanst = getSurvey('hemtjanst')!;
const NOW = new Date('2026-03-12T10:00:00Z');
const YEAR = 2026;

describe.each(testDatabases())('brukarenkäter on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  let period: Period;
  let unitA: string;
  let unitB: string;

  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
    unitA = (await createUnit(db, admin, { name: 'Hemtjänst Norr', kind: 'hemtjanst' })).id;
    unitB = (await createUnit(db, admin, { name: 'Hemtjänst Söder', kind: 'hemtjanst' })).id;
    period = await createPeriod(db, admin, hemtjanst, { name: 'Våren 2026', opensOn: '2026-03-01', closesOn: '2026-04-30', unitIds: [unitA, unitB], openLink: false });
  });
  afterAll(async () => {
    await handle?.close();
  });

  const answer = (hansyn: string) => ({ hansyn, tider: 'ibland', nojd: 'ganska-nojd', kommentar: 'Bra personal', hjalp: 'ja-personal' });
  const withCode = async (code: string): Promise<{ opened: Opened; access: Access }> => {
    const opened = await openWithCode(db, code, NOW);
    if (!opened) throw new Error('code did not open');
    return { opened, access: { kind: 'code', codeHash: hashCode(code) } };
  };

  it('keeps only the hashes of the codes it hands out, and audits the batch', async () => {
    const { codes, batchId } = await generateInvitations(db, admin, { periodId: period.id, unitId: unitA, count: 3 });
    expect(codes).toHaveLength(3);
    for (const c of codes) expect(normaliseCode(c)).toBe(c);
    const rows = await db.select().from(surveyInvitations).where(eq(surveyInvitations.batchId, batchId));
    expect(rows.map((r) => r.codeHash).sort()).toEqual(codes.map(hashCode).sort());
    expect(JSON.stringify(rows)).not.toContain(codes[0]);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.action, 'survey.codes.generated'));
    expect(events.at(-1)?.details).toMatchObject({ batchId, count: 3 });
    expect(JSON.stringify(events)).not.toContain(codes[0]);
  });

  it('stores an answer with a code once, and refuses the same code the second time', async () => {
    const { codes } = await generateInvitations(db, admin, { periodId: period.id, unitId: unitA, count: 1 });
    const code = codes[0]!;
    const { opened, access } = await withCode(code);
    expect(opened.unitId).toBe(unitA);
    await submitResponse(db, hemtjanst, opened, access, answer('alltid'), NOW);
    expect(await openWithCode(db, code, NOW)).toBeUndefined();
    await expect(submitResponse(db, hemtjanst, opened, access, answer('alltid'), NOW)).rejects.toBeInstanceOf(SurveyClosedError);
    const [used] = await db.select().from(surveyInvitations).where(eq(surveyInvitations.codeHash, hashCode(code)));
    expect(used?.usedAt).not.toBeNull();
  });

  it('stores exactly one answer when two submissions with the same code arrive at once', async () => {
    const { codes } = await generateInvitations(db, admin, { periodId: period.id, unitId: unitB, count: 1 });
    const { opened, access } = await withCode(codes[0]!);
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(surveyResponses);
    const results = await Promise.allSettled([
      submitResponse(db, hemtjanst, opened, access, answer('oftast'), NOW),
      submitResponse(db, hemtjanst, opened, access, answer('oftast'), NOW),
      submitResponse(db, hemtjanst, opened, access, answer('oftast'), NOW),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(SurveyClosedError);
    const after = await db.select({ n: sql<number>`count(*)::int` }).from(surveyResponses);
    expect(Number(after[0]!.n) - Number(before[0]!.n)).toBe(1);
  });

  it('stores one answer when the same form is sent twice at once through the open link, and tells the second it is stored', async () => {
    const def = getSurvey('ifo')!;
    const unit = await createUnit(db, admin, { name: 'Ekonomiskt bistånd', kind: 'ifo' });
    const p = await createPeriod(db, admin, def, { name: 'IFO länk 2026', opensOn: '2026-01-01', closesOn: '2026-12-31', unitIds: [unit.id], openLink: true });
    const opened: Opened = { periodId: p.id, surveyId: def.id, surveyVersion: def.version, unitId: unit.id };
    const access: Access = { kind: 'link', linkToken: p.linkToken! };
    const count = async () => Number((await db.select({ n: sql<number>`count(*)::int` }).from(surveyResponses).where(eq(surveyResponses.periodId, p.id)))[0]!.n);
    const sends = await Promise.all([1, 2, 3].map(() => submitResponse(db, def, opened, access, { hjalp: 'nej' }, NOW, 'form-token-of-one-person-aaaa')));
    expect(sends.sort()).toEqual(['already', 'already', 'stored']);
    expect(await count()).toBe(1);
    // A resend later (after a timeout): still the one answer.
    expect(await submitResponse(db, def, opened, access, { hjalp: 'nej' }, NOW, 'form-token-of-one-person-aaaa')).toBe('already');
    // Another person's form through the same link is an answer of its own.
    expect(await submitResponse(db, def, opened, access, { hjalp: 'nej' }, NOW, 'form-token-of-someone-else-b')).toBe('stored');
    expect(await count()).toBe(2);
    // The mark holds only the token's hash and the day: nothing about the answer or the person.
    const marks = await db.select().from(surveySentForms);
    expect(marks.every((m) => Object.keys(m).sort().join() === 'sentOn,tokenHash' && m.sentOn === '2026-03-12' && !m.tokenHash.includes('form-token'))).toBe(true);
  });

  it('answers a second send of the same form with a code as stored, not as a used code', async () => {
    const { codes } = await generateInvitations(db, admin, { periodId: period.id, unitId: unitA, count: 1 });
    const { opened, access } = await withCode(codes[0]!);
    const sends = await Promise.all([1, 2].map(() => submitResponse(db, hemtjanst, opened, access, answer('alltid'), NOW, 'form-token-with-a-code-cccc')));
    expect(sends.sort()).toEqual(['already', 'stored']);
    // Without the form's token, the used code is refused as before.
    await expect(submitResponse(db, hemtjanst, opened, access, answer('alltid'), NOW)).rejects.toBeInstanceOf(SurveyClosedError);
  });

  it('writes no mark of a sent form when the answer is not stored', async () => {
    const def = getSurvey('ifo')!;
    const unit = await createUnit(db, admin, { name: 'Stängd enhet', kind: 'ifo' });
    const p = await createPeriod(db, admin, def, { name: 'Stängd 2026', opensOn: '2026-01-01', closesOn: '2026-12-31', unitIds: [unit.id], openLink: true });
    expect(await closePeriod(db, admin, p.id)).toBe(true);
    const opened: Opened = { periodId: p.id, surveyId: def.id, surveyVersion: def.version, unitId: unit.id };
    await expect(submitResponse(db, def, opened, { kind: 'link', linkToken: p.linkToken! }, { hjalp: 'nej' }, NOW, 'form-token-refused-dddddddd')).rejects.toBeInstanceOf(SurveyClosedError);
    expect(await db.select().from(surveySentForms).where(eq(surveySentForms.tokenHash, hashFormToken('form-token-refused-dddddddd')))).toEqual([]);
  });

  it('keeps neither the code, nor who answered, nor when other than the day', async () => {
    const { codes } = await generateInvitations(db, admin, { periodId: period.id, unitId: unitA, count: 1 });
    const { opened, access } = await withCode(codes[0]!);
    await submitResponse(db, hemtjanst, opened, access, { ...answer('alltid'), smuggled: '192.0.2.1' } as Record<string, string>, NOW);
    const rows = await db.select().from(surveyResponses);
    const last = rows.at(-1)!;
    expect(Object.keys(last).sort()).toEqual(['answeredWithHelp', 'answers', 'id', 'periodId', 'submittedOn', 'surveyId', 'surveyVersion', 'unitId']);
    expect(last.submittedOn).toBe('2026-03-12');
    expect(last.answeredWithHelp).toBe(true);
    expect(last.answers).toEqual({ hansyn: 'alltid', tider: 'ibland', nojd: 'ganska-nojd', kommentar: 'Bra personal', hjalp: 'ja-personal' });
    const text = JSON.stringify(rows);
    expect(text).not.toContain(codes[0]);
    expect(text).not.toContain(hashCode(codes[0]!));
    expect(text).not.toContain('192.0.2.1');
  });

  it('computes results from the stored answers: "för få svar" under five, a number from five', async () => {
    const fresh = await createPeriod(db, admin, getSurvey('trygg-hemgang')!, {
      name: 'Trygg hemgång 2026',
      opensOn: '2026-01-01',
      closesOn: '2026-12-31',
      unitIds: [(await createUnit(db, admin, { name: 'Trygg hemgång', kind: 'trygg-hemgang' })).id],
      openLink: true,
    });
    const def = getSurvey('trygg-hemgang')!;
    const link = await findOpenLink(db, fresh.linkToken!, NOW);
    expect(link?.units).toHaveLength(1);
    const opened: Opened = { periodId: fresh.id, surveyId: def.id, surveyVersion: def.version, unitId: link!.units[0]!.id };
    const access: Access = { kind: 'link', linkToken: fresh.linkToken! };
    const nojd = ['mycket-nojd', 'ganska-nojd', 'varken', 'mycket-nojd'];
    for (const v of nojd) await submitResponse(db, def, opened, access, { nojd: v, hjalp: 'nej' }, NOW);
    const cellOf = async () => {
      const r = await loadSurveyResults(db, def, YEAR);
      return shown(r.questions.find((q) => q.question.id === 'nojd')!.cells.get(scopeKey({ kind: 'period', periodId: fresh.id })));
    };
    expect(await cellOf()).toEqual({ suppressed: true });
    expect((await surveyMeasures(db, { year: YEAR })).get('trygg-hemgang-nojd')).toMatchObject({ suppressed: true });
    await submitResponse(db, def, opened, access, { nojd: 'vet-ej', hjalp: 'nej' }, NOW);
    expect(await cellOf()).toEqual({ suppressed: true });
    await submitResponse(db, def, opened, access, { nojd: 'ganska-missnojd', hjalp: 'nej' }, NOW);
    // Six answers, one "vet ej": 3 of 5 positive.
    expect(await cellOf()).toEqual({ suppressed: false, n: 5, percent: 60 });
    expect((await surveyMeasures(db, { year: YEAR })).get('trygg-hemgang-nojd')).toMatchObject({ suppressed: false, percent: 60, respondents: 5 });
  });

  it('takes no answers once the period is closed or the link is turned off', async () => {
    const def = getSurvey('ifo')!;
    const unit = await createUnit(db, admin, { name: 'Försörjningsstöd', kind: 'ifo' });
    const p = await createPeriod(db, admin, def, { name: 'IFO 2026', opensOn: '2026-01-01', closesOn: '2026-12-31', unitIds: [unit.id], openLink: true });
    const opened: Opened = { periodId: p.id, surveyId: def.id, surveyVersion: def.version, unitId: unit.id };
    expect(await setOpenLink(db, admin, p.id, false)).toBe(true);
    expect(await findOpenLink(db, p.linkToken!, NOW)).toBeUndefined();
    await expect(submitResponse(db, def, opened, { kind: 'link', linkToken: p.linkToken! }, { hjalp: 'nej' }, NOW)).rejects.toBeInstanceOf(SurveyClosedError);
    const { codes } = await generateInvitations(db, admin, { periodId: p.id, unitId: unit.id, count: 1 });
    const viaCode = await openWithCode(db, codes[0]!, NOW);
    expect(viaCode).toBeDefined();
    expect(await closePeriod(db, admin, p.id)).toBe(true);
    expect(await openWithCode(db, codes[0]!, NOW)).toBeUndefined();
    await expect(submitResponse(db, def, viaCode!, { kind: 'code', codeHash: hashCode(codes[0]!) }, { hjalp: 'nej' }, NOW)).rejects.toBeInstanceOf(SurveyClosedError);
    const counts = await periodCounts(db, p.id);
    expect(counts.get(unit.id)).toEqual({ unitId: unit.id, codes: 1, used: 0, responses: 0 });
  });

  it('refuses codes for a unit that is not part of the period', async () => {
    const other = await createUnit(db, admin, { name: 'Annan enhet', kind: 'hemtjanst' });
    await expect(generateInvitations(db, admin, { periodId: period.id, unitId: other.id, count: 1 })).rejects.toThrow();
  });

  it('locks an address after ten wrong codes', async () => {
    const at = new Date();
    for (let i = 0; i < 9; i++) expect(await recordWrongCode(db, '198.51.100.7', at)).toBe(false);
    expect(await codeGuessingLocked(db, '198.51.100.7', at)).toBe(false);
    expect(await recordWrongCode(db, '198.51.100.7', at)).toBe(true);
    expect(await codeGuessingLocked(db, '198.51.100.7', at)).toBe(true);
    expect(await codeGuessingLocked(db, '198.51.100.8', at)).toBe(false);
    // The address is kept only as a keyed hash, and forgotten once the window and the lock have passed.
    expect(JSON.stringify(await db.select().from(rateLimits))).not.toContain('198.51.100.7');
    expect(await forgetPassedGuessWindows(db, new Date(at.getTime() + 14 * 60_000))).toBe(0);
    expect(await forgetPassedGuessWindows(db, new Date(at.getTime() + 16 * 60_000))).toBe(1);
    expect(await codeGuessingLocked(db, '198.51.100.7', new Date(at.getTime() + 16 * 60_000))).toBe(false);
  });

  it('stores an e-tjänst rating with the day only', async () => {
    await storeRating(db, 'trygghetslarm', { rating: 4, comment: '' }, NOW);
    const [r] = await db.select().from(serviceRatings);
    expect(r).toMatchObject({ serviceId: 'trygghetslarm', rating: 4, comment: null, createdOn: '2026-03-12' });
  });
});
