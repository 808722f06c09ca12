/**
 * Definition parts shared by the förenklad e-tjänster (tvätt, städning, trygghetslarm, digitala
 * inköp): who applies, the ombud's details and the person's consent or fullmakt, the eligibility
 * questions with their exit pages, the person's details and the fee step. They are data like the rest
 * of a definition; their texts live in the `shared` namespace (./texts). Texts that speak to the
 * applicant have an `_annan` variant used when someone applies for another person (the definition's
 * textContext is `soker`).
 */
import type { PageInput, ServiceDefinitionInput } from '../../domain/forms/definition.ts';

/** The answer to "for yourself or for someone else?" that makes a submission one on behalf. */
export const ON_BEHALF = 'annan';

const S = 'shared:';

/** Properties every förenklad e-tjänst has in common. */
export const forenkladCommon = {
  area: 'aldreomsorg',
  category: 'forenklad',
  submitters: ['self', 'onBehalf'],
  // The applicant logs in with e-legitimation; the submission then shows on their Mina sidor.
  requiresEid: true,
  ordinaryApplicationLink: true,
  subject: { personnummer: 'personnummer', name: ['fornamn', 'efternamn'] },
  onBehalf: { field: 'soker', equals: ON_BEHALF, submitterName: ['ombudFornamn', 'ombudEfternamn'] },
  textContext: 'soker',
  retention: { yearsAfterClosed: 5 },
} satisfies Partial<ServiceDefinitionInput>;

type StartSection = ServiceDefinitionInput['start'][number];

/**
 * The start page: who may apply and what the insats is (the e-tjänst's own texts), then the fee and
 * the three things SoL 4 kap. 2 a § says an applicant must be told: how to influence the help, how it
 * is followed up, and the right to apply the ordinary way (with the link).
 */
export function forenkladStart(ns: string): StartSection[] {
  return [
    { heading: `${ns}:start.what.heading`, paragraphs: `${ns}:start.what.paragraphs` },
    { heading: `${S}start.who.heading`, paragraphs: `${S}start.who.paragraphs` },
    { heading: `${ns}:start.fee.heading`, paragraphs: `${ns}:start.fee.paragraphs` },
    { heading: `${ns}:start.influence.heading`, paragraphs: `${ns}:start.influence.paragraphs` },
    { heading: `${ns}:start.followUp.heading`, paragraphs: `${ns}:start.followUp.paragraphs` },
    { heading: `${S}start.ordinary.heading`, paragraphs: `${S}start.ordinary.paragraphs`, ordinaryApplicationLink: true },
    { heading: `${S}start.onBehalf.heading`, paragraphs: `${S}start.onBehalf.paragraphs` },
    { heading: `${ns}:start.needed.heading`, paragraphs: `${ns}:start.needed.paragraphs` },
  ];
}

/** First question: for yourself or for someone else. Applying for yourself goes straight to eligibility. */
export function whoAppliesPage(): PageInput {
  return {
    kind: 'question',
    id: 'vem-ansoker',
    title: `${S}pages.vem.title`,
    fields: [
      {
        type: 'radios',
        name: 'soker',
        label: `${S}fields.soker.label`,
        options: [
          { value: 'sjalv', label: `${S}fields.soker.options.sjalv` },
          { value: ON_BEHALF, label: `${S}fields.soker.options.annan`, hint: `${S}fields.soker.options.annanHint` },
        ],
      },
    ],
    next: [{ when: { field: 'soker', equals: 'sjalv' }, goto: 'personnummer' }],
  };
}

export const RELATIONS = ['make-maka-sambo', 'barn', 'annan-anhorig', 'god-man', 'forvaltare', 'ombud'] as const;

/**
 * Someone applying for another person: their own name and contact details and relation, then the
 * person's consent — a statement that the person agrees, or an uploaded fullmakt / förordnande.
 */
export function onBehalfPages(): PageInput[] {
  return [
    {
      kind: 'question',
      id: 'om-dig',
      title: `${S}pages.ombud.title`,
      intro: `${S}pages.ombud.intro`,
      fields: [
        { type: 'text', name: 'ombudFornamn', label: `${S}fields.ombudFornamn.label`, autocomplete: 'given-name', maxLength: 100 },
        { type: 'text', name: 'ombudEfternamn', label: `${S}fields.ombudEfternamn.label`, autocomplete: 'family-name', maxLength: 100 },
        { type: 'phone', name: 'ombudTelefon', label: `${S}fields.ombudTelefon.label` },
        { type: 'email', name: 'ombudEpost', label: `${S}fields.ombudEpost.label`, hint: `${S}fields.ombudEpost.hint`, optional: true },
        {
          type: 'radios',
          name: 'relation',
          label: `${S}fields.relation.label`,
          options: RELATIONS.map((r) => ({ value: r, label: `${S}fields.relation.options.${r}` })),
        },
      ],
    },
    {
      kind: 'question',
      id: 'samtycke',
      title: `${S}pages.samtycke.title`,
      intro: `${S}pages.samtycke.intro`,
      fields: [
        {
          type: 'radios',
          name: 'samtycke',
          label: `${S}fields.samtycke.label`,
          options: [
            { value: 'intygar', label: `${S}fields.samtycke.options.intygar`, hint: `${S}fields.samtycke.options.intygarHint` },
            { value: 'fullmakt', label: `${S}fields.samtycke.options.fullmakt`, hint: `${S}fields.samtycke.options.fullmaktHint` },
          ],
        },
      ],
      next: [{ when: { field: 'samtycke', equals: 'intygar' }, goto: 'personnummer' }],
    },
    {
      kind: 'question',
      id: 'fullmakt',
      title: `${S}pages.fullmakt.title`,
      fields: [{ type: 'file', name: 'fullmakt', label: `${S}fields.fullmakt.label`, hint: `${S}fields.fullmakt.hint`, accept: ['pdf', 'jpeg', 'png'] }],
    },
  ];
}

/**
 * The eligibility questions of the rule set, about the person the application is for (never the
 * ombud): age from the personnummer, folkbokföring, housing and, when the municipality requires it,
 * the household's ages. Each failed condition has its own exit page naming it and offering the
 * ordinary route. `then` is the page that follows when every condition is met.
 */
export function eligibilityPages(then: string): PageInput[] {
  return [
    {
      kind: 'question',
      id: 'personnummer',
      title: `${S}pages.personnummer.title`,
      fields: [{ type: 'personnummer', name: 'personnummer', label: `${S}fields.personnummer.label`, hint: `${S}fields.personnummer.hint` }],
      next: [{ when: { rule: 'belowAgeLimit', field: 'personnummer' }, goto: 'for-ung' }],
    },
    {
      kind: 'question',
      id: 'folkbokforing',
      title: `${S}pages.folkbokforing.title`,
      fields: [{ type: 'yesNo', name: 'folkbokford', label: `${S}fields.folkbokford.label` }],
      next: [{ when: { all: [{ rule: 'requireFolkbokford' }, { field: 'folkbokford', equals: 'nej' }] }, goto: 'ej-folkbokford' }],
    },
    {
      kind: 'question',
      id: 'boende',
      title: `${S}pages.boende.title`,
      fields: [
        {
          type: 'radios',
          name: 'boende',
          label: `${S}fields.boende.label`,
          options: [
            { value: 'ordinart', label: `${S}fields.boende.options.ordinart`, hint: `${S}fields.boende.options.ordinartHint` },
            { value: 'sarskilt', label: `${S}fields.boende.options.sarskilt`, hint: `${S}fields.boende.options.sarskiltHint` },
          ],
        },
      ],
      next: [
        { when: { all: [{ rule: 'requireOrdinaryHousing' }, { field: 'boende', equals: 'sarskilt' }] }, goto: 'sarskilt-boende' },
        { when: { rule: 'householdMustMeetAgeLimit', negate: true }, goto: then },
      ],
    },
    {
      kind: 'question',
      id: 'hushall',
      title: `${S}pages.hushall.title`,
      fields: [{ type: 'yesNo', name: 'sammanboende', label: `${S}fields.sammanboende.label`, hint: `${S}fields.sammanboende.hint` }],
      next: [{ when: { field: 'sammanboende', equals: 'nej' }, goto: then }],
    },
    {
      kind: 'question',
      id: 'hushall-personnummer',
      title: `${S}pages.hushallPersonnummer.title`,
      fields: [{ type: 'personnummer', name: 'sammanboendePersonnummer', label: `${S}fields.sammanboendePersonnummer.label`, hint: `${S}fields.personnummer.hint` }],
      next: [{ when: { rule: 'belowAgeLimit', field: 'sammanboendePersonnummer' }, goto: 'hushall-for-ung' }, { when: { rule: 'always' }, goto: then }],
    },
    { kind: 'exit', id: 'for-ung', title: `${S}exits.age.title`, body: `${S}exits.age.body` },
    { kind: 'exit', id: 'ej-folkbokford', title: `${S}exits.folkbokford.title`, body: `${S}exits.folkbokford.body` },
    { kind: 'exit', id: 'sarskilt-boende', title: `${S}exits.boende.title`, body: `${S}exits.boende.body` },
    { kind: 'exit', id: 'hushall-for-ung', title: `${S}exits.household.title`, body: `${S}exits.household.body` },
  ];
}

/** The person's own details: name, address (where the help is given), phone and e-mail. */
export function personPage(): PageInput {
  return {
    kind: 'question',
    id: 'personuppgifter',
    title: `${S}pages.personuppgifter.title`,
    fields: [
      { type: 'text', name: 'fornamn', label: `${S}fields.fornamn.label`, autocomplete: 'given-name', maxLength: 100 },
      { type: 'text', name: 'efternamn', label: `${S}fields.efternamn.label`, autocomplete: 'family-name', maxLength: 100 },
      { type: 'address', name: 'adress', label: `${S}fields.adress.label` },
      { type: 'phone', name: 'telefon', label: `${S}fields.telefon.label`, hint: `${S}fields.telefon.hint` },
      { type: 'email', name: 'epost', label: `${S}fields.epost.label`, hint: `${S}fields.epost.hint`, optional: true },
    ],
  };
}

/**
 * The fee step: pay the maxtaxa without giving any income details, or give them so the fee can be
 * set from the person's income. `then` follows either way.
 */
export function feePages(then: string): PageInput[] {
  return [
    {
      kind: 'question',
      id: 'avgift',
      title: `${S}pages.avgift.title`,
      intro: `${S}pages.avgift.intro`,
      fields: [
        {
          type: 'radios',
          name: 'avgift',
          label: `${S}fields.avgift.label`,
          options: [
            { value: 'maxtaxa', label: `${S}fields.avgift.options.maxtaxa`, hint: `${S}fields.avgift.options.maxtaxaHint` },
            { value: 'inkomst', label: `${S}fields.avgift.options.inkomst`, hint: `${S}fields.avgift.options.inkomstHint` },
          ],
        },
      ],
      next: [{ when: { field: 'avgift', equals: 'maxtaxa' }, goto: then }],
    },
    {
      kind: 'question',
      id: 'inkomst',
      title: `${S}pages.inkomst.title`,
      intro: `${S}pages.inkomst.intro`,
      fields: [
        { type: 'number', name: 'inkomstPension', label: `${S}fields.inkomstPension.label`, hint: `${S}fields.inkomstPension.hint`, min: 0, max: 1_000_000 },
        { type: 'number', name: 'inkomstOvrig', label: `${S}fields.inkomstOvrig.label`, hint: `${S}fields.inkomstOvrig.hint`, min: 0, max: 1_000_000, optional: true },
        { type: 'number', name: 'bostadskostnad', label: `${S}fields.bostadskostnad.label`, hint: `${S}fields.bostadskostnad.hint`, min: 0, max: 1_000_000 },
        { type: 'yesNo', name: 'bostadstillagg', label: `${S}fields.bostadstillagg.label`, hint: `${S}fields.bostadstillagg.hint` },
      ],
    },
  ];
}

/** Check answers (with the declaration, worded for self or ombud) and the confirmation. */
export function closingPages(ns: string): PageInput[] {
  return [
    { kind: 'checkAnswers', id: 'kontrollera', title: `${S}pages.kontrollera.title`, declaration: `${S}pages.kontrollera.declaration` },
    { kind: 'confirmation', id: 'klart', title: `${S}pages.klart.title`, body: `${ns}:pages.klart.body` },
  ];
}
