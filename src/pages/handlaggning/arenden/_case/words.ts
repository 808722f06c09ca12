/**
 * How the case page words what is stored: statuses, insatser, people and timeline entries, in the
 * reader's language. Stored values are codes and ids; these functions only translate them.
 */
import type { TFunction } from 'i18next';
import { FORENKLAD_INSATSER } from '../../../../domain/cases/forms.ts';
import { dataString, type TimelineEntry } from '../../../../domain/cases/timeline.ts';

export type Words = {
  status(code: string): string;
  insats(value: string): string;
  person(id: string | null | undefined): string;
  timeline(entry: TimelineEntry): { text: string; detail?: string | undefined };
};

export function caseWords(t: TFunction, staffNames: Map<string, string>): Words {
  const status = (code: string) => t(`staff:status.${code}`, { defaultValue: code });
  const person = (id: string | null | undefined) => (id ? (staffNames.get(id) ?? t('staff-case:timeline.unknownPerson')) : t('staff-case:timeline.system'));
  const insats = (value: string) => ((FORENKLAD_INSATSER as readonly string[]).includes(value) ? t(`staff-case:insats.${value}`) : value);

  function timeline(entry: TimelineEntry): { text: string; detail?: string | undefined } {
    if (entry.kind === 'submitted') return { text: t('staff-case:timeline.submitted') };
    if (entry.kind === 'delivery') {
      const d = entry.delivery;
      return {
        text: t('staff-case:timeline.deliveryWaiting', {
          backend: d.backend,
          event: t(`staff-case:timeline.deliveryEvents.${d.event}`, { defaultValue: d.event }),
        }),
      };
    }
    const e = entry.event;
    const actor = person(e.actorId);
    const from = dataString(e.data, 'from');
    const to = dataString(e.data, 'to');
    const statusAlso = from && to ? t('staff-case:timeline.statusAlso', { from: status(from), to: status(to) }) : undefined;
    switch (e.kind) {
      case 'assigned': {
        const assigneeId = dataString(e.data, 'assigneeId');
        const text = assigneeId && assigneeId === e.actorId
          ? t('staff-case:timeline.assignedSelf', { actor })
          : t('staff-case:timeline.assigned', { actor, assignee: person(assigneeId) });
        return { text, detail: statusAlso };
      }
      case 'unassigned':
        return { text: t('staff-case:timeline.unassigned', { actor, assignee: person(dataString(e.data, 'previousAssigneeId')) }) };
      case 'status_changed':
        return { text: t('staff-case:timeline.statusChanged', { actor, from: status(from ?? ''), to: status(to ?? '') }) };
      case 'note_added':
        return { text: t('staff-case:timeline.noteAdded', { actor }) };
      case 'decision_recorded':
        return { text: t('staff-case:timeline.decisionRecorded', { actor, outcome: t(`staff-case:decision.outcomes.${dataString(e.data, 'outcome') ?? ''}`, { defaultValue: dataString(e.data, 'outcome') ?? '' }) }), detail: statusAlso };
      case 'delivery.succeeded':
      case 'delivery.failed': {
        const params = {
          backend: dataString(e.data, 'backend') ?? '',
          event: t(`staff-case:timeline.deliveryEvents.${dataString(e.data, 'event') ?? ''}`, { defaultValue: dataString(e.data, 'event') ?? '' }),
          attempt: typeof e.data.attempt === 'number' ? e.data.attempt : 1,
        };
        if (e.kind === 'delivery.succeeded') return { text: t('staff-case:timeline.deliverySucceeded', params) };
        return { text: t('staff-case:timeline.deliveryFailed', params), detail: t(e.data.final === true ? 'staff-case:timeline.deliveryGaveUp' : 'staff-case:timeline.deliveryRetry') };
      }
      case 'cancelled': {
        const reason = dataString(e.data, 'reason');
        return { text: t('staff-case:timeline.cancelled', { actor }), detail: reason ? t('staff-case:timeline.reason', { reason }) : undefined };
      }
      case 'message.sent': {
        const files = typeof e.data.attachments === 'number' ? e.data.attachments : 0;
        return { text: files > 0 ? t('staff-messages:timeline.sentWithFiles', { actor, count: files }) : t('staff-messages:timeline.sent', { actor }) };
      }
      case 'message.received': {
        const files = typeof e.data.attachments === 'number' ? e.data.attachments : 0;
        return { text: t('staff-messages:timeline.received', { count: files }) };
      }
      case 'akut.acknowledged': {
        const waited = typeof e.data.waitedSeconds === 'number' ? Math.round(e.data.waitedSeconds / 60) : 0;
        return { text: t('staff-akut:timeline.acknowledged', { actor }), detail: t('staff-akut:timeline.waited', { count: waited }) };
      }
      case 'aterkoppling.sent':
        return { text: t('staff-case:timeline.aterkopplingSent', { actor, outcome: t(`staff-case:decision.outcomes.${dataString(e.data, 'outcome') ?? ''}`, { defaultValue: dataString(e.data, 'outcome') ?? '' }) }) };
      case 'consent.checked':
        return { text: t('staff-case:timeline.consentChecked', { actor, how: t(`staff-case:consent.how.${dataString(e.data, 'how') ?? ''}`, { defaultValue: dataString(e.data, 'how') ?? '' }) }) };
      case 'messages.read':
        return { text: t('staff-akut:timeline.messagesRead', { actor, count: typeof e.data.count === 'number' ? e.data.count : 1 }) };
      default:
        return { text: t('staff-case:timeline.other', { actor, kind: e.kind }) };
    }
  }

  return { status, insats, person, timeline };
}
