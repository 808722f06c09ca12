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
    const r = parseDecision(posted({ ...granted, reasoning: '  Uppfyller villkoren.  ' }), { kind: 'ansokanForenklad' });
    expect(r).toEqual({
      ok: true,
      value: { kind: 'ansokanForenklad', outcome: 'beviljad', insats: 'trygghetslarm', omfattning: 'Ett trygghetslarm i hemmet', startDate: '2026-04-01', reasoning: 'Uppfyller villkoren.', details: {} },
    });
  });

  it('names every missing required field of a grant, in the order of the form', () => {
    const r = parseDecision(posted({ outcome: 'beviljad' }), { kind: 'ansokanForenklad' });
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
      const r = parseDecision(posted(outcome === undefined ? rest : { ...rest, outcome }), { kind: 'ansokanForenklad' });
      expect(r.ok ? [] : r.errors.map((e) => e.code)).toContain('outcomeRequired');
    }
  });

  it('lets an avslag or a hänvisning go without omfattning and start date', () => {
    for (const outcome of ['avslag', 'hanvisad']) {
      const r = parseDecision(posted({ outcome, insats: 'trygghetslarm', reasoning: 'Bor i särskilt boende.' }), { kind: 'ansokanForenklad' });
      expect(r).toEqual({ ok: true, value: { kind: 'ansokanForenklad', outcome, insats: 'trygghetslarm', omfattning: null, startDate: null, reasoning: 'Bor i särskilt boende.', details: {} } });
    }
  });

  it('accepts on a förenklad e-tjänst only one of the förenklad insatser', () => {
    const r = parseDecision(posted({ ...granted, insats: 'hemtjänst' }), { kind: 'ansokanForenklad' });
    expect(r.ok ? [] : r.errors).toEqual([{ path: 'insats', code: 'insatsChoose' }]);
  });

  it('takes the insats in words on other e-tjänster, within its limit', () => {
    expect(parseDecision(posted({ ...granted, insats: 'Kontaktperson' }), { kind: 'ansokan' }).ok).toBe(true);
    const none = parseDecision(posted({ ...granted, insats: '  ' }), { kind: 'ansokan' });
    expect(none.ok ? [] : none.errors).toEqual([{ path: 'insats', code: 'insatsRequired' }]);
    const long = parseDecision(posted({ ...granted, insats: 'x'.repeat(201) }), { kind: 'ansokan' });
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
    const r = parseDecision(posted({ ...granted, 'startDate.day': day, 'startDate.month': month, 'startDate.year': year }), { kind: 'ansokanForenklad' });
    expect(r.ok ? [] : r.errors).toEqual([{ path: 'startDate.day', code }]);
  });

  it('refuses a reasoning over its limit', () => {
    const r = parseDecision(posted({ ...granted, reasoning: 'x'.repeat(10_001) }), { kind: 'ansokanForenklad' });
    expect(r.ok ? [] : r.errors).toEqual([{ path: 'reasoning', code: 'reasoningTooLong', params: { max: 10_000 } }]);
  });
});

describe('the decision form by kind of matter', () => {
  it('refuses an outcome that belongs to another kind, keeping the other errors in order', () => {
    const avslag = parseDecision(posted({ outcome: 'avslag', skyddsbedomning: 'nej', reasoning: 'Ingen oro.' }), { kind: 'anmalan' });
    expect(avslag).toEqual({ ok: false, errors: [{ path: 'outcome', code: 'outcomeRequired' }] });
    const hanvisad = parseDecision(posted({ ...granted, outcome: 'hanvisad', insats: 'Kontaktperson' }), { kind: 'ansokan' });
    expect(hanvisad.ok ? [] : hanvisad.errors).toEqual([{ path: 'outcome', code: 'outcomeRequired' }]);
    const utredning = parseDecision(posted({ ...granted, outcome: 'utredning' }), { kind: 'ansokanForenklad' });
    expect(utredning.ok ? [] : utredning.errors).toEqual([{ path: 'outcome', code: 'outcomeRequired' }]);
  });

  it('takes a partly granted ansökan with its omfattning and start', () => {
    const r = parseDecision(posted({ ...granted, outcome: 'delvis', insats: 'Kontaktperson' }), { kind: 'ansokan' });
    expect(r.ok && r.value.outcome).toBe('delvis');
    const bare = parseDecision(posted({ outcome: 'delvis', insats: 'Kontaktperson', reasoning: 'Delvis.' }), { kind: 'ansokan' });
    expect(bare.ok ? [] : bare.errors.map((e) => e.code)).toEqual(['omfattningRequired', 'startDateRequired']);
  });

  it('records a förhandsbedömning with the skyddsbedömning, and the receiving municipality when handed on', () => {
    const r = parseDecision(posted({ outcome: 'utredning', skyddsbedomning: 'ja', reasoning: 'Oro för barnets hälsa.', insats: 'ignored' }), { kind: 'anmalan' });
    expect(r).toEqual({
      ok: true,
      value: { kind: 'anmalan', outcome: 'utredning', insats: null, omfattning: null, startDate: null, reasoning: 'Oro för barnets hälsa.', details: { skyddsbedomningSammaDag: true } },
    });
    const missing = parseDecision(posted({ outcome: 'overlamnad', reasoning: 'Familjen har flyttat.' }), { kind: 'anmalan' });
    expect(missing.ok ? [] : missing.errors).toEqual([
      { path: 'skyddsbedomning', code: 'skyddsbedomningRequired' },
      { path: 'mottagandeKommun', code: 'mottagandeKommunRequired' },
    ]);
    const handed = parseDecision(posted({ outcome: 'overlamnad', skyddsbedomning: 'nej', mottagandeKommun: ' Uppsala kommun ', reasoning: 'Familjen har flyttat.' }), { kind: 'anmalan' });
    expect(handed.ok && handed.value.details).toEqual({ skyddsbedomningSammaDag: false, mottagandeKommun: 'Uppsala kommun' });
  });

  it('asks how a question was answered, and whether a synpunkt went on as an avvikelse', () => {
    expect(parseDecision(posted({ outcome: 'besvarad', answeredBy: 'telefon', reasoning: 'Ringt.' }), { kind: 'fraga' })).toMatchObject({ ok: true, value: { details: { answeredBy: 'telefon' } } });
    const how = parseDecision(posted({ outcome: 'besvarad', answeredBy: 'brevduva', reasoning: 'Svarat.' }), { kind: 'fraga' });
    expect(how.ok ? [] : how.errors).toEqual([{ path: 'answeredBy', code: 'answeredByRequired' }]);
    expect(parseDecision(posted({ outcome: 'besvarad', avvikelse: 'ja', reasoning: 'Lämnad till MAS.' }), { kind: 'synpunkt' })).toMatchObject({ ok: true, value: { details: { avvikelse: true } } });
    const avv = parseDecision(posted({ outcome: 'besvarad', reasoning: 'Svarat.' }), { kind: 'synpunkt' });
    expect(avv.ok ? [] : avv.errors).toEqual([{ path: 'avvikelse', code: 'avvikelseRequired' }]);
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
