/**
 * Återkoppling to a professional reporter (14 kap. 1 a § SoL 2001:453, carried into SoL 2025:400):
 * when an orosanmälan comes from someone in their professional role or from an authority, the
 * nämnd tells the reporter — unless it is inappropriate — whether an investigation was started,
 * not started, or is already going on. Nothing else of the case. Pure: reads the answers the
 * reporter part of the orosanmälan documents asks (fragment `orosanmalan-anmalare`).
 */
import { aterkopplingOf } from './decision-kinds.ts';

/** The reporter fragment's answers: who reports, and their e-mail address (optional). */
export const REPORTER_FIELDS = { role: 'anmalare', professional: 'yrkesverksam', email: 'anmalareEpost' } as const;

const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

export type Reporter = { professional: false } | { professional: true; email: string | null };

export function reporterOf(answers: Record<string, unknown>): Reporter {
  if (answers[REPORTER_FIELDS.role] !== REPORTER_FIELDS.professional) return { professional: false };
  const e = answers[REPORTER_FIELDS.email];
  return { professional: true, email: typeof e === 'string' && EMAIL.test(e.trim()) ? e.trim().toLowerCase() : null };
}

/**
 * The e-tjänster whose reports concern a child (anmälan enligt 14 kap. 1 § SoL): the duty of
 * återkoppling applies to these only. A report of concern for an adult gives no återkoppling — the
 * law does not ask it, and secrecy about the adult then stands in the way of telling the reporter.
 */
export const CHILD_REPORT_SERVICES: readonly string[] = ['orosanmalan-barn'];

/** Whether a report sent in this e-tjänst is one the återkoppling duty applies to. */
export function aterkopplingDue(serviceId: string): boolean {
  return CHILD_REPORT_SERVICES.includes(serviceId);
}

export const ATERKOPPLING_TEMPLATES = ['aterkoppling_inleds', 'aterkoppling_inleds_inte', 'aterkoppling_pagar'] as const;
export type AterkopplingTemplate = (typeof ATERKOPPLING_TEMPLATES)[number];

/** The e-mail for a förhandsbedömning outcome; undefined where the outcome gives no återkoppling (handed over). */
export function aterkopplingTemplate(outcome: string): AterkopplingTemplate | undefined {
  const a = aterkopplingOf(outcome);
  return a === 'inleds' ? 'aterkoppling_inleds' : a === 'inledsInte' ? 'aterkoppling_inleds_inte' : a === 'pagar' ? 'aterkoppling_pagar' : undefined;
}

/** What the case page offers after a förhandsbedömning. */
export type AterkopplingState =
  | { kind: 'none' }
  | { kind: 'noEmail' }
  | { kind: 'ready'; template: AterkopplingTemplate }
  | { kind: 'sent'; at: Date; by: string | null };

export function aterkopplingState(
  serviceId: string,
  answers: Record<string, unknown>,
  decision: { kind: string | null; outcome: string; aterkopplingSentAt: Date | null; aterkopplingSentBy: string | null } | undefined,
): AterkopplingState {
  if (!decision || decision.kind !== 'anmalan' || !aterkopplingDue(serviceId)) return { kind: 'none' };
  if (decision.aterkopplingSentAt) return { kind: 'sent', at: decision.aterkopplingSentAt, by: decision.aterkopplingSentBy };
  const template = aterkopplingTemplate(decision.outcome);
  const reporter = reporterOf(answers);
  if (!template || !reporter.professional) return { kind: 'none' };
  return reporter.email ? { kind: 'ready', template } : { kind: 'noEmail' };
}
