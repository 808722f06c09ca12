import { describe, expect, it } from 'vitest';
import { aterkopplingState, aterkopplingDue, reporterOf } from './aterkoppling.ts';

const teacher = { anmalare: 'yrkesverksam', verksamhet: 'skola', anmalareEpost: ' Lena.Larare@Skolan.example ' };
const decided = (outcome: string, sent: Date | null = null) => ({ kind: 'anmalan', outcome, aterkopplingSentAt: sent, aterkopplingSentBy: sent ? 'x' : null });

describe('återkoppling to a professional reporter', () => {
  it('knows a professional reporter and her e-mail address', () => {
    expect(reporterOf(teacher)).toEqual({ professional: true, email: 'lena.larare@skolan.example' });
    expect(reporterOf({ anmalare: 'yrkesverksam' })).toEqual({ professional: true, email: null });
    expect(reporterOf({ anmalare: 'privatperson', anmalareEpost: 'a@b.se' })).toEqual({ professional: false });
  });

  it('is offered after a förhandsbedömning that says whether an investigation was started', () => {
    expect(aterkopplingState('orosanmalan-barn', teacher, decided('utredning'))).toEqual({ kind: 'ready', template: 'aterkoppling_inleds' });
    expect(aterkopplingState('orosanmalan-barn', teacher, decided('ingenUtredning'))).toEqual({ kind: 'ready', template: 'aterkoppling_inleds_inte' });
    expect(aterkopplingState('orosanmalan-barn', teacher, decided('pagaende'))).toEqual({ kind: 'ready', template: 'aterkoppling_pagar' });
  });

  it('is not offered to a private reporter, before a decision, or after handing over; once sent it says when', () => {
    expect(aterkopplingState('orosanmalan-barn', { anmalare: 'privatperson' }, decided('utredning'))).toEqual({ kind: 'none' });
    expect(aterkopplingState('orosanmalan-barn', teacher, undefined)).toEqual({ kind: 'none' });
    expect(aterkopplingState('orosanmalan-barn', teacher, decided('overlamnad'))).toEqual({ kind: 'none' });
    expect(aterkopplingState('orosanmalan-barn', teacher, { ...decided('avslag'), kind: 'ansokan' })).toEqual({ kind: 'none' });
    const at = new Date('2026-03-02T10:00:00Z');
    expect(aterkopplingState('orosanmalan-barn', teacher, decided('utredning', at))).toEqual({ kind: 'sent', at, by: 'x' });
    expect(aterkopplingState('orosanmalan-barn', { anmalare: 'yrkesverksam' }, decided('utredning'))).toEqual({ kind: 'noEmail' });
  });

  it('is due on reports about a child only (14 kap. 1 a § SoL), never on a report about an adult', () => {
    expect(aterkopplingDue('orosanmalan-barn')).toBe(true);
    expect(aterkopplingDue('orosanmalan-vuxen')).toBe(false);
    for (const outcome of ['utredning', 'ingenUtredning', 'pagaende']) {
      expect(aterkopplingState('orosanmalan-vuxen', teacher, decided(outcome))).toEqual({ kind: 'none' });
    }
  });
});
