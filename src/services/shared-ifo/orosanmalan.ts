/**
 * What the two orosanmälningar (barn, vuxen) share: their common settings, the start page, the
 * reporter step (privatperson or yrkesverksam, and anonymity) and the concern pages. Texts in the
 * `shared-ifo` namespace (./texts) and the e-tjänst's own.
 */
import type { PageInput, ServiceDefinitionInput } from '../../domain/forms/definition.ts';
import { emergencyStart, quickExitStart, S, secrecyStart, type StartSection } from './parts.ts';

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
