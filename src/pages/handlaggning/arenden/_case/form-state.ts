/**
 * What the case page's forms need to render after a POST: which version each form carries, and
 * for the form that was sent, its errors (already worded) and the values as typed.
 */
import type { CaseAction } from '../../../../domain/cases/forms.ts';

export type FormState = {
  reference: string;
  /** The lock version a form is rendered with. */
  version(action: CaseAction): number;
  /** The worded error for a field of the form that was sent, if it has one. */
  error(path: string): string | undefined;
  /** What was typed into a field of the form that was sent (kept on 422 and 409). */
  value(path: string): string | undefined;
  /** All kept values, for components that read several inputs (the date). */
  values: Record<string, string>;
};
