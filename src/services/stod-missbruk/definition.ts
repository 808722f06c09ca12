/**
 * Stöd vid missbruk och beroende: ask for contact or support for yourself, or as a närstående for
 * your own part. Anyone may stay anonymous: then they leave a message only, and no name, contact
 * details or interpreter question is on the path (they can also call anonymously). Someone who wants
 * contact answers the safe-contact questions and gives their name.
 * Texts: ./texts (namespace "stod-missbruk") and the shared IFO parts ("shared-ifo").
 */
import { defineService } from '../../domain/forms/definition.ts';
import { emergencyStart, ifoClosingPages, ifoCommon, interpreterPages, namePage, quickExitStart, SAFE_CONTACT_FIRST, safeContactPages, secrecyStart } from '../shared-ifo/parts.ts';

const T = 'stod-missbruk:';

/** The answer that keeps the person anonymous: a message only, no contact. */
export const ANONYMOUS = { field: 'kontakt', equals: 'anonym' } as const;

export const SUBSTANCES = ['alkohol', 'narkotika', 'lakemedel', 'spel', 'annat'] as const;
export const SUPPORT = ['samtal', 'behandling', 'vard', 'boende', 'anhorigstod', 'vet-inte'] as const;

export default defineService({
  ...ifoCommon,
  id: 'stod-missbruk',
  matter: 'fraga',
  version: 1,
  title: `${T}title`,
  summary: `${T}summary`,
  start: [
    emergencyStart(),
    { heading: `${T}start.what.heading`, paragraphs: `${T}start.what.paragraphs` },
    { heading: `${T}start.who.heading`, paragraphs: `${T}start.who.paragraphs` },
    { heading: `${T}start.anonymous.heading`, paragraphs: `${T}start.anonymous.paragraphs` },
    { heading: `${T}start.after.heading`, paragraphs: `${T}start.after.paragraphs` },
    { heading: `${T}start.time.heading`, paragraphs: `${T}start.time.paragraphs` },
    secrecyStart(),
    quickExitStart(),
  ],
  submitters: ['self', 'anonymous'],
  anonymous: ANONYMOUS,
  requiresEid: false,
  quickExit: true,
  emergencyNotice: true,
  subject: { personnummer: 'personnummer', name: ['fornamn', 'efternamn'] },
  // Records of support to an adult are kept five years after the last entry.
  retention: { yearsAfterClosed: 5 },
  pages: [
    {
      kind: 'question',
      id: 'vem',
      title: `${T}pages.vem.title`,
      fields: [
        {
          type: 'radios',
          name: 'galler',
          label: `${T}fields.galler.label`,
          options: [
            { value: 'sjalv', label: `${T}fields.galler.options.sjalv` },
            { value: 'narstaende', label: `${T}fields.galler.options.narstaende`, hint: `${T}fields.galler.options.narstaendeHint` },
          ],
        },
      ],
    },
    {
      kind: 'question',
      id: 'vad',
      title: `${T}pages.vad.title`,
      fields: [
        {
          type: 'checkboxes',
          name: 'beroende',
          label: `${T}fields.beroende.label`,
          hint: `${T}fields.beroende.hint`,
          options: SUBSTANCES.map((s) => ({ value: s, label: `${T}fields.beroende.options.${s}` })),
        },
      ],
    },
    {
      kind: 'question',
      id: 'stod',
      title: `${T}pages.stod.title`,
      fields: [
        {
          type: 'checkboxes',
          name: 'stodOnskas',
          label: `${T}fields.stodOnskas.label`,
          hint: `${T}fields.stodOnskas.hint`,
          options: SUPPORT.map((s) => ({ value: s, label: `${T}fields.stodOnskas.options.${s}` })),
        },
      ],
    },
    {
      kind: 'question',
      id: 'kontakt',
      title: `${T}pages.kontakt.title`,
      intro: `${T}pages.kontakt.intro`,
      fields: [
        {
          type: 'radios',
          name: ANONYMOUS.field,
          label: `${T}fields.kontakt.label`,
          options: [
            { value: 'kontakta-mig', label: `${T}fields.kontakt.options.kontaktaMig`, hint: `${T}fields.kontakt.options.kontaktaMigHint` },
            { value: ANONYMOUS.equals, label: `${T}fields.kontakt.options.anonym`, hint: `${T}fields.kontakt.options.anonymHint` },
          ],
        },
      ],
      next: [{ when: { field: ANONYMOUS.field, notEquals: ANONYMOUS.equals }, goto: 'beratta' }],
    },
    {
      kind: 'question',
      id: 'meddelande',
      title: `${T}pages.meddelande.title`,
      intro: `${T}pages.meddelande.intro`,
      fields: [{ type: 'textarea', name: 'anonymtMeddelande', label: `${T}fields.anonymtMeddelande.label`, hint: `${T}fields.anonymtMeddelande.hint`, maxLength: 3000 }],
      next: [{ when: { rule: 'always' }, goto: 'kontrollera' }],
    },
    {
      kind: 'question',
      id: 'beratta',
      title: `${T}pages.beratta.title`,
      fields: [{ type: 'textarea', name: 'berattaMer', label: `${T}fields.berattaMer.label`, hint: `${T}fields.berattaMer.hint`, optional: true, maxLength: 3000 }],
      next: [{ when: { rule: 'always' }, goto: SAFE_CONTACT_FIRST }],
    },
    ...safeContactPages('tolk'),
    ...interpreterPages('ditt-namn'),
    namePage({ personnummer: true }),
    ...ifoClosingPages('stod-missbruk'),
  ],
});
