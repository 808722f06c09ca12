/**
 * "Requires confirmation by …" (an e-tjänst's `confirmation` setting): someone named in a
 * submission — a medsökande, the other vårdnadshavare — confirms it with their own e-legitimation
 * before it is complete, or declines. The request is written with the submission (one transaction)
 * and the person is told by e-mail or SMS that something waits for them on Mina sidor, with nothing
 * of the matter in the message. Only the person whose personnummer the request names can see the
 * application or answer, bound in every query; the answer is written once (who, when, under which
 * name and e-legitimation assurance level) and audited. The case page, Mina sidor and the receipt
 * show where each request stands.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { confirmations, notifications, submissions } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import type { ConfirmationRequest } from '../../domain/forms/parties.ts';
import type { Lang } from '../../i18n/index.ts';
import { audit } from '../audit.ts';
import { citizenActorId } from './actor.ts';
import type { Citizen } from './session.ts';

export type ConfirmationState = 'pending' | 'confirmed' | 'declined';
export type ConfirmationAnswer = Exclude<ConfirmationState, 'pending'>;

export type Confirmation = {
  id: string;
  submissionId: string;
  role: string;
  personnummer: string;
  name: string | null;
  state: ConfirmationState;
  requestedAt: Date;
  decidedAt: Date | null;
  decidedName: string | null;
  assurance: string | null;
};

type Tx = Pick<Db, 'insert'>;

const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

/** A Swedish mobile number as the SMS gateway takes it (+467…), or undefined for anything else. */
export function mobileNumber(typed: string): string | undefined {
  const digits = typed.replace(/[\s()-]/g, '');
  const national = digits.startsWith('+46') ? `0${digits.slice(3)}` : digits.startsWith('0046') ? `0${digits.slice(4)}` : digits;
  return /^07\d{8}$/.test(national) ? `+46${national.slice(1)}` : undefined;
}

/** Where the person is told: each contact answer as an e-mail or an SMS, duplicates once. */
export function channelsOf(contacts: readonly string[]): { channel: 'email' | 'sms'; to: string }[] {
  const out = new Map<string, { channel: 'email' | 'sms'; to: string }>();
  for (const c of contacts) {
    if (EMAIL.test(c)) out.set(`e:${c.toLowerCase()}`, { channel: 'email', to: c.toLowerCase() });
    else {
      const m = mobileNumber(c);
      if (m) out.set(`s:${m}`, { channel: 'sms', to: m });
    }
  }
  return [...out.values()];
}

/** The request and its notifications, in the submission's transaction. */
export async function requestConfirmation(tx: Tx, submissionId: string, req: ConfirmationRequest, now: Date, lang: Lang = 'sv'): Promise<void> {
  await tx.insert(confirmations).values({ submissionId, role: req.role, personnummer: req.personnummer, name: req.name, requestedAt: now });
  const to = channelsOf(req.contacts);
  if (to.length > 0) await tx.insert(notifications).values(to.map((c) => ({ toAddress: c.to, channel: c.channel, template: 'confirmation_requested', lang, submissionId })));
}

const COLUMNS = {
  id: confirmations.id,
  submissionId: confirmations.submissionId,
  role: confirmations.role,
  personnummer: confirmations.personnummer,
  name: confirmations.name,
  state: confirmations.state,
  requestedAt: confirmations.requestedAt,
  decidedAt: confirmations.decidedAt,
  decidedName: confirmations.decidedName,
  assurance: confirmations.assurance,
};

const typed = (rows: (Omit<Confirmation, 'state'> & { state: string })[]): Confirmation[] => rows.map((r) => ({ ...r, state: r.state as ConfirmationState }));

/** The requests of these submissions, by submission. */
export async function confirmationsOf(db: Db, submissionIds: string[]): Promise<Map<string, Confirmation[]>> {
  const out = new Map<string, Confirmation[]>();
  if (submissionIds.length === 0) return out;
  const rows = typed(await db.select(COLUMNS).from(confirmations).where(inArray(confirmations.submissionId, submissionIds)).orderBy(confirmations.requestedAt));
  for (const r of rows) out.set(r.submissionId, [...(out.get(r.submissionId) ?? []), r]);
  return out;
}

/** Whether any request of the submission still waits (the application is not complete). */
export const waiting = (list: readonly Confirmation[] | undefined): boolean => (list ?? []).some((c) => c.state === 'pending');

export type ToConfirm = Confirmation & { reference: string; serviceId: string; serviceVersion: number; submittedAt: Date; applicantName: string | null; answers: Record<string, unknown> };

const TO_CONFIRM = { ...COLUMNS, reference: submissions.reference, serviceId: submissions.serviceId, serviceVersion: submissions.serviceVersion, submittedAt: submissions.submittedAt, applicantName: submissions.subjectName, answers: submissions.answers };

/** What waits for this person's answer, newest first (bound to their personnummer). */
export async function waitingFor(db: Db, personnummer: string): Promise<ToConfirm[]> {
  const rows = await db
    .select(TO_CONFIRM)
    .from(confirmations)
    .innerJoin(submissions, eq(submissions.id, confirmations.submissionId))
    .where(and(eq(confirmations.personnummer, personnummer), eq(confirmations.state, 'pending')))
    .orderBy(desc(confirmations.requestedAt));
  return rows.map((r) => ({ ...r, state: r.state as ConfirmationState }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One request addressed to this person (any state), or undefined: anyone else's does not exist. */
export async function findToConfirm(db: Db, id: string, personnummer: string): Promise<ToConfirm | undefined> {
  if (!UUID.test(id)) return undefined;
  const [row] = await db
    .select(TO_CONFIRM)
    .from(confirmations)
    .innerJoin(submissions, eq(submissions.id, confirmations.submissionId))
    .where(and(eq(confirmations.id, id), eq(confirmations.personnummer, personnummer)));
  return row && { ...row, state: row.state as ConfirmationState };
}

/**
 * The person's answer, written once: true when it was recorded now, false when the request was
 * already answered (or is not theirs). The e-legitimation's name and assurance level go with it.
 */
export async function answerConfirmation(db: Db, id: string, citizen: Citizen, answer: ConfirmationAnswer, now: Date): Promise<boolean> {
  if (!UUID.test(id)) return false;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(confirmations)
      .set({ state: answer, decidedAt: now, decidedName: citizen.name, assurance: citizen.assurance ?? null })
      .where(and(eq(confirmations.id, id), eq(confirmations.personnummer, citizen.personnummer), eq(confirmations.state, 'pending')))
      .returning({ submissionId: confirmations.submissionId, role: confirmations.role });
    if (!row) return false;
    await audit(tx, {
      actorType: 'citizen',
      actorId: citizenActorId(citizen.personnummer),
      action: answer === 'confirmed' ? 'confirmation.confirmed' : 'confirmation.declined',
      subjectType: 'submission',
      subjectId: row.submissionId,
      details: { role: row.role, assurance: citizen.assurance ?? null },
    });
    return true;
  });
}
