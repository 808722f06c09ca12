/**
 * Familjerådgivning – boka samtal: someone asks for a conversation with a familjerådgivare, alone or
 * as a couple (then the other person's name and whether they want to come too). What it concerns may
 * stay vague; then preferred times and how, an interpreter if needed, the person's name and the
 * safe-contact questions, since a relationship in crisis can make an ordinary phone call unsafe.
 * Familjerådgivningen keeps no journal (SoL 12 kap. 2 §), so no personnummer is asked for.
 * Texts: ./texts (namespace "familjeradgivning") and the shared IFO parts ("shared-ifo").
 */
import { defineService } from '../../domain/forms/definition.ts';
import { ifoClosingPages, ifoCommon, interpreterPages, namePage, safeContactPages } from '../shared-ifo/parts.ts';

const T = 'familjeradgivning:';

export const TOPICS = ['relationen', 'brak', 'kris', 'separation', 'barnen', 'annat'] as const;
export const TIMES = ['formiddag', 'eftermiddag', 'kvall'] as const;

/** Everything asked about the other person: only on a couple's path. */
export const OTHER_PERSON_FIELDS = ['andraNamn', 'andraVillKomma'] as const;

export default defineService({
  ...ifoCommon,
  id: 'familjeradgivning',
  matter: 'fraga',
  version: 1,
  title: `${T}title`,
  summary: `${T}summary`,
  start: [
    { heading: `${T}start.what.heading`, paragraphs: `${T}start.what.paragraphs` },
    { heading: `${T}start.who.heading`, paragraphs: `${T}start.who.paragraphs` },
    { heading: `${T}start.confidential.heading`, paragraphs: `${T}start.confidential.paragraphs` },
    { heading: `${T}start.cost.heading`, paragraphs: `${T}start.cost.paragraphs` },
    { heading: `${T}start.violence.heading`, paragraphs: `${T}start.violence.paragraphs` },
    { heading: `${T}start.after.heading`, paragraphs: `${T}start.after.paragraphs` },
    { heading: `${T}start.time.heading`, paragraphs: `${T}start.time.paragraphs` },
  ],
  submitters: ['self'],
  requiresEid: false,
  // The submission is a booking: no personnummer is asked for, only the name the inbox shows.
  subject: { name: ['fornamn', 'efternamn'] },
  // A booking request is kept only until it is done with.
  retention: { yearsAfterClosed: 1 },
  pages: [
    {
      kind: 'question',
      id: 'vem',
      title: `${T}pages.vem.title`,
      fields: [
        {
          type: 'radios',
          name: 'samtalMed',
          label: `${T}fields.samtalMed.label`,
          options: [
            { value: 'ensam', label: `${T}fields.samtalMed.options.ensam` },
            { value: 'par', label: `${T}fields.samtalMed.options.par`, hint: `${T}fields.samtalMed.options.parHint` },
          ],
        },
      ],
      next: [{ when: { field: 'samtalMed', equals: 'ensam' }, goto: 'samtalet' }],
    },
    {
      kind: 'question',
      id: 'den-andra',
      title: `${T}pages.denAndra.title`,
      fields: [
        { type: 'text', name: 'andraNamn', label: `${T}fields.andraNamn.label`, hint: `${T}fields.andraNamn.hint`, maxLength: 200 },
        {
          type: 'radios',
          name: 'andraVillKomma',
          label: `${T}fields.andraVillKomma.label`,
          hint: `${T}fields.andraVillKomma.hint`,
          options: [
            { value: 'ja', label: `${T}fields.andraVillKomma.options.ja` },
            { value: 'vet-inte', label: `${T}fields.andraVillKomma.options.vetInte` },
            { value: 'nej', label: `${T}fields.andraVillKomma.options.nej`, hint: `${T}fields.andraVillKomma.options.nejHint` },
          ],
        },
      ],
    },
    {
      kind: 'question',
      id: 'samtalet',
      title: `${T}pages.samtalet.title`,
      intro: `${T}pages.samtalet.intro`,
      fields: [
        {
          type: 'checkboxes',
          name: 'samtalOm',
          label: `${T}fields.samtalOm.label`,
          hint: `${T}fields.samtalOm.hint`,
          optional: true,
          options: TOPICS.map((o) => ({ value: o, label: `${T}fields.samtalOm.options.${o}` })),
        },
        { type: 'textarea', name: 'samtalOmText', label: `${T}fields.samtalOmText.label`, hint: `${T}fields.samtalOmText.hint`, optional: true, maxLength: 1500 },
      ],
    },
    {
      kind: 'question',
      id: 'tider',
      title: `${T}pages.tider.title`,
      fields: [
        {
          type: 'checkboxes',
          name: 'tider',
          label: `${T}fields.tider.label`,
          hint: `${T}fields.tider.hint`,
          options: TIMES.map((o) => ({ value: o, label: `${T}fields.tider.options.${o}`, ...(o === 'kvall' ? { hint: `${T}fields.tider.options.kvallHint` } : {}) })),
        },
        { type: 'text', name: 'tiderOvrigt', label: `${T}fields.tiderOvrigt.label`, hint: `${T}fields.tiderOvrigt.hint`, optional: true, maxLength: 300 },
        {
          type: 'radios',
          name: 'samtalsSatt',
          label: `${T}fields.samtalsSatt.label`,
          options: [
            { value: 'besok', label: `${T}fields.samtalsSatt.options.besok` },
            { value: 'video', label: `${T}fields.samtalsSatt.options.video` },
            { value: 'vilket-som', label: `${T}fields.samtalsSatt.options.vilketSom` },
          ],
        },
      ],
    },
    ...interpreterPages('ditt-namn'),
    namePage(),
    ...safeContactPages('kontrollera'),
    ...ifoClosingPages('familjeradgivning'),
  ],
});
