/**
 * Definition parts shared by the IFO e-tjänster (individ- och familjeomsorg): the start sections
 * about acute danger, secrecy and leaving the page quickly; the safe-contact questions (may we call,
 * leave a message, send a text, a letter or an e-mail — and a way to reach someone who can say yes to
 * none of them); the reporter step of an orosanmälan (privatperson or yrkesverksam, and anonymity);
 * the interpreter question; a name page; and the closing pages. Their texts live in the `shared-ifo`
 * namespace (./texts). This folder has no definition.ts, so it is not an e-tjänst itself.
 *
 * Field names and page ids are prefixed where a definition could plausibly use the plain word for
 * something else (`kontaktTelefon`, not `telefon`), since two fields with one name make a definition
 * invalid.
 */
import type { PageInput, ServiceDefinitionInput } from '../../domain/forms/definition.ts';

const S = 'shared-ifo:';

type StartSection = ServiceDefinitionInput['start'][number];

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
// The reporter of an orosanmälan

/** The first page of the reporter step. */
export const REPORTER_FIRST = 'anmalare';

/** The answer that makes an orosanmälan anonymous: use as the definition's `anonymous`. */
export const ANONYMOUS = { field: 'anonym', equals: 'ja' } as const;

/** The answer that says someone is in immediate danger on an orosanmälan (its `akut` page). */
export const URGENT = { field: 'akutFara', equals: 'ja' } as const;

/**
 * What both orosanmälningar (barn, vuxen) share: a private person may stay anonymous, the page can be
 * left quickly and shows 112, and the förhandsbedömning is due 14 days from receipt. A report that
 * leads to no investigation is kept for two years; one that does becomes part of the investigation's
 * records and follows their rules.
 */
export const orosanmalanCommon = {
  matter: 'anmalan',
  submitters: ['self', 'anonymous'],
  anonymous: ANONYMOUS,
  requiresEid: false,
  quickExit: true,
  emergencyNotice: true,
  handling: { dueDays: 14, urgentWhen: URGENT },
  retention: { yearsAfterClosed: 2 },
} satisfies Partial<ServiceDefinitionInput>;

/**
 * An orosanmälan's start page: 112 first, what it is, who may report, what happens after, how long
 * it takes, secrecy, and leaving the page quickly. `ns`: the e-tjänst's text namespace.
 */
export function orosanmalanStart(ns: string): StartSection[] {
  const T = `${ns}:`;
  return [
    emergencyStart(),
    ...(['what', 'who', 'after', 'time'] as const).map((s) => ({ heading: `${T}start.${s}.heading`, paragraphs: `${T}start.${s}.paragraphs` })),
    secrecyStart(),
    quickExitStart(),
  ];
}

/**
 * The concern itself, after the reporter step: is someone in danger right now (`akutFara`, which
 * URGENT reads), what the worry is about (`concerns`, each with its own text), and what the reporter
 * has seen or heard, in their own words.
 */
export function concernPages(ns: string, concerns: readonly string[]): PageInput[] {
  const T = `${ns}:`;
  return [
    {
      kind: 'question',
      id: 'akut',
      title: `${T}pages.akut.title`,
      intro: `${T}pages.akut.intro`,
      fields: [
        {
          type: 'radios',
          name: URGENT.field,
          label: `${T}fields.akutFara.label`,
          options: [
            { value: URGENT.equals, label: `${T}fields.akutFara.options.ja`, hint: `${T}fields.akutFara.options.jaHint` },
            { value: 'nej', label: `${T}fields.akutFara.options.nej` },
            { value: 'vet-inte', label: `${T}fields.akutFara.options.vetInte` },
          ],
        },
      ],
    },
    {
      kind: 'question',
      id: 'oro',
      title: `${T}pages.oro.title`,
      fields: [
        {
          type: 'checkboxes',
          name: 'oroGaller',
          label: `${T}fields.oroGaller.label`,
          hint: `${T}fields.oroGaller.hint`,
          options: concerns.map((c) => ({ value: c, label: `${T}fields.oroGaller.options.${c}` })),
        },
      ],
    },
    {
      kind: 'question',
      id: 'beskrivning',
      title: `${T}pages.beskrivning.title`,
      fields: [{ type: 'textarea', name: 'oroBeskrivning', label: `${T}fields.oroBeskrivning.label`, hint: `${T}fields.oroBeskrivning.hint`, maxLength: 5000 }],
    },
  ];
}

/** The answers that identify the reporter: never on the anonymous path. */
export const REPORTER_IDENTITY_FIELDS = ['anmalareFornamn', 'anmalareEfternamn', 'anmalareTelefon', 'anmalareEpost', 'anmalareRelation', 'verksamhet', 'yrke', 'arbetsplats', 'faKontaktaAnmalare'] as const;

/** Where a yrkesverksam reporter works, for a report about a child or about an adult. */
export const WORKPLACES = {
  barn: ['skola', 'forskola', 'halso-sjukvard', 'tandvard', 'polis', 'socialtjanst', 'annan'],
  vuxen: ['halso-sjukvard', 'aldreomsorg', 'funktionsnedsattning', 'polis', 'socialtjanst', 'annan'],
} as const;

/**
 * Who reports: a privatperson may stay anonymous, and then no question about them is on the path;
 * otherwise they give their name, how we reach them, how they know the person, and whether we may
 * contact them. A yrkesverksam (for children a mandatory reporter, SoL 14 kap. 1 §) cannot be
 * anonymous: they give their workplace, profession, name and phone. `about` chooses the texts and
 * workplaces for a child or an adult; `then` is the page after the reporter step.
 */
export function reporterPages(opts: { about: 'barn' | 'vuxen'; then: string }): PageInput[] {
  const { about, then } = opts;
  return [
    {
      kind: 'question',
      id: REPORTER_FIRST,
      title: `${S}pages.anmalare.title`,
      fields: [
        {
          type: 'radios',
          name: 'anmalare',
          label: `${S}fields.anmalare.label`,
          options: [
            { value: 'privatperson', label: `${S}fields.anmalare.options.privatperson`, hint: `${S}fields.anmalare.options.privatpersonHint` },
            { value: 'yrkesverksam', label: `${S}fields.anmalare.options.yrkesverksam`, hint: `${S}fields.anmalare.options.yrkesverksamHint_${about}` },
          ],
        },
      ],
      next: [{ when: { field: 'anmalare', equals: 'yrkesverksam' }, goto: 'yrkesverksam' }],
    },
    {
      kind: 'question',
      id: 'anonym',
      title: `${S}pages.anonym.title`,
      intro: `${S}pages.anonym.intro`,
      fields: [
        {
          type: 'radios',
          name: ANONYMOUS.field,
          label: `${S}fields.anonym.label`,
          options: [
            { value: 'ja', label: `${S}fields.anonym.options.ja`, hint: `${S}fields.anonym.options.jaHint` },
            { value: 'nej', label: `${S}fields.anonym.options.nej`, hint: `${S}fields.anonym.options.nejHint` },
          ],
        },
      ],
      next: [
        { when: { field: ANONYMOUS.field, equals: ANONYMOUS.equals }, goto: then },
        { when: { rule: 'always' }, goto: 'om-dig' },
      ],
    },
    {
      kind: 'question',
      id: 'yrkesverksam',
      title: `${S}pages.yrkesverksam.title`,
      intro: `${S}pages.yrkesverksam.intro_${about}`,
      fields: [
        {
          type: 'radios',
          name: 'verksamhet',
          label: `${S}fields.verksamhet.label`,
          options: WORKPLACES[about].map((w) => ({ value: w, label: `${S}fields.verksamhet.options.${w}` })),
        },
        { type: 'text', name: 'yrke', label: `${S}fields.yrke.label`, hint: `${S}fields.yrke.hint`, maxLength: 100 },
        { type: 'text', name: 'arbetsplats', label: `${S}fields.arbetsplats.label`, hint: `${S}fields.arbetsplats.hint`, maxLength: 200, autocomplete: 'organization' },
      ],
    },
    {
      kind: 'question',
      id: 'om-dig',
      title: `${S}pages.omDig.title`,
      intro: `${S}pages.omDig.intro`,
      fields: [
        { type: 'text', name: 'anmalareFornamn', label: `${S}fields.anmalareFornamn.label`, autocomplete: 'given-name', maxLength: 100 },
        { type: 'text', name: 'anmalareEfternamn', label: `${S}fields.anmalareEfternamn.label`, autocomplete: 'family-name', maxLength: 100 },
        { type: 'phone', name: 'anmalareTelefon', label: `${S}fields.anmalareTelefon.label`, hint: `${S}fields.anmalareTelefon.hint` },
        { type: 'email', name: 'anmalareEpost', label: `${S}fields.anmalareEpost.label`, optional: true },
      ],
      // A yrkesverksam is obliged to give further information; only a privatperson is asked below.
      next: [{ when: { field: 'anmalare', equals: 'yrkesverksam' }, goto: then }],
    },
    {
      kind: 'question',
      id: 'relation',
      title: `${S}pages.relation.title_${about}`,
      fields: [
        { type: 'text', name: 'anmalareRelation', label: `${S}fields.anmalareRelation.${about}.label`, hint: `${S}fields.anmalareRelation.${about}.hint`, maxLength: 200 },
        { type: 'yesNo', name: 'faKontaktaAnmalare', label: `${S}fields.faKontaktaAnmalare.label`, hint: `${S}fields.faKontaktaAnmalare.hint` },
      ],
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
