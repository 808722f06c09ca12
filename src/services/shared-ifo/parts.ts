/**
 * Definition parts shared by the IFO e-tjänster (individ- och familjeomsorg): the start sections
 * about acute danger, secrecy and leaving the page quickly; the safe-contact questions (may we call,
 * leave a message, send a text, a letter or an e-mail — and a way to reach someone who can say yes to
 * none of them); the interpreter question; a name page; and the closing pages. Their texts live in the `shared-ifo`
 * namespace (./texts). This folder has no definition.ts, so it is not an e-tjänst itself.
 *
 * Field names and page ids are prefixed where a definition could plausibly use the plain word for
 * something else (`kontaktTelefon`, not `telefon`), since two fields with one name make a definition
 * invalid.
 */
import type { PageInput, ServiceDefinitionInput } from '../../domain/forms/definition.ts';

export const S = 'shared-ifo:';

export type StartSection = ServiceDefinitionInput['start'][number];

/** What every IFO e-tjänst has in common: handled by IFO handläggare, counted as IFO contact. */
export const ifoCommon = {
  area: 'ifo',
  category: 'ifo',
  // Citizen e-legitimation arrives with Mina sidor; until then nothing here requires it.
  requiresEid: false,
} satisfies Partial<ServiceDefinitionInput>;

/** Start section: 112 in acute danger, the socialjour out of office hours, and that the form is read in office hours. */
export function emergencyStart(): StartSection {
  return { heading: `${S}start.emergency.heading`, paragraphs: `${S}start.emergency.paragraphs` };
}

/** Start section: socialtjänsten's secrecy (who reads what is sent). */
export function secrecyStart(): StartSection {
  return { heading: `${S}start.secrecy.heading`, paragraphs: `${S}start.secrecy.paragraphs` };
}

/** Start section: the "Lämna sidan snabbt" button and how to hide the visit (for definitions with quickExit). */
export function quickExitStart(): StartSection {
  return { heading: `${S}start.quickExit.heading`, paragraphs: `${S}start.quickExit.paragraphs` };
}

// ---------------------------------------------------------------------------------------------
// Safe contact

/** The first page of the safe-contact questions (a route may go to it). */
export const SAFE_CONTACT_FIRST = 'kontakt-ringa';

/**
 * The phone page of the safe-contact questions: a route may go straight to it when the person has
 * already asked to be called (the "may we call you?" question is then not asked).
 */
export const SAFE_CONTACT_PHONE = 'kontakt-telefon';

/** Every field the safe-contact pages ask, for tests and for the case view. */
export const SAFE_CONTACT_FIELDS = [
  'faRinga',
  'kontaktTelefon',
  'ringTider',
  'ringTiderOvrigt',
  'faLamnaMeddelande',
  'faSms',
  'faBrev',
  'brevAdress',
  'faEpost',
  'kontaktEpost',
  'annatKontaktsatt',
] as const;

/**
 * How and when we may contact the person without putting them at risk, one question at a time:
 * may we call (then the number, suitable times, may we leave a message, may we send a text), may we
 * send letters (then to which address — it need not be their home), may we e-mail (then the
 * address). Someone who says no to all three is asked how else we can reach them safely. Nothing is
 * sent or left anywhere the person has not said yes to. `then` is the page after these.
 */
export function safeContactPages(then: string): PageInput[] {
  const noWay = { all: [{ field: 'faRinga', equals: 'nej' }, { field: 'faBrev', equals: 'nej' }, { field: 'faEpost', equals: 'nej' }] };
  return [
    {
      kind: 'question',
      id: SAFE_CONTACT_FIRST,
      title: `${S}pages.kontaktRinga.title`,
      fields: [{ type: 'yesNo', name: 'faRinga', label: `${S}fields.faRinga.label`, hint: `${S}fields.faRinga.hint` }],
      next: [{ when: { field: 'faRinga', equals: 'nej' }, goto: 'kontakt-brev' }],
    },
    {
      kind: 'question',
      id: SAFE_CONTACT_PHONE,
      title: `${S}pages.kontaktTelefon.title`,
      fields: [
        { type: 'phone', name: 'kontaktTelefon', label: `${S}fields.kontaktTelefon.label`, hint: `${S}fields.kontaktTelefon.hint` },
        {
          type: 'checkboxes',
          name: 'ringTider',
          label: `${S}fields.ringTider.label`,
          hint: `${S}fields.ringTider.hint`,
          options: [
            { value: 'formiddag', label: `${S}fields.ringTider.options.formiddag` },
            { value: 'eftermiddag', label: `${S}fields.ringTider.options.eftermiddag` },
          ],
        },
        { type: 'text', name: 'ringTiderOvrigt', label: `${S}fields.ringTiderOvrigt.label`, hint: `${S}fields.ringTiderOvrigt.hint`, optional: true, maxLength: 300 },
      ],
    },
    {
      kind: 'question',
      id: 'kontakt-meddelande',
      title: `${S}pages.kontaktMeddelande.title`,
      intro: `${S}pages.kontaktMeddelande.intro`,
      fields: [
        { type: 'yesNo', name: 'faLamnaMeddelande', label: `${S}fields.faLamnaMeddelande.label`, hint: `${S}fields.faLamnaMeddelande.hint` },
        { type: 'yesNo', name: 'faSms', label: `${S}fields.faSms.label`, hint: `${S}fields.faSms.hint` },
      ],
    },
    {
      kind: 'question',
      id: 'kontakt-brev',
      title: `${S}pages.kontaktBrev.title`,
      fields: [{ type: 'yesNo', name: 'faBrev', label: `${S}fields.faBrev.label`, hint: `${S}fields.faBrev.hint` }],
      next: [{ when: { field: 'faBrev', equals: 'nej' }, goto: 'kontakt-epost-fraga' }],
    },
    {
      kind: 'question',
      id: 'kontakt-adress',
      title: `${S}pages.kontaktAdress.title`,
      fields: [{ type: 'address', name: 'brevAdress', label: `${S}fields.brevAdress.label`, hint: `${S}fields.brevAdress.hint` }],
    },
    {
      kind: 'question',
      id: 'kontakt-epost-fraga',
      title: `${S}pages.kontaktEpostFraga.title`,
      fields: [{ type: 'yesNo', name: 'faEpost', label: `${S}fields.faEpost.label`, hint: `${S}fields.faEpost.hint` }],
      next: [
        { when: noWay, goto: 'kontakt-annat' },
        { when: { field: 'faEpost', equals: 'nej' }, goto: then },
      ],
    },
    {
      kind: 'question',
      id: 'kontakt-epost',
      title: `${S}pages.kontaktEpost.title`,
      fields: [{ type: 'email', name: 'kontaktEpost', label: `${S}fields.kontaktEpost.label`, hint: `${S}fields.kontaktEpost.hint` }],
      next: [{ when: { rule: 'always' }, goto: then }],
    },
    {
      kind: 'question',
      id: 'kontakt-annat',
      title: `${S}pages.kontaktAnnat.title`,
      intro: `${S}pages.kontaktAnnat.intro`,
      fields: [{ type: 'textarea', name: 'annatKontaktsatt', label: `${S}fields.annatKontaktsatt.label`, hint: `${S}fields.annatKontaktsatt.hint`, maxLength: 1000 }],
      next: [{ when: { rule: 'always' }, goto: then }],
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Interpreter, name, closing

/** Does the person need an interpreter, and in which language. `then` follows either way. */
export function interpreterPages(then: string): PageInput[] {
  return [
    {
      kind: 'question',
      id: 'tolk',
      title: `${S}pages.tolk.title`,
      fields: [{ type: 'yesNo', name: 'tolk', label: `${S}fields.tolk.label`, hint: `${S}fields.tolk.hint` }],
      next: [{ when: { field: 'tolk', equals: 'nej' }, goto: then }],
    },
    {
      kind: 'question',
      id: 'tolk-sprak',
      title: `${S}pages.tolkSprak.title`,
      fields: [{ type: 'text', name: 'tolkSprak', label: `${S}fields.tolkSprak.label`, hint: `${S}fields.tolkSprak.hint`, maxLength: 100, width: 'half' }],
      next: [{ when: { rule: 'always' }, goto: then }],
    },
  ];
}

/**
 * The name of the person who wants contact (first and last name), optionally with a personnummer
 * that may be left out. Fields: `fornamn`, `efternamn` (and `personnummer`).
 */
export function namePage(opts: { personnummer?: boolean } = {}): PageInput {
  return {
    kind: 'question',
    id: 'ditt-namn',
    title: `${S}pages.dittNamn.title`,
    intro: `${S}pages.dittNamn.intro`,
    fields: [
      { type: 'text', name: 'fornamn', label: `${S}fields.fornamn.label`, autocomplete: 'given-name', maxLength: 100 },
      { type: 'text', name: 'efternamn', label: `${S}fields.efternamn.label`, autocomplete: 'family-name', maxLength: 100 },
      ...(opts.personnummer
        ? [{ type: 'personnummer' as const, name: 'personnummer', label: `${S}fields.personnummer.label`, hint: `${S}fields.personnummer.hint`, optional: true }]
        : []),
    ],
  };
}

/**
 * Check answers and the confirmation. The check page's title is shared; `declaration` (a full key)
 * is what sending means, if anything. The confirmation's body (what happens next, and when) is the
 * e-tjänst's own: `<ns>:pages.klart.body`.
 */
export function ifoClosingPages(ns: string, declaration?: string): PageInput[] {
  return [
    { kind: 'checkAnswers', id: 'kontrollera', title: `${S}pages.kontrollera.title`, ...(declaration ? { declaration } : {}) },
    { kind: 'confirmation', id: 'klart', title: `${ns}:pages.klart.title`, body: `${ns}:pages.klart.body` },
  ];
}
