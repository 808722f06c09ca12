import { describe, expect, it } from 'vitest';
import { NOTICE_KINDS, noticeClasses, noticeRole } from './notice.ts';

describe('the role a staff notice takes', () => {
  it.each([
    ['success', false, 'status'],
    ['success', true, 'status'],
    ['error', false, 'alert'],
    ['error', true, 'alert'],
    ['warning', false, undefined],
    ['warning', true, 'status'],
    ['info', false, undefined],
    ['info', true, 'status'],
  ] as const)('a %s notice (live: %s) has role %s', (kind, live, role) => {
    expect(noticeRole(kind, live)).toBe(role);
  });

  it('colours errors and warnings as warnings, and successes and infos plainly', () => {
    expect(NOTICE_KINDS.map((k) => noticeClasses(k).join(' '))).toEqual(['notice', 'notice', 'notice warning', 'notice warning']);
  });
});
