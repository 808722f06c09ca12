/**
 * The values a text may interpolate (`{{municipality}}`, `{{maxtaxa}}`): the shared values every
 * text may use, plus those a text gets where it is shown (a repeating group's item number, a failed
 * field's label and limits in its error message). A document may use no other: an unknown name would
 * be shown to the citizen as it is written.
 */

/** The municipality and its contact details, and the rule set's values as the reader sees them (src/i18n/text-params.ts). */
export const SHARED_PLACEHOLDERS = [
  'municipality',
  'phone',
  'email',
  'address',
  'socialjour',
  'ageLimit',
  'alarmFee',
  'alarmInstallationFee',
  'homeCareHourly',
  'maxtaxa',
  'stadningIntervalWeeks',
  'stadningHours',
  'tvattIntervalWeeks',
  'inkopIntervalWeeks',
  'stadningEvery',
  'tvattEvery',
  'inkopEvery',
] as const;

/** A repeating group's item label: the item's number. */
export const ITEM_PLACEHOLDERS = ['n'] as const;

/** A field's error message: its label (as written, and in lower case), its limits and, in a repeating group, the item's number (and for a duplicate, the first item's). */
export const ERROR_PLACEHOLDERS = ['label', 'labelLower', 'max', 'min', 'maxMb', 'n', 'first'] as const;

/** Formats a placeholder may name (`{{max, number}}`): i18next's own and the portal's. */
export const PLACEHOLDER_FORMATS = ['number', 'currency', 'datetime', 'relativetime', 'list', 'longdate'] as const;

export type PlaceholderProblem =
  | { code: 'unknownPlaceholder'; params: { name: string } }
  | { code: 'unknownPlaceholderFormat'; params: { name: string; format: string } }
  | { code: 'malformedPlaceholder'; params: { text: string } }
  | { code: 'nestedText'; params: { text: string } };

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** What is wrong with the placeholders of one string, given the names it may use. */
export function placeholderProblems(s: string, allowed: readonly string[]): PlaceholderProblem[] {
  const problems: PlaceholderProblem[] = [];
  for (const m of s.matchAll(PLACEHOLDER)) {
    const [name = '', format] = (m[1] ?? '').split(',').map((x) => x.trim());
    if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(name)) problems.push({ code: 'malformedPlaceholder', params: { text: m[0] } });
    else if (!allowed.includes(name)) problems.push({ code: 'unknownPlaceholder', params: { name } });
    const formatName = format?.replace(/\(.*$/, '');
    if (formatName !== undefined && !(PLACEHOLDER_FORMATS as readonly string[]).includes(formatName)) problems.push({ code: 'unknownPlaceholderFormat', params: { name, format: formatName } });
  }
  // What is left once every {{…}} is taken out must hold no half of one.
  const rest = s.replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}')) problems.push({ code: 'malformedPlaceholder', params: { text: s } });
  // i18next would look "$t(key)" up as another text.
  if (s.includes('$t(')) problems.push({ code: 'nestedText', params: { text: s } });
  return problems;
}
