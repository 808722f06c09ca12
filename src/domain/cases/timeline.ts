/**
 * A case's timeline: everything that happened to it, oldest first. The submission itself, the
 * recorded case events (assignments, status changes, notes, decisions, makulering, and each
 * attempt to deliver the case to the verksamhetssystem) and the deliveries still waiting are
 * merged into one list. Views of a case are not here: they belong to the audit log, not to the case.
 */

export type RecordedEvent = { id: number; at: Date; actorId: string | null; kind: string; data: Record<string, unknown> };
export type DeliveryState = { id: string; backend: string; event: string; status: string; attempts: number; createdAt: Date; updatedAt: Date };

export type TimelineEntry =
  | { kind: 'submitted'; at: Date; key: string }
  | { kind: 'event'; at: Date; key: string; event: RecordedEvent }
  | { kind: 'delivery'; at: Date; key: string; delivery: DeliveryState };

/** Oldest first; at equal times the submission comes first, then events in the order recorded. */
export function buildTimeline(submittedAt: Date, events: readonly RecordedEvent[], deliveries: readonly DeliveryState[]): TimelineEntry[] {
  const rank = (e: TimelineEntry) => (e.kind === 'submitted' ? 0 : e.kind === 'event' ? 1 : 2);
  const seq = (e: TimelineEntry) => (e.kind === 'event' ? e.event.id : 0);
  const entries: TimelineEntry[] = [
    { kind: 'submitted', at: submittedAt, key: 'submitted' },
    ...events.map((event): TimelineEntry => ({ kind: 'event', at: event.at, key: `e${event.id}`, event })),
    // Attempts are recorded as events (delivery.succeeded / delivery.failed); what the events
    // cannot show is a delivery still waiting for its (next) attempt.
    ...deliveries.filter((d) => d.status === 'pending').map((delivery): TimelineEntry => ({ kind: 'delivery', at: delivery.updatedAt, key: `d${delivery.id}`, delivery })),
  ];
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || rank(a) - rank(b) || seq(a) - seq(b));
}

/** A string field of an event's data, or undefined. */
export function dataString(data: Record<string, unknown>, key: string): string | undefined {
  const v = data[key];
  return typeof v === 'string' ? v : undefined;
}
