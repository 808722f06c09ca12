/**
 * Våld i nära relation – få stöd: someone subjected to violence, threats or control by a partner or
 * family member asks the social services to contact them. The safe-contact questions are the heart of
 * it: when and how we may call, leave a message, send a text, a letter or an e-mail, a safe person to
 * go through, and an interpreter. Nothing is sent to the home unless the person says so. Not
 * anonymous (they ask to be contacted). Urgent when the person is in danger right now.
 * Texts: ./texts (namespace "vald-i-nara-relation") and the shared IFO parts ("shared-ifo").
 */
import { defineService } from '../../domain/forms/definition.ts';
import { emergencyStart, ifoClosingPages, ifoCommon, interpreterPages, namePage, quickExitStart, safeContactPages, secrecyStart } from '../shared-ifo/parts.ts';

const T = 'vald-i-nara-relation:';

/** The answer that says the person is in danger right now: the case is urgent. */
export const URGENT = { field: 'akutFara', equals: 'ja' } as const;

export const SUPPORT = ['samtal', 'skydd', 'barn', 'ekonomi-bostad', 'polisanmalan', 'vet-inte'] as const;

export default defineService({
  ...ifoCommon,
  id: 'vald-i-nara-relation',
  matter: 'fraga',
  version: 1,
  title: `${T}title`,
  summary: `${T}summary`,
  start: [
    emergencyStart(),
    { heading: `${T}start.what.heading`, paragraphs: `${T}start.what.paragraphs` },
    { heading: `${T}start.safe.heading`, paragraphs: `${T}start.safe.paragraphs` },
    quickExitStart(),
    { heading: `${T}start.after.heading`, paragraphs: `${T}start.after.paragraphs` },
    { heading: `${T}start.time.heading`, paragraphs: `${T}start.time.paragraphs` },
    secrecyStart(),
  ],
  submitters: ['self'],
  requiresEid: false,
  quickExit: true,
  emergencyNotice: true,
  handling: { urgentWhen: URGENT },
  subject: { personnummer: 'personnummer', name: ['fornamn', 'efternamn'] },
  // Records of support to an adult are kept five years after the last entry.
  retention: { yearsAfterClosed: 5 },
  pages: [
    {
      kind: 'question',
      id: 'akut',
      title: `${T}pages.akut.title`,
      intro: `${T}pages.akut.intro`,
      fields: [
        {
          type: 'radios',
          name: 'akutFara',
          label: `${T}fields.akutFara.label`,
          options: [
            { value: 'ja', label: `${T}fields.akutFara.options.ja`, hint: `${T}fields.akutFara.options.jaHint` },
            { value: 'nej', label: `${T}fields.akutFara.options.nej` },
          ],
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
        { type: 'textarea', name: 'berattaMer', label: `${T}fields.berattaMer.label`, hint: `${T}fields.berattaMer.hint`, optional: true, maxLength: 3000 },
      ],
    },
    {
      kind: 'question',
      id: 'situation',
      title: `${T}pages.situation.title`,
      fields: [
        {
          type: 'radios',
          name: 'borMedUtovare',
          label: `${T}fields.borMedUtovare.label`,
          options: [
            { value: 'ja', label: `${T}fields.borMedUtovare.options.ja` },
            { value: 'nej', label: `${T}fields.borMedUtovare.options.nej` },
            { value: 'vill-inte-svara', label: `${T}fields.borMedUtovare.options.villInteSvara` },
          ],
        },
        { type: 'yesNo', name: 'barnIHemmet', label: `${T}fields.barnIHemmet.label`, hint: `${T}fields.barnIHemmet.hint` },
        {
          type: 'radios',
          name: 'skyddadeUppgifter',
          label: `${T}fields.skyddadeUppgifter.label`,
          hint: `${T}fields.skyddadeUppgifter.hint`,
          options: [
            { value: 'ja', label: `${T}fields.skyddadeUppgifter.options.ja` },
            { value: 'nej', label: `${T}fields.skyddadeUppgifter.options.nej` },
            { value: 'vet-inte', label: `${T}fields.skyddadeUppgifter.options.vetInte` },
          ],
        },
      ],
    },
    ...safeContactPages('trygg-person'),
    {
      kind: 'question',
      id: 'trygg-person',
      title: `${T}pages.tryggPerson.title`,
      fields: [{ type: 'yesNo', name: 'tryggPerson', label: `${T}fields.tryggPerson.label`, hint: `${T}fields.tryggPerson.hint` }],
      next: [{ when: { field: 'tryggPerson', equals: 'nej' }, goto: 'tolk' }],
    },
    {
      kind: 'question',
      id: 'trygg-person-uppgifter',
      title: `${T}pages.tryggPersonUppgifter.title`,
      fields: [
        { type: 'text', name: 'tryggPersonNamn', label: `${T}fields.tryggPersonNamn.label`, maxLength: 200 },
        { type: 'phone', name: 'tryggPersonTelefon', label: `${T}fields.tryggPersonTelefon.label` },
        { type: 'text', name: 'tryggPersonRelation', label: `${T}fields.tryggPersonRelation.label`, hint: `${T}fields.tryggPersonRelation.hint`, optional: true, maxLength: 200 },
      ],
    },
    ...interpreterPages('ditt-namn'),
    namePage({ personnummer: true }),
    ...ifoClosingPages('vald-i-nara-relation'),
  ],
});
