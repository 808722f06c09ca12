/**
 * "There may be e-mail to send now": raised after notifications are queued, so the worker sends at
 * once instead of at its next poll. Without a running worker it does nothing.
 */
const listeners = new Set<() => void>();

export function onNotificationsQueued(listener: () => void): () => void {
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
