/**
 * Kontakta socialtjänsten: a question to, or a request to be called back by, individ- och
 * familjeomsorgen, any time of day (seed 001, Nämndmål 1:7). The topic, the question, how and when we
 * may contact the person without risk, an interpreter and the person's name. Questions about
 * äldreomsorg or stöd vid funktionsnedsättning belong to another part of the municipality (and
 * secrecy applies between them), so that topic ends on a page that says where to turn.
 * Texts: ./texts (namespace "kontakta-socialtjansten") and the shared IFO parts ("shared-ifo").
 */
import { defineService } from '../../domain/forms/definition.ts';
import { emergencyStart, ifoClosingPages, ifoCommon, interpreterPages, namePage, SAFE_CONTACT_PHONE, safeContactPages, secrecyStart } from '../shared-ifo/parts.ts';

const T = 'kontakta-socialtjansten:';

export const TOPICS = ['ekonomiskt-bistand', 'barn-familj', 'missbruk', 'vald', 'aldre-funktionsnedsattning', 'annat'] as const;

export default defineService({
  ...ifoCommon,
  id: 'kontakta-socialtjansten',
  matter: 'fraga',
  // One of the topics is våld i nära relation: the page can be left quickly like that e-tjänst's.
  quickExit: true,
  version: 1,
  title: `${T}title`,
  summary: `${T}summary`,
  start: [
    emergencyStart(),
    { heading: `${T}start.what.heading`, paragraphs: `${T}start.what.paragraphs` },
    { heading: `${T}start.after.heading`, paragraphs: `${T}start.after.paragraphs` },
    { heading: `${T}start.time.heading`, paragraphs: `${T}start.time.paragraphs` },
    secrecyStart(),
  ],
  submitters: ['self'],
  requiresEid: false,
  emergencyNotice: true,
  subject: { personnummer: 'personnummer', name: ['fornamn', 'efternamn'] },
  retention: { yearsAfterClosed: 2 },
  pages: [
    {
      kind: 'question',
      id: 'amne',
      title: `${T}pages.amne.title`,
      fields: [
        {
          type: 'radios',
          name: 'amne',
          label: `${T}fields.amne.label`,
          options: TOPICS.map((a) => ({ value: a, label: `${T}fields.amne.options.${a}`, hint: `${T}fields.amne.hints.${a}` })),
        },
      ],
      next: [{ when: { field: 'amne', equals: 'aldre-funktionsnedsattning' }, goto: 'annan-forvaltning' }],
    },
    {
      kind: 'question',
      id: 'arende',
      title: `${T}pages.arende.title`,
      fields: [
        {
          type: 'radios',
          name: 'arende',
          label: `${T}fields.arende.label`,
          options: [
            { value: 'fraga', label: `${T}fields.arende.options.fraga`, hint: `${T}fields.arende.options.fragaHint` },
            { value: 'ring-upp', label: `${T}fields.arende.options.ringUpp`, hint: `${T}fields.arende.options.ringUppHint` },
          ],
        },
      ],
    },
    {
      kind: 'question',
      id: 'fraga',
      title: `${T}pages.fraga.title`,
      fields: [{ type: 'textarea', name: 'fraga', label: `${T}fields.fraga.label`, hint: `${T}fields.fraga.hint`, maxLength: 3000 }],
      // Someone who asked to be called back has said we may call: straight to the number and times.
      next: [{ when: { field: 'arende', equals: 'ring-upp' }, goto: SAFE_CONTACT_PHONE }],
    },
    ...safeContactPages('tolk'),
    ...interpreterPages('ditt-namn'),
    namePage({ personnummer: true }),
    ...ifoClosingPages('kontakta-socialtjansten'),
    { kind: 'exit', id: 'annan-forvaltning', title: `${T}exits.annanForvaltning.title`, body: `${T}exits.annanForvaltning.body` },
  ],
});
