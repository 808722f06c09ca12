import { describe, expect, it } from 'vitest';
import {
  CASE_STATUSES,
  CaseRuleError,
  canTransition,
  isClosed,
  manualStatusTargets,
  planAssignment,
  planCancellation,
  planDecision,
  planStatusChange,
  planUnassignment,
  transition,
  type CaseStatus,
} from './status.ts';

/** The whole table, written out by hand: every pair not listed here must be refused. */
const LEGAL: ReadonlyArray<readonly [CaseStatus, CaseStatus]> = [
  ['inkommen', 'under_handlaggning'],
  ['inkommen', 'makulerad'],
  ['under_handlaggning', 'beslutad'],
  ['under_handlaggning', 'makulerad'],
  ['beslutad', 'avslutad'],
];
const isLegal = (from: CaseStatus, to: CaseStatus) => LEGAL.some(([f, t]) => f === from && t === to);
const ALL_PAIRS = CASE_STATUSES.flatMap((from) => CASE_STATUSES.map((to) => ({ from, to, legal: isLegal(from, to) })));

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (e instanceof CaseRuleError) return e.code;
    throw e;
  }
};

describe('the case state machine', () => {
  it('covers all 25 pairs of the five statuses', () => {
    expect(ALL_PAIRS).toHaveLength(25);
  });

  describe.each(ALL_PAIRS)('$from → $to', ({ from, to, legal }) => {
    if (legal) {
      it('is a legal move', () => {
        expect(canTransition(from, to)).toBe(true);
        expect(transition(from, to)).toBe(to);
      });
    } else {
      it('is refused with the code illegalTransition, naming both statuses', () => {
        expect(canTransition(from, to)).toBe(false);
        let error: unknown;
        try {
          transition(from, to);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(CaseRuleError);
        expect((error as CaseRuleError).code).toBe('illegalTransition');
        expect((error as CaseRuleError).from).toBe(from);
        expect((error as CaseRuleError).to).toBe(to);
      });
    }
  });

  it('refuses a status it does not know, in either position', () => {
    expect(codeOf(() => transition('oppen', 'avslutad'))).toBe('unknownStatus');
    expect(codeOf(() => transition('inkommen', 'klar'))).toBe('unknownStatus');
  });

  it('treats avslutad and makulerad as final and nothing else', () => {
    expect(CASE_STATUSES.filter(isClosed)).toEqual(['avslutad', 'makulerad']);
  });

  it('does not allow a decided case to be makulerad', () => {
    expect(canTransition('beslutad', 'makulerad')).toBe(false);
  });
});

describe('a plain status change', () => {
  it('offers only the moves that need no decision and no reason', () => {
    expect(Object.fromEntries(CASE_STATUSES.map((s) => [s, manualStatusTargets(s)]))).toEqual({
      inkommen: ['under_handlaggning'],
      under_handlaggning: [],
      beslutad: ['avslutad'],
      avslutad: [],
      makulerad: [],
    });
  });

  it('is refused for beslutad: a decision must be recorded instead', () => {
    expect(codeOf(() => planStatusChange('under_handlaggning', 'beslutad'))).toBe('decisionRequired');
  });

  it('is refused for makulerad: makulering needs its reason', () => {
    expect(codeOf(() => planStatusChange('inkommen', 'makulerad'))).toBe('cancelReasonRequired');
  });

  it('follows the table otherwise', () => {
    expect(planStatusChange('inkommen', 'under_handlaggning')).toBe('under_handlaggning');
    expect(planStatusChange('beslutad', 'avslutad')).toBe('avslutad');
    expect(codeOf(() => planStatusChange('inkommen', 'avslutad'))).toBe('illegalTransition');
    expect(codeOf(() => planStatusChange('avslutad', 'under_handlaggning'))).toBe('illegalTransition');
  });
});

describe('recording a decision', () => {
  it.each(CASE_STATUSES.map((s) => ({ from: s, legal: s === 'under_handlaggning' })))('from $from is legal: $legal', ({ from, legal }) => {
    if (legal) expect(planDecision(from)).toBe('beslutad');
    else expect(codeOf(() => planDecision(from))).toBe('illegalTransition');
  });
});

describe('makulering', () => {
  it.each(CASE_STATUSES.map((s) => ({ from: s, legal: s === 'inkommen' || s === 'under_handlaggning' })))('from $from is legal: $legal', ({ from, legal }) => {
    if (legal) expect(planCancellation(from, 'Dubblett av 2026-000001')).toBe('makulerad');
    else expect(codeOf(() => planCancellation(from, 'Dubblett'))).toBe('illegalTransition');
  });

  it('is refused without a reason, or with only spaces', () => {
    expect(codeOf(() => planCancellation('inkommen', ''))).toBe('cancelReasonRequired');
    expect(codeOf(() => planCancellation('inkommen', '   \n'))).toBe('cancelReasonRequired');
  });
});

describe('assignment', () => {
  const anna = 'anna';
  const bo = 'bo';

  it('starts the handling of an inkommen case', () => {
    expect(planAssignment('inkommen', null, anna)).toBe('under_handlaggning');
  });

  it('keeps the status of a case already under handläggning or decided', () => {
    expect(planAssignment('under_handlaggning', anna, bo)).toBe('under_handlaggning');
    expect(planAssignment('beslutad', null, anna)).toBe('beslutad');
  });

  it('is refused for a closed case', () => {
    expect(codeOf(() => planAssignment('avslutad', null, anna))).toBe('caseClosed');
    expect(codeOf(() => planAssignment('makulerad', anna, bo))).toBe('caseClosed');
  });

  it('is refused to the person already assigned', () => {
    expect(codeOf(() => planAssignment('under_handlaggning', anna, anna))).toBe('alreadyAssigned');
  });

  it('can be removed from an open case that has an assignee, keeping the status', () => {
    expect(planUnassignment('under_handlaggning', anna)).toBe('under_handlaggning');
    expect(codeOf(() => planUnassignment('under_handlaggning', null))).toBe('notAssigned');
    expect(codeOf(() => planUnassignment('avslutad', anna))).toBe('caseClosed');
  });
});
