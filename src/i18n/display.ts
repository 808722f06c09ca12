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

/** The line's label in the reader's language, ending so that the value can follow ("Namn:", "Hur bor barnet?"). */
export function displayLineLabel(t: TFunction, line: DisplayLine, textParams: TextParams = {}): string | undefined {
  if (!line.label) return undefined;
  const label = t(line.label, textParams).trim();
  return /[?:.!]$/.test(label) ? label : `${label}:`;
}

/** The line as one text, its label first when it has one ("Namn: Bo Grannlund"): for the receipt and the case document. */
export function displayLineWithLabel(t: TFunction, line: DisplayLine, textParams: TextParams = {}): string {
  const label = displayLineLabel(t, line, textParams);
  const value = displayLineText(t, line, textParams);
  return label ? `${label} ${value}` : value;
}

/** The shared text values plus, when the definition has a text context, that answer as i18next `context`. */
export function textParamsFor(def: Pick<ServiceDefinition, 'textContext'>, answers: Record<string, unknown>, textParams: TextParams): TextParams {
  const c = def.textContext ? answers[def.textContext] : undefined;
  return { ...textParams, ...(typeof c === 'string' ? { context: c } : {}) };
}
