/**
 * Phrases that address the person an application is for as "du" — wrong on the pages an anhörig or
 * ombud is shown when applying on someone's behalf, where the texts speak of "personen". Checked
 * over every seeded e-tjänst that can be sent on behalf (src/server/etjanster/on-behalf-texts.test.ts)
 * and on every page of the on-behalf walk in e2e/on-behalf-and-cosigning.spec.ts. Lower case.
 */
export const PERSON_AS_YOU: readonly string[] = [
  'ditt hem',
  'din adress',
  'din dörr',
  'din bostad',
  'ditt hushåll',
  'du bor',
  'bor du',
  'du är ute',
  'var du är',
  'du larmar',
  'ditt larm',
  'vill du ha',
  'in till dig',
  'om du inte får',
  'är du folkbokförd',
  'din inkomst',
  'dina kontaktpersoner',
  'din tvätt',
  'dina inköp',
  'du handlar',
  'om du får stödet',
  'om du får hjälpen',
  'hjälp med din',
];
