/**
 * "There may be e-mail to send now": raised after notifications are queued, so the worker sends at
 * once instead of at its next poll. Without a running worker it does nothing. Process-wide, as the
 * delivery signal (../delivery/signal.ts) and for the same reason.
 */
type Listener = () => void;

const KEY = Symbol.for('socialtjanstportalen.notificationsQueued');
const slot = globalThis as typeof globalThis & { [KEY]?: Set<Listener> };
const listeners = (slot[KEY] ??= new Set<Listener>());

export function onNotificationsQueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notificationsQueued(): void {
  for (const l of listeners) {
    try {
      l();
    } catch {
      // Never reaches the action that queued the notification.
    }
  }
}
