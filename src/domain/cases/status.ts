/**
 * The case lifecycle as an explicit state machine. Pure: no database, no clock, no HTTP.
 *
 *   inkommen ──→ under_handlaggning ──→ beslutad ──→ avslutad
 *       │                 │
 *       └──→ makulerad ←──┘            (with a mandatory reason)
 *
 * - A case goes forward only. There is no way back from a decision: a decision that must change
 *   is a matter for omprövning or appeal, which is a new decision, not an undoing of the old one.
 * - `beslutad` is reached only by recording a decision (outcome, reasoning …), never by a bare
 *   status change: a case marked as decided without a decision would count in the indicators
 *   and reach the verksamhetssystem with nothing to say.
 * - `makulerad` is for cases that should never have been handled: a duplicate, a mistaken or
 *   withdrawn application. It is allowed from `inkommen` and `under_handlaggning` only. A
 *   `beslutad` case cannot be makulerad: the decision is a fact of myndighetsutövning that has
 *   been (or is being) delivered to the verksamhetssystem and to the applicant; hiding it behind
 *   "makulerad" would misrepresent the record. It is closed (`avslutad`) instead.
 * - `avslutad` and `makulerad` are final.
 *
 * Refusals are `CaseRuleError`s carrying a code; pages word the code in the reader's language.
 */

export const CASE_STATUSES = ['inkommen', 'under_handlaggning', 'beslutad', 'avslutad', 'makulerad'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Every legal move, and nothing else. */
const TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  inkommen: ['under_handlaggning', 'makulerad'],
  under_handlaggning: ['beslutad', 'makulerad'],
  beslutad: ['avslutad'],
  avslutad: [],
  makulerad: [],
};

/** Targets with their own action (and own required data) rather than a plain status change. */
const OWN_ACTION: ReadonlySet<CaseStatus> = new Set(['beslutad', 'makulerad']);

export type CaseRuleCode =
  /** Only an akut case waits to be acknowledged, and only once. */
  | 'notAkut'
  | 'alreadyAcknowledged'
  /** Återkoppling: no förhandsbedömning that gives one, or no professional reporter with an e-mail address; or already sent. */
  | 'aterkopplingNotPossible'
  | 'aterkopplingSent'
  /** A consent check on a case not sent on someone's behalf, or one already checked. */
  | 'notOnBehalf'
  | 'consentChecked'
  /** The move is not in the table (e.g. inkommen → avslutad, or anything out of a final status). */
  | 'illegalTransition'
  /** A status the portal does not know (a stored or posted value outside CASE_STATUSES). */
  | 'unknownStatus'
  /** `beslutad` via a status change: record a decision instead. */
  | 'decisionRequired'
  /** `makulerad` via a status change, or without a reason. */
  | 'cancelReasonRequired'
  /** Assigning a case that is avslutad or makulerad. */
  | 'caseClosed'
  /** Assigning a case to the person it is already assigned to. */
  | 'alreadyAssigned'
  /** Removing the assignment of a case nobody is assigned to. */
  | 'notAssigned';

export class CaseRuleError extends Error {
  readonly code: CaseRuleCode;
  readonly from: string | undefined;
  readonly to: string | undefined;
  constructor(code: CaseRuleCode, from?: string, to?: string) {
    super(`Case rule: ${code}${from || to ? ` (${from ?? '?'} → ${to ?? '?'})` : ''}`);
    this.name = 'CaseRuleError';
    this.code = code;
    this.from = from;
    this.to = to;
  }
}

export function isCaseStatus(v: unknown): v is CaseStatus {
  return typeof v === 'string' && (CASE_STATUSES as readonly string[]).includes(v);
}

function known(v: string): CaseStatus {
  if (!isCaseStatus(v)) throw new CaseRuleError('unknownStatus', v);
  return v;
}

/** Is `from → to` a legal move of the state machine? */
export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The statuses a case may move to from `from`. */
export function nextStatuses(from: CaseStatus): readonly CaseStatus[] {
  return TRANSITIONS[from];
}

/** Final statuses: nothing more happens to the case (except internal notes). */
export function isClosed(status: CaseStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

/** `to` if the move is legal; otherwise a CaseRuleError('illegalTransition'). */
export function transition(from: string, to: string): CaseStatus {
  const f = known(from);
  const t = known(to);
  if (!canTransition(f, t)) throw new CaseRuleError('illegalTransition', f, t);
  return t;
}

/** The targets a plain status change may offer from `from` (decisions and makulering have their own forms). */
export function manualStatusTargets(from: CaseStatus): CaseStatus[] {
  return TRANSITIONS[from].filter((s) => !OWN_ACTION.has(s));
}

/** A plain status change: legal, and not one that needs a decision or a reason. */
export function planStatusChange(from: string, to: string): CaseStatus {
  const t = known(to);
  if (t === 'beslutad') throw new CaseRuleError('decisionRequired', from, t);
  if (t === 'makulerad') throw new CaseRuleError('cancelReasonRequired', from, t);
  return transition(from, t);
}

/** Recording a decision moves the case to `beslutad`; legal only while it is under handläggning. */
export function planDecision(from: string): CaseStatus {
  return transition(from, 'beslutad');
}

/** Makulering needs a reason, and is legal only before a decision. */
export function planCancellation(from: string, reason: string): CaseStatus {
  if (reason.trim() === '') throw new CaseRuleError('cancelReasonRequired', from, 'makulerad');
  return transition(from, 'makulerad');
}

/**
 * The status after (re)assigning a case: someone taking an `inkommen` case starts handling it,
 * so it becomes `under_handlaggning`; otherwise the status stays. Closed cases are not assigned.
 */
export function planAssignment(from: string, currentAssignee: string | null, newAssignee: string): CaseStatus {
  const f = known(from);
  if (isClosed(f)) throw new CaseRuleError('caseClosed', f);
  if (currentAssignee === newAssignee) throw new CaseRuleError('alreadyAssigned', f);
  return f === 'inkommen' ? transition(f, 'under_handlaggning') : f;
}

/** Removing the assignment leaves the status as it is. */
export function planUnassignment(from: string, currentAssignee: string | null): CaseStatus {
  const f = known(from);
  if (isClosed(f)) throw new CaseRuleError('caseClosed', f);
  if (currentAssignee === null) throw new CaseRuleError('notAssigned', f);
  return f;
}
