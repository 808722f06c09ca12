/**
 * The second factor of a staff account in the database: enrolment (a pending secret until the
 * first code confirms it), checking a code at login with replay protection (the accepted time step
 * is recorded and only later steps count), single-use recovery codes, and the reset an
 * administrator makes when a phone is lost.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { encodeBase32NoPadding as encodeBase32 } from '@oslojs/encoding';
import { staffRecoveryCodes, staffSessions, staffUsers } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { audit } from '../audit.ts';
import { config } from '../config.ts';
import {
  generateRecoveryCodes,
  generateTotpKey,
  hashRecoveryCode,
  matchTotpStep,
  openTotpKey,
  sealTotpKey,
  type SecondFactorInput,
} from './totp.ts';

/** The name an authenticator app shows above the code. */
export function totpIssuer(): string {
  return `${config().MUNICIPALITY_NAME} handläggning`;
}

/** `codeRequired`: enrolling needs the one-time code an approving administrator was given (docs/adr/0008). */
export type SecondFactorStatus = { enrolled: boolean; enrolledAt: Date | null; recoveryCodesLeft: number; codeRequired: boolean };

export class AlreadyEnrolledError extends Error {
  constructor() {
    super('The second factor is already enrolled');
    this.name = 'AlreadyEnrolledError';
  }
}

async function secretRow(db: Db, userId: string) {
  const [row] = await db
    .select({ totpSecret: staffUsers.totpSecret, totpEnabledAt: staffUsers.totpEnabledAt, totpLastStep: staffUsers.totpLastStep, enrolmentCodeHash: staffUsers.enrolmentCodeHash })
    .from(staffUsers)
    .where(eq(staffUsers.id, userId));
  return row;
}

export async function secondFactorStatus(db: Db, userId: string): Promise<SecondFactorStatus> {
  const row = await secretRow(db, userId);
  const [left] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(staffRecoveryCodes)
    .where(and(eq(staffRecoveryCodes.userId, userId), isNull(staffRecoveryCodes.usedAt)));
  return { enrolled: !!row?.totpEnabledAt, enrolledAt: row?.totpEnabledAt ?? null, recoveryCodesLeft: left?.n ?? 0, codeRequired: !!row?.enrolmentCodeHash };
}

/**
 * The secret to enrol with. A pending one is kept across page loads, so a code scanned a moment
 * ago still fits; a new one is made when there is none (or it can no longer be opened).
 */
export async function pendingTotpKey(db: Db, userId: string): Promise<Uint8Array> {
  const row = await secretRow(db, userId);
  if (!row) throw new Error('no such staff user');
  if (row.totpEnabledAt) throw new AlreadyEnrolledError();
  const existing = row.totpSecret ? openTotpKey(row.totpSecret, userId) : undefined;
  if (existing) return existing;
  const key = generateTotpKey();
  // Only while still not enrolled: a concurrent confirmation is never overwritten.
  const updated = await db
    .update(staffUsers)
    .set({ totpSecret: sealTotpKey(key, userId), totpLastStep: null })
    .where(and(eq(staffUsers.id, userId), isNull(staffUsers.totpEnabledAt)))
    .returning({ id: staffUsers.id });
  if (updated.length === 0) throw new AlreadyEnrolledError();
  return key;
}

export type EnrolmentResult = { ok: true; recoveryCodes: string[] } | { ok: false };

/**
 * Confirms enrolment with a code from the app: the secret becomes the account's second factor and
 * ten fresh recovery codes are made (returned once; only their hashes are kept). Audited.
 */
export async function confirmEnrolment(db: Db, userId: string, code: string, now = new Date(), ip?: string, enrolmentCode?: string): Promise<EnrolmentResult> {
  const row = await secretRow(db, userId);
  if (!row) return { ok: false };
  if (row.totpEnabledAt) throw new AlreadyEnrolledError();
  // Split knowledge: after an approval only the code given to the approving administrator opens enrolment.
  if (row.enrolmentCodeHash && !enrolmentCodeMatches(row.enrolmentCodeHash, enrolmentCode)) return { ok: false };
  const key = row.totpSecret ? openTotpKey(row.totpSecret, userId) : undefined;
  const step = key ? matchTotpStep(key, code, now) : null;
  if (step === null) return { ok: false };
  const codes = generateRecoveryCodes();
  const done = await db.transaction(async (tx) => {
    const updated = await tx
      .update(staffUsers)
      .set({ totpEnabledAt: now, totpLastStep: step, enrolmentCodeHash: null })
      .where(and(eq(staffUsers.id, userId), isNull(staffUsers.totpEnabledAt)))
      .returning({ id: staffUsers.id });
    if (updated.length === 0) return false;
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, userId));
    await tx.insert(staffRecoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })));
    await audit(tx, { actorType: 'staff', actorId: userId, action: 'staff.second_factor_enrolled', subjectType: 'staff_user', subjectId: userId, ip });
    return true;
  });
  if (!done) throw new AlreadyEnrolledError();
  return { ok: true, recoveryCodes: codes };
}

/**
 * Checks a login code: a TOTP code of a step later than the last accepted one, or an unused
 * recovery code (which is used up by this). True at most once per code.
 */
export async function verifySecondFactor(db: Db, userId: string, input: SecondFactorInput, now = new Date()): Promise<boolean> {
  if (input.kind === 'recovery') {
    const used = await db
      .update(staffRecoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(staffRecoveryCodes.userId, userId), eq(staffRecoveryCodes.codeHash, hashRecoveryCode(input.code)), isNull(staffRecoveryCodes.usedAt)))
      .returning({ id: staffRecoveryCodes.id });
    return used.length > 0;
  }
  const row = await secretRow(db, userId);
  if (!row?.totpEnabledAt || !row.totpSecret) return false;
  const key = openTotpKey(row.totpSecret, userId);
  if (!key) return false;
  const step = matchTotpStep(key, input.code, now, row.totpLastStep);
  if (step === null) return false;
  // The step is claimed atomically: two requests with the same code cannot both get through.
  const claimed = await db
    .update(staffUsers)
    .set({ totpLastStep: step })
    .where(and(eq(staffUsers.id, userId), or(isNull(staffUsers.totpLastStep), lt(staffUsers.totpLastStep, step))))
    .returning({ id: staffUsers.id });
  return claimed.length > 0;
}

/** New recovery codes for an enrolled account; the old ones stop working. Audited. */
export async function replaceRecoveryCodes(db: Db, userId: string, ip?: string): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await db.transaction(async (tx) => {
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, userId));
    await tx.insert(staffRecoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })));
    await audit(tx, { actorType: 'staff', actorId: userId, action: 'staff.recovery_codes_replaced', subjectType: 'staff_user', subjectId: userId, ip });
  });
  return codes;
}

/** Forgets the second factor and the recovery codes and ends every session: enrol again at next login. */
/** A one-time enrolment code: 20 characters of base32, typed from what the approving administrator was shown. */
export function newEnrolmentCode(): { code: string; hash: Uint8Array } {
  const code = encodeBase32(randomBytes(13)).slice(0, 20);
  return { code: code.match(/.{1,4}/g)!.join('-'), hash: hashEnrolmentCode(code) };
}

function hashEnrolmentCode(code: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(code.replace(/[\s-]/g, '').toUpperCase()).digest());
}

function enrolmentCodeMatches(hash: Uint8Array, code: string | undefined): boolean {
  if (!code) return false;
  const given = hashEnrolmentCode(code);
  return given.length === hash.length && timingSafeEqual(given, hash);
}

export async function clearSecondFactor(tx: Pick<Db, 'update' | 'delete'>, userId: string): Promise<void> {
  await tx.update(staffUsers).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(staffUsers.id, userId));
  await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, userId));
  await tx.delete(staffSessions).where(eq(staffSessions.userId, userId));
}

/** Sets an enrolled second factor directly (the demo account): recovery codes are left as they are. */
export async function setEnrolledTotpKey(db: Db, userId: string, key: Uint8Array, now = new Date()): Promise<void> {
  await db.update(staffUsers).set({ totpSecret: sealTotpKey(key, userId), totpEnabledAt: now, totpLastStep: null }).where(eq(staffUsers.id, userId));
}

/** The enrolled secret (the demo login prints it), or undefined. */
export async function enrolledTotpKey(db: Db, userId: string): Promise<Uint8Array | undefined> {
  const row = await secretRow(db, userId);
  return row?.totpEnabledAt && row.totpSecret ? openTotpKey(row.totpSecret, userId) : undefined;
}
