/**
 * One posted case form → its action. Checks the form's fields (src/domain/cases/forms.ts) and
 * runs the action (src/server/case-actions.ts); what it answers is for the case page to show.
 * ConflictError, CaseRuleError, CaseNotFoundError and database errors are thrown on to the page.
 */
import type { Db } from '../../db/client.ts';
import {
  DECISION_FIELDS,
  parseAssignee,
  parseCancellation,
  parseConsentCheck,
  parseDecision,
  parseNote,
  parseStatusChange,
  type CaseAction,
  type FormError,
  type Parsed,
  type Posted,
} from '../domain/cases/forms.ts';
import {
  AssigneeNotAllowedError,
  acknowledgeAkut,
  ConflictError,
  addNote,
  assignCase,
  cancelCase,
  changeStatus,
  recordConsentCheck,
  recordDecision,
  sendAterkoppling,
  unassignCase,
  type Actor,
  type CaseRequest,
} from './case-actions.ts';
import { caseForAction } from './cases.ts';
import { decisionKindOf } from '../domain/cases/decision-kinds.ts';
import { getServiceVersion } from './etjanster/registry.ts';

/** The fields each form posts, kept as typed when the page is shown again. */
export const FORM_FIELDS: Record<CaseAction, readonly string[]> = {
  'assign-me': [],
  assign: ['assignee'],
  unassign: [],
  status: ['status'],
  note: ['note'],
  decide: DECISION_FIELDS,
  cancel: ['cancelReason'],
  'acknowledge-akut': [],
  aterkoppling: [],
  'consent-check': ['consentHow'],
};

export type Performed = { kind: 'done' } | { kind: 'invalid'; errors: FormError[] } | { kind: 'notFound' };

export async function performCaseAction(db: Db, actor: Actor, action: CaseAction, form: Posted, req: CaseRequest): Promise<Performed> {
  const service = await caseForAction(db, actor, req.reference, req.ip);
  if (!service) return { kind: 'notFound' };
  // A form from before someone else's change is refused before its fields are checked: the user
  // first needs to see the case as it is now. (The action checks again, in its transaction.)
  if (service.lockVersion !== req.lockVersion) throw new ConflictError(req.lockVersion, service.lockVersion);

  const run = async <T>(parsed: Parsed<T>, act: (v: T) => Promise<unknown>): Promise<Performed> => {
    if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
    await act(parsed.value);
    return { kind: 'done' };
  };
  try {
    switch (action) {
      case 'assign-me':
        await assignCase(db, actor, { ...req, assigneeId: actor.id });
        return { kind: 'done' };
      case 'assign':
        return await run(parseAssignee(form), (v) => assignCase(db, actor, { ...req, assigneeId: v.assigneeId }));
      case 'unassign':
        await unassignCase(db, actor, req);
        return { kind: 'done' };
      case 'status':
        return await run(parseStatusChange(form), (v) => changeStatus(db, actor, { ...req, to: v.to }));
      case 'note':
        return await run(parseNote(form), (v) => addNote(db, actor, { ...req, body: v.body }));
      case 'decide': {
        const def = await getServiceVersion(db, service.serviceId, service.serviceVersion);
        return await run(parseDecision(form, { kind: decisionKindOf(def) }), (v) => recordDecision(db, actor, { ...req, decision: v }));
      }
      case 'cancel':
        return await run(parseCancellation(form), (v) => cancelCase(db, actor, { ...req, reason: v.reason }));
      case 'acknowledge-akut':
        await acknowledgeAkut(db, actor, req);
        return { kind: 'done' };
      case 'aterkoppling':
        await sendAterkoppling(db, actor, req);
        return { kind: 'done' };
      case 'consent-check':
        return await run(parseConsentCheck(form), (v) => recordConsentCheck(db, actor, { ...req, how: v.how }));
    }
  } catch (e) {
    // The chosen colleague is a problem with a field of the form, worded next to it.
    if (e instanceof AssigneeNotAllowedError) return { kind: 'invalid', errors: [{ path: 'assignee', code: e.code }] };
    throw e;
  }
}
