/**
 * Answering a survey, anonymously. Access is by a single-use invitation code or a period's open
 * link. The answer is stored in ONE transaction with marking the code used:
 *   UPDATE survey_invitations SET used_at = now() WHERE code_hash = $1 AND used_at IS NULL RETURNING …
 * so of two simultaneous submissions with one code exactly one stores an answer. Each started
 * survey also has a form token: its hash is inserted first in the same transaction, so the same
 * form sent twice (a double click, a resend after a timeout; with a code or the open link) stores
 * one answer and the second send is told it is already stored. The answer row holds neither the
 * code, the token nor anything about the person or their address, and only the day.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { surveyInvitations, surveyPeriodUnits, surveyPeriods, surveyResponses, surveySentForms, surveyUnits } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { answeredWithHelp, HELP_QUESTION, type SurveyDefinition } from '../../domain/surveys/definition.ts';
import { cleanAnswers, type SurveyAnswers } from '../../domain/surveys/answers.ts';
import { getSurveyVersion } from '../../surveys/index.ts';
import { hashCode } from './codes.ts';
import { todayIso } from './dates.ts';

export type Access = { kind: 'code'; codeHash: string } | { kind: 'link'; linkToken: string };

/** What a started survey needs to know: which survey, which period and unit. */
export type Opened = { periodId: string; surveyId: string; surveyVersion: number; unitId: string | null };

/** The period is open today (status open, and today within its dates). */
const openToday = (today: string) =>
  and(eq(surveyPeriods.status, 'open'), sql`${surveyPeriods.opensOn} <= ${today}::date`, sql`${surveyPeriods.closesOn} >= ${today}::date`);

/** An unused code of a period open today, else undefined (unknown, used and closed read alike). */
export async function openWithCode(db: Db, code: string, now = new Date()): Promise<Opened | undefined> {
  const [row] = await db
    .select({ periodId: surveyPeriods.id, surveyId: surveyPeriods.surveyId, surveyVersion: surveyPeriods.surveyVersion, unitId: surveyInvitations.unitId })
    .from(surveyInvitations)
    .innerJoin(surveyPeriods, eq(surveyPeriods.id, surveyInvitations.periodId))
    .where(and(eq(surveyInvitations.codeHash, hashCode(code)), isNull(surveyInvitations.usedAt), openToday(todayIso(now))));
  return row && getSurveyVersion(row.surveyId, row.surveyVersion) ? row : undefined;
}

export type LinkPeriod = { periodId: string; surveyId: string; surveyVersion: number; units: { id: string; name: string }[] };

/** A period whose open link is on and which is open today. */
export async function findOpenLink(db: Db, linkToken: string, now = new Date()): Promise<LinkPeriod | undefined> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(linkToken)) return undefined;
  const [p] = await db
    .select({ periodId: surveyPeriods.id, surveyId: surveyPeriods.surveyId, surveyVersion: surveyPeriods.surveyVersion })
    .from(surveyPeriods)
    .where(and(eq(surveyPeriods.linkToken, linkToken), eq(surveyPeriods.openLink, true), openToday(todayIso(now))));
  if (!p || !getSurveyVersion(p.surveyId, p.surveyVersion)) return undefined;
  const units = await db
    .select({ id: surveyUnits.id, name: surveyUnits.name })
    .from(surveyPeriodUnits)
    .innerJoin(surveyUnits, eq(surveyUnits.id, surveyPeriodUnits.unitId))
    .where(eq(surveyPeriodUnits.periodId, p.periodId))
    .orderBy(surveyUnits.name);
  return { ...p, units };
}

/** The code was used meanwhile (or never existed), or the period closed: nothing was stored. */
export class SurveyClosedError extends Error {
  constructor() {
    super('The invitation is used or the period is closed');
    this.name = 'SurveyClosedError';
  }
}

export const hashFormToken = (token: string) => createHash('sha256').update(`survey-form:${token}`).digest('hex');

/**
 * Stores one answer: 'stored', or 'already' when this form (its `formToken`) was sent before and
 * its answer stored (nothing more is written). With a code: the code is marked used in the same
 * transaction, and only if it was unused; otherwise SurveyClosedError and nothing is written.
 */
export async function submitResponse(db: Db, def: SurveyDefinition, opened: Opened, access: Access, answers: SurveyAnswers, now = new Date(), formToken?: string): Promise<'stored' | 'already'> {
  const today = todayIso(now);
  const clean = cleanAnswers(def, answers);
  return db.transaction(async (tx) => {
    if (formToken !== undefined) {
      // First, so that a second send of the same form waits here for the first one's commit, then finds it.
      const fresh = await tx.insert(surveySentForms).values({ tokenHash: hashFormToken(formToken), sentOn: today }).onConflictDoNothing().returning({ t: surveySentForms.tokenHash });
      if (fresh.length === 0) return 'already';
    }
    const [period] = await tx.select({ id: surveyPeriods.id }).from(surveyPeriods).where(and(eq(surveyPeriods.id, opened.periodId), openToday(today)));
    if (!period) throw new SurveyClosedError();
    let unitId = opened.unitId;
    if (access.kind === 'code') {
      const used = await tx
        .update(surveyInvitations)
        .set({ usedAt: sql`now()` })
        .where(and(eq(surveyInvitations.codeHash, access.codeHash), isNull(surveyInvitations.usedAt), eq(surveyInvitations.periodId, opened.periodId)))
        .returning({ unitId: surveyInvitations.unitId });
      if (used.length !== 1) throw new SurveyClosedError();
      unitId = used[0]!.unitId;
    } else {
      const [p] = await tx.select({ id: surveyPeriods.id }).from(surveyPeriods).where(and(eq(surveyPeriods.id, opened.periodId), eq(surveyPeriods.linkToken, access.linkToken), eq(surveyPeriods.openLink, true)));
      if (!p) throw new SurveyClosedError();
      if (unitId) {
        const [linked] = await tx.select({ u: surveyPeriodUnits.unitId }).from(surveyPeriodUnits).where(and(eq(surveyPeriodUnits.periodId, opened.periodId), eq(surveyPeriodUnits.unitId, unitId)));
        if (!linked) throw new SurveyClosedError();
      }
    }
    await tx.insert(surveyResponses).values({
      periodId: opened.periodId,
      unitId,
      surveyId: def.id,
      surveyVersion: def.version,
      answers: clean,
      answeredWithHelp: answeredWithHelp(clean[HELP_QUESTION]),
      submittedOn: today,
    });
    return 'stored';
  });
}

export { hashCode };
