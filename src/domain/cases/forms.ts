/**
 * The handläggare's case forms as data: what each posted form must contain, checked into a typed
 * command or a list of error codes (one per field, first problem first). Pure: pages word the
 * codes in the reader's language and keep what was typed.
 */
import type { ServiceDefinition } from '../forms/definition.ts';
import { isCaseStatus, type CaseStatus } from './status.ts';
import { ANSWERED_BY, decidesInsats, grants, outcomeAllowed, type AnsweredBy, type DecisionDetails, type DecisionKind, type DecisionOutcome } from './decision-kinds.ts';

export type { DecisionOutcome } from './decision-kinds.ts';

export const CASE_ACTIONS = ['assign-me', 'assign', 'unassign', 'status', 'note', 'decide', 'cancel', 'acknowledge-akut', 'aterkoppling', 'consent-check'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export type ForenkladInsats = NonNullable<ServiceDefinition['forenkladInsats']>;
export const FORENKLAD_INSATSER = ['tvatt', 'stadning', 'trygghetslarm', 'digitalaInkop'] as const satisfies readonly ForenkladInsats[];

export const LIMITS = { insats: 200, kommun: 100, omfattning: 500, reasoning: 10_000, note: 10_000, cancelReason: 2_000 } as const;

/** What a page hands in: the posted value of a field, or null when it was not posted. */
export type Posted = { get(name: string): string | null };

export type FormError = { path: string; code: string; params?: Record<string, number> };
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FormError[] };

export type DecisionInput = {
  /** The kind of decision the case's e-tjänst gives (absent only where a caller records it directly). */
  kind?: DecisionKind;
  outcome: DecisionOutcome;
  /** The insats decided on; null for kinds that do not decide an insats (anmälan, fråga, synpunkt). */
  insats: string | null;
  omfattning: string | null;
  /** ISO calendar date. */
  startDate: string | null;
  reasoning: string;
  /** What the outcome records besides (how a question was answered, avvikelse, skyddsbedömning …). */
  details?: DecisionDetails;
};

export function isCaseAction(v: unknown): v is CaseAction {
  return typeof v === 'string' && (CASE_ACTIONS as readonly string[]).includes(v);
}

/** The version the form was rendered with; undefined when missing or not a positive integer. */
export function parseLockVersion(raw: string | null): number | undefined {
  if (raw === null || !/^\d{1,9}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= 1 ? n : undefined;
}

/** A required free text: trimmed, not empty, within its limit. */
function requiredText(p: Posted, path: string, max: number, codes: { required: string; tooLong: string }): Parsed<string> {
  const v = (p.get(path) ?? '').trim();
  if (v === '') return { ok: false, errors: [{ path, code: codes.required }] };
  if (v.length > max) return { ok: false, errors: [{ path, code: codes.tooLong, params: { max } }] };
  return { ok: true, value: v };
}

/** How consent or a fullmakt was checked on a case sent on someone's behalf. */
export const CONSENT_HOW = ['fullmakt', 'telefon'] as const;
export type ConsentHow = (typeof CONSENT_HOW)[number];

export function parseConsentCheck(p: Posted): Parsed<{ how: ConsentHow }> {
  const how = p.get('consentHow');
  return (CONSENT_HOW as readonly (string | null)[]).includes(how) ? { ok: true, value: { how: how as ConsentHow } } : { ok: false, errors: [{ path: 'consentHow', code: 'consentHowRequired' }] };
}

export function parseNote(p: Posted): Parsed<{ body: string }> {
  const r = requiredText(p, 'note', LIMITS.note, { required: 'noteRequired', tooLong: 'noteTooLong' });
  return r.ok ? { ok: true, value: { body: r.value } } : r;
}

export function parseCancellation(p: Posted): Parsed<{ reason: string }> {
  const r = requiredText(p, 'cancelReason', LIMITS.cancelReason, { required: 'cancelReasonRequired', tooLong: 'cancelReasonTooLong' });
  return r.ok ? { ok: true, value: { reason: r.value } } : r;
}

export function parseStatusChange(p: Posted): Parsed<{ to: CaseStatus }> {
  const to = p.get('status');
  return isCaseStatus(to) ? { ok: true, value: { to } } : { ok: false, errors: [{ path: 'status', code: 'statusRequired' }] };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseAssignee(p: Posted): Parsed<{ assigneeId: string }> {
  const v = (p.get('assignee') ?? '').trim();
  return UUID.test(v) ? { ok: true, value: { assigneeId: v.toLowerCase() } } : { ok: false, errors: [{ path: 'assignee', code: 'assigneeRequired' }] };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Day, month and year as typed → an ISO date, or the error code for the day input. */
function parseDateParts(p: Posted, path: string): { ok: true; value: string | null } | { ok: false; code: string } {
  const [d, m, y] = ['day', 'month', 'year'].map((k) => (p.get(`${path}.${k}`) ?? '').trim());
  if (!d && !m && !y) return { ok: true, value: null };
  if (!/^\d{1,2}$/.test(d ?? '') || !/^\d{1,2}$/.test(m ?? '') || !/^\d{4}$/.test(y ?? '')) return { ok: false, code: 'startDateFormat' };
  const [day, month, year] = [Number(d), Number(m), Number(y)];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (year < 2000 || year > 2100 || probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return { ok: false, code: 'startDateInvalid' };
  }
  return { ok: true, value: `${year}-${pad(month)}-${pad(day)}` };
}

const DECISION_ORDER = ['outcome', 'insats', 'omfattning', 'startDate.day', 'answeredBy', 'avvikelse', 'skyddsbedomning', 'mottagandeKommun', 'reasoning'] as const;

/** The posted fields of the decision form, for keeping what was typed. */
export const DECISION_FIELDS = ['outcome', 'insats', 'omfattning', 'startDate.day', 'startDate.month', 'startDate.year', 'answeredBy', 'avvikelse', 'skyddsbedomning', 'mottagandeKommun', 'reasoning'] as const;

const yesNo = (v: string | null): boolean | undefined => (v === 'ja' ? true : v === 'nej' ? false : undefined);

/**
 * A decision of the case's kind (src/domain/cases/decision-kinds.ts). The outcome must be one of
 * the kind's own: an outcome of another kind (an "avslag" on an orosanmälan) is refused like a
 * missing one. Reasoning is always required.
 * - ansökan: the insats (on a förenklad e-tjänst one of the förenklad insatser; elsewhere in
 *   words); a granted or partly granted insats must also say its omfattning and when it starts.
 * - anmälan: whether a skyddsbedömning was made the same day; överlämnad names the municipality.
 * - fråga: how it was answered. synpunkt: whether it was handed on as an avvikelse.
 */
export function parseDecision(p: Posted, opts: { kind: DecisionKind }): Parsed<DecisionInput> {
  const { kind } = opts;
  const errors: FormError[] = [];
  const posted = p.get('outcome');
  const outcome = outcomeAllowed(kind, posted) ? posted : undefined;
  if (!outcome) errors.push({ path: 'outcome', code: 'outcomeRequired' });

  let insats: string | null = null;
  let omfattning: string | null = null;
  let startDate: string | null = null;
  let details: DecisionDetails = {};
  if (decidesInsats(kind)) {
    const granted = outcome !== undefined && grants(outcome);
    const typed = (p.get('insats') ?? '').trim();
    if (kind === 'ansokanForenklad') {
      if (!(FORENKLAD_INSATSER as readonly string[]).includes(typed)) errors.push({ path: 'insats', code: 'insatsChoose' });
    } else if (typed === '') errors.push({ path: 'insats', code: 'insatsRequired' });
    else if (typed.length > LIMITS.insats) errors.push({ path: 'insats', code: 'insatsTooLong', params: { max: LIMITS.insats } });
    insats = typed;

    const o = (p.get('omfattning') ?? '').trim();
    if (granted && o === '') errors.push({ path: 'omfattning', code: 'omfattningRequired' });
    else if (o.length > LIMITS.omfattning) errors.push({ path: 'omfattning', code: 'omfattningTooLong', params: { max: LIMITS.omfattning } });
    omfattning = o === '' ? null : o;

    const start = parseDateParts(p, 'startDate');
    if (!start.ok) errors.push({ path: 'startDate.day', code: start.code });
    else if (granted && start.value === null) errors.push({ path: 'startDate.day', code: 'startDateRequired' });
    startDate = start.ok ? start.value : null;
  } else if (kind === 'fraga') {
    const by = p.get('answeredBy');
    if (!(ANSWERED_BY as readonly (string | null)[]).includes(by)) errors.push({ path: 'answeredBy', code: 'answeredByRequired' });
    else details = { answeredBy: by as AnsweredBy };
  } else if (kind === 'synpunkt') {
    const avvikelse = yesNo(p.get('avvikelse'));
    if (avvikelse === undefined) errors.push({ path: 'avvikelse', code: 'avvikelseRequired' });
    else details = { avvikelse };
  } else {
    const skydd = yesNo(p.get('skyddsbedomning'));
    if (skydd === undefined) errors.push({ path: 'skyddsbedomning', code: 'skyddsbedomningRequired' });
    const kommun = (p.get('mottagandeKommun') ?? '').trim();
    if (outcome === 'overlamnad' && kommun === '') errors.push({ path: 'mottagandeKommun', code: 'mottagandeKommunRequired' });
    else if (kommun.length > LIMITS.kommun) errors.push({ path: 'mottagandeKommun', code: 'mottagandeKommunTooLong', params: { max: LIMITS.kommun } });
    if (skydd !== undefined) details = outcome === 'overlamnad' ? { skyddsbedomningSammaDag: skydd, mottagandeKommun: kommun } : { skyddsbedomningSammaDag: skydd };
  }

  const reasoning = requiredText(p, 'reasoning', LIMITS.reasoning, { required: 'reasoningRequired', tooLong: 'reasoningTooLong' });
  if (!reasoning.ok) errors.push(...reasoning.errors);

  if (errors.length > 0 || !outcome || !reasoning.ok) return { ok: false, errors: DECISION_ORDER.flatMap((path) => errors.filter((e) => e.path === path)) };
  return { ok: true, value: { kind, outcome, insats, omfattning, startDate, reasoning: reasoning.value, details } };
}
