/**
 * Who may see and do what with a case, and what a case allows now. Secrecy between areas
 * (OSL 26 kap.): a member of staff reads and acts on the cases of the areas they handle, as
 * handläggare, and on no others; anyone else is answered as if the case did not exist. What a case
 * allows follows its status (the state machine in ./status.ts) and who it is from.
 */
import { isClosed, nextStatuses, type CaseStatus } from './status.ts';

type Staff = { roles: readonly string[]; areas: readonly string[] };

/** The areas whose cases this member of staff may read (none unless handläggare). */
export function caseAreas(user: Staff | undefined): string[] {
  return user && user.roles.includes('handlaggare') ? [...user.areas] : [];
}

/** May this member of staff read and act on cases of `area`? */
export function canHandleArea(user: Staff | undefined, area: string): boolean {
  return caseAreas(user).includes(area);
}

/** A decision can be recorded now (only while the case is under handläggning). */
export const mayDecide = (status: CaseStatus): boolean => nextStatuses(status).includes('beslutad');

/** The case can be cancelled (makulerad) now: before any decision. */
export const mayCancel = (status: CaseStatus): boolean => nextStatuses(status).includes('makulerad');

/** Nothing more happens to the case but internal notes. */
export const isFinished = (status: CaseStatus): boolean => isClosed(status);

/**
 * May the handläggare write to the citizen about this case? Only where the case is on someone's
 * Mina sidor: sent by someone logged in with e-legitimation, or about the person logged in when
 * the e-tjänst requires it; never to an anonymous sender.
 */
export function canMessageCitizen(c: { anonymous: boolean; submitterPersonnummer: string | null; subjectPersonnummer: string | null }, def: { requiresEid: boolean } | undefined): boolean {
  return !c.anonymous && (!!c.submitterPersonnummer || (!!def?.requiresEid && !!c.subjectPersonnummer));
}
