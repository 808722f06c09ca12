/**
 * Separation of duties (docs/adr/0008): a change to a staff account that opens case data or
 * administration takes effect only when a second, different administrator approves it.
 *
 *  - grant: the account is to hold roles or areas it does not have, among them a privileged role
 *    (handlaggare, admin) or a new area of a handläggare;
 *  - reset_second_factor: of an account holding a privileged role;
 *  - reactivate: of an account holding a privileged role.
 *
 * Approving applies the change and, in the same transaction, resets the account's second factor,
 * ends its sessions and gives the approver a one-time enrolment code (shown once). The account can
 * enrol again only with that code: whoever asked for the change may know the password (they may
 * have set it), the approver knows the code, and neither alone can sign in as the account.
 * Every request, approval, rejection and withdrawal is audited and told to the other administrators.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { staffChangeRequests, staffSessions, staffUsers } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { audit } from '../audit.ts';
import { noticeAdmins } from './notices.ts';
import { clearSecondFactor, newEnrolmentCode } from './second-factor.ts';
import { InvalidStaffUserError, rolesAndAreasProblems } from './users.ts';

export const CHANGE_KINDS = ['grant', 'reset_second_factor', 'reactivate'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export type ChangeRequest = {
  id: string;
  kind: ChangeKind;
  targetId: string;
  targetUsername: string;
  targetName: string;
  requestedBy: string;
  requesterName: string;
  roles: string[] | null;
  areas: string[] | null;
  createdAt: Date;
};

type Actor = { id: string };
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export class ApprovalError extends Error {
  readonly code: 'notFound' | 'ownRequest' | 'ownAccount' | 'notAdmin' | 'invalid';
  constructor(code: ApprovalError['code']) {
    super(`approval refused: ${code}`);
    this.name = 'ApprovalError';
    this.code = code;
  }
}

const list = (v: readonly string[] | null | undefined) => [...(v ?? [])].sort().join(',');

/** Asks for a change; an earlier pending request of the same kind for the same account is replaced. */
export async function requestChange(tx: Tx | Db, admin: Actor, targetId: string, kind: ChangeKind, wanted: { roles?: string[]; areas?: string[] } = {}, ip?: string): Promise<string> {
  await tx
    .update(staffChangeRequests)
    .set({ status: 'withdrawn', decidedBy: admin.id, decidedAt: new Date() })
    .where(and(eq(staffChangeRequests.targetId, targetId), eq(staffChangeRequests.kind, kind), eq(staffChangeRequests.status, 'pending')));
  const [row] = await tx
    .insert(staffChangeRequests)
    .values({ kind, targetId, requestedBy: admin.id, roles: wanted.roles ?? null, areas: wanted.areas ?? null })
    .returning({ id: staffChangeRequests.id });
  if (!row) throw new Error('change request not stored');
  await audit(tx, { actorType: 'staff', actorId: admin.id, action: 'staff.change_requested', subjectType: 'staff_user', subjectId: targetId, details: { request: row.id, kind, roles: wanted.roles ? list(wanted.roles) : null, areas: wanted.areas ? list(wanted.areas) : null }, ip });
  await noticeAdmins(tx, { kind: 'staff_change_requested', actorId: admin.id, details: { request: row.id, change: kind, target: targetId } });
  return row.id;
}

async function pendingRequest(tx: Tx, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new ApprovalError('notFound');
  const [r] = await tx.select().from(staffChangeRequests).where(and(eq(staffChangeRequests.id, id), eq(staffChangeRequests.status, 'pending'))).for('update');
  if (!r) throw new ApprovalError('notFound');
  return r;
}

async function isActiveAdmin(tx: Tx, id: string): Promise<boolean> {
  const [a] = await tx.select({ id: staffUsers.id }).from(staffUsers).where(and(eq(staffUsers.id, id), eq(staffUsers.active, true), sql`'admin' = any(${staffUsers.roles})`));
  return !!a;
}

/**
 * Approves a pending request: never one's own request, never a change to one's own account. Returns
 * the one-time enrolment code for the account's holder, to be handed over in person.
 */
export async function approveChange(db: Db, approver: Actor, requestId: string, ip?: string): Promise<{ enrolmentCode: string; targetId: string }> {
  return db.transaction(async (tx) => {
    const r = await pendingRequest(tx, requestId);
    if (r.requestedBy === approver.id) throw new ApprovalError('ownRequest');
    if (r.targetId === approver.id) throw new ApprovalError('ownAccount');
    if (!(await isActiveAdmin(tx, approver.id))) throw new ApprovalError('notAdmin');
    const now = new Date();
    if (r.kind === 'grant') {
      const roles = r.roles ?? [];
      const areas = r.areas ?? [];
      if (rolesAndAreasProblems(roles, areas).length > 0) throw new ApprovalError('invalid');
      await tx.update(staffUsers).set({ roles, areas }).where(eq(staffUsers.id, r.targetId));
    } else if (r.kind === 'reactivate') {
      await tx.update(staffUsers).set({ active: true }).where(eq(staffUsers.id, r.targetId));
    }
    await clearSecondFactor(tx, r.targetId);
    await tx.delete(staffSessions).where(eq(staffSessions.userId, r.targetId));
    const code = newEnrolmentCode();
    await tx.update(staffUsers).set({ enrolmentCodeHash: code.hash }).where(eq(staffUsers.id, r.targetId));
    await tx.update(staffChangeRequests).set({ status: 'approved', decidedBy: approver.id, decidedAt: now }).where(eq(staffChangeRequests.id, r.id));
    await audit(tx, { actorType: 'staff', actorId: approver.id, action: 'staff.change_approved', subjectType: 'staff_user', subjectId: r.targetId, details: { request: r.id, kind: r.kind, requestedBy: r.requestedBy, roles: r.roles ? list(r.roles) : null, areas: r.areas ? list(r.areas) : null }, ip });
    await noticeAdmins(tx, { kind: 'staff_change_approved', actorId: approver.id, details: { request: r.id, change: r.kind, target: r.targetId } });
    return { enrolmentCode: code.code, targetId: r.targetId };
  });
}

/** Rejects (another administrator) or withdraws (the one who asked) a pending request. */
export async function declineChange(db: Db, admin: Actor, requestId: string, ip?: string): Promise<'rejected' | 'withdrawn'> {
  return db.transaction(async (tx) => {
    const r = await pendingRequest(tx, requestId);
    if (!(await isActiveAdmin(tx, admin.id))) throw new ApprovalError('notAdmin');
    const status = r.requestedBy === admin.id ? 'withdrawn' : 'rejected';
    await tx.update(staffChangeRequests).set({ status, decidedBy: admin.id, decidedAt: new Date() }).where(eq(staffChangeRequests.id, r.id));
    await audit(tx, { actorType: 'staff', actorId: admin.id, action: status === 'withdrawn' ? 'staff.change_withdrawn' : 'staff.change_rejected', subjectType: 'staff_user', subjectId: r.targetId, details: { request: r.id, kind: r.kind }, ip });
    await noticeAdmins(tx, { kind: status === 'withdrawn' ? 'staff_change_withdrawn' : 'staff_change_rejected', actorId: admin.id, details: { request: r.id, change: r.kind, target: r.targetId } });
    return status;
  });
}

/** Pending requests, newest first, with the names the page shows. */
export async function pendingChanges(db: Db, targetId?: string): Promise<ChangeRequest[]> {
  const rows = await db
    .select()
    .from(staffChangeRequests)
    .where(and(eq(staffChangeRequests.status, 'pending'), targetId ? eq(staffChangeRequests.targetId, targetId) : undefined))
    .orderBy(desc(staffChangeRequests.createdAt))
    .limit(200);
  const ids = [...new Set(rows.flatMap((r) => [r.targetId, r.requestedBy]))];
  const people = ids.length ? await db.select({ id: staffUsers.id, username: staffUsers.username, displayName: staffUsers.displayName }).from(staffUsers).where(inArray(staffUsers.id, ids)) : [];
  const who = new Map(people.map((p) => [p.id, p]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as ChangeKind,
    targetId: r.targetId,
    targetUsername: who.get(r.targetId)?.username ?? '',
    targetName: who.get(r.targetId)?.displayName ?? '',
    requestedBy: r.requestedBy,
    requesterName: who.get(r.requestedBy)?.displayName ?? '',
    roles: r.roles,
    areas: r.areas,
    createdAt: r.createdAt,
  }));
}

/** For callers that check roles and areas before asking: the same rule as on approval. */
export function assertValidRoles(roles: string[], areas: string[]): void {
  const problems = rolesAndAreasProblems(roles, areas);
  if (problems.length > 0) throw new InvalidStaffUserError(problems);
}
