import { describe, expect, it } from 'vitest';
import { parseAssignee, parseCancellation, parseDecision, parseLockVersion, parseNote, parseStatusChange, type Posted } from './forms.ts';

const posted = (values: Record<string, string>): Posted => ({ get: (n) => values[n] ?? null });

const granted = {
  outcome: 'beviljad',
  insats: 'trygghetslarm',
  omfattning: 'Ett trygghetslarm i hemmet',
  'startDate.day': '1',
  'startDate.month': '4',
  'startDate.year': '2026',
  reasoning: 'Sökanden är över 75 år och bor i ordinärt boende.',
};

describe('the decision form', () => {
  it('gives a complete grant with the date as an ISO date and text trimmed', () => {
    const r = parseDecision(posted({ ...granted, reasoning: '  Uppfyller villkoren.  ' }), { forenklad: true });
    expect(r).toEqual({
      ok: true,
      value: { outcome: 'beviljad', insats: 'trygghetslarm', omfattning: 'Ett trygghetslarm i hemmet', startDate: '2026-04-01', reasoning: 'Uppfyller villkoren.' },
    });
  });

  it('names every missing required field of a grant, in the order of the form', () => {
    const r = parseDecision(posted({ outcome: 'beviljad' }), { forenklad: true });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual([
        { path: 'insats', code: 'insatsChoose' },
        { path: 'omfattning', code: 'omfattningRequired' },
        { path: 'startDate.day', code: 'startDateRequired' },
        { path: 'reasoning', code: 'reasoningRequired' },
      ]);
    }
  });

  it('asks for an outcome when none or an unknown one is posted', () => {
    for (const outcome of [undefined, '', 'kanske']) {
      const { outcome: _granted, ...rest } = granted;
      const r = parseDecision(posted(outcome === undefined ? rest : { ...rest, outcome }), { forenklad: true });
      expect(r.ok ? [] : r.errors.map((e) => e.code)).toContain('outcomeRequired');
    }
  });

  it('lets an avslag or a hänvisning go without omfattning and start date', () => {
    for (const outcome of ['avslag', 'hanvisad']) {
      const r = parseDecision(posted({ outcome, insats: 'trygghetslarm', reasoning: 'Bor i särskilt boende.' }), { forenklad: true });
      expect(r).toEqual({ ok: true, value: { outcome, insats: 'trygghetslarm', omfattning: null, startDate: null, reasoning: 'Bor i särskilt boende.' } });
    }
  });

  it('accepts on a förenklad e-tjänst only one of the förenklad insatser', () => {
    const r = parseDecision(posted({ ...granted, insats: 'hemtjänst' }), { forenklad: true });
    expect(r.ok ? [] : r.errors).toEqual([{ path: 'insats', code: 'insatsChoose' }]);
  });

  it('takes the insats in words on other e-tjänster, within its limit', () => {
    expect(parseDecision(posted({ ...granted, insats: 'Kontaktperson' }), { forenklad: false }).ok).toBe(true);
    const none = parseDecision(posted({ ...granted, insats: '  ' }), { forenklad: false });
    expect(none.ok ? [] : none.errors).toEqual([{ path: 'insats', code: 'insatsRequired' }]);
    const long = parseDecision(posted({ ...granted, insats: 'x'.repeat(201) }), { forenklad: false });
    expect(long.ok ? [] : long.errors).toEqual([{ path: 'insats', code: 'insatsTooLong', params: { max: 200 } }]);
  });

  it.each([
    { day: '31', month: '2', year: '2026', code: 'startDateInvalid' },
    { day: '1', month: '13', year: '2026', code: 'startDateInvalid' },
    { day: '1', month: '4', year: '26', code: 'startDateFormat' },
    { day: 'första', month: '4', year: '2026', code: 'startDateFormat' },
    { day: '1', month: '', year: '2026', code: 'startDateFormat' },
    { day: '1', month: '4', year: '1899', code: 'startDateInvalid' },
  ])('refuses the start date $day/$month/$year with $code', ({ day, month, year, code }) => {
    const r = parseDecision(posted({ ...granted, 'startDate.day': day, 'startDate.month': month, 'startDate.year': year }), { forenklad: true });
    expect(r.ok ? [] : r.errors).toEqual([{ path: 'startDate.day', code }]);
  });

  it('refuses a reasoning over its limit', () => {
    const r = parseDecision(posted({ ...granted, reasoning: 'x'.repeat(10_001) }), { forenklad: true });
    expect(r.ok ? [] : r.errors).toEqual([{ path: 'reasoning', code: 'reasoningTooLong', params: { max: 10_000 } }]);
  });
});

describe('the other case forms', () => {
  it('take a note, but not an empty or oversized one', () => {
    expect(parseNote(posted({ note: ' Ringt sökanden. ' }))).toEqual({ ok: true, value: { body: 'Ringt sökanden.' } });
    expect(parseNote(posted({ note: ' ' }))).toEqual({ ok: false, errors: [{ path: 'note', code: 'noteRequired' }] });
    expect(parseNote(posted({ note: 'x'.repeat(10_001) }))).toEqual({ ok: false, errors: [{ path: 'note', code: 'noteTooLong', params: { max: 10_000 } }] });
  });

  it('need a reason to makulera', () => {
    expect(parseCancellation(posted({ cancelReason: 'Dubblett' }))).toEqual({ ok: true, value: { reason: 'Dubblett' } });
    expect(parseCancellation(posted({}))).toEqual({ ok: false, errors: [{ path: 'cancelReason', code: 'cancelReasonRequired' }] });
  });

  it('take a known status only', () => {
    expect(parseStatusChange(posted({ status: 'avslutad' }))).toEqual({ ok: true, value: { to: 'avslutad' } });
    expect(parseStatusChange(posted({ status: 'klar' }))).toEqual({ ok: false, errors: [{ path: 'status', code: 'statusRequired' }] });
    expect(parseStatusChange(posted({}))).toEqual({ ok: false, errors: [{ path: 'status', code: 'statusRequired' }] });
  });

  it('take a colleague by id only', () => {
    const id = '0A1B2C3D-0000-4000-8000-000000000001';
    expect(parseAssignee(posted({ assignee: id }))).toEqual({ ok: true, value: { assigneeId: id.toLowerCase() } });
    expect(parseAssignee(posted({ assignee: '' })).ok).toBe(false);
    expect(parseAssignee(posted({ assignee: "1' or '1'='1" })).ok).toBe(false);
  });

  it('read the lock version as a positive whole number or not at all', () => {
    expect(parseLockVersion('3')).toBe(3);
    for (const raw of [null, '', '0', '-1', '1.5', 'abc', '9999999999']) expect(parseLockVersion(raw)).toBeUndefined();
  });
});
