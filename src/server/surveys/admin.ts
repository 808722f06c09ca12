/**
 * Survey administration: units, periods and invitation batches. Every change writes an audit
 * event (ids and counts only). Codes are returned once, to be printed, and stored only as hashes.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { surveyInvitations, surveyPeriodUnits, surveyPeriods, surveyResponses, surveyUnits } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { audit } from '../audit.ts';
import { UNIT_KINDS, type UnitKind } from '../../domain/surveys/definition.ts';
import type { SurveyDefinition } from '../../domain/surveys/definition.ts';
import { hashCode, newCodes } from './codes.ts';

export type Actor = { id: string; ip?: string | undefined };

export type Unit = { id: string; name: string; area: string; kind: string; active: boolean };

export async function listUnits(db: Db, opts: { activeOnly?: boolean } = {}): Promise<Unit[]> {
  const rows = await db
    .select({ id: surveyUnits.id, name: surveyUnits.name, area: surveyUnits.area, kind: surveyUnits.kind, active: surveyUnits.active })
    .from(surveyUnits)
    .where(opts.activeOnly ? eq(surveyUnits.active, true) : undefined)
    .orderBy(asc(surveyUnits.kind), asc(surveyUnits.name));
  return rows;
}

export async function createUnit(db: Db, actor: Actor, input: { name: string; kind: UnitKind }): Promise<Unit> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(surveyUnits).values({ name: input.name, kind: input.kind, area: UNIT_KINDS[input.kind] }).returning();
    await audit(tx, { actorType: 'staff', actorId: actor.id, action: 'survey.unit.created', subjectType: 'survey_unit', subjectId: row!.id, details: { kind: input.kind }, ip: actor.ip });
    return { id: row!.id, name: row!.name, area: row!.area, kind: row!.kind, active: row!.active };
  });
}

/** Deactivated units get no new periods; their answers stay. False when not found or already inactive. */
export async function deactivateUnit(db: Db, actor: Actor, unitId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.update(surveyUnits).set({ active: false }).where(and(eq(surveyUnits.id, unitId), eq(surveyUnits.active, true))).returning({ id: surveyUnits.id });
    if (rows.length === 0) return false;
    await audit(tx, { actorType: 'staff', actorId: actor.id, action: 'survey.unit.deactivated', subjectType: 'survey_unit', subjectId: unitId, ip: actor.ip });
    return true;
  });
}

export type Period = {
  id: string;
  surveyId: string;
  surveyVersion: number;
  name: string;
  opensOn: string;
  closesOn: string;
  status: 'open' | 'closed';
  openLink: boolean;
  linkToken: string | null;
};

const periodColumns = {
  id: surveyPeriods.id,
  surveyId: surveyPeriods.surveyId,
  surveyVersion: surveyPeriods.surveyVersion,
  name: surveyPeriods.name,
  opensOn: surveyPeriods.opensOn,
  closesOn: surveyPeriods.closesOn,
  status: surveyPeriods.status,
  openLink: surveyPeriods.openLink,
  linkToken: surveyPeriods.linkToken,
};

const asPeriod = (r: Omit<Period, 'status'> & { status: string }): Period => ({ ...r, status: r.status === 'closed' ? 'closed' : 'open' });

export async function listPeriods(db: Db, opts: { surveyId?: string } = {}): Promise<Period[]> {
  const rows = await db
    .select(periodColumns)
    .from(surveyPeriods)
    .where(opts.surveyId ? eq(surveyPeriods.surveyId, opts.surveyId) : undefined)
    .orderBy(desc(surveyPeriods.opensOn), asc(surveyPeriods.name));
  return rows.map(asPeriod);
}

export async function getPeriod(db: Db, id: string): Promise<Period | undefined> {
  const [row] = await db.select(periodColumns).from(surveyPeriods).where(eq(surveyPeriods.id, id));
  return row ? asPeriod(row) : undefined;
}

export async function periodUnits(db: Db, periodId: string): Promise<Unit[]> {
  return db
    .select({ id: surveyUnits.id, name: surveyUnits.name, area: surveyUnits.area, kind: surveyUnits.kind, active: surveyUnits.active })
    .from(surveyPeriodUnits)
    .innerJoin(surveyUnits, eq(surveyUnits.id, surveyPeriodUnits.unitId))
    .where(eq(surveyPeriodUnits.periodId, periodId))
    .orderBy(asc(surveyUnits.name));
}

export class UnitNotAllowedError extends Error {
  constructor() {
    super('A unit is inactive or of a kind the survey is not run for');
    this.name = 'UnitNotAllowedError';
  }
}

export const newLinkToken = () => randomBytes(18).toString('base64url');

export async function createPeriod(
  db: Db,
  actor: Actor,
  def: SurveyDefinition,
  input: { name: string; opensOn: string; closesOn: string; unitIds: string[]; openLink: boolean },
): Promise<Period> {
  return db.transaction(async (tx) => {
    const units = await tx.select({ id: surveyUnits.id, kind: surveyUnits.kind, active: surveyUnits.active }).from(surveyUnits).where(inArray(surveyUnits.id, input.unitIds));
    const kinds: readonly string[] = def.unitKinds;
    if (units.length !== new Set(input.unitIds).size || units.some((u) => !u.active || !kinds.includes(u.kind))) throw new UnitNotAllowedError();
    const [row] = await tx
      .insert(surveyPeriods)
      .values({ surveyId: def.id, surveyVersion: def.version, name: input.name, opensOn: input.opensOn, closesOn: input.closesOn, status: 'open', openLink: input.openLink, linkToken: newLinkToken(), createdBy: actor.id })
      .returning(periodColumns);
    await tx.insert(surveyPeriodUnits).values(units.map((u) => ({ periodId: row!.id, unitId: u.id })));
    await audit(tx, { actorType: 'staff', actorId: actor.id, action: 'survey.period.opened', subjectType: 'survey_period', subjectId: row!.id, details: { surveyId: def.id, units: units.length, openLink: input.openLink }, ip: actor.ip });
    return asPeriod(row!);
  });
}

/** Closes an open period: no more answers, codes or not. False when it was not open. */
export async function closePeriod(db: Db, actor: Actor, periodId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.update(surveyPeriods).set({ status: 'closed' }).where(and(eq(surveyPeriods.id, periodId), eq(surveyPeriods.status, 'open'))).returning({ id: surveyPeriods.id });
    if (rows.length === 0) return false;
    await audit(tx, { actorType: 'staff', actorId: actor.id, action: 'survey.period.closed', subjectType: 'survey_period', subjectId: periodId, ip: actor.ip });
    return true;
  });
}

/** Turns the open link on or off. Turning it on again gives a new link, so an old one stays dead. */
export async function setOpenLink(db: Db, actor: Actor, periodId: string, on: boolean): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(surveyPeriods)
      .set(on ? { openLink: true, linkToken: newLinkToken() } : { openLink: false })
      .where(and(eq(surveyPeriods.id, periodId), eq(surveyPeriods.openLink, !on)))
      .returning({ id: surveyPeriods.id });
    if (rows.length === 0) return false;
    await audit(tx, { actorType: 'staff', actorId: actor.id, action: on ? 'survey.link.opened' : 'survey.link.closed', subjectType: 'survey_period', subjectId: periodId, ip: actor.ip });
    return true;
  });
}

export const MAX_BATCH = 500;

/** A batch of codes for one unit of a period. The codes are in the answer only; the database keeps hashes. */
export async function generateInvitations(db: Db, actor: Actor, input: { periodId: string; unitId: string; count: number }): Promise<{ batchId: string; codes: string[] }> {
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_BATCH) throw new RangeError('count out of range');
  const batchId = randomUUID();
  const codes = newCodes(input.count);
  await db.transaction(async (tx) => {
    const [linked] = await tx.select({ unitId: surveyPeriodUnits.unitId }).from(surveyPeriodUnits).where(and(eq(surveyPeriodUnits.periodId, input.periodId), eq(surveyPeriodUnits.unitId, input.unitId)));
    if (!linked) throw new UnitNotAllowedError();
    // A clash with an earlier code (1 in 10^11) fails the insert; the whole batch is then drawn again by the caller.
    await tx.insert(surveyInvitations).values(codes.map((c) => ({ codeHash: hashCode(c), periodId: input.periodId, unitId: input.unitId, batchId })));
    await audit(tx, { actorType: 'staff', actorId: actor.id, action: 'survey.codes.generated', subjectType: 'survey_period', subjectId: input.periodId, details: { unitId: input.unitId, batchId, count: codes.length }, ip: actor.ip });
  });
  return { batchId, codes };
}

export type UnitCounts = { unitId: string; codes: number; used: number; responses: number };

/** Per unit of a period: codes handed out, codes used, answers received. */
export async function periodCounts(db: Db, periodId: string): Promise<Map<string, UnitCounts>> {
  const out = new Map<string, UnitCounts>();
  const get = (unitId: string) => out.get(unitId) ?? out.set(unitId, { unitId, codes: 0, used: 0, responses: 0 }).get(unitId)!;
  const codes = await db
    .select({ unitId: surveyInvitations.unitId, codes: sql<number>`count(*)::int`, used: sql<number>`count(${surveyInvitations.usedAt})::int` })
    .from(surveyInvitations)
    .where(and(eq(surveyInvitations.periodId, periodId), isNotNull(surveyInvitations.unitId)))
    .groupBy(surveyInvitations.unitId);
  for (const c of codes) Object.assign(get(c.unitId!), { codes: Number(c.codes), used: Number(c.used) });
  const responses = await db
    .select({ unitId: surveyResponses.unitId, n: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.periodId, periodId), isNotNull(surveyResponses.unitId)))
    .groupBy(surveyResponses.unitId);
  for (const r of responses) get(r.unitId!).responses = Number(r.n);
  return out;
}
