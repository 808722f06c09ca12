/**
 * How answers become text in the reader's language. A display line is literal text the citizen
 * entered (shown verbatim) or a key (a chosen option, a formatted date: translated). Shared by
 * check-answers, the PDF receipt and the case page, so they can never show an answer differently.
 */
import type { TFunction } from 'i18next';
import type { ServiceDefinition } from '../domain/forms/definition.ts';
import type { DisplayLine } from '../domain/forms/fields/index.ts';

export type TextParams = Record<string, string | number>;

export function displayLineText(t: TFunction, line: DisplayLine, textParams: TextParams = {}): string {
  // Citizen text never goes through t(): "{{…}}" or "ns:key" typed by a citizen stays as typed.
  if ('text' in line) return line.text;
  return t(line.key, { ...textParams, ...line.params });
}

/** The shared text values plus, when the definition has a text context, that answer as i18next `context`. */
export function textParamsFor(def: Pick<ServiceDefinition, 'textContext'>, answers: Record<string, unknown>, textParams: TextParams): TextParams {
  const c = def.textContext ? answers[def.textContext] : undefined;
  return { ...textParams, ...(typeof c === 'string' ? { context: c } : {}) };
}
