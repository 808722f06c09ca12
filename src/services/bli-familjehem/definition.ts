/**
 * Intresseanmälan: bli familjehem, kontaktfamilj eller kontaktperson. Which role or roles; one adult
 * or two living together (then both are named, since both will be part of the utredning); the
 * children living at home, by age only; housing; experience and why they are interested; how we reach
 * them. The start page and the declaration say that a utredning with home visits and register checks
 * follows. The submission concerns the (first) person who reports their interest.
 * Texts: ./texts (namespace "bli-familjehem") and the shared IFO parts ("shared-ifo").
 */
import { defineService } from '../../domain/forms/definition.ts';
import { ifoClosingPages, ifoCommon, secrecyStart } from '../shared-ifo/parts.ts';

const T = 'bli-familjehem:';

export const ROLES = ['familjehem', 'kontaktfamilj', 'kontaktperson'] as const;
export const HOUSING = ['villa', 'lagenhet', 'gard', 'annat'] as const;

/** Everything asked about a second adult: only when two apply together. */
export const SECOND_ADULT_FIELDS = ['andraFornamn', 'andraEfternamn', 'andraPersonnummer', 'andraSysselsattning'] as const;

export default defineService({
  ...ifoCommon,
  id: 'bli-familjehem',
  matter: 'anmalan',
  version: 1,
  title: `${T}title`,
  summary: `${T}summary`,
  start: [
    { heading: `${T}start.what.heading`, paragraphs: `${T}start.what.paragraphs` },
    { heading: `${T}start.who.heading`, paragraphs: `${T}start.who.paragraphs` },
    { heading: `${T}start.after.heading`, paragraphs: `${T}start.after.paragraphs` },
    { heading: `${T}start.time.heading`, paragraphs: `${T}start.time.paragraphs` },
    secrecyStart(),
  ],
  submitters: ['self'],
  requiresEid: false,
  subject: { personnummer: 'personnummer', name: ['fornamn', 'efternamn'] },
  // An interest that leads to no assignment is kept two years.
  retention: { yearsAfterClosed: 2 },
  pages: [
    {
      kind: 'question',
      id: 'uppdrag',
      title: `${T}pages.uppdrag.title`,
      fields: [
        {
          type: 'checkboxes',
          name: 'uppdrag',
          label: `${T}fields.uppdrag.label`,
          hint: `${T}fields.uppdrag.hint`,
          options: ROLES.map((r) => ({ value: r, label: `${T}fields.uppdrag.options.${r}`, hint: `${T}fields.uppdrag.options.${r}Hint` })),
        },
      ],
    },
    {
      kind: 'question',
      id: 'vuxna',
      title: `${T}pages.vuxna.title`,
      fields: [
        {
          type: 'radios',
          name: 'antalVuxna',
          label: `${T}fields.antalVuxna.label`,
          options: [
            { value: 'en', label: `${T}fields.antalVuxna.options.en` },
            { value: 'tva', label: `${T}fields.antalVuxna.options.tva`, hint: `${T}fields.antalVuxna.options.tvaHint` },
          ],
        },
      ],
    },
    {
      kind: 'question',
      id: 'om-dig',
      title: `${T}pages.omDig.title`,
      fields: [
        { type: 'text', name: 'fornamn', label: `${T}fields.fornamn.label`, autocomplete: 'given-name', maxLength: 100 },
        { type: 'text', name: 'efternamn', label: `${T}fields.efternamn.label`, autocomplete: 'family-name', maxLength: 100 },
        { type: 'personnummer', name: 'personnummer', label: `${T}fields.personnummer.label`, hint: `${T}fields.personnummer.hint` },
        { type: 'text', name: 'sysselsattning', label: `${T}fields.sysselsattning.label`, hint: `${T}fields.sysselsattning.hint`, maxLength: 200 },
      ],
      next: [{ when: { field: 'antalVuxna', equals: 'en' }, goto: 'barn-hemma' }],
    },
    {
      kind: 'question',
      id: 'om-den-andra',
      title: `${T}pages.omDenAndra.title`,
      intro: `${T}pages.omDenAndra.intro`,
      fields: [
        { type: 'text', name: 'andraFornamn', label: `${T}fields.andraFornamn.label`, maxLength: 100 },
        { type: 'text', name: 'andraEfternamn', label: `${T}fields.andraEfternamn.label`, maxLength: 100 },
        { type: 'personnummer', name: 'andraPersonnummer', label: `${T}fields.andraPersonnummer.label`, hint: `${T}fields.andraPersonnummer.hint` },
        { type: 'text', name: 'andraSysselsattning', label: `${T}fields.andraSysselsattning.label`, hint: `${T}fields.andraSysselsattning.hint`, maxLength: 200 },
      ],
    },
    {
      kind: 'question',
      id: 'barn-hemma',
      title: `${T}pages.barnHemma.title`,
      fields: [{ type: 'yesNo', name: 'harBarnHemma', label: `${T}fields.harBarnHemma.label`, hint: `${T}fields.harBarnHemma.hint` }],
      next: [{ when: { field: 'harBarnHemma', equals: 'nej' }, goto: 'boende' }],
    },
    {
      kind: 'question',
      id: 'barnens-alder',
      title: `${T}pages.barnensAlder.title`,
      fields: [
        {
          type: 'repeat',
          name: 'barnHemma',
          label: `${T}fields.barnHemma.label`,
          hint: `${T}fields.barnHemma.hint`,
          itemLabel: `${T}fields.barnHemma.item`,
          min: 1,
          max: 8,
          fields: [{ type: 'number', name: 'barnAlder', label: `${T}fields.barnAlder.label`, min: 0, max: 30 }],
        },
      ],
    },
    {
      kind: 'question',
      id: 'boende',
      title: `${T}pages.boende.title`,
      fields: [
        {
          type: 'radios',
          name: 'boendeform',
          label: `${T}fields.boendeform.label`,
          options: HOUSING.map((h) => ({ value: h, label: `${T}fields.boendeform.options.${h}` })),
        },
        {
          type: 'radios',
          name: 'rumForBarn',
          label: `${T}fields.rumForBarn.label`,
          hint: `${T}fields.rumForBarn.hint`,
          options: [
            { value: 'ja', label: `${T}fields.rumForBarn.options.ja` },
            { value: 'kan-ordnas', label: `${T}fields.rumForBarn.options.kanOrdnas` },
            { value: 'nej', label: `${T}fields.rumForBarn.options.nej` },
          ],
        },
        { type: 'textarea', name: 'boendeBeskrivning', label: `${T}fields.boendeBeskrivning.label`, hint: `${T}fields.boendeBeskrivning.hint`, optional: true, maxLength: 1500 },
      ],
    },
    {
      kind: 'question',
      id: 'erfarenhet',
      title: `${T}pages.erfarenhet.title`,
      fields: [
        { type: 'textarea', name: 'erfarenhet', label: `${T}fields.erfarenhet.label`, hint: `${T}fields.erfarenhet.hint`, optional: true, maxLength: 3000 },
        { type: 'textarea', name: 'varfor', label: `${T}fields.varfor.label`, hint: `${T}fields.varfor.hint`, maxLength: 3000 },
      ],
    },
    {
      kind: 'question',
      id: 'kontakt',
      title: `${T}pages.kontakt.title`,
      fields: [
        { type: 'address', name: 'adress', label: `${T}fields.adress.label` },
        { type: 'phone', name: 'telefon', label: `${T}fields.telefon.label` },
        { type: 'email', name: 'epost', label: `${T}fields.epost.label`, hint: `${T}fields.epost.hint`, optional: true },
        { type: 'text', name: 'kontaktTid', label: `${T}fields.kontaktTid.label`, hint: `${T}fields.kontaktTid.hint`, optional: true, maxLength: 300 },
      ],
    },
    ...ifoClosingPages('bli-familjehem', `${T}pages.kontrollera.declaration`),
  ],
});
