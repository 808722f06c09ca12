/**
 * Ansökan om kontaktperson eller kontaktfamilj (SoL): for yourself, or for your child as its
 * vårdnadshavare. A guardian gives their own details, whether the child has one or two guardians and,
 * when two, whether the other agrees (both must, though the nämnd may in some cases decide on the
 * support with one guardian's consent, FB 6 kap. 13 a §), and what the child thinks. Then what kind
 * of support, why, wishes about the person or family, and how we reach the applicant.
 * The submission concerns the person who is to get the support: the applicant or the child. Texts speak
 * to the applicant about themselves or about the child (text context `forVem`: `_barn`).
 * Texts: ./texts (namespace "kontaktperson-kontaktfamilj") and the shared IFO parts ("shared-ifo").
 */
import { defineService } from '../../domain/forms/definition.ts';
import { ifoClosingPages, ifoCommon, secrecyStart } from '../shared-ifo/parts.ts';

const T = 'kontaktperson-kontaktfamilj:';

/** The answer that makes this an application by a guardian for their child. */
export const FOR_CHILD = { field: 'forVem', equals: 'barn' } as const;

/** What a guardian is asked about themselves, the custody and the child's view: never on the path of someone applying for themselves. */
export const GUARDIAN_FIELDS = ['vhFornamn', 'vhEfternamn', 'vhPersonnummer', 'vardnad', 'andraVhNamn', 'andraVhTelefon', 'andraVhSamtycker', 'barnetsAsikt'] as const;

export const SUPPORT = ['kontaktperson', 'kontaktfamilj', 'vet-inte'] as const;
const camel = (slug: string) => slug.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

export default defineService({
  ...ifoCommon,
  id: 'kontaktperson-kontaktfamilj',
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
  submitters: ['self', 'onBehalf'],
  requiresEid: false,
  subject: { personnummer: 'personnummer', name: ['fornamn', 'efternamn'] },
  // A guardian applying for their child is shown as "X för Y" and flagged for the handläggare to check
  // the custody and the other guardian's consent.
  onBehalf: { ...FOR_CHILD, submitterName: ['vhFornamn', 'vhEfternamn'] },
  textContext: 'forVem',
  // Records of support under SoL are kept five years after the last entry.
  retention: { yearsAfterClosed: 5 },
  pages: [
    {
      kind: 'question',
      id: 'for-vem',
      title: `${T}pages.forVem.title`,
      fields: [
        {
          type: 'radios',
          name: 'forVem',
          label: `${T}fields.forVem.label`,
          options: [
            { value: 'mig', label: `${T}fields.forVem.options.mig` },
            { value: 'barn', label: `${T}fields.forVem.options.barn`, hint: `${T}fields.forVem.options.barnHint` },
          ],
        },
      ],
      next: [{ when: { field: 'forVem', equals: 'mig' }, goto: 'om-personen' }],
    },
    {
      kind: 'question',
      id: 'om-dig',
      title: `${T}pages.omDig.title`,
      fields: [
        { type: 'text', name: 'vhFornamn', label: `${T}fields.vhFornamn.label`, autocomplete: 'given-name', maxLength: 100 },
        { type: 'text', name: 'vhEfternamn', label: `${T}fields.vhEfternamn.label`, autocomplete: 'family-name', maxLength: 100 },
        { type: 'personnummer', name: 'vhPersonnummer', label: `${T}fields.vhPersonnummer.label`, hint: `${T}fields.vhPersonnummer.hint` },
      ],
    },
    {
      kind: 'question',
      id: 'om-personen',
      title: `${T}pages.omPersonen.title`,
      fields: [
        { type: 'text', name: 'fornamn', label: `${T}fields.fornamn.label`, maxLength: 100 },
        { type: 'text', name: 'efternamn', label: `${T}fields.efternamn.label`, maxLength: 100 },
        { type: 'personnummer', name: 'personnummer', label: `${T}fields.personnummer.label`, hint: `${T}fields.personnummer.hint` },
      ],
      next: [{ when: { field: 'forVem', equals: 'mig' }, goto: 'stod' }],
    },
    {
      kind: 'question',
      id: 'vardnad',
      title: `${T}pages.vardnad.title`,
      fields: [
        {
          type: 'radios',
          name: 'vardnad',
          label: `${T}fields.vardnad.label`,
          options: [
            { value: 'tva', label: `${T}fields.vardnad.options.tva`, hint: `${T}fields.vardnad.options.tvaHint` },
            { value: 'en', label: `${T}fields.vardnad.options.en` },
          ],
        },
      ],
      next: [{ when: { field: 'vardnad', equals: 'en' }, goto: 'barnets-asikt' }],
    },
    {
      kind: 'question',
      id: 'andra-vardnadshavaren',
      title: `${T}pages.andraVardnadshavaren.title`,
      intro: `${T}pages.andraVardnadshavaren.intro`,
      fields: [
        { type: 'text', name: 'andraVhNamn', label: `${T}fields.andraVhNamn.label`, maxLength: 200 },
        { type: 'phone', name: 'andraVhTelefon', label: `${T}fields.andraVhTelefon.label`, hint: `${T}fields.andraVhTelefon.hint`, optional: true },
        {
          type: 'radios',
          name: 'andraVhSamtycker',
          label: `${T}fields.andraVhSamtycker.label`,
          options: [
            { value: 'ja', label: `${T}fields.andraVhSamtycker.options.ja` },
            { value: 'nej', label: `${T}fields.andraVhSamtycker.options.nej` },
            { value: 'vet-inte', label: `${T}fields.andraVhSamtycker.options.vetInte` },
          ],
        },
      ],
    },
    {
      kind: 'question',
      id: 'barnets-asikt',
      title: `${T}pages.barnetsAsikt.title`,
      fields: [{ type: 'textarea', name: 'barnetsAsikt', label: `${T}fields.barnetsAsikt.label`, hint: `${T}fields.barnetsAsikt.hint`, optional: true, maxLength: 2000 }],
    },
    {
      kind: 'question',
      id: 'stod',
      title: `${T}pages.stod.title`,
      fields: [
        {
          type: 'radios',
          name: 'stodTyp',
          label: `${T}fields.stodTyp.label`,
          options: SUPPORT.map((s) => ({ value: s, label: `${T}fields.stodTyp.options.${camel(s)}`, hint: `${T}fields.stodTyp.options.${camel(s)}Hint` })),
        },
      ],
    },
    {
      kind: 'question',
      id: 'varfor',
      title: `${T}pages.varfor.title`,
      fields: [{ type: 'textarea', name: 'varfor', label: `${T}fields.varfor.label`, hint: `${T}fields.varfor.hint`, maxLength: 3000 }],
    },
    {
      kind: 'question',
      id: 'onskemal',
      title: `${T}pages.onskemal.title`,
      intro: `${T}pages.onskemal.intro`,
      fields: [
        { type: 'textarea', name: 'intressen', label: `${T}fields.intressen.label`, hint: `${T}fields.intressen.hint`, optional: true, maxLength: 1000 },
        { type: 'text', name: 'sprak', label: `${T}fields.sprak.label`, hint: `${T}fields.sprak.hint`, optional: true, maxLength: 100, width: 'half' },
        {
          type: 'radios',
          name: 'avstand',
          label: `${T}fields.avstand.label`,
          optional: true,
          options: [
            { value: 'nara', label: `${T}fields.avstand.options.nara` },
            { value: 'kommunen', label: `${T}fields.avstand.options.kommunen` },
            { value: 'spelar-ingen-roll', label: `${T}fields.avstand.options.spelarIngenRoll` },
          ],
        },
        { type: 'textarea', name: 'ovrigaOnskemal', label: `${T}fields.ovrigaOnskemal.label`, hint: `${T}fields.ovrigaOnskemal.hint`, optional: true, maxLength: 1000 },
      ],
    },
    {
      kind: 'question',
      id: 'kontakt',
      title: `${T}pages.kontakt.title`,
      fields: [
        { type: 'address', name: 'adress', label: `${T}fields.adress.label`, hint: `${T}fields.adress.hint` },
        { type: 'phone', name: 'telefon', label: `${T}fields.telefon.label`, hint: `${T}fields.telefon.hint` },
        { type: 'email', name: 'epost', label: `${T}fields.epost.label`, hint: `${T}fields.epost.hint`, optional: true },
      ],
    },
    ...ifoClosingPages('kontaktperson-kontaktfamilj', `${T}pages.kontrollera.declaration`),
  ],
});
