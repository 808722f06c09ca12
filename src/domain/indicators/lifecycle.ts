/**
 * An e-tjänst's life cycle: utkast (draft) → publicerad (live) → avpublicerad (retired), and a
 * retired one may be published again. Only a publicerad e-tjänst is reachable by citizens. The
 * history of changes is what the e-tjänst indicator counts from.
 */
export const LIFECYCLE_STATES = ['utkast', 'publicerad', 'avpublicerad'] as const;
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

export function isLifecycleState(v: unknown): v is LifecycleState {
  return typeof v === 'string' && (LIFECYCLE_STATES as readonly string[]).includes(v);
}

/** The states each state may change to. */
export const NEXT_STATES: Record<LifecycleState, readonly LifecycleState[]> = {
  utkast: ['publicerad'],
  publicerad: ['avpublicerad'],
  avpublicerad: ['publicerad'],
};

export type LifecycleErrorCode = 'stateNotAllowed' | 'replacedBySelf' | 'replacedByUnknown' | 'replacedByOnlyWhenRetired';

export class LifecycleRuleError extends Error {
  readonly code: LifecycleErrorCode;
  constructor(code: LifecycleErrorCode) {
    super(`life cycle change refused: ${code}`);
    this.name = 'LifecycleRuleError';
    this.code = code;
  }
}

export type LifecyclePlan = { to: LifecycleState; replacedBy: string | null };

/** Checks a requested change; throws LifecycleRuleError with the reason when it is not allowed. */
export function planLifecycleChange(
  serviceId: string,
  from: LifecycleState,
  to: LifecycleState,
  replacedBy: string | null,
  knownServiceIds: readonly string[],
): LifecyclePlan {
  if (!NEXT_STATES[from].includes(to)) throw new LifecycleRuleError('stateNotAllowed');
  if (replacedBy !== null) {
    if (to !== 'avpublicerad') throw new LifecycleRuleError('replacedByOnlyWhenRetired');
    if (replacedBy === serviceId) throw new LifecycleRuleError('replacedBySelf');
    if (!knownServiceIds.includes(replacedBy)) throw new LifecycleRuleError('replacedByUnknown');
  }
  return { to, replacedBy };
}

export type LifecycleEvent = { serviceId: string; state: LifecycleState | string; at: Date };

/** Each e-tjänst's state just before `at` (events at or after it not yet applied); absent = never existed. */
export function statesAt(events: readonly LifecycleEvent[], at: Date): Map<string, string> {
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const out = new Map<string, string>();
  for (const e of sorted) {
    if (e.at.getTime() >= at.getTime()) break;
    out.set(e.serviceId, e.state);
  }
  return out;
}
