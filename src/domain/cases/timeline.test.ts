import { describe, expect, it } from 'vitest';
import { buildTimeline, type DeliveryState, type RecordedEvent } from './timeline.ts';

const at = (iso: string) => new Date(iso);
const event = (id: number, iso: string, kind: string): RecordedEvent => ({ id, at: at(iso), actorId: 'u1', kind, data: {} });
const delivery = (id: string, created: string, updated: string, status: string): DeliveryState => ({
  id, backend: 'webhook', event: 'decided', status, attempts: 1, createdAt: at(created), updatedAt: at(updated),
});

describe('a case timeline', () => {
  it('starts with the submission and lists events and deliveries oldest first', () => {
    const t = buildTimeline(
      at('2026-03-01T08:00:00Z'),
      [event(2, '2026-03-02T09:00:00Z', 'decision_recorded'), event(1, '2026-03-01T09:00:00Z', 'assigned')],
      [delivery('x', '2026-03-02T09:00:00Z', '2026-03-02T09:00:05Z', 'pending')],
    );
    expect(t.map((e) => e.key)).toEqual(['submitted', 'e1', 'e2', 'dx']);
  });

  it('shows a delivery from the queue only while it waits: its attempts are events of their own', () => {
    const t = buildTimeline(
      at('2026-03-01T08:00:00Z'),
      [event(3, '2026-03-01T08:00:10Z', 'delivery.succeeded')],
      [delivery('done', '2026-03-01T08:00:00Z', '2026-03-01T08:00:10Z', 'success'), delivery('gave-up', '2026-03-01T08:00:00Z', '2026-03-01T09:00:00Z', 'failed')],
    );
    expect(t.map((e) => e.key)).toEqual(['submitted', 'e3']);
  });

  it('keeps events recorded at the same instant in the order they were recorded', () => {
    const same = '2026-03-01T09:00:00Z';
    const t = buildTimeline(at(same), [event(7, same, 'note_added'), event(5, same, 'assigned')], []);
    expect(t.map((e) => e.key)).toEqual(['submitted', 'e5', 'e7']);
  });

  it('is only the submission for a case nobody has touched', () => {
    expect(buildTimeline(at('2026-03-01T08:00:00Z'), [], [])).toEqual([{ kind: 'submitted', at: at('2026-03-01T08:00:00Z'), key: 'submitted' }]);
  });
});
