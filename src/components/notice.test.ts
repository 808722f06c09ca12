import { describe, expect, it } from 'vitest';
import { linesMatching, sourceFiles } from '../server/test-source.ts';
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

describe('staff pages', () => {
  const HAND_WRITTEN = /class=["'{][^"'}]*\bnotice\b/;

  it('finds a notice written by hand', () => {
    expect(linesMatching([{ path: 'pages/handlaggning/x.astro', text: '<p class="notice" role="status">Klart</p>' }], HAND_WRITTEN, [])).toEqual(['pages/handlaggning/x.astro:1: <p class="notice" role="status">Klart</p>']);
  });

  it('show every notice through StaffNotice', () => {
    const staffPages = sourceFiles().filter((f) => f.path.startsWith('pages/handlaggning/'));
    expect(staffPages.length).toBeGreaterThan(20);
    expect(linesMatching(staffPages, HAND_WRITTEN, [])).toEqual([]);
  });
});
