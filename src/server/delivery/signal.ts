/**
 * "There may be new deliveries now": raised right after a submission or a decision commits, so the
 * delivery worker runs at once instead of at its next poll. Deliberately tiny and free of imports,
 * so repositories and scripts can raise it without loading the worker; without a running worker
 * it does nothing (the next poll, wherever a worker runs, picks the deliveries up).
 *
 * The listeners are process-wide (on `globalThis`): the worker is started by scripts/start.ts and
 * the signal raised in the built app, two module graphs in one process.
 */
type Listener = () => void;

const KEY = Symbol.for('socialtjanstportalen.deliveriesQueued');
const slot = globalThis as typeof globalThis & { [KEY]?: Set<Listener> };
const listeners = (slot[KEY] ??= new Set<Listener>());

export function onDeliveriesQueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function deliveriesQueued(): void {
  for (const l of listeners) {
    try {
      l();
    } catch {
      // A listener's failure must never reach the request that committed the case.
    }
  }
}

/** For `.then()` after a committing transaction: raises the signal and passes the result on. */
export function thenDeliver<T>(result: T): T {
  deliveriesQueued();
  return result;
}
