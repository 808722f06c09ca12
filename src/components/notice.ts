/**
 * The kinds of notice on a staff page and the live-region role each one takes, so that screen
 * readers hear what they should and nothing more:
 * - success: what the person just did was done ("Beslutet är sparat") → role="status" (polite);
 * - error: what they tried failed, or the page cannot do its work (database down, a conflict, a
 *   locked account) → role="alert" (assertive);
 * - warning: a standing caution about what is shown (consent to check, codes shown once) → no role,
 *   unless it is the outcome of what they just did (`live`), then role="status";
 * - info: a fact about the page (nothing configured yet) → no role, unless `live`.
 */
export const NOTICE_KINDS = ['success', 'info', 'warning', 'error'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export function noticeRole(kind: NoticeKind, live = false): 'status' | 'alert' | undefined {
  if (kind === 'error') return 'alert';
  if (kind === 'success' || live) return 'status';
  return undefined;
}

/** The classes that style it: errors and warnings carry the warning colour. */
export function noticeClasses(kind: NoticeKind): string[] {
  return kind === 'error' || kind === 'warning' ? ['notice', 'warning'] : ['notice'];
}
